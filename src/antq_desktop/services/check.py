"""`antq check`: is the store whole? SQLite integrity, references, revisions, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from antq_desktop.services.authority.keys import OFFICE_ROLES, is_own_unit
from antq_desktop.services.authority.table import COMMUNE, REFERENCE_COLUMNS
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    MODEL_BY_TYPE,
    SYNCED_MODELS,
    Household,
    KnownKey,
    Pledge,
    ProducerState,
    ResidentialArea,
    UnitProfile,
)


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
        _authority_checks(session, report)
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


def _authority_checks(session, report: CheckReport) -> None:  # type: ignore[no-untyped-def]
    """What the authority model (docs/security.md section 10) forbids, already in the store: a store
    merged before it was enforced, or edited with an SQLite tool."""
    for model in SYNCED_MODELS:
        for column, ref_type in REFERENCE_COLUMNS.items():
            if column not in model.__table__.c:
                continue
            target = MODEL_BY_TYPE[ref_type].__table__
            table = model.__table__
            bad = session.execute(select(func.count()).select_from(table.join(
                target, table.c[column] == target.c.id)).where(table.c.origin_unit != target.c.origin_unit)).scalar()
            if bad:
                report.problems.append(f"{bad} bản ghi {model.__tablename__} tham chiếu ({column}) tới {ref_type} của "
                                       "một đơn vị khác: mỗi đơn vị chỉ được tham chiếu tới dữ liệu của chính mình.")
    report.checked.append("tham chiếu giữa các đơn vị")
    keys = {row.key_id: row for row in session.execute(select(KnownKey)).scalars()}
    for row in keys.values():
        problem = _key_problem(session, row, keys)
        if problem:
            report.problems.append(f"Khóa của đơn vị {row.unit_code} (mã vân tay {row.fingerprint}): {problem} "
                                   "Hãy thu hồi khóa này rồi đăng ký lại đúng cấp sau khi xác minh.")
    report.checked.append("cấp và nguồn của các khóa đã biết")
    if session.get(UnitProfile, 1) is not None:
        for state in session.execute(select(ProducerState)).scalars():
            if is_own_unit(session, state.producer_unit):
                report.problems.append(f"Đã có gói nhập từ bên ngoài dưới mã {state.producer_unit}, tức mã của chính "
                                       "đơn vị này: dữ liệu của đơn vị có thể đã bị ghi đè. Hãy báo cho cán bộ phụ "
                                       "trách và đối chiếu với bản sao lưu.")
    report.checked.append("gói nhập dưới mã của chính đơn vị")


def _key_problem(session, row: KnownKey, keys: dict[str, KnownKey]) -> str | None:  # type: ignore[no-untyped-def]
    """Why a known key's unit, role and source cannot come from the rules, or None."""
    if session.get(UnitProfile, 1) is not None and is_own_unit(session, row.unit_code):
        return "mang mã của chính đơn vị này."
    if row.source == "vouched" and row.role != COMMUNE:
        return f"được cấp dưới bảo lãnh nhưng có cấp “{row.role}” (chỉ khóa của xã được bảo lãnh)."
    parent = keys.get(row.replaces_key_id or "") if row.source == "announced" else None
    if parent is not None and (parent.unit_code, parent.role) != (row.unit_code, row.role):
        return (f"được thông báo thay khóa của {parent.unit_code} (cấp “{parent.role}”) nhưng ghi cấp “{row.role}”: "
                "thông báo đổi khóa không được đổi đơn vị hay cấp.")
    if row.source == "announced" and parent is None and row.role in OFFICE_ROLES:
        return "có cấp cơ quan cấp trên nhưng không thay khóa nào đã đăng ký ở đây."
    return None
