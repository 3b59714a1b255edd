"""The office writes a recovery package for one commune it receives directly.

What travels: every record whose origin is that commune, as this office holds it (live rows and
tombstones), and one `recovery_state` line first: what this office last merged from the commune
(package number, file hash, package id, audit head). The commune replaces its own records by these
and continues its export numbering after that package (services/recovery/apply.py).

To whom: only a commune whose key this office enrolled itself (`trust add`, or a key it announced
from there), never one only vouched for in a forward: the office that receives the commune directly
is the one that can say what it holds. The package is encrypted to that key (after a lost laptop:
the new key the office enrolled) and signed with this office's key, which the commune trusts as its
upper office (`recipient set`). Audit: `recovery_build`, naming the unit and the head the office
held, which is what lets the commune's next package through the continuity check
(services/merge/recovery_grant.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop import __version__
from antq_desktop.domain.errors import KeyProblem
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import CANCELLED, PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import Producer, new_package_id
from antq_desktop.exchange.package_writer import PackageMeta, ProgressCallback, write_package
from antq_desktop.services.authority.table import COMMUNE, unit_skeleton
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge.recovery_grant import BUILD_ACTION, make_grant
from antq_desktop.services.merge.results import Cancel, Progress
from antq_desktop.services.recovery.errors import RecoveryError
from antq_desktop.services.recovery.results import RecoveryBuildResult
from antq_desktop.storage import audit, migrate
from antq_desktop.storage.canonical import canonical_record
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import SYNCED_MODELS, KnownKey, ProducerState, Setting, UnitProfile

KIND = "recovery"
STATE_TYPE = "recovery_state"
STATE_FIELDS = frozenset({"type", "unit_code", "office_unit", "last_sequence", "last_package_sha256",
                          "last_package_uuid", "last_audit_head", "grant"})
COUNTER_KEY = "recovery_package.last"  # {"sequence": n}: this office's recovery packages, all communes


def _office(session: Session) -> UnitProfile:
    profile = session.get(UnitProfile, 1)
    if profile is None or profile.role == COMMUNE:
        raise RecoveryError("Chỉ đơn vị cấp trên nhận dữ liệu trực tiếp của xã mới gửi được gói khôi phục cho xã. "
                            "Máy này là của một xã: gói khôi phục được nhận " + hint(
                                gui="trên trang Gửi – nhận dữ liệu (“Nhận dữ liệu khôi phục…”).",
                                cli="bằng “antq recovery preview TỆP” rồi “antq recovery apply TỆP”."), "NOT_AN_OFFICE")
    return profile


def commune_key(session: Session, unit: str) -> KnownKey:
    """The commune's current key that this office enrolled itself (the newest, not revoked)."""
    rows = [r for r in session.execute(select(KnownKey).where(KnownKey.revoked_at.is_(None),
                                                              KnownKey.is_trusted.is_(True))).scalars()
            if unit_skeleton(r.unit_code) == unit_skeleton(unit)]
    own = [r for r in rows if r.role == COMMUNE and r.source in ("enrolled", "announced")]
    if not own:
        vouched = any(r.source == "vouched" for r in rows)
        raise RecoveryError(
            f"Đơn vị này chưa đăng ký khóa còn hiệu lực của xã {unit}" + (
                " (khóa của xã chỉ được cụm chuyển lên; gói khôi phục phải do cụm nhận dữ liệu trực tiếp của xã gửi)"
                if vouched else "") + ". Nếu xã đã mất máy, hãy để xã tạo khóa mới rồi đăng ký khóa đó " + hint(
                    gui="trên trang Khóa tin cậy các xã", cli="bằng “antq trust add TỆP.antqkey”")
            + ", sau đó gửi lại gói khôi phục.", "NO_COMMUNE_KEY")
    return max(own, key=lambda r: r.enrolled_at)


def _state(session: Session, unit: str) -> ProducerState:
    state = session.get(ProducerState, unit)
    if state is None:
        raise RecoveryError(f"Đơn vị này chưa nhập gói dữ liệu nào của xã {unit}, nên không có dữ liệu để gửi lại. "
                            "Hãy kiểm tra mã xã.", "NOTHING_MERGED")
    return state


def state_record(state: ProducerState, office: str) -> dict[str, Any]:
    return {"type": STATE_TYPE, "unit_code": state.producer_unit, "office_unit": office,
            "last_sequence": state.last_sequence, "last_package_sha256": state.last_package_sha256,
            "last_package_uuid": state.last_package_uuid, "last_audit_head": state.last_audit_head, "grant": None}


