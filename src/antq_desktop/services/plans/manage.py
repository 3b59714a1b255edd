"""The year's plan from the command line (`antq plan new|show|target set`) and the template title.

A plan from a template (a shipped one in resources/plans/ by its code, or an `antq-plan-template`
JSON file) is written with its targets in ONE transaction: a bad target leaves no plan behind.
Edits touch only this unit's own plan; a plan received from the office above is read-only here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Plan, PlanTarget, UnitProfile


class PlanError(AntqError):
    """A plan command that cannot be carried out (no template, a plan already there, no plan yet)."""


@dataclass(frozen=True)
class PlanView:
    year: int
    plan_id: str | None
    title: str
    origin_unit: str | None
    own: bool  # this unit's own plan (editable here), else received from the office above
    targets: tuple[stats.TargetStatus, ...]


def template_title(title: str, year: int) -> str:
    """Templates write the year as "{year}": filled in every plan made from one (CLI and GUI)."""
    return title.replace("{year}", str(year))


def load_template(source: str) -> catalogs.PlanTemplate:
    """A shipped template by its code, or a JSON file of the same format."""
    shipped = catalogs.load_plan_templates()
    if source in shipped:
        return shipped[source]
    path = Path(source)
    if not path.is_file():
        raise PlanError(f"Không có mẫu kế hoạch “{source}”. Mẫu có sẵn: {', '.join(sorted(shipped))}; hoặc chỉ "
                        "đường dẫn tới tệp mẫu .json.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PlanError(f"Không đọc được tệp mẫu kế hoạch {path.name}: {exc}. Hãy kiểm tra tệp rồi thử lại.") from exc
    if not isinstance(data, dict) or data.get("format") != "antq-plan-template" or not isinstance(
            data.get("targets"), list):
        raise PlanError(f"Tệp {path.name} không phải mẫu kế hoạch (format “antq-plan-template” với danh sách "
                        "targets). Hãy chọn đúng tệp.")
    try:
        targets = tuple(catalogs.TargetTemplate(str(t["indicator"]), str(t.get("comparator", ">=")),
                                                float(t["threshold"])) for t in data["targets"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PlanError(f"Tệp {path.name}: một chỉ tiêu thiếu indicator hoặc threshold. Hãy sửa tệp rồi thử "
                        "lại.") from exc
    return catalogs.PlanTemplate(str(data.get("code") or path.stem), str(data.get("title") or "Kế hoạch năm {year}"),
                                 str(data.get("document_ref") or ""), targets)


def _own_unit(session: Session) -> str:
    profile = session.get(UnitProfile, 1)
    return profile.unit_code if profile else ""


def own_plan(session: Session, year: int) -> Plan | None:
    return session.execute(select(Plan).where(Plan.year == year, Plan.deleted.is_(False),
                                              Plan.origin_unit == _own_unit(session))
                           .order_by(Plan.updated_at.desc(), Plan.id).limit(1)).scalar_one_or_none()


def create_from_template(store: Store, year: int, source: str, *, actor: str) -> str:
    """The unit's plan for `year` with the template's targets, all or nothing; returns the plan id."""
    template = load_template(source)
    with store.session() as session:
        if own_plan(session, year) is not None:
            raise PlanError(f"Đơn vị đã có kế hoạch năm {year}. " + hint(
                gui="Hãy mở kế hoạch đó ở trang Kế hoạch – chỉ tiêu để sửa chỉ tiêu, hoặc xóa kế hoạch cũ trước.",
                cli="Sửa chỉ tiêu bằng “antq plan target set”, hoặc xóa kế hoạch cũ trước."))
        (plan_id,) = records.insert_batch(session, "plan", [{
            "year": year, "title": template_title(template.title, year),
            "document_ref": template.document_ref or None}], actor=actor)
        records.insert_batch(session, "plan_target", [
            {"plan_id": plan_id, "indicator": t.indicator, "comparator": t.comparator, "threshold": t.threshold}
            for t in template.targets], actor=actor)
    return plan_id


def set_target(store: Store, year: int, indicator: str, threshold: float, *, comparator: str | None = None,
               actor: str) -> str:
    """Add or change one target of the unit's own plan for `year`; returns the target's id."""
    with store.session_factory() as session:
        plan = own_plan(session, year)
        if plan is None:
            raise PlanError(f"Đơn vị chưa có kế hoạch năm {year}. " + hint(
                gui="Hãy tạo kế hoạch ở trang Kế hoạch – chỉ tiêu (nút “Tạo từ mẫu kế hoạch”) trước.",
                cli=f"Hãy tạo trước: antq plan new --year {year} --from MẪU."))
        existing = session.execute(select(PlanTarget).where(
            PlanTarget.plan_id == plan.id, PlanTarget.indicator == indicator, PlanTarget.deleted.is_(False))
        ).scalars().first()
        plan_id, target_id = plan.id, existing.id if existing else None
    changes: dict[str, Any] = {"threshold": threshold}
    if comparator:
        changes["comparator"] = comparator
    if target_id is not None:
        records.update(store, "plan_target", target_id, changes, actor=actor)
        return target_id
    return records.create(store, "plan_target", {"plan_id": plan_id, "indicator": indicator, **changes},
                          actor=actor)


def show(store: Store, year: int) -> PlanView:
    """The plan that sets the year's targets (stats.year_plan) and every target measured, extras marked."""
    with store.read_session() as session:
        plan = stats.year_plan(session, year)
        own = _own_unit(session)
        statuses = tuple(stats.target_statuses(session, year))
        if plan is None:
            return PlanView(year, None, "", None, False, statuses)
        return PlanView(year, plan.id, plan.title, plan.origin_unit, plan.origin_unit == own, statuses)
