"""A copy of every merged package, kept in the database for forwarding.

A district/cluster office forwards the ORIGINAL, still-signed commune packages to the province
(``services/forward/build.py``); the USB stick they came on is gone by then, so the merge keeps a
copy. The copy is made after the merge committed; a failed copy never undoes a merge, it only
means that package cannot be forwarded (the forward says so).

In the database (a blob, storage/blobs.py, and a `merged_packages` row), so a forward written on
any clerk's PC finds the packages merged on every other. What is kept (docs/merge.md, "Kept copies"):
one copy per package id, whatever the number of merges of it; a producer's full package supersedes its
earlier packages (a full package carries everything up to its number, and the province accepts a
full package that skips numbers), so their copies are deleted when it is kept; a province keeps none
(it forwards nothing).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from antq_desktop.paths import data_dir
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.storage import blobs
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import ArchivedPackage, UnitProfile, utcnow

NOT_KEPT = " (Không lưu được bản sao của gói để chuyển tiếp lên cấp trên; hãy giữ lại tệp gốc.)"
NO_FORWARD_ROLES = ("commune", "province")  # who never writes a forward package (forward/build.py refuses them)


def archive_dir(store: Store) -> Path:
    """Where earlier versions kept the copies (next to the SQLite file, else in the user data folder, one
    folder per PostgreSQL database). Only read, by the move into the database; never created."""
    if store.sqlite_path is not None:
        return store.sqlite_path.parent / "merged-packages"
    return data_dir() / "merged-packages" / hashlib.sha256(store.url.encode()).hexdigest()[:16]


def keep(store: Store, path: Path, result: PackageResult) -> None:
    """Copy a merged package into the database (one transaction: the row and its blob together)."""
    if result.status != "merged" or not result.package_uuid or not result.producer_unit:
        return
    try:
        with store.session() as session:
            if not keeps_copies(session):
                return
            store_copy(session, path, result.package_uuid, result.producer_unit, result.sequence or 0,
                       result.kind or "", result.file_sha256)
    except (OSError, SQLAlchemyError):
        result.message += NOT_KEPT


def store_copy(session: Session, path: Path, package_uuid: str, producer: str, sequence: int, kind: str,
               file_sha256: str) -> str:
    """Keep `path` as the copy of that package, in the caller's transaction. Returns "kept", "present" (a copy
    is kept already) or "superseded" (a later full package of the producer is kept: none needed). Keeping a
    full package deletes the producer's earlier copies, which it supersedes."""
    locked_counter(session, f"archive:{producer}")  # two clerks keeping one producer's packages: one at a time
    if session.get(ArchivedPackage, package_uuid) is not None:
        return "present"
    if _superseded(session, producer, sequence):
        return "superseded"
    copy = blobs.put_file(session, path)
    session.add(ArchivedPackage(package_uuid=package_uuid, producer_unit=producer, sequence=sequence, kind=kind,
                                file_sha256=file_sha256, blob_id=copy.id, kept_at=utcnow()))
    if kind == "full":
        _drop_older(session, producer, sequence)
    return "kept"


def keeps_copies(session: Session) -> bool:
    """A province forwards nothing (nor does a commune): it keeps no copies."""
    profile = session.get(UnitProfile, 1)
    return profile is None or profile.role not in NO_FORWARD_ROLES


def _superseded(session: Session, producer: str, sequence: int) -> bool:
    return bool(session.execute(select(func.count()).where(ArchivedPackage.producer_unit == producer,
                                                           ArchivedPackage.kind == "full",
                                                           ArchivedPackage.sequence > sequence)).scalar())


def _drop_older(session: Session, producer: str, sequence: int) -> None:
    older = ArchivedPackage.producer_unit == producer, ArchivedPackage.sequence < sequence
    blob_ids = list(session.execute(select(ArchivedPackage.blob_id).where(*older)).scalars())
    session.execute(delete(ArchivedPackage).where(*older))
    blobs.delete_blobs(session, blob_ids)


def latest_full(session: Session) -> dict[str, int]:
    """Per producer, the number of its newest kept full package: its earlier packages need no copy."""
    stmt = (select(ArchivedPackage.producer_unit, func.max(ArchivedPackage.sequence))
            .where(ArchivedPackage.kind == "full").group_by(ArchivedPackage.producer_unit))
    return {producer: int(sequence) for producer, sequence in session.execute(stmt).all()}


def kept(session: Session, package_uuids: list[str]) -> dict[str, ArchivedPackage]:
    rows = session.execute(select(ArchivedPackage).where(ArchivedPackage.package_uuid.in_(package_uuids))).scalars()
    return {row.package_uuid: row for row in rows}


@contextmanager
def copies_out(store: Store, package_uuids: list[str]) -> Iterator[dict[str, Path]]:
    """The kept copies of these packages as files in a private temporary folder (removed afterwards), each
    checked against its hash; a package without a copy is missing from the answer. Raises
    blobs.BlobError for a damaged copy."""
    folder = Path(tempfile.mkdtemp(prefix="antq-archive-"))
    try:
        files: dict[str, Path] = {}
        with blobs.snapshot_session(store.engine) as session, session.begin():
            for package_uuid, row in kept(session, package_uuids).items():
                target = folder / f"{package_uuid}.antq"
                blobs.export_file(session, row.blob_id, target)
                files[package_uuid] = target
        yield files
    finally:
        shutil.rmtree(folder, ignore_errors=True)
