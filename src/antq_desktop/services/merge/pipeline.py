"""Merging commune packages at the upper office: verify, order, validate, then one transaction each.

Per package: the reader checks signature, trust, recipient and caps; the producer's counters
(never laptop clocks) decide replay, gap or jump; every record is validated like a GUI entry;
then all of its records are written, or none. Each attempt is logged (ImportAttempt) and audited.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import AntqError
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import CANCELLED, GAP, IO_ERROR, SIGNER_MISMATCH, VALIDATION_ERROR, PackageError
from antq_desktop.exchange.package_format import AUDIT_TYPES
from antq_desktop.exchange.package_reader import PayloadKeyOpener, VerifiedPackage
from antq_desktop.exchange.sequence import check_continuity
from antq_desktop.services.authority import authorise_data_kind, authorise_producer, authorise_references
from antq_desktop.services.authority.keys import authorise_signer
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.services.keys.ring import trusted_lookup
from antq_desktop.services.merge import archive as merge_archive
from antq_desktop.services.merge import held as merge_held
from antq_desktop.services.merge import import_log, record_feed
from antq_desktop.services.merge.apply import check_end_state, counts_json, write_batch, write_if_all_new
from antq_desktop.services.merge.audit_head import check_audit_head, claimed_head, next_head
from antq_desktop.services.merge.incoming import (
    Batch,
    add_derived_keys,
    check_references,
    check_shape,
    classify,
    new_counts,
    validated_rows,
)
from antq_desktop.services.merge.record_feed import ANNOUNCEMENT, FedBatch
from antq_desktop.services.merge.results import CANCELLED_MESSAGE, MergeOptions, MergeStatus, PackageResult
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import HeldPackage, ImportAttempt, ProducerState, utcnow

DB_WRITE_FAILED = ("Không ghi được vào cơ sở dữ liệu (ổ đĩa có thể đã đầy, hoặc tệp dữ liệu đang bị khóa). "
                   "Gói chưa được nhập và dữ liệu không thay đổi. Hãy giải phóng dung lượng ổ đĩa rồi nhập lại.")


class _Outcome(Exception):
    """Leaves the package transaction without committing (dry run, duplicate, held)."""

    def __init__(self, result: PackageResult) -> None:
        super().__init__(result.status)
        self.result = result


def merge_one(store: Store, path: Path, options: MergeOptions, *, held_uuid: str | None = None) -> PackageResult:
    """Verify, then merge in one transaction; any refusal leaves the store untouched but for the log."""
    result = PackageResult(path.name, MergeStatus.REFUSED)
    try:
        package = package_reader.verify(path, options.lookup or trusted_lookup(store), limits=options.limits)
        _describe(result, package)
        if record_feed.wanted(package, options.worker):
            record_feed.warm()  # the child's start overlaps the key unlock and the checks before the records
        opener = options.ring.opener(package.header) if options.ring else None
        options.report(0.02, f"Đã kiểm tra chữ ký gói của {result.producer_name}.")
        with store.session() as session:
            _merge_in_session(session, package, opener, result, options, held_uuid)
    except _Outcome as outcome:
        result = outcome.result
        if result.status == MergeStatus.HELD:
            merge_held.hold(store, _kept_for_hold(package, options), result, options.actor)
        else:
            _log_only(store, result, options.actor)
        return result
    except PackageError as exc:
        return _refused(store, path, result, exc, options)
    except IntegrityError as exc:  # a constraint the checks above did not foresee: still refuse cleanly
        error = PackageError(VALIDATION_ERROR, detail=str(exc.orig)[:300])
        return _refused(store, path, result, error, options)
    except OperationalError as exc:  # disk full or the file locked: the transaction rolled back whole
        error = PackageError(IO_ERROR, DB_WRITE_FAILED, detail=str(exc.orig)[:300])
        return _refused(store, path, result, error, options)
    merge_archive.keep(store, path, result)  # the original file, for forwarding to the province
    merge_held.remove_files(store, result.finished_holds)
    return result


def _kept_for_hold(package: VerifiedPackage, options: MergeOptions) -> VerifiedPackage:
    """The file a hold keeps: the package itself, or for a package inside a forward the forward (only it carries,
    encrypted to this office, the key that opens the inner package; forward_order.release opens it again)."""
    if options.forward is None:
        return package
    return dataclasses.replace(package, path=options.forward.path)


def _describe(result: PackageResult, package: VerifiedPackage) -> None:
    header = result.header = package.header
    result.producer_unit, result.producer_name = header.producer.unit_code, header.producer.unit_name
    result.sequence, result.kind, result.package_uuid = header.sequence, header.kind, header.package_id
    result.file_sha256 = package.package_sha256


def _merge_in_session(session: Session, package: VerifiedPackage, opener: PayloadKeyOpener | None,
                      result: PackageResult, options: MergeOptions, held_uuid: str | None) -> None:
    header, producer = package.header, package.header.producer.unit_code
    authorise_producer(session, header)  # before replay or gap: this office's own code is never taken from outside
    authorise_signer(session, header.signer_key_id, producer)  # a vouched key only while its office may vouch
    authorise_data_kind(header)  # a plan or forward reaching here (inside a forward) is never merged as data
    # One merge per producer at a time (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises).
    locked_counter(session, f"merge:{producer}")
    state = session.get(ProducerState, producer)
    if _already_merged(session, header.package_id, package.package_sha256, state):
        result.status, result.message = MergeStatus.DUPLICATE, "Gói này đã được nhập trước đây; không có gì thay đổi."
        raise _Outcome(result)
    try:
        check_continuity(header, state.last_sequence if state else None,
                         state.last_package_sha256 if state else None, max_jump=options.max_jump)
    except PackageError as exc:
        if exc.code != GAP:
            raise
        result.status, result.code = (MergeStatus.DRY_RUN if options.dry_run else MergeStatus.HELD), GAP
        result.message = merge_held.HELD_PREVIEW if options.dry_run else merge_held.HELD_MESSAGE
        if options.forward is not None and not options.dry_run:  # what to ask for: the office's forward
            waiting_for = (state.last_sequence if state else 0) + 1
            result.message = options.forward.held_message(header.sequence, producer, waiting_for)
        raise _Outcome(result) from None  # nothing written here; the hold is its own transaction
    # before any data record is read (the audit links come first): a refusal costs nothing
    continuity = check_audit_head(session, header, state, package, opener, options.limits)
    result.counts = _apply_records(session, package, opener, options, first_from_producer=state is None)
    if options.dry_run:
        result.status = MergeStatus.DRY_RUN
        result.message = "Xem trước: gói hợp lệ, chưa ghi gì vào cơ sở dữ liệu."
        raise _Outcome(result)
    _record_success(session, package, state, result, options.actor, held_uuid)
    continuity.record(session, result, options.actor)  # a restore branch or an unprovable one: reason shown


def _already_merged(session: Session, package_uuid: str, file_sha: str, state: ProducerState | None) -> bool:
    if state is not None and state.last_package_uuid == package_uuid:
        return True
    stmt = select(ImportAttempt.id).where(ImportAttempt.result == "merged",
                                          (ImportAttempt.package_uuid == package_uuid)
                                          | (ImportAttempt.file_sha256 == file_sha)).limit(1)
    return session.execute(stmt).first() is not None


def _feed(package: VerifiedPackage, opener: PayloadKeyOpener | None,
          options: MergeOptions) -> Generator[FedBatch, None, None]:
    """The package's batches: read and checked in a child process for a large package (record_feed), or here."""
    if record_feed.wanted(package, options.worker):
        # chosen by size (not forced): the first batches are read here while a new child still starts
        begin_here = record_feed.forced(options.worker) is None
        return record_feed.worker_feed(package, opener, options.limits, options.cancel, begin_here=begin_here)
    return record_feed.local_feed(package, opener, options.limits)


