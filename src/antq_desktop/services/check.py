"""`antq check`: is the store whole? SQLite integrity, references, revisions, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import SYNCED_MODELS, Household, Pledge, ResidentialArea


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_checks(store: Store) -> CheckReport:
    report = CheckReport()
    with store.session_factory() as session:
        if store.is_sqlite:
            _sqlite_checks(session, report)
        _revision_checks(session, report)
        _orphan_checks(session, report)
        for problem in audit.verify_chain(session):
            report.problems.append(problem.message)
        report.checked.append("chuỗi nhật ký (audit) liên kết băm")
    return report


def _sqlite_checks(session, report: CheckReport) -> None:  # type: ignore[no-untyped-def]
    result = [row[0] for row in session.execute(text("PRAGMA integrity_check")).all()]
    if result != ["ok"]:
        report.problems.extend(f"SQLite integrity_check: {line}" for line in result[:20])
    report.checked.append("cấu trúc tệp SQLite (integrity_check)")
    bad_fk = session.execute(text("PRAGMA foreign_key_check")).all()
    if bad_fk:
        report.problems.append(f"{len(bad_fk)} tham chiếu khóa ngoại bị hỏng (bảng {bad_fk[0][0]}).")
    report.checked.append("khóa ngoại")


def _revision_checks(session, report: CheckReport) -> None:  # type: ignore[no-untyped-def]
    for model in SYNCED_MODELS:
        bad = session.execute(select(func.count()).select_from(model).where(model.revision < 1)).scalar()
        if bad:
            report.problems.append(f"{bad} bản ghi {model.__tablename__} có số phiên bản không hợp lệ.")
    report.checked.append("số phiên bản bản ghi")


def _orphan_checks(session, report: CheckReport) -> None:  # type: ignore[no-untyped-def]
    orphans = session.execute(select(func.count()).select_from(Household).join(
        ResidentialArea, Household.area_id == ResidentialArea.id).where(
        Household.deleted.is_(False), ResidentialArea.deleted.is_(True))).scalar()
    if orphans:
        report.problems.append(f"{orphans} hộ gia đình còn hiệu lực thuộc khu dân cư đã xóa.")
    pledges = session.execute(select(func.count()).select_from(Pledge).join(
        Household, Pledge.household_id == Household.id).where(
        Pledge.deleted.is_(False), Household.deleted.is_(True))).scalar()
    if pledges:
        report.problems.append(f"{pledges} bản cam kết còn hiệu lực của hộ gia đình đã xóa.")
    report.checked.append("bản ghi mồ côi")
