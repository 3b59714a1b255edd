"""Per unit type wording (resources/forms/unit_types.json): header, addressee, signers, period.

A residential area, the commune itself, an agency, an enterprise and a school each file their own
registration and self-assessment: under their own parent body, to their own addressee, signed by
their own head. That is data (provisional where no national template is public), not code.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from antq_desktop.paths import data_dir, resource_path
from antq_desktop.reports.form_data import UnitInfo
from antq_desktop.reports.form_texts import FormTextError
from antq_desktop.reports.text import nfc

UNIT_TYPES = ("area", "commune", "agency", "enterprise", "school")
FILE = "unit_types.json"


@dataclass(frozen=True)
class UnitTypeText:
    unit_type: str
    label: str
    period: str
    header_parent: str
    header_rules: tuple[tuple[tuple[str, ...], str], ...]
    recognised_by: str  # "commune" (its People's Committee) or "upper" (the upper office)
    registration: dict[str, Any]
    self_assessment: dict[str, Any]
    covenant: dict[str, Any]  # organisations only: items, Bên B's position and signer title


@dataclass(frozen=True)
class UnitTypes:
    types: dict[str, UnitTypeText]
    area_heads: dict[str, str]
    default_area_head: dict[str, str]
    provisional: bool
    note: str

    def get(self, unit_type: str | None) -> UnitTypeText:
        return self.types.get(unit_type or "area", self.types["area"])

    def area_head(self, area_kind: str | None, word: str = "xã") -> str:
        """"TỔ TRƯỞNG TỔ DÂN PHỐ" for a tổ dân phố; an unknown kind follows the commune (phường → tổ)."""
        return self.area_heads.get(area_kind or "") or self.default_area_head.get(word, "TRƯỞNG THÔN")


def _type(code: str, raw: dict[str, Any]) -> UnitTypeText:
    try:
        rules = tuple((tuple(nfc(n) for n in r["name_contains"]), nfc(r["header_parent"]))
                      for r in raw.get("header_parent_rules", ()))
        return UnitTypeText(code, nfc(raw["label"]), nfc(raw["period"]), nfc(raw["header_parent"]), rules,
                            raw["recognised_by"], raw["registration"], raw["self_assessment"],
                            raw.get("covenant", {}))
    except (KeyError, TypeError) as exc:
        raise FormTextError(f"{FILE}: loại đơn vị “{code}” thiếu trường {exc}.") from exc


@cache
def load_unit_types() -> UnitTypes:
    received = data_dir() / "received" / "forms" / FILE
    path = received if received.is_file() else resource_path("forms", FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormTextError(f"Không đọc được tệp mẫu {FILE}: {exc}.") from exc
    missing = [t for t in UNIT_TYPES if t not in data.get("types", {})]
    if missing:
        raise FormTextError(f"{FILE}: thiếu loại đơn vị: {', '.join(missing)}.")
    return UnitTypes({k: _type(k, v) for k, v in data["types"].items()},
                     {k: nfc(v) for k, v in data["area_heads"].items()},
                     {k: nfc(v) for k, v in data["default_area_head"].items()},
                     bool(data.get("provisional", True)), nfc(data["basis"]["note"]))


@cache
def load_data(name: str) -> dict[str, Any]:
    """Another wording file of resources/forms/ (e.g. upper_office.json), received copy first."""
    received = data_dir() / "received" / "forms" / f"{name}.json"
    path = received if received.is_file() else resource_path("forms", f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormTextError(f"Không đọc được tệp mẫu {name}.json: {exc}.") from exc
    if not isinstance(data, dict):
        raise FormTextError(f"{name}.json: nội dung phải là một đối tượng JSON {{…}}.")
    return data


def context(unit: UnitInfo, year: int | None = None, head_title: str = "") -> dict[str, str]:
    """Values for the {placeholders} of unit_types.json; a missing one prints as dots, never as "{x}"."""
    derived = unit.parent_body.removeprefix("CÔNG AN ").title() if unit.parent_body.startswith("CÔNG AN ") else ""
    province = unit.province or derived
    values = {
        "COMMUNE": unit.commune_name.upper(), "commune": unit.commune_name,
        "PROVINCE": province.upper(), "province": province or "……………",
        "police": f"Công an {unit.commune_name}" if unit.commune_name else unit.issuing_body,
        "upper": unit.upper_name or unit.parent_body,
        "head_title": head_title[:1] + head_title[1:].lower(), "HEAD_TITLE": head_title,
        "year": str(year) if year else "20……", "prev": str(year - 1) if year else "20……",
    }
    dots: defaultdict[str, str] = defaultdict(lambda: "……………")
    dots.update(values)
    return dots


def expand(template: str, values: dict[str, str]) -> str:
    return nfc(template.format_map(values))


def header_parent(text: UnitTypeText, name: str | None, values: dict[str, str]) -> str:
    """The registering unit's parent body: a high school under the provincial education department,
    not under the commune; an enterprise has none."""
    for needles, parent in text.header_rules:
        if name and any(n.lower() in name.lower() for n in needles):
            return expand(parent, values)
    return expand(text.header_parent, values)
