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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from antq_desktop.services.plans.files import StagedFiles, check_extras
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import KnownKey, ProducerState, utcnow

SYNCED_TYPES = ("plan", "plan_target")  # parents first
EXTRA_TYPES = ("catalog", "form_text", "deadline")
MAX_RECORDS = 20_000  # a plan is a few dozen rows; anything near this is not a plan package
NOT_A_PLAN = ("Tệp này không phải gói kế hoạch do cấp trên gửi xuống. Gói dữ liệu của xã được nhập ở cấp trên bằng "
              "“antq merge”; hãy chọn đúng tệp kế hoạch.")


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
            raise PackageError(MALFORMED, message_vi=NOT_A_PLAN, detail=f"kind {header.kind}, period {header.period}")
        synced, extras = _read(package)
        staged = check_extras(extras, header.producer.unit_code, int(header.period))
        result = _write(store, package, synced, staged, actor)
    except PackageError as exc:
        return _refused(store, path, header, exc, actor)
    staged.publish()  # after the commit: the files follow the recorded import
    result.files = staged.names
    return result


def _read(package: VerifiedPackage) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    if package.header.total_records > MAX_RECORDS:
        raise PackageError(TOO_LARGE, detail="plan package with too many records")
    synced: dict[str, list[dict[str, Any]]] = {t: [] for t in SYNCED_TYPES}
    extras: list[dict[str, Any]] = []
    for record in package_reader.iter_records(package):
        kind = record["type"]
        if kind in synced:
            synced[kind].append(record)
        elif kind in EXTRA_TYPES:
            extras.append(record)
        else:
            raise PackageError(MALFORMED, message_vi=NOT_A_PLAN, detail=f"record type {kind}")
    return synced, extras


def _write(store: Store, package: VerifiedPackage, synced: dict[str, list[dict[str, Any]]], staged: StagedFiles,
           actor: str) -> PlanImportResult:
    header, office = package.header, package.header.producer.unit_code
    counts: dict[str, dict[str, int]] = {}
    with store.session() as session:
        authorise_producer(session, header)  # a plan "from" this unit's own code came from outside
        locked_counter(session, f"merge:{office}")
        state = session.get(ProducerState, office)
        # Each plan package is complete (like a full package): a commune that missed one may skip it.
        check_continuity(dataclasses.replace(header, kind="full"), state.last_sequence if state else None, None)
        for record_type in SYNCED_TYPES:
            if synced[record_type]:
                counts[record_type] = _upsert(session, record_type, synced[record_type], header.package_id, office)
        check_end_state(session, office, set(counts))
        _record_state(session, package, state)
        result = PlanImportResult("imported", f"Đã nhận kế hoạch năm {header.period} (gói số {header.sequence}) của "
                                  f"{header.producer.unit_name}.", office=office, sequence=header.sequence,
                                  year=int(header.period), counts=counts)
        import_log.log_attempt(session, actor=actor, path=package.path, result="merged", header=header,
                               file_sha256_hex=package.package_sha256, message=result.message, counts=counts)
        audit.append(session, actor=actor, action="plan_import", record_type="package", record_id=header.package_id,
                     details={"office": office, "sequence": header.sequence, "year": header.period,
                              "counts": counts, "files": staged.names})
    return result


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