def _apply_records(session: Session, package: VerifiedPackage, opener: PayloadKeyOpener | None,
                   options: MergeOptions, *, first_from_producer: bool) -> dict[str, dict[str, int]]:
    header, producer = package.header, package.header.producer.unit_code
    counts: dict[str, dict[str, int]] = {}
    # Per type: whether its next batch is likely all new (apply.write_if_all_new): at first only when nothing
    # of this producer was ever merged here, then whenever the type's previous batch in the package was.
    likely_new: dict[str, bool] = {}
    seen: dict[str, set[str]] = {}  # ids per type across batches: classify sees one batch at a time
    # ids per type of records the store holds as this producer's own (classified: written or its origin
    # checked): later batches' references to them need no look-up (issue 18)
    own: dict[str, set[str]] = {}
    tombstoned: dict[str, set[str]] = {}  # ids per type written deleted: where the end-state check looks
    total = max(1, header.total_records)
    with closing(_feed(package, opener, options)) as feed:  # closing: the child ends with any refusal here
        for fed in feed:
            if options.cancel is not None and options.cancel.is_set():
                raise PackageError(CANCELLED, message_vi=CANCELLED_MESSAGE)
            if fed.record_type in AUDIT_TYPES:  # already checked by check_audit_head
                continue
            if fed.record_type == ANNOUNCEMENT:
                _accept_announcements(session, package, fed.records or [], options.actor, counts)
                continue
            likely_new[fed.record_type] = _apply_batch(
                session, fed, producer, seen.setdefault(fed.record_type, set()), own,
                counts.setdefault(fed.record_type, new_counts()), header.package_id,
                likely_new.get(fed.record_type, first_from_producer), tombstoned)
            options.report(0.05 + 0.9 * fed.done / total,
                           f"{result_label(header.producer.unit_name)}: {fed.done:,} bản ghi".replace(",", "."))
    # The reader's last checks (payload hash, counts) ran when the feed ended, before this line.
    if options.upcoming is not None and options.forward is None:
        options.upcoming()  # the reader starts on the next file while this one's end state is checked and committed
    check_end_state(session, producer, set(counts), tombstoned)
    return counts


