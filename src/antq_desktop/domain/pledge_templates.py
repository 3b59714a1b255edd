"""Pledge templates: a pledge's template_code names a form-text file in resources/forms that
declares itself a pledge template (its label and which signers may use it). Texts stay data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from antq_desktop.paths import data_dir, resource_path


@dataclass(frozen=True)
class PledgeTemplate:
    code: str
    label: str
    version: str
    signer_kinds: tuple[str, ...]


@lru_cache(maxsize=1)
def pledge_templates() -> dict[str, PledgeTemplate]:
    templates = {}
    # Shipped form texts first, then those received in a plan package (same form_id: the received one wins).
    received = data_dir() / "received" / "forms"
    for path in [*sorted(resource_path("forms").glob("*.json")), *sorted(received.glob("*.json"))]:
        data = json.loads(path.read_text(encoding="utf-8"))
        spec = data.get("pledge_template")
        if isinstance(spec, dict):
            templates[data["form_id"]] = PledgeTemplate(data["form_id"], spec["label"], str(data.get("version", "")),
                                                        tuple(spec.get("signer_kinds", ())))
    return templates


def default_template(signer_kind: str) -> str:
    """The first template a signer kind may use (household → household_pledge)."""
    return next(t.code for t in pledge_templates().values() if signer_kind in t.signer_kinds)
