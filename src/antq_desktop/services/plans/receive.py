"""A commune (or district) imports the plan package its upper office published.

Same verification rules as data packages: the signature decides who sent it, and only the
upper-office key this unit enrolled (``KnownKey.is_recipient``) is accepted; per-producer
sequence in ``ProducerState`` refuses replays; caps and strict JSON come from the reader.
The unit's own records are never touched: only records whose origin is the office are
upserted (the merge's own checks), and catalogs / form texts / deadlines become files under
``data_dir()/received``. Everything is checked before anything is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import MALFORMED, TOO_LARGE, PackageError
from antq_desktop.exchange.keys import TrustedKey
from antq_desktop.exchange.package_reader import VerifiedPackage
from antq_desktop.exchange.sequence import check_continuity
from antq_desktop.services.authority import authorise_producer, authorise_references
from antq_desktop.services.changes import Changes
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import import_log
from antq_desktop.services.merge.apply import check_end_state, write_batch
from antq_desktop.services.merge.audit_head import next_head
from antq_desktop.services.merge.incoming import (
    Batch,
    check_references,
    check_shape,
    classify,
    new_counts,
    validated_rows,
)
from antq_desktop.services.plans import upper
from antq_desktop.services.plans.files import StagedFiles, check_extras
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import KnownKey, ProducerState, utcnow

SYNCED_TYPES = ("plan", "plan_target", "recognition_decision")  # parents first
EXTRA_TYPES = ("catalog", "form_text", "deadline")
MAX_RECORDS = 20_000  # a plan is a few dozen rows; anything near this is not a plan package
Synced = dict[str, list[dict[str, Any]]]


def _not_a_plan() -> str:
    return ("Tệp này không phải gói kế hoạch do cấp trên gửi xuống. Gói dữ liệu của xã được nhập ở cấp trên "
            + hint(gui="(trang Nhận gói dữ liệu)", cli="bằng “antq merge”") + "; hãy chọn đúng tệp kế hoạch.")


@dataclass
class PlanImportResult:
    status: str  # imported | refused
    message: str
    code: str | None = None
    office: str | None = None
    sequence: int | None = None
    year: int | None = None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    upper: str | None = None  # the office above whose plan came inside, its signature verified

    @property
    def changes(self) -> Changes:
        """Plan rows written per kind and plans_changed; nothing when the package was refused."""
        if self.status != "imported":
            return Changes()
        written = {kind: c.get("new", 0) + c.get("updated", 0) for kind, c in self.counts.items()}
        return Changes.of_counts(written) | Changes(plans_changed=True)


def recipient_lookup(session: Session) -> Callable[[str], TrustedKey | None]:
    """Only the upper-office key this unit enrolled as its recipient (revoked: REVOKED_KEY)."""
    rows = session.execute(select(KnownKey).where(KnownKey.is_recipient.is_(True))).scalars()
    table = {row.key_id: keys.trusted_key(row) for row in rows}
    revoked = session.execute(select(KnownKey).where(KnownKey.source == "recipient",
                                                     KnownKey.revoked_at.is_not(None))).scalars()
    table.update({row.key_id: keys.trusted_key(row) for row in revoked})
    return table.get


def import_plan(store: Store, path: str | Path, *, actor: str) -> PlanImportResult:
    """Verify, check everything, then write in one transaction. Refusals write only the import log."""
    path = Path(path)
    header = None
    try:
        with store.session_factory() as session:
            lookup = recipient_lookup(session)
        package = package_reader.verify(path, lookup)
        header = package.header
        if header.kind != "plan" or not (header.period.isascii() and header.period.isdigit()):
            raise PackageError(MALFORMED, message_vi=_not_a_plan(),
                               detail=f"kind {header.kind}, period {header.period}")
        synced, extras, carried = _read(package)
        with ExitStack() as stack:
            inner, staged = _carried(store, stack, package, carried), StagedFiles(header.producer.unit_code)
            if inner is not None:
                staged = _check_files(inner[0], inner[1][1], staged)
            staged = _check_files(package, extras, staged)
            result = _write(store, package, synced, inner, staged, actor)
    except PackageError as exc:
        return _refused(store, path, header, exc, actor)
    staged.publish()  # after the commit: the files follow the recorded import
    result.files = staged.names
    return result


def _carried(store: Store, stack: ExitStack, outer: VerifiedPackage,
             carried: list[dict[str, Any]]) -> tuple[VerifiedPackage, tuple[Synced, list[dict[str, Any]]]] | None:
    """The upper office's plan inside the package, verified under its own signature (services/plans/upper)."""
    if not carried:
        return None
    with store.session_factory() as session:
        inner = stack.enter_context(upper.opened(session, carried, outer))
    synced, extras, nested = _read(inner)
    if nested:
        raise PackageError(MALFORMED, message_vi=_not_a_plan(), detail="upper plan inside an upper plan")
    return inner, (synced, extras)


def _check_files(package: VerifiedPackage, extras: list[dict[str, Any]], staged: StagedFiles) -> StagedFiles:
    """The package's catalog, forms and deadlines, staged over those already staged (the lower office's win)."""
    checked = check_extras(extras, package.header.producer.unit_code, int(package.header.period))
    staged.files.update(checked.files)
    staged.sources.update(checked.sources)
    return staged


