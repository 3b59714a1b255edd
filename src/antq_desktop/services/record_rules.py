"""Per record type: derived search/sort keys, reference checks and "one per year" rules.

Kept apart from the write path so that package merge applies exactly the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import FieldError, ValidationError
from antq_desktop.domain.scoring import score_assessment
from antq_desktop.domain.text import fold, person_sort_key, sort_key
from antq_desktop.domain.validation import VALIDATORS, validate_plan_target
from antq_desktop.storage.canonical import canonical_json
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    Assessment,
    Household,
    Organization,
    Pledge,
    Registration,
    ResidentialArea,
    SyncedRecord,
)


def validate(record_type: str, values: dict[str, Any], *, unit_type: str = "area") -> dict[str, Any]:
    """Normalised fields; `unit_type` (area, commune, agency…) picks an assessment's criteria."""
    if record_type == "plan_target":
        return validate_plan_target(values, catalogs.load_indicators())
    fields = VALIDATORS[record_type](values)
    if record_type == "assessment":
        fields = _score(fields, unit_type)
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
    return {}


def _live(session: Session, model: type[SyncedRecord], record_id: str | None) -> SyncedRecord | None:
    if not record_id:
        return None
    row = session.get(model, record_id)
    return row if row is not None and not row.deleted else None


def check_references(session: Session, record_type: str, fields: dict[str, Any]) -> None:
    """Every referenced record must exist and be live; assessments learn their unit type here."""
    errors: list[FieldError] = []
    refs = {"area_id": (ResidentialArea, "Khu dân cư"), "organization_id": (Organization, "Đơn vị"),
            "household_id": (Household, "Hộ gia đình"), "plan_id": (MODEL_BY_TYPE["plan"], "Kế hoạch")}
    for field, (model, label) in refs.items():
        if fields.get(field) and _live(session, model, fields[field]) is None:
            errors.append(FieldError(field, f"{label} được chọn không tồn tại hoặc đã bị xóa."))
    if errors:
        raise ValidationError(errors)


def assessment_unit_type(session: Session, values: dict[str, Any]) -> str:
    kind = values.get("subject_kind")
    if kind == "organization":
        org = _live(session, Organization, values.get("organization_id"))
        return org.org_type if org is not None else "agency"
    return "commune" if kind == "commune" else "area"


UniqueRule = Callable[[Session, dict[str, Any], str | None], None]


def _exists(session: Session, model: type[SyncedRecord], exclude_id: str | None, **criteria: Any) -> bool:
    query = select(func.count()).select_from(model).where(model.deleted.is_(False))
    for name, value in criteria.items():
        column = getattr(model, name)
        query = query.where(column.is_(None) if value is None else column == value)
    if exclude_id:
        query = query.where(model.id != exclude_id)
    return bool(session.execute(query).scalar())


def _unique_pledge(session: Session, f: dict[str, Any], exclude_id: str | None) -> None:
    if f["signer_kind"] == "person":
        return
    if _exists(session, Pledge, exclude_id, year=f["year"], signer_kind=f["signer_kind"],
               household_id=f.get("household_id"), organization_id=f.get("organization_id"),
               template_code=f["template_code"]):
        raise ValidationError(f"Đối tượng này đã có bản cam kết năm {f['year']} theo cùng mẫu.", "year")


def _unique_subject(model: type[SyncedRecord], what: str) -> UniqueRule:
    def rule(session: Session, f: dict[str, Any], exclude_id: str | None) -> None:
        if _exists(session, model, exclude_id, year=f["year"], subject_kind=f["subject_kind"],
                   area_id=f.get("area_id"), organization_id=f.get("organization_id")):
            raise ValidationError(f"Đối tượng này đã có {what} năm {f['year']}.", "year")
    return rule


UNIQUE_RULES: dict[str, UniqueRule] = {
    "pledge": _unique_pledge,
    "registration": _unique_subject(Registration, "đăng ký"),
    "assessment": _unique_subject(Assessment, "bản tự đánh giá"),
}


def blocking_children(session: Session, record_type: str, record_id: str) -> str | None:
    """Why a record cannot be deleted yet (live records still point at it), or None."""
    children = {
        "residential_area": [(Household, "area_id", "hộ gia đình")],
        "household": [(Pledge, "household_id", "bản cam kết")],
        "plan": [(MODEL_BY_TYPE["plan_target"], "plan_id", "chỉ tiêu")],
    }
    for model, column, label in children.get(record_type, []):
        count = session.execute(select(func.count()).select_from(model).where(
            getattr(model, column) == record_id, model.deleted.is_(False))).scalar()
        if count:
            return f"Còn {count} {label} thuộc bản ghi này; hãy xóa hoặc chuyển chúng trước."
    return None
