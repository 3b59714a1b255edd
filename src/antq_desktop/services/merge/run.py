"""The loop over files: each package merged on its own, forward packages unpacked and their inner
packages merged (each on its own producer's sequence: forward_order.py), plan packages turned away,
held packages released when their predecessor arrives (a held inner package from the forward kept
with it).

With forward_order.py, the one module that calls both the pipeline and the forwarded/held modules,
so none of those has to import the pipeline back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.errors import CANCELLED, PackageError
from antq_desktop.exchange.package_reader import DEFAULT_LIMITS, Limits, PayloadKeyOpener
from antq_desktop.exchange.sequence import DEFAULT_MAX_JUMP
from antq_desktop.services.keys.ring import KeyRing, TrustedLookup, trusted_lookup
from antq_desktop.services.merge import forward_order, forwarded, held, legacy_copies, pipeline, record_feed
from antq_desktop.services.merge.results import (
    CANCELLED_MESSAGE,
    Cancel,
    MergeOptions,
    MergeRun,
    MergeStatus,
    PackageResult,
    Progress,
)
from antq_desktop.storage.blobs import BlobError
from antq_desktop.storage.db import Store


def merge_packages(store: Store, paths: Sequence[str | os.PathLike[str]], *, actor: str, dry_run: bool = False,
                   progress: Progress | None = None, cancel: Cancel | None = None, password: str | None = None,
                   keys: PayloadKeyOpener | None = None, lookup: TrustedLookup | None = None,
                   limits: Limits = DEFAULT_LIMITS, max_jump: int = DEFAULT_MAX_JUMP,
                   worker: bool | None = None) -> MergeRun:
    """Merge each file on its own (one refusal never stops the others); held packages whose
    predecessor arrives are merged right after it, in sequence order.

    `password` unlocks this office's receiving keys (or pass already unlocked `keys`).
    `cancel.is_set()` is checked between packages and batches; a cancelled package writes nothing.
    `worker`: read and check records in a child process (True), never (False), or by size (None: record_feed).
    """
    results = MergeRun()
    if not dry_run:  # a preview writes only its log rows
        legacy_copies.move_into_database(store)  # so a package held by an older version here can be released
    total = max(1, len(paths))
    ring = KeyRing(store, password, keys, actor=actor)
    try:
        for index, path in enumerate(paths):
            def report(fraction: float, message: str, _i: int = index) -> None:
                if progress is not None:
                    progress((_i + min(1.0, fraction)) / total, message)
            options = MergeOptions(actor, dry_run, ring, lookup, limits, max_jump, cancel, report, worker=worker)
            if index + 1 < len(paths):
                options.upcoming = partial(read_ahead, store, Path(paths[index + 1]), options)
            results.extend(merge_file(store, Path(path), options))
    finally:
        ring.close()
        record_feed.close_idle()  # the child that read this command's packages (if one was started)
    if any(r.status == MergeStatus.MERGED for r in results) and not dry_run:
        store.refresh_statistics()
    if progress is not None:
        progress(1.0, "Đã xử lý xong các gói dữ liệu.")
    return results


def read_ahead(store: Store, path: Path, options: MergeOptions) -> None:
    """The next data package of the command, verified now so the record reader can start on it while the
    current one commits (record_feed.read_ahead). Speculative: it writes and logs nothing, and the file is
    verified again in its turn, so a refusal (or trust changed by the package before it) is met then."""
    if options.cancel is not None and options.cancel.is_set():
        return
    if forwarded.claimed_kind(path, options) not in ("full", "incremental"):
        return  # forwards and plans take their own path; an unreadable file is refused in its turn
    try:
        package = package_reader.verify(path, options.lookup or trusted_lookup(store), limits=options.limits)
        if not record_feed.wanted(package, options.worker):
            return
        opener = options.ring.opener(package.header) if options.ring else None
    except (PackageError, OSError, SQLAlchemyError):  # met again in its turn; never the current package's refusal
        return
    record_feed.read_ahead(package, opener, options.limits)


def merge_file(store: Store, path: Path, options: MergeOptions) -> list[PackageResult]:
    """One file: its result, then the results of any held packages it released (or of a forward's inner ones)."""
    if options.cancel is not None and options.cancel.is_set():
        return [PackageResult(path.name, MergeStatus.CANCELLED, CANCELLED_MESSAGE, CANCELLED)]
    kind = forwarded.claimed_kind(path, options)
    if kind == "forward":
        return merge_forward(store, path, options)
    if kind == "plan":
        return [forwarded.refuse_plan(store, path, options)]
    result = pipeline.merge_one(store, path, options)
    # A duplicate too: merging the predecessor again releases a held package that could not be released
    # when it first arrived (its copy was then still in an older version's data folder on another PC).
    if result.status in (MergeStatus.MERGED, MergeStatus.HELD, MergeStatus.DUPLICATE) and not options.dry_run:
        return [result, *release_held(store, result.producer_unit or "", options)]
    return [result]


def merge_forward(store: Store, path: Path, options: MergeOptions) -> list[PackageResult]:
    """The forward's own result first, then each inner package's (merged whole or not at all)."""
    folder = Path(tempfile.mkdtemp(prefix="antq-forward-"))
    try:
        unpacked = forwarded.unpack(store, path, options, folder)
        if isinstance(unpacked, list):  # refused, or a preview
            return unpacked
        try:  # each inner package on its own producer's sequence, whatever the forward's number
            results = forward_order.merge_inner(store, unpacked, path, options)
        except (PackageError, ValueError, OSError) as exc:
            return [forwarded.refuse_error(store, path, options, exc, unpacked.outer)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    outcome = forwarded.finish(store, path, unpacked.outer, results, options.actor)
    # Packages held earlier (from another forward, or sent directly) that these now precede.
    producers = dict.fromkeys(r.producer_unit for r in results
                              if r.producer_unit and r.status in (MergeStatus.MERGED, MergeStatus.HELD))
    released = [r for producer in producers for r in release_held(store, producer, options)]
    return [outcome, *results, *released]


def release_held(store: Store, producer: str, options: MergeOptions) -> list[PackageResult]:
    """Merge the held packages that now follow the chain, one after another (whichever PC held them)."""
    released: list[PackageResult] = []
    while (waiting := held.next_held(store, producer)) is not None:
        try:
            with held.copy_of(store, waiting) as path:
                if path is None:  # an older version's copy still in another PC's folder: it stays held
                    released.append(held.elsewhere(waiting))
                    break
                if forwarded.claimed_kind(path, options) == "forward":  # held from inside a forward: kept with it
                    result = forward_order.release(store, path, waiting, options)
                else:
                    result = pipeline.merge_one(store, path, options, held_uuid=waiting.package_uuid)
        except BlobError as exc:  # the kept copy is damaged: never merged, and kept for inspection
            released.append(held.damaged(store, waiting, options.actor, exc))
            break
        result.released_from_hold = True
        released.append(result)
        if result.status != MergeStatus.MERGED:
            if result.status == MergeStatus.REFUSED:  # it can never fit the chain: drop it, the refusal is logged
                held.drop(store, waiting.package_uuid)
            break
    return released