def _records(session: Session, unit: str) -> Iterator[dict[str, Any]]:
    """The commune's records (live and tombstones), parents first, as this office holds them."""
    for model in SYNCED_MODELS:
        table = model.__table__
        stmt = select(table).where(table.c.origin_unit == unit).order_by(table.c.id)
        for row in session.execute(stmt.execution_options(yield_per=1000)).mappings():
            yield canonical_record(model, cast(Mapping[str, Any], row))


def _count(session: Session, unit: str) -> int:
    """How many records `_records` yields, for the progress bar."""
    return sum(int(session.execute(select(func.count()).select_from(model.__table__)
                                   .where(model.__table__.c.origin_unit == unit)).scalar() or 0)
               for model in SYNCED_MODELS)


def _writing(progress: Progress | None) -> ProgressCallback | None:
    if progress is None:
        return None
    return lambda fraction, _message: progress(float(fraction), "Đang ghi gói khôi phục")


def _next_sequence(session: Session) -> int:
    row = session.get(Setting, COUNTER_KEY)
    return int(json.loads(row.value).get("sequence", 0)) + 1 if row is not None else 1


def build(store: Store, unit: str, dest: str | Path, *, password: str, actor: str, progress: Progress | None = None,
          cancel: Cancel | None = None) -> RecoveryBuildResult:
    """Write the signed recovery package for commune `unit` at `dest` and record it. Raises RecoveryError.

    Cancelled (RecoveryError CANCELLED): no file, no counter moved, no audit entry.
    """
    dest = Path(dest)
    with store.session_factory() as session, session.begin():
        office = _office(session)
        key = commune_key(session, unit)
        state = _state(session, key.unit_code)
        first = state_record(state, office.unit_code)
        sequence = _next_sequence(session)
        meta = PackageMeta(Producer(office.unit_code, office.unit_name, office.role), sequence, KIND,
                           key.unit_code, __version__, migrate.head_revision(), audit_head=audit.chain_head(session),
                           package_id=new_package_id())
        try:
            blob = keys.active_blob(session, actor or None)
        except KeyProblem as exc:
            raise RecoveryError(exc.message, exc.code) from None
        recipient = keys.record_of(key)
        try:
            with KeyStore.unlock(blob, password) as signer:
                first["grant"] = make_grant(signer, unit=key.unit_code, office=office.unit_code,
                                            base_head=state.last_audit_head, package_id=str(meta.package_id))
                records = _with_state(first, _records(session, key.unit_code))
                written = write_package(dest, records, meta, signer, recipient, progress=_writing(progress),
                                        total_records=1 + _count(session, key.unit_code), cancel=cancel)
        except PackageError as exc:
            if exc.code == CANCELLED:
                raise RecoveryError("Đã hủy tạo gói khôi phục. Không có tệp nào được tạo.", CANCELLED) from None
            raise RecoveryError(keys.unlock_message(exc), exc.code) from None
        names = (key.unit_code, key.unit_name, key.fingerprint)
    try:
        _record(store, written, first, names[2], actor)
    except BaseException:
        dest.unlink(missing_ok=True)  # unrecorded: the package does not exist
        raise
    counts = {k: v for k, v in written.header.record_counts.items() if k != STATE_TYPE}
    return RecoveryBuildResult(dest, written.header.package_id, names[0], names[1], sequence,
                               int(first["last_sequence"]), counts, names[2])


def _with_state(first: dict[str, Any], records: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from records


def _record(store: Store, written: Any, first: dict[str, Any], fingerprint: str, actor: str) -> None:
    header = written.header
    with store.session() as session:
        row = session.get(Setting, COUNTER_KEY) or Setting(key=COUNTER_KEY, value="{}")
        row.value = json.dumps({"sequence": header.sequence, "package_id": header.package_id})
        session.add(row)
        audit.append(session, actor=actor, action=BUILD_ACTION, record_type="package", record_id=header.package_id,
                     details={"unit": first["unit_code"], "sequence": header.sequence,
                              "last_sequence": first["last_sequence"], "base_head": first["last_audit_head"],
                              "recipient_fingerprint": fingerprint,
                              "counts": {k: v for k, v in header.record_counts.items() if k != STATE_TYPE}})
