"""Export this unit's records into a signed, encrypted package for the upper office.

* full: every record of this unit's origin, live and tombstones;
* incremental: records with ``change_seq`` above the last export's ``to_change_seq``
  (tombstones included). The first incremental without an earlier export is a full one.

The records are read in one transaction (a consistent snapshot) and streamed into the
writer; the data is never changed. Only after the file is complete is the export recorded
(one ``ExportRecord`` row and one audit entry). A cancelled or failed export leaves no file
and no history row.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop import __version__
from antq_desktop.domain.errors import AntqError
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import CANCELLED, NO_RECIPIENT, PackageError
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_format import (
    AUDIT_BASE_TYPE,
    AUDIT_LINK_TYPE,
    AUDIT_TYPES,
    MAX_AUDIT_LINKS,
    Producer,
)
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.services.changes import Changes
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.services.office.stats import iter_live_records, unit_counts
from antq_desktop.services.recovery import carry as recovery_carry
from antq_desktop.storage import audit, migrate
from antq_desktop.storage.canonical import canonical_bytes, digest_records, record_shape
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    SYNCED_MODELS,
    AuditEntry,
    Counter,
    ExportRecord,
    Household,
    HouseholdMember,
    UnitProfile,
)

Progress = Callable[[float, str], None]


class ExportError(AntqError):
    """An export refused or failed: ``message`` in Vietnamese, ``code`` stable English."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ExportPlan:
    """What the next export will be, before anything is read or written."""

    sequence: int
    kind: str
    from_change_seq: int
    previous_package_sha256: str | None
    note: str = ""  # e.g. "no earlier export: this incremental export is a full one"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_uuid: str
    sequence: int
    kind: str
    counts: dict[str, int]
    file_size: int
    package_sha256: str
    encrypted: bool
    note: str = ""
    announced_key: bool = False
    fingerprint: str = ""

    @property
    def changes(self) -> Changes:
        """An export changes no record; the status bar's last export follows it."""
        return Changes(export_made=True)


@dataclass
class _Snapshot:
    unit_code: str
    to_change_seq: int
    total: int
    expected: dict[str, Any] = field(default_factory=dict)


def plan(session: Session, kind: str) -> ExportPlan:
    if kind not in ("full", "incremental"):
        raise ExportError("Kiểu xuất phải là “full” (đầy đủ) hoặc “incremental” (phần thay đổi).", "USAGE")
    last = session.execute(select(ExportRecord).order_by(ExportRecord.sequence.desc()).limit(1)).scalar_one_or_none()
    sequence = (last.sequence if last else 0) + 1
    if kind == "full":
        return ExportPlan(sequence, "full", 0, None)
    if last is not None and last.kind == "recovery" and not last.file_sha256:  # services/recovery/apply.py
        return ExportPlan(sequence, "full", 0, None, "Sau khi nhận dữ liệu khôi phục, máy này đã từng đánh số gói "
                          "vượt gói cấp trên nhận sau cùng, nên lần xuất này là gói đầy đủ (full).")
    if last is None:
        return ExportPlan(sequence, "full", 0, None,
                          "Chưa có lần xuất nào trước đây nên lần xuất này là gói đầy đủ (full).")
    return ExportPlan(sequence, "incremental", last.to_change_seq, last.file_sha256)


def suggested_file_name(store: Store) -> str:
    """E.g. ``00070_2026-11-21_seq0004.antq``: unit, day and the sequence the next export gets."""
    with store.session_factory() as session:
        unit = _profile(session).unit_code
        sequence = plan(session, "full").sequence
    return f"{unit}_{date.today().isoformat()}_seq{sequence:04d}.antq"


def _profile(session: Session) -> UnitProfile:
    profile = session.get(UnitProfile, 1)
    if profile is None:
        raise ExportError("Máy này chưa được thiết lập đơn vị. " + hint(
            gui="Hãy khởi động lại chương trình để làm theo các bước thiết lập.",
            cli="Hãy chạy “antq init” trước."), "NOT_INITIALISED")
    return profile


