"""Authority: what a sender may change, beyond who signed (docs/security.md "Authority: who may send what").

`table` holds the model as data; `records` enforces the record side, `keys` the key side.
One re-export line per module so both sides can append without touching each other's lines.
"""

from antq_desktop.services.authority.keys import KEY_RULES  # noqa: F401
from antq_desktop.services.authority.records import (  # noqa: F401
    authorise_data_kind,
    authorise_inner,
    authorise_producer,
    authorise_producers,
    authorise_references,
    measuring_plans,
    plan_units,
    year_plan,
)
from antq_desktop.services.authority.table import (  # noqa: F401
    RECORD_RULES,
    RECOVERY_RULES,  # noqa: F401
    Rule,
)

# The public names, one a line (the type checker does not re-export imports without this list).
__all__ = [
    "ALL_RULES",
    "KEY_RULES",
    "RECORD_RULES",
    "RECOVERY_RULES",
    "Rule",
    "all_rules",
    "authorise_data_kind",
    "authorise_inner",
    "authorise_producer",
    "authorise_producers",
    "authorise_references",
    "measuring_plans",
    "plan_units",
    "year_plan",
]

ALL_RULES: tuple[Rule, ...] = RECORD_RULES + RECOVERY_RULES + KEY_RULES  # the whole table (docs/security.md §10)


def all_rules() -> tuple[Rule, ...]:
    """Record rules, recovery rules, then key rules: the rows of docs/security.md section 10, in order."""
    return ALL_RULES
