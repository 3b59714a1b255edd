"""Per record type: derived search/sort keys, reference checks and "one per year" rules.

Kept apart from the write path so that package merge applies exactly the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import FieldError, ValidationError
from antq_desktop.domain.scoring import score_assessment
from antq_desktop.domain.text import fold, person_sort_key, sort_key
from antq_desktop.domain.validation import validate_plan_target
from antq_desktop.domain.validators import VALIDATORS
from antq_desktop.services.records import meetings
from antq_desktop.storage import household_links
from antq_desktop.storage.canonical import canonical_json
from antq_desktop.storage.id_match import ids_in
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    Household,
    Meeting,
    Organization,
    Pledge,
    SyncedRecord,
)


def validate(record_type: str, values: dict[str, Any], *, unit_type: str = "area") -> dict[str, Any]:
    """Normalised fields; `unit_type` (area, commune, agency…) picks an assessment's criteria."""
    return validator(record_type)(values, unit_type)


Validator = Callable[[dict[str, Any], str], dict[str, Any]]


@cache
def validator(record_type: str) -> Validator:
    """`validate` for one record type, chosen once (a merge validates thousands of one type in a row)."""
    if record_type == "plan_target":
        return lambda values, unit_type: validate_plan_target(values, catalogs.load_indicators())
    check = VALIDATORS[record_type]
    if record_type == "assessment":
        return lambda values, unit_type: _score(check(values), unit_type)
    if record_type == "meeting":
        return lambda values, unit_type: meetings.finish(check(values), unit_type)
    if record_type == "recognition_decision":
        return _recognition_decision
    return lambda values, unit_type: check(values)


def _recognition_decision(values: dict[str, Any], unit_type: str) -> dict[str, Any]:
    fields = VALIDATORS["recognition_decision"](values)
    fields["subjects"] = canonical_json(fields["subjects"])
    return fields


def _score(fields: dict[str, Any], unit_type: str) -> dict[str, Any]:
    """Outcome, score and level always come from the catalog, never from the input."""
    catalog = catalogs.get_catalog(fields["catalog_code"])
    result = score_assessment(catalog, unit_type, fields["answers"])
    unknown = set(fields["answers"]) - {c.code for c in catalog.criteria(unit_type)}
    if unknown:
        raise ValidationError(f"Tiêu chí không có trong bộ tiêu chí: {', '.join(sorted(unknown))}.", "answers")
    fields.update(catalog_version=catalog.version, outcome=result.outcome, score=result.score,
                  level=result.level, answers=canonical_json(fields["answers"]))
    return fields


def derived_keys(record_type: str, fields: dict[str, Any]) -> dict[str, str]:
    """Folded search text and Vietnamese sort key, stored so lists filter and sort in SQL."""
    if record_type == "residential_area":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("head_name")]))),
                "sort_key": sort_key(fields.get("name"))}
    if record_type == "organization":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("head_name"),
                                                         fields.get("address")]))),
                "sort_key": sort_key(fields.get("name"))}
    if record_type == "household":
        parts = [fields.get("head_name"), fields.get("address"), fields.get("citizen_id")]
        return {"search_key": fold(" ".join(filter(None, parts))),
                "sort_key": person_sort_key(fields.get("head_name"))}
    if record_type == "pledge":
        return {"search_key": fold(fields.get("person_name") or "")}
    if record_type == "movement_model":
        return {"search_key": fold(" ".join(filter(None, [fields.get("name"), fields.get("field_of_work")])))}
    if record_type == "commendation":
        return {"search_key": fold(" ".join(filter(None, [fields.get("subject_name"), fields.get("level")])))}
    return {}


_REFERENCES = {"area_id": ("residential_area", "Khu dân cư"), "organization_id": ("organization", "Đơn vị"),
               "household_id": ("household", "Hộ gia đình"), "plan_id": ("plan", "Kế hoạch"),
               "team_id": ("security_team", "Tổ bảo vệ an ninh, trật tự")}