def _apply_batch(session: Session, fed: FedBatch, producer: str, seen: set[str], own: dict[str, set[str]],
                 counts: dict[str, int], package_uuid: str, likely_new: bool,
                 tombstoned: dict[str, set[str]]) -> bool:
    """One batch, every check in this order whichever process read it (a child did the pure ones ahead).
    Returns whether every row of it was new (its type's next batch then tries `write_if_all_new` first);
    adds the ids it wrote deleted to `tombstoned`."""
    record_type = fed.record_type
    if fed.rows is None:  # checked here from the raw records
        records = fed.records or []
        metas = fed.metas if fed.metas is not None else [check_shape(record, producer) for record in records]
        _once_per_package(record_type, [meta["id"] for meta in metas], seen)
        # The real reason first: a reference to another unit's record would otherwise surface as a validation
        # problem (an assessment scored against another unit's organisation type), then again after validation.
        authorise_references(session, record_type, records, producer, own)
        rows = validated_rows(session, record_type, records, metas)
    else:  # shape and validation passed in the child
        rows = fed.rows
        _once_per_package(record_type, [row["id"] for row in rows], seen)
        if fed.records is not None:  # None: validation kept every raw reference, the check below is the same
            authorise_references(session, record_type, fed.records, producer, own)
    batch = Batch(record_type, rows)
    authorise_references(session, record_type, batch.rows, producer, own)  # every row, before classify
    own.setdefault(record_type, set()).update(row["id"] for row in batch.rows)
    derive = partial(_derive, batch, fed)
    if likely_new and write_if_all_new(session, batch, derive, package_uuid=package_uuid, producer=producer):
        counts["new"] += len(batch.rows)
        all_new = True
    else:
        classify(session, batch, producer, counts)
        check_references(session, batch)
        derive()
        write_batch(session, batch, package_uuid=package_uuid, producer=producer)
        all_new = len(batch.new_ids) == len(batch.rows)
    deleted = [row["id"] for row in batch.to_write if row["deleted"]]
    if deleted:
        tombstoned.setdefault(record_type, set()).update(deleted)
    return all_new


def _derive(batch: Batch, fed: FedBatch) -> None:
    """Search and sort keys for the rows to write: the child's, or computed here."""
    if fed.derived is None:
        add_derived_keys(batch)
        return
    # computed by the child for every row; only the rows written take them, as add_derived_keys does
    derived = {row["id"]: keys for row, keys in zip(batch.rows, fed.derived, strict=True)}
    for row in batch.to_write:
        row.update(derived[row["id"]])


def _once_per_package(record_type: str, ids: list[str], seen: set[str]) -> None:
    """A record id appears once in a package, even when other types' records stand between its copies."""
    for record_id in ids:
        if record_id in seen:
            raise PackageError(VALIDATION_ERROR, message_vi=f"Bản ghi {record_type} {record_id} xuất hiện hai lần "
                               "trong gói. Hãy sửa dữ liệu ở máy gửi rồi xuất lại gói.")
    seen.update(ids)