def _scope(model: Any, unit: str, p: ExportPlan, to_seq: int) -> Any:
    table = model.__table__
    where = [table.c.origin_unit == unit, table.c.change_seq <= to_seq]
    if p.kind == "incremental":
        where.append(table.c.change_seq > p.from_change_seq)
    return where


def _count(session: Session, unit: str, p: ExportPlan, to_seq: int) -> int:
    return sum(int(session.execute(select(func.count()).select_from(m.__table__)
                                   .where(*_scope(m, unit, p, to_seq))).scalar() or 0) for m in SYNCED_MODELS)


def _strip_ids(record: dict[str, Any], exclude: bool) -> dict[str, Any]:
    if exclude and record["type"] in (Household.RECORD_TYPE, HouseholdMember.RECORD_TYPE):
        record["citizen_id"] = None
    return record


def _records(session: Session, unit: str, p: ExportPlan, to_seq: int, exclude: bool,
             announcement: dict[str, Any] | None) -> Iterator[dict[str, Any]]:
    """Parents first (SYNCED_MODELS order), then by UUID; streamed, never all in memory. Only the exported
    columns are read, as plain rows, and made records by the model's compiled shape (storage/canonical.py)."""
    for model in SYNCED_MODELS:
        table = model.__table__
        shape = record_shape(model)
        stmt = select(*shape.columns).where(*_scope(model, unit, p, to_seq)).order_by(table.c.id)
        for row in session.execute(stmt.execution_options(yield_per=1000)):
            yield _strip_ids(shape.record(row), exclude)
    if announcement is not None:
        yield announcement


@dataclass(frozen=True)
class _AuditSpan:
    """The audit entries a package carries: those after `after_id` (0: from the first), `base` their start."""

    after_id: int
    base: str
    count: int
    bounded: bool


def _base_head(session: Session, p: ExportPlan) -> str:
    """The oldest head the office may still hold: for an incremental, the previous package's (the office
    must have merged it, or it holds this one); for a full one, the last package the office confirmed
    with a receipt, else none (the whole chain, from its start)."""
    stmt = select(ExportRecord.audit_head).where(ExportRecord.audit_head.is_not(None))
    if p.kind == "full":
        stmt = stmt.where(ExportRecord.receipt_verified_at.is_not(None))
    return session.execute(stmt.order_by(ExportRecord.sequence.desc()).limit(1)).scalar() or audit.GENESIS


def _audit_span(session: Session, p: ExportPlan) -> _AuditSpan:
    base = _base_head(session, p)
    after_id = 0
    if base != audit.GENESIS:  # a base no longer in the log (cut, restored): carry from the start instead
        found = session.execute(select(AuditEntry.id).where(AuditEntry.hash == base)
                                .order_by(AuditEntry.id.desc()).limit(1)).scalar()
        after_id, base = (found, base) if found is not None else (0, audit.GENESIS)
    count = int(session.execute(select(func.count()).where(AuditEntry.id > after_id)).scalar() or 0)
    if count <= MAX_AUDIT_LINKS:
        return _AuditSpan(after_id, base, count, False)
    first = session.execute(select(AuditEntry).where(AuditEntry.id > after_id).order_by(AuditEntry.id)
                            .offset(count - MAX_AUDIT_LINKS).limit(1)).scalar_one()
    return _AuditSpan(first.id - 1, first.prev_hash, MAX_AUDIT_LINKS, True)


_LINK_COLUMNS = (AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.record_type, AuditEntry.record_id,
                 AuditEntry.details, AuditEntry.prev_hash, AuditEntry.hash)


def _audit_links(session: Session, span: _AuditSpan) -> Iterator[dict[str, Any]]:
    """Digests only: the office recomputes the links without ever seeing an entry's details. The columns
    ``entry_link`` reads, as plain rows (the attribute names an entry has), not whole ORM entries."""
    yield {"type": AUDIT_BASE_TYPE, "base": span.base, "bounded": span.bounded}
    stmt = select(*_LINK_COLUMNS).where(AuditEntry.id > span.after_id).order_by(AuditEntry.id)
    for entry in session.execute(stmt.execution_options(yield_per=1000)):
        yield {"type": AUDIT_LINK_TYPE, **audit.entry_link(cast(AuditEntry, entry))}