_CHUNK = 500  # stays under SQLite's bound-parameter limit
_NONE: frozenset[str] = frozenset()


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _live_ids(session: Session, model: type[SyncedRecord], ids: set[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(sorted(ids)):
        stmt = select(model.id).where(ids_in(session, model.id, chunk), model.deleted.is_(False))
        found.update(session.execute(stmt).scalars())
    return found


def _row_label(index: int, total: int) -> str:
    return f"Dòng {index + 1}: " if total > 1 else ""


def check_references(session: Session, rows: list[dict[str, Any]],
                     known_live: Mapping[str, set[str]] | None = None, *,
                     fields: Collection[str] | None = None) -> None:
    """Every referenced record must exist and be live — one query per referenced table for the batch.

    `known_live` (per record type) names ids the caller knows are stored and live in this transaction (a
    merge: rows it wrote live from the same package); only the other ids are looked up. `fields`: the
    reference columns the rows' type has (a merge's batch; the others are never set), else all of them."""
    errors: list[FieldError] = []
    for field, (ref_type, label) in _REFERENCES.items():
        if fields is not None and field not in fields:
            continue
        wanted = {row[field] for row in rows if row.get(field)}
        if not wanted:
            continue
        known = known_live.get(ref_type, _NONE) if known_live else _NONE
        unknown = wanted - known if known else wanted
        live = (wanted - unknown) | _live_ids(session, MODEL_BY_TYPE[ref_type], unknown) if unknown else wanted
        errors += [FieldError(field, f"{_row_label(i, len(rows))}{label} được chọn không tồn tại hoặc đã bị xóa.")
                   for i, row in enumerate(rows) if row.get(field) and row[field] not in live]
    if errors:
        raise ValidationError(errors[:50])


def assessment_unit_types(session: Session, rows: list[dict[str, Any]]) -> list[str]:
    """The criteria set for each assessment: area, commune, or the organisation's type."""
    org_ids = sorted({r["organization_id"] for r in rows if r.get("subject_kind") == "organization"
                      and isinstance(r.get("organization_id"), str)})
    org_types: dict[str, str] = {}
    for chunk in _chunks(org_ids):
        stmt = select(Organization.id, Organization.org_type).where(Organization.id.in_(chunk))
        org_types.update((org_id, org_type) for org_id, org_type in session.execute(stmt))
    kinds = {"commune": "commune", "area": "area"}
    return [org_types.get(r.get("organization_id") or "", "agency") if r.get("subject_kind") == "organization"
            else kinds.get(r.get("subject_kind") or "", "area") for r in rows]


# One live record per key: a household pledges once a year per template; a subject registers
# and is assessed once a year.
UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "pledge": ("signer_kind", "household_id", "organization_id", "template_code", "year"),
    "registration": ("subject_kind", "area_id", "organization_id", "year"),
    "assessment": ("subject_kind", "area_id", "organization_id", "year"),
    "meeting": ("kind", "subject_kind", "area_id", "organization_id", "year"),
    "security_team_rating": ("team_id", "year"),  # a team is rated once a year
}
_UNIQUE_MESSAGES = {"pledge": "đã có bản cam kết năm {year} theo cùng mẫu",
                    "registration": "đã có đăng ký năm {year}", "assessment": "đã có bản tự đánh giá năm {year}",
                    "meeting": "đã có biên bản họp cùng loại năm {year}",
                    "security_team_rating": "đã được xếp loại năm {year}"}


def _applies(record_type: str, row: dict[str, Any]) -> bool:
    return not (record_type == "pledge" and row.get("signer_kind") == "person")


def _stored_keys(session: Session, record_type: str, rows: list[dict[str, Any]], origin_unit: str,
                 exclude_ids: set[str]) -> set[tuple[Any, ...]]:
    model, keys = MODEL_BY_TYPE[record_type], UNIQUE_KEYS[record_type]
    columns = [getattr(model, k) for k in keys]
    years = sorted({row["year"] for row in rows})
    stmt = select(model.id, *columns).where(model.deleted.is_(False), model.origin_unit == origin_unit,
                                            model.__table__.c.year.in_(years))
    return {tuple(found[1:]) for found in session.execute(stmt) if found[0] not in exclude_ids}


def check_unique(session: Session, record_type: str, rows: list[dict[str, Any]], origin_unit: str,
                 exclude_ids: set[str] | None = None) -> None:
    """Refuse a row whose key a live stored record of the same unit, or an earlier row of the batch, holds.

    Only ``origin_unit``'s own records count: at an office, a commune's merged registration of itself
    (subject "commune", no area or organisation) must not block the office registering itself.
    """
    keys = UNIQUE_KEYS.get(record_type)
    if not keys:
        return
    rows = [r for r in rows if _applies(record_type, r)]
    if not rows:
        return
    taken = _stored_keys(session, record_type, rows, origin_unit, exclude_ids or set())
    for index, row in enumerate(rows):
        key = tuple(row.get(k) for k in keys)
        if key in taken:
            message = _UNIQUE_MESSAGES[record_type].format(year=row["year"])
            raise ValidationError(f"{_row_label(index, len(rows))}Đối tượng này {message}.", "year")
        taken.add(key)


def blocking_children(session: Session, record_type: str, record_id: str) -> str | None:
    """Why a record cannot be deleted yet (live records still point at it), or None."""
    children: dict[str, list[tuple[type[SyncedRecord], str, str]]] = {
        "residential_area": [(Household, "area_id", "hộ gia đình"), (Meeting, "area_id", "biên bản họp")],
        "organization": [(Meeting, "organization_id", "biên bản họp")],
        "household": [(Pledge, "household_id", "bản cam kết")],  # its members go with it (records.members)
        "plan": [(MODEL_BY_TYPE["plan_target"], "plan_id", "chỉ tiêu")],
    }
    for child_type, column, parent_type, label in ACTIVITY_LINKS:  # the movement's activities (issue 20)
        children.setdefault(parent_type, []).append((MODEL_BY_TYPE[child_type], column, label))
    for model, column, label in children.get(record_type, []):
        link = household_links.of_id(model, record_id) if column == "household_id" else \
            getattr(model, column) == record_id
        count = session.execute(select(func.count()).select_from(model).where(link, model.deleted.is_(False))).scalar()
        if count and record_type == "household":  # issue 14: its pledges are part of past years' figures
            return (f"Hộ này còn {count} {label}. Nếu hộ đã chuyển đi hoặc không còn ở địa bàn, hãy dùng "
                    "“Chuyển đi…” (ghi ngày chuyển đi) thay cho Xóa: hộ vẫn được tính trong các năm trước.")
        if count:
            return f"Còn {count} {label} thuộc bản ghi này; hãy xóa hoặc chuyển chúng trước."
    return None


PARENT_LABELS = {"residential_area": "khu dân cư", "organization": "cơ quan, doanh nghiệp, trường học",
                 "security_team": "tổ bảo vệ an ninh, trật tự"}
# The activities' references (child type, column, parent type, label): a live activity keeps its
# area, organisation or team from being deleted, and the merge refuses a package that would leave
# one pointing at a deleted record (merge_apply._LINKS).
ACTIVITY_LINKS: tuple[tuple[str, str, str, str], ...] = (
    ("movement_model", "area_id", "residential_area", "mô hình"),
    ("movement_model", "organization_id", "organization", "mô hình"),
    ("festival_day", "area_id", "residential_area", "ngày hội"),
    ("festival_day", "organization_id", "organization", "ngày hội"),
    ("briefing", "organization_id", "organization", "buổi phổ biến"),
    ("commendation", "area_id", "residential_area", "khen thưởng"),
    ("commendation", "organization_id", "organization", "khen thưởng"),
    ("security_team", "area_id", "residential_area", "tổ bảo vệ an ninh, trật tự"),
    ("security_team_rating", "team_id", "security_team", "kết quả xếp loại"),
)
ACTIVITY_TYPES = tuple(dict.fromkeys(child for child, *_ in ACTIVITY_LINKS))


def check_same_unit(session: Session, record_type: str, rows: list[dict[str, Any]], unit: str) -> None:
    """An activity names only areas, organisations and teams of the unit that records it: an office
    that pointed at a commune's organisation could not forward its own data (authority rule A2)."""
    for child, column, parent, _ in ACTIVITY_LINKS:
        wanted = {row[column] for row in rows if child == record_type and row.get(column)}
        model = MODEL_BY_TYPE[parent]
        for chunk in _chunks(sorted(wanted)):
            foreign = session.execute(select(model.id).where(model.id.in_(chunk), model.origin_unit != unit)
                                      .limit(1)).scalar()
            if foreign is not None:
                raise ValidationError(f"{PARENT_LABELS[parent].capitalize()} được chọn thuộc đơn vị khác; chỉ chọn "
                                      "dữ liệu của chính đơn vị này.", column)