def _read(package: VerifiedPackage) -> tuple[Synced, list[dict[str, Any]], list[dict[str, Any]]]:
    if package.header.total_records > MAX_RECORDS:
        raise PackageError(TOO_LARGE, detail="plan package with too many records")
    synced: Synced = {t: [] for t in SYNCED_TYPES}
    extras: list[dict[str, Any]] = []
    carried: list[dict[str, Any]] = []
    for record in package_reader.iter_records(package):
        kind = record["type"]
        if kind in synced:
            synced[kind].append(record)
        elif kind in EXTRA_TYPES:
            extras.append(record)
        elif kind in upper.UPPER_TYPES:
            carried.append(record)
        else:
            raise PackageError(MALFORMED, message_vi=_not_a_plan(), detail=f"record type {kind}")
    return synced, extras, carried


def _write(store: Store, package: VerifiedPackage, synced: Synced,
           inner: tuple[VerifiedPackage, tuple[Synced, list[dict[str, Any]]]] | None, staged: StagedFiles,
           actor: str) -> PlanImportResult:
    header, office = package.header, package.header.producer.unit_code
    counts: dict[str, dict[str, int]] = {}
    with store.session() as session:
        authorise_producer(session, header)  # a plan "from" this unit's own code came from outside
        locked_counter(session, f"merge:{office}")
        state = session.get(ProducerState, office)
        # Each plan package is complete (like a full package): a commune that missed one may skip it.
        check_continuity(dataclasses.replace(header, kind="full"), state.last_sequence if state else None, None)
        above = _write_carried(session, inner, counts) if inner is not None else None
        for record_type in SYNCED_TYPES:
            if synced[record_type]:
                _add(counts, record_type, _upsert(session, record_type, synced[record_type], header.package_id,
                                                   office))
        check_end_state(session, office, set(counts))
        _record_state(session, package, state)
        upper.record_chain(session, office, above)
        upper.keep(session, package, int(header.period))  # an office passes it on with its own plan
        result = PlanImportResult("imported", _imported_message(package, inner), office=office,
                                  sequence=header.sequence, year=int(header.period), counts=counts, upper=above)
        import_log.log_attempt(session, actor=actor, path=package.path, result="merged", header=header,
                               file_sha256_hex=package.package_sha256, message=result.message, counts=counts)
        audit.append(session, actor=actor, action="plan_import", record_type="package", record_id=header.package_id,
                     details={"office": office, "sequence": header.sequence, "year": header.period,
                              "counts": counts, "files": staged.names, "upper": above})
    return result


def _write_carried(session: Session, inner: tuple[VerifiedPackage, tuple[Synced, list[dict[str, Any]]]],
                   counts: dict[str, dict[str, int]]) -> str:
    """The upper office's plan rows, under its own origin and its own sequence (an older one refused)."""
    package, (synced, _) = inner
    header, unit = package.header, package.header.producer.unit_code
    locked_counter(session, f"merge:{unit}")
    newer = upper.check_replay(session, package)
    for record_type in SYNCED_TYPES:
        if synced[record_type]:
            _add(counts, record_type, _upsert(session, record_type, synced[record_type], header.package_id, unit))
    check_end_state(session, unit, {t for t in SYNCED_TYPES if synced[t]})
    if newer:
        _record_state(session, package, session.get(ProducerState, unit))
    return unit


def _add(counts: dict[str, dict[str, int]], record_type: str, more: dict[str, int]) -> None:
    into = counts.setdefault(record_type, {})
    for key, value in more.items():
        into[key] = into.get(key, 0) + value


def _imported_message(package: VerifiedPackage,
                      inner: tuple[VerifiedPackage, tuple[Synced, list[dict[str, Any]]]] | None) -> str:
    header = package.header
    text = f"Đã nhận kế hoạch năm {header.period} (gói số {header.sequence}) của {header.producer.unit_name}."
    if inner is not None:
        above = inner[0].header
        text += (f" Kèm kế hoạch của {above.producer.unit_name} ({above.producer.unit_code}, gói số "
                 f"{above.sequence}), chữ ký của {above.producer.unit_code} đã được kiểm tra; chỉ tiêu của "
                 f"{above.producer.unit_code} giữ nguyên, chỉ tiêu {header.producer.unit_code} thêm được ghi riêng.")
    return text


def _upsert(session: Session, record_type: str, records: list[dict[str, Any]], package_id: str,
            office: str) -> dict[str, int]:
    """The merge's own checks: origin must be the office, a stored row of another unit is never overwritten."""
    metas = [check_shape(record, office) for record in records]
    authorise_references(session, record_type, records, office)  # the real reason before any validation message
    batch = Batch(record_type, validated_rows(session, record_type, records, metas))
    authorise_references(session, record_type, batch.rows, office)  # plan_target only to the office's own plan
    counts = new_counts()
    classify(session, batch, office, counts)
    check_references(session, batch)
    write_batch(session, batch, package_uuid=package_id, producer=office)
    return counts


def _record_state(session: Session, package: VerifiedPackage, state: ProducerState | None) -> None:
    header = package.header
    if state is None:
        state = ProducerState(producer_unit=header.producer.unit_code)
        session.add(state)
    state.key_id, state.last_sequence = header.signer_key_id, header.sequence
    state.last_package_uuid, state.last_package_sha256 = header.package_id, package.package_sha256
    state.last_merged_at, state.last_audit_head = utcnow(), next_head(header, state)


def _refused(store: Store, path: Path, header: Any, exc: PackageError, actor: str) -> PlanImportResult:
    if header is None:
        try:
            header = package_reader.inspect(path)  # claimed, unverified: for the log only
        except PackageError:
            header = None
    with store.session() as session:
        import_log.log_attempt(session, actor=actor, path=path, result="refused", header=header,
                               error_code=exc.code, message=exc.message_vi)
    return PlanImportResult("refused", exc.message_vi, exc.code)