def _expected(session: Session, unit: str, exclude: bool, p: ExportPlan) -> dict[str, Any]:
    """Counts and digest the upper office should report in its receipt once it has this package. A full
    package streams every live record in the digest's order: its digest is taken then (`_LiveDigest`),
    not by reading the unit a second time; an incremental one reads the live records once here."""
    expected: dict[str, Any] = {"counts": unit_counts(session, unit)}
    if p.kind != "full":
        expected["digest"] = digest_records(_strip_ids(r, exclude) for r in iter_live_records(session, unit))
    return expected


class _LiveDigest:
    """The receipt digest (`digest_records` over the unit's live records, parents first then by UUID) of
    the records a full export writes: its stream holds them in that order, with tombstones in between.
    Told of each record by the writer (``observe``) with its line when that line is the record's canonical
    JSON + LF, so a record is serialised once for both."""

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.hasher = hashlib.sha256()
        self.data_types = {model.RECORD_TYPE for model in SYNCED_MODELS}

    def observe(self, record: Mapping[str, Any], line: bytes | None) -> None:
        if (record["type"] in self.data_types and not record.get("deleted")
                and record.get("origin_unit") == self.unit):
            self.hasher.update(line if line is not None else canonical_bytes(record) + b"\n")

    def digest(self) -> str:
        return self.hasher.hexdigest()


def _signer_blob(session: Session, announcement: dict[str, Any] | None, actor: str) -> dict[str, Any]:
    """``actor``'s own wrap of the key that signs: the active one, or the old one carrying an announcement."""
    if announcement is None:
        return keys.active_blob(session, actor)
    blob = keys.blob_for_signing_key(session, announcement["old_signing_key_id"], actor)
    if blob is None:
        raise ExportError("Không tìm thấy khóa cũ để ký thông báo đổi khóa. Quản trị viên hãy gửi tệp khóa mới "
                          "cho cấp trên để đăng ký bằng tay.", "NO_KEY")
    return blob


def export_package(store: Store, dest: str | Path, *, password: str, actor: str, kind: str = "incremental",
                   encrypted: bool = True, exclude_citizen_ids: bool = False, progress: Progress | None = None,
                   cancel: threading.Event | None = None) -> ExportResult:
    """Write the package at ``dest`` and record it. Raises ExportError (code = stable English)."""
    dest = Path(dest)
    say = progress or (lambda _f, _m: None)
    say(0.0, "Đang chuẩn bị dữ liệu để xuất")
    with store.session_factory() as session, session.begin():
        if session.get_bind().dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        profile = _profile(session)
        p = plan(session, kind)
        recipient = keys.recipient_record(session) if encrypted else None
        if encrypted and recipient is None:
            raise ExportError(PackageError(NO_RECIPIENT).message_vi + hint(
                gui=" Trên trang Gửi – nhận dữ liệu, bấm “Nhập khóa của cấp trên…” và chọn tệp .antqkey do cấp "
                    "trên gửi.",
                cli=" (Lệnh: antq recipient set TỆP.antqkey; hoặc --unencrypted nếu thật sự cần gói không mã hóa.)"),
                NO_RECIPIENT)
        announcement = key_rotation.pending_announcement(session)
        blob = _signer_blob(session, announcement, actor)
        to_seq = int(session.execute(select(Counter.value).where(Counter.name == "change_seq")).scalar() or 0)
        snap = _Snapshot(profile.unit_code, to_seq, _count(session, profile.unit_code, p, to_seq),
                         _expected(session, profile.unit_code, exclude_citizen_ids, p))
        meta = PackageMeta(producer=Producer(profile.unit_code, profile.unit_name, profile.role),
                           sequence=p.sequence, kind=p.kind, period=str(date.today().year),
                           app_version=__version__, schema_version=migrate.head_revision(),
                           previous_package_sha256=p.previous_package_sha256,
                           audit_head=audit.chain_head(session))
        span = _audit_span(session, p)
        grant = recovery_carry.pending_grant(session)  # after a recovery: the office's word (docs/merge.md)
        data = _records(session, profile.unit_code, p, to_seq, exclude_citizen_ids, announcement)
        live = _LiveDigest(profile.unit_code) if p.kind == "full" else None
        records = itertools.chain(_audit_links(session, span), grant, data)
        total = snap.total + (announcement is not None) + 1 + span.count + len(grant)
        try:
            with KeyStore.unlock(blob, password) as signer:
                say(0.01, "Đang ghi gói dữ liệu")
                written = write_package(dest, records, meta, signer, recipient, encrypted=encrypted,
                                        total_records=total, progress=say, cancel=cancel,
                                        observe=live.observe if live is not None else None)
        except PackageError as exc:
            message = keys.unlock_message(exc) if exc.code != CANCELLED else exc.message_vi
            raise ExportError(message, exc.code) from None
        if live is not None:
            snap.expected["digest"] = live.digest()
    try:
        _record(store, written, p, snap, actor=actor, exclude=exclude_citizen_ids, announced=announcement)
    except BaseException:
        dest.unlink(missing_ok=True)  # no history row, no file: the sequence number stays free
        raise
    header = written.header
    return ExportResult(dest, header.package_id, p.sequence, p.kind, _data_counts(header), written.file_size,
                        written.package_sha256, header.encrypted, p.note, announcement is not None,
                        recipient.fingerprint if recipient is not None else "")


