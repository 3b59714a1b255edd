"""Forwards in any order (issue 14): the province judges EACH package inside a forward on its own producer's
sequence, exactly as it judges that package sent directly; the forward itself is checked only for its office's
signature and authority, its integrity (every inner package intact, signed and readable, else the whole forward
is refused: forwarded.py) and exact repeats.

The rule (docs/upper-office.md, "In any order"):

* the same forward again (its package id merged before): "already merged", nothing changes (forwarded.py);
* an inner package merged here before (same id or same file): skipped as already merged (the pipeline);
* an inner package with a number at or below a FULL package of its producer merged here: skipped as covered
  ("duplicate"). A full package holds everything its producer had up to its number, so nothing is lost; this
  is what a full forward carries after a later `--since-last` one was merged, and all an office re-wrapping
  old packages can achieve;
* an inner incremental whose predecessor has not arrived: held, the forward kept in its place (only the forward,
  encrypted to this office, carries the key that opens a package encrypted to the cluster), and merged as soon
  as the predecessor arrives, in a later forward or directly (run.release_held calls `release`, which checks
  the forward's signature and authority again);
* anything else follows the pipeline's rules; a number already used by another package (REPLAY) is refused
  with what to ask for.

Why not order forwards by the office's own counter, as before: a `--since-last` forward merged before the full
one made the full one a "replay", so the commune data only the full one carried never arrived.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import CHAIN_BROKEN, IO_ERROR, MALFORMED, REPLAY, PackageError
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.services.authority import authorise_inner
from antq_desktop.services.authority import keys as authority
from antq_desktop.services.keys.ring import trusted_lookup
from antq_desktop.services.merge import forwarded, import_log, pipeline, received_revocations
from antq_desktop.services.merge.results import ForwardSource, MergeOptions, MergeStatus, PackageResult
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import HeldPackage, ImportAttempt, ProducerState


def merge_inner(store: Store, unpacked: forwarded.Unpacked, path: Path, options: MergeOptions) -> list[PackageResult]:
    """Each inner package of a verified forward, on its own producer's sequence, in the forward's order."""
    header = unpacked.outer.header
    source = ForwardSource(path, header.producer.unit_code, header.producer.unit_name)
    return [_one(store, item, inner_path, dataclasses.replace(inner_options, forward=source))
            for item, (inner_path, inner_options) in zip(unpacked.items, unpacked.inner(options), strict=True)]


def _one(store: Store, item: dict[str, Any], path: Path, options: MergeOptions) -> PackageResult:
    header = package_reader.inspect(path, options.limits)  # its signature was verified with the forward's
    covering = _covering_full(store, header, item["sha"])
    if covering is not None:
        return _covered(store, path, header, item["sha"], covering, options)
    result = pipeline.merge_one(store, path, options)
    if result.status == MergeStatus.REFUSED and result.code in _FORKED and options.forward is not None:
        result.message = _forked_message(header, options.forward, _FORKED[str(result.code)])
    return result


def _covering_full(store: Store, header: PackageHeader, file_sha: str) -> int | None:
    """The number of a full package of the same producer merged here at or after this one's number, if this
    one was never merged itself (a package merged before is the pipeline's "already merged")."""
    producer, merged = header.producer.unit_code, ImportAttempt.result == "merged"
    with store.session_factory() as session:
        state = session.get(ProducerState, producer)
        if state is None or header.sequence > state.last_sequence:
            return None
        same = (ImportAttempt.package_uuid == header.package_id) | (ImportAttempt.file_sha256 == file_sha)
        if session.execute(select(ImportAttempt.id).where(merged, same).limit(1)).first() is not None:
            return None
        found = session.execute(select(func.min(ImportAttempt.sequence)).where(
            merged, ImportAttempt.producer_unit == producer, ImportAttempt.kind == "full",
            ImportAttempt.sequence >= header.sequence)).scalar()
    return int(found) if found is not None else None


def _covered(store: Store, path: Path, header: PackageHeader, file_sha: str, full: int,
             options: MergeOptions) -> PackageResult:
    """Skipped, logged as a duplicate: the data is already here, in a newer full package."""
    result = PackageResult(path.name, MergeStatus.DUPLICATE, (
        f"Gói số {header.sequence} của {header.producer.unit_name} đã có trong gói đầy đủ số {full} của đơn vị này "
        "đã nhập trước đây (gói đầy đủ chứa mọi dữ liệu đến số đó); bỏ qua, không có gì thay đổi."),
        producer_unit=header.producer.unit_code, producer_name=header.producer.unit_name,
        sequence=header.sequence, kind=header.kind, package_uuid=header.package_id, file_sha256=file_sha,
        header=header)
    with store.session() as session:
        import_log.log_result(session, result, options.actor)
    return result


# Refusals of an inner package whose producer's packages went two ways (a restored backup), and what is wrong.
_FORKED = {REPLAY: "khác với gói cùng số (hoặc gói sau) đã nhập ở đây, và chưa có gói đầy đủ nào mới hơn chứa nó",
           CHAIN_BROKEN: "không nối tiếp gói trước đó của đơn vị này đã nhập ở đây"}


def _forked_message(header: PackageHeader, source: ForwardSource, what: str) -> str:
    """What to ask for: the producer's full package, through the office, then the office's forward again."""
    unit = f"{header.producer.unit_name} ({header.producer.unit_code})"
    return (f"Gói số {header.sequence} của {unit} trong gói chuyển tiếp của {source.office_name} {what} (đơn vị có "
            f"thể đã khôi phục bản sao lưu cũ). Hãy đề nghị {unit} xuất một gói đầy đủ gửi {source.office_name} "
            + hint(gui="", cli="(“antq export --full”) ")
            + f"rồi xin {source.office_name} gửi lại gói chuyển tiếp; các gói khác đã được nhập.")


def release(store: Store, stored: Path, waiting: HeldPackage, options: MergeOptions) -> PackageResult:
    """Merge a held inner package from the forward kept in its place: the forward's signature, its office's
    authority and the inner package are checked again (a key revoked meanwhile refuses it)."""
    folder = Path(tempfile.mkdtemp(prefix="antq-forward-held-"))
    try:
        try:
            path, inner_options = _reopen(store, stored, waiting.package_uuid, options, folder)
        except (PackageError, ValueError, OSError) as exc:
            return _not_released(store, stored, waiting, exc, options)
        return pipeline.merge_one(store, path, inner_options, held_uuid=waiting.package_uuid)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _reopen(store: Store, stored: Path, package_uuid: str, options: MergeOptions,
            folder: Path) -> tuple[Path, MergeOptions]:
    lookup = options.lookup or trusted_lookup(store)
    outer = package_reader.verify(stored, lookup, limits=options.limits)
    producer = outer.header.producer
    with store.session_factory() as session:
        authority.forward_signer(session, outer.header.signer_key_id, producer.unit_code)
    opener = options.ring.opener(outer.header) if options.ring else None
    # forwarded.py's own reader and checks, the same as on the first import (same package, same module family)
    items, _vouched = forwarded._extract(outer, opener, folder, options, [])  # its revocations were applied then
    item = next((i for i in items if i["id"] == package_uuid), None)
    if item is None:
        raise PackageError(MALFORMED, detail=f"held package {package_uuid} is not in the kept forward")
    # A key the office revoked since: its packages the office merged before revoking still count (K13).
    allowed = received_revocations.limits(store, producer.unit_code, [])
    lookup = received_revocations.lookup(lookup, allowed, [])
    received_revocations.check_inner([(item["path"], item["sequence"])], allowed, producer.unit_code)
    forwarded._preverify([item], lookup, options)
    authorise_inner(store, [item["producer"]])
    inner_options = forwarded._inner_options(options, item, lookup)
    source = ForwardSource(stored, producer.unit_code, producer.unit_name)
    return item["path"], dataclasses.replace(inner_options, forward=source)


def _not_released(store: Store, stored: Path, waiting: HeldPackage, exc: Exception,
                  options: MergeOptions) -> PackageResult:
    """The kept forward no longer opens or verifies: the held package is refused (and dropped by the caller)."""
    error = exc if isinstance(exc, PackageError) else PackageError(
        IO_ERROR if isinstance(exc, OSError) else MALFORMED, detail=str(exc)[:200])
    result = PackageResult(stored.name, MergeStatus.REFUSED, (
        f"Không nhập được gói số {waiting.sequence} của đơn vị {waiting.producer_unit} đang chờ: gói chuyển tiếp "
        f"giữ kèm nó không còn mở hoặc xác thực được. {error.message_vi} Hãy xin văn phòng cụm/huyện gửi lại gói "
        "chuyển tiếp đầy đủ."), error.code, producer_unit=waiting.producer_unit, sequence=waiting.sequence,
        package_uuid=waiting.package_uuid, file_sha256=waiting.file_sha256)
    with store.session() as session:
        import_log.log_result(session, result, options.actor)
    return result