def _accept_announcements(session: Session, package: VerifiedPackage, records: list[dict[str, Any]], actor: str,
                          counts: dict[str, dict[str, int]]) -> None:
    """A commune's new key, announced under its old one (B1's key rotation), in the same transaction."""
    for record in records:
        try:
            key_rotation.accept_announcement(session, record, signer=package.signer, actor=actor)
        except AntqError as exc:
            raise PackageError(SIGNER_MISMATCH, message_vi=exc.message) from None
    counts.setdefault(ANNOUNCEMENT, new_counts())["new"] += len(records)


def result_label(unit_name: str) -> str:
    return f"Đang nhập gói của {unit_name}"


def _record_success(session: Session, package: VerifiedPackage, state: ProducerState | None, result: PackageResult,
                    actor: str, held_uuid: str | None) -> None:
    header = package.header
    audit_head = next_head(header, state)
    if state is None:
        state = ProducerState(producer_unit=header.producer.unit_code)
        session.add(state)
    state.key_id, state.last_sequence = header.signer_key_id, header.sequence
    state.last_package_uuid, state.last_package_sha256 = header.package_id, package.package_sha256
    state.last_merged_at, state.last_audit_head = utcnow(), audit_head
    result.status = MergeStatus.MERGED
    result.message = f"Đã nhập gói số {header.sequence} của {header.producer.unit_name}."
    conflicts = sum(c.get("conflict", 0) for c in result.counts.values())
    if conflicts:
        result.message += (f" Có {conflicts} bản ghi cùng phiên bản nhưng khác nội dung với bản đã có: đã giữ bản đang "
                           "có và ghi lại xung đột; hãy liên hệ xã để kiểm tra rồi xuất gói mới.")
    if header.kind == "full":
        result.finished_holds += merge_held.drop_superseded(session, header.producer.unit_code, header.sequence)
    # The package itself may be held too (it came again, in a forward or directly, with its predecessor): its
    # hold ends with this merge, whichever copy was merged.
    also_held = session.get(HeldPackage, header.package_id) is not None and header.package_id != held_uuid
    for finished in ([held_uuid] if held_uuid is not None else []) + ([header.package_id] if also_held else []):
        merge_held.unhold(session, finished)
        result.finished_holds.append(finished)
    import_log.log_result(session, result, actor)
    audit.append(session, actor=actor, action="merge", record_type="package", record_id=header.package_id,
                 details=_audit_details(result))


def _audit_details(result: PackageResult) -> dict[str, Any]:
    return {"file": result.file_name, "file_sha256": result.file_sha256, "producer": result.producer_unit,
            "sequence": result.sequence, "kind": result.kind, "result": result.status, "code": result.code,
            "counts": counts_json(result.counts), "audit_head": claimed_head(result.header) if result.header else None}


def _log_only(store: Store, result: PackageResult, actor: str) -> None:
    with store.session() as session:
        import_log.log_result(session, result, actor)


def _claimed(result: PackageResult, path: Path) -> None:
    """For the log of a file refused before verification: what it claims to be (unverified)."""
    if result.header is not None:
        return
    try:
        header = package_reader.inspect(path)
    except PackageError:
        return
    result.header, result.producer_unit, result.producer_name = header, header.producer.unit_code, None
    result.sequence, result.kind, result.package_uuid = header.sequence, header.kind, header.package_id


def _refused(store: Store, path: Path, result: PackageResult, error: PackageError,
             options: MergeOptions) -> PackageResult:
    result.status = MergeStatus.CANCELLED if error.code == CANCELLED else MergeStatus.REFUSED
    result.code, result.message, result.counts = error.code, error.message_vi, {}
    result.file_sha256 = result.file_sha256 or import_log.file_sha256(path)
    _claimed(result, path)
    actor = options.actor
    try:
        with store.session() as session:
            import_log.log_result(session, result, actor)
            if result.status == MergeStatus.REFUSED and not options.dry_run:  # a preview writes only its log row
                audit.append(session, actor=actor, action="merge_refused", record_type="package",
                             record_id=result.package_uuid, details={**_audit_details(result), "detail": error.detail})
    except Exception:  # noqa: BLE001 - the refusal itself must reach the officer even if logging fails
        result.message += " (Không ghi được nhật ký nhập gói.)"
    return result