def _data_counts(header: Any) -> dict[str, int]:
    """Records per type as the officer knows them: the carried audit digests are not data."""
    return {k: v for k, v in header.record_counts.items() if k not in AUDIT_TYPES}


def _record(store: Store, written: Any, p: ExportPlan, snap: _Snapshot, *, actor: str, exclude: bool,
            announced: dict[str, Any] | None) -> None:
    header = written.header
    with store.session() as session:
        session.add(ExportRecord(
            package_uuid=header.package_id, sequence=p.sequence, kind=p.kind, actor=actor,
            file_name=written.path.name[:400], file_sha256=written.package_sha256, file_size=written.file_size,
            recipient_key_id=header.recipient_key_id, encrypted=header.encrypted,
            record_counts=json.dumps(_data_counts(header), sort_keys=True),
            from_change_seq=p.from_change_seq, to_change_seq=snap.to_change_seq,
            prev_package_sha256=p.previous_package_sha256, audit_head=header.audit_head))
        session.flush()
        if announced is not None:
            key_rotation.mark_announced(session, header.package_id, actor=actor)
        audit.append(session, actor=actor, action="export", record_type="package", record_id=header.package_id,
                     details={"sequence": p.sequence, "kind": p.kind, "counts": _data_counts(header),
                              "encrypted": header.encrypted, "exclude_citizen_ids": exclude,
                              "expected": snap.expected, "to_change_seq": snap.to_change_seq})


@dataclass(frozen=True)
class HistoryRow:
    sequence: int
    package_uuid: str
    kind: str
    created_at: str
    actor: str
    file_name: str
    total_records: int
    encrypted: bool
    receipt_verified_at: str | None


def history(store: Store) -> list[HistoryRow]:
    """The officer's export history, newest first."""
    with store.session_factory() as session:
        rows = session.execute(select(ExportRecord).order_by(ExportRecord.sequence.desc())).scalars().all()
        return [HistoryRow(r.sequence, r.package_uuid, r.kind, f"{r.created_at:%Y-%m-%d %H:%M}", r.actor, r.file_name,
                           sum(json.loads(r.record_counts or "{}").values()), r.encrypted,
                           f"{r.receipt_verified_at:%Y-%m-%d %H:%M}" if r.receipt_verified_at else None)
                for r in rows]


KIND_LABELS = {"full": "Đầy đủ", "incremental": "Phần thay đổi", "plan": "Kế hoạch", "forward": "Chuyển tiếp",
               "recovery": "Mốc khôi phục (gói cấp trên nhận sau cùng)"}
