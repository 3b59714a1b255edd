"""Authority: what a sender may change, beyond who signed (docs/security.md "Authority: who may send what").

`table` holds the model as data; `records` enforces the record side, `keys` the key side.
One re-export line per module so both sides can append without touching each other's lines.
"""

from antq_desktop.services.authority.keys import KEY_RULES  # noqa: F401
from antq_desktop.services.authority.records import (  # noqa: F401
    authorise_inner,
    authorise_producer,
    authorise_producers,
    authorise_references,
    plan_units,
    year_plan,
)
from antq_desktop.services.authority.table import RECORD_RULES, Rule  # noqa: F401


def all_rules() -> tuple[Rule, ...]:
    """Record rules, then the key rules (here, so that the table never imports the key side back)."""
    return RECORD_RULES + KEY_RULES
