"""Criteria catalogs, target indicators and plan templates: regulations loaded from data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from antq_desktop.domain.errors import AntqError
from antq_desktop.paths import data_dir, resource_path

UNIT_TYPES = ("area", "commune", "agency", "enterprise", "school")


class CatalogError(AntqError):
    """Tệp quy định (bộ tiêu chí, chỉ tiêu) bị hỏng hoặc sai định dạng. Hãy cài lại chương trình
    hoặc nhận lại tệp từ cấp trên."""


@dataclass(frozen=True)
class Criterion:
    code: str
    text: str
    points: float
    required: bool


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    min_score: float


@dataclass(frozen=True)
class CriteriaCatalog:
    code: str
    version: str
    title: str
    legal_basis: tuple[str, ...]
    provisional: bool
    provisional_note: str
    levels: tuple[Level, ...]  # best first
    max_level_if_not_met: str | None
    unit_types: dict[str, tuple[str, tuple[Criterion, ...]]]  # type -> (label, criteria)

    def criteria(self, unit_type: str) -> tuple[Criterion, ...]:
        try:
            return self.unit_types[unit_type][1]
        except KeyError:
            raise CatalogError(f"Bộ tiêu chí {self.code} không có tiêu chí cho loại đơn vị “{unit_type}”.") from None

    def level(self, code: str) -> Level:
        return next(level for level in self.levels if level.code == code)

    def rank(self, level_code: str | None) -> int:
        """0 is the best level; unknown levels rank last."""
        codes = [level.code for level in self.levels]
        return codes.index(level_code) if level_code in codes else len(codes)


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    description: str


@dataclass(frozen=True)
class TargetTemplate:
    indicator: str
    comparator: str
    threshold: float
    note: str = ""  # where the plan's text sets it (copied into the target's note)


@dataclass(frozen=True)
class PlanTemplate:
    code: str
    title: str
    document_ref: str
    targets: tuple[TargetTemplate, ...]


def _read_json(path: Path, expected_format: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogError(f"Không đọc được tệp quy định {path.name}: {exc}.") from exc
    if not isinstance(data, dict) or data.get("format") != expected_format:
        raise CatalogError(f"Tệp {path.name} không phải tệp “{expected_format}”.")
    return data


def _require(data: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise CatalogError(f"Tệp quy định sai: thiếu hoặc sai kiểu trường “{key}” ở {where}.")
    return value


def parse_catalog(data: dict[str, Any]) -> CriteriaCatalog:
    """Validate a catalog document; every point total and level reference is checked."""
    code = _require(data, "code", str, "bộ tiêu chí")
    cls = _require(data, "classification", dict, code)
    levels = tuple(
        Level(_require(lv, "code", str, code), _require(lv, "label", str, code),
              float(_require(lv, "min_score", (int, float), code)))
        for lv in _require(cls, "levels", list, code)
    )
    if not levels or [lv.min_score for lv in levels] != sorted((lv.min_score for lv in levels), reverse=True):
        raise CatalogError(f"Bộ tiêu chí {code}: các mức xếp loại phải xếp từ cao xuống thấp.")
    cap = cls.get("max_level_if_not_met")
    if cap is not None and cap not in {lv.code for lv in levels}:
        raise CatalogError(f"Bộ tiêu chí {code}: mức “{cap}” không có trong danh sách mức xếp loại.")
    unit_types = {}
    for unit_type, body in _require(data, "unit_types", dict, code).items():
        if unit_type not in UNIT_TYPES:
            raise CatalogError(f"Bộ tiêu chí {code}: loại đơn vị “{unit_type}” không được hỗ trợ.")
        unit_types[unit_type] = (_require(body, "label", str, unit_type), _parse_criteria(body, unit_type))
    return CriteriaCatalog(
        code=code, version=_require(data, "version", str, code), title=_require(data, "title", str, code),
        legal_basis=tuple(data.get("legal_basis", [])), provisional=bool(data.get("provisional", False)),
        provisional_note=str(data.get("provisional_note", "")), levels=levels,
        max_level_if_not_met=cap, unit_types=unit_types,
    )


def _parse_criteria(body: dict[str, Any], where: str) -> tuple[Criterion, ...]:
    criteria = tuple(
        Criterion(_require(c, "code", str, where), _require(c, "text", str, where),
                  float(_require(c, "points", (int, float), where)), bool(c.get("required", False)))
        for c in _require(body, "criteria", list, where)
    )
    codes = [c.code for c in criteria]
    if not criteria or len(set(codes)) != len(codes):
        raise CatalogError(f"Bộ tiêu chí “{where}”: danh sách tiêu chí rỗng hoặc có mã trùng.")
    return criteria


# Where each loaded catalog came from: "resources" (shipped) or "received" (a plan package from the
# upper office, see services/plans/publish.py). Filled by load_catalogs().
CATALOG_ORIGINS: dict[str, str] = {}


def received_dir(*parts: str) -> Path:
    """Files accepted from the upper office's plan packages (user data folder, not the install)."""
    return data_dir().joinpath("received", *parts)


@cache
def load_catalogs() -> dict[str, CriteriaCatalog]:
    """Every catalog shipped in resources/catalogs, then those received from the upper office, by code.

    A received catalog replaces a shipped one with the same code: the upper office's edited copy
    is the one its communes must assess against.
    """
    catalogs = {}
    CATALOG_ORIGINS.clear()
    for origin, folder in (("resources", resource_path("catalogs")), ("received", received_dir("catalogs"))):
        for path in sorted(folder.glob("*.json")):
            catalog = parse_catalog(_read_json(path, "antq-criteria-catalog"))
            catalogs[catalog.code] = catalog
            CATALOG_ORIGINS[catalog.code] = origin
    return catalogs


DEFAULT_CATALOG_CODE = "TT124-2021/TT48-2025"


def catalog_origin(code: str) -> str:
    """"resources" or "received" (from the upper office; received/sources.json says which package)."""
    load_catalogs()
    return CATALOG_ORIGINS.get(code, "")


def get_catalog(code: str = DEFAULT_CATALOG_CODE) -> CriteriaCatalog:
    try:
        return load_catalogs()[code]
    except KeyError:
        raise CatalogError(f"Không có bộ tiêu chí “{code}” trong máy. Hãy nhận gói kế hoạch mới từ cấp trên.") from None


@lru_cache(maxsize=1)
def load_indicators() -> dict[str, Indicator]:
    data = _read_json(resource_path("indicators", "indicators-v1.json"), "antq-indicators")
    return {
        item["code"]: Indicator(item["code"], item["label"], item.get("unit", "%"), item.get("description", ""))
        for item in _require(data, "indicators", list, "chỉ tiêu")
    }


@cache
def load_plan_templates() -> dict[str, PlanTemplate]:
    indicators = load_indicators()
    templates = {}
    for path in sorted(resource_path("plans").glob("*.json")):
        data = _read_json(path, "antq-plan-template")
        targets = tuple(
            TargetTemplate(t["indicator"], t.get("comparator", ">="), float(t["threshold"]), str(t.get("note", "")))
            for t in _require(data, "targets", list, path.name)
        )
        unknown = [t.indicator for t in targets if t.indicator not in indicators]
        if unknown:
            raise CatalogError(f"Mẫu kế hoạch {path.name} dùng chỉ tiêu không có: {', '.join(unknown)}.")
        templates[data["code"]] = PlanTemplate(data["code"], data["title"], data.get("document_ref", ""), targets)
    return templates
