"""Moving the package copies that earlier versions kept in a PC's data folder into the database.

Before issue 17 a held package (`held-packages/`) and the copy of each merged package
(`merged-packages/`) were files next to the SQLite file, or in the data folder of the PC that merged
them (PostgreSQL). A migration runs once, on one PC, and cannot reach the other PCs' folders; so the
move is done by the app on each PC, at first use (a merge, the held list, a forward): cheap when the
folders are gone (two `stat` calls).

Safe against a crash at any point and idempotent: each file goes in its own transaction (its blob,
the row that points at it and an audit entry `package_copy_moved` together); the file is deleted
only after that transaction committed and the blob, read back, matches the expected SHA-256. A
rerun finds the committed blob, checks it and deletes the file, or starts that file again. Files
whose content does not match what the database recorded, and files nothing in the database refers
to, are left where they are (logged), never imported.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import StorageError
from antq_desktop.services.merge import archive, held, import_log
from antq_desktop.storage import audit, blobs
from antq_desktop.storage.db import Store
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import ArchivedPackage, HeldPackage, ImportAttempt

_LOG = logging.getLogger(__name__)
ACTOR = "system"  # no officer asked for it: the app does it on first use


@dataclass
class MoveReport:
    moved: list[str] = field(default_factory=list)  # package ids whose copy is now in the database
    dropped: list[str] = field(default_factory=list)  # copies not needed (superseded, or this office forwards none)
    left: list[str] = field(default_factory=list)  # files left in place: unknown, or not what was recorded


def move_into_database(store: Store) -> MoveReport:
    """Move this PC's folder copies of this database into it; returns what happened (tests, logs)."""
    report = MoveReport()
    if store.read_only:
        return report
    held_folder, archive_folder = held.held_dir(store), archive.archive_dir(store)
    if held_folder.is_dir():
        for path in _package_files(held_folder):
            _one(_move_held, store, path, report)
        _remove_if_empty(held_folder)
    for path in _unmoved_held_paths(store):  # a held row naming a file elsewhere on this PC
        _one(_move_held, store, path, report)
    if archive_folder.is_dir():
        for path in _package_files(archive_folder):
            _one(_move_archived, store, path, report)
        _remove_if_empty(archive_folder)
    if report.left:
        _LOG.warning("package copies left in the data folder: %s", ", ".join(report.left))
    return report


def _one(move: Callable[[Store, Path, MoveReport], None], store: Store, path: Path, report: MoveReport) -> None:
    """One file; a failure (disk, server, a damaged blob) leaves that file for the next use, never stops a merge."""
    try:
        move(store, path, report)
    except (OSError, SQLAlchemyError, StorageError) as exc:
        _LOG.warning("package copy %s not moved into the database: %s", path, exc)
        report.left.append(str(path))


def _package_files(folder: Path) -> list[Path]:
    """The copies; a `.part` file is an interrupted copy that never carried a final name: deleted."""
    for partial in folder.glob("*.part"):
        with contextlib.suppress(OSError):
            partial.unlink()
    return sorted(p for p in folder.glob("*.antq") if p.is_file())


def _unmoved_held_paths(store: Store) -> list[Path]:
    with store.session_factory() as session:
        paths = session.execute(select(HeldPackage.stored_path).where(HeldPackage.blob_id.is_(None),
                                                                     HeldPackage.stored_path.is_not(None))).scalars()
        return [Path(p) for p in paths if p and Path(p).is_file()]


def _move_held(store: Store, path: Path, report: MoveReport) -> None:
    package_uuid = path.stem
    with store.session_factory() as session:
        row = session.get(HeldPackage, package_uuid)
    if row is None:
        report.left.append(str(path))  # no hold refers to it: not ours to guess what it is
        return
    if row.blob_id is None:
        if import_log.file_sha256(path) != row.file_sha256:
            report.left.append(str(path))
            return
        with store.session() as session:
            locked_counter(session, f"merge:{row.producer_unit}")
            current = session.get(HeldPackage, package_uuid)
            if current is None:  # released or superseded meanwhile by another clerk: the file is obsolete
                _delete(path)
                return
            if current.blob_id is None:
                current.blob_id, current.stored_path = blobs.put_file(session, path).id, None
                _audit(session, package_uuid, "held-packages", row.file_sha256, "moved")
            row = current
    if row.blob_id is not None and _matches(store, row.blob_id, row.file_sha256):
        _delete(path)
        report.moved.append(package_uuid)
    else:
        report.left.append(str(path))


def _move_archived(store: Store, path: Path, report: MoveReport) -> None:
    package_uuid = path.stem
    with store.session_factory() as session:
        kept = session.get(ArchivedPackage, package_uuid)
        merged = session.execute(select(ImportAttempt).where(ImportAttempt.package_uuid == package_uuid,
                                                             ImportAttempt.result == "merged")
                                 .order_by(ImportAttempt.id.desc()).limit(1)).scalar()
    if kept is None:
        if merged is None or not merged.producer_unit or import_log.file_sha256(path) != merged.file_sha256:
            report.left.append(str(path))  # never merged here, or not the bytes that were merged
            return
        with store.session() as session:
            outcome = "not_kept"
            if archive.keeps_copies(session):
                outcome = archive.store_copy(session, path, package_uuid, merged.producer_unit, merged.sequence or 0,
                                             merged.kind or "", merged.file_sha256)
            if outcome != "present":
                _audit(session, package_uuid, "merged-packages", merged.file_sha256, outcome)
            kept = session.get(ArchivedPackage, package_uuid)
        if outcome in ("superseded", "not_kept"):
            _delete(path)
            report.dropped.append(package_uuid)
            return
    if kept is not None and _matches(store, kept.blob_id, kept.file_sha256):
        _delete(path)
        report.moved.append(package_uuid)
    else:
        report.left.append(str(path))


def _matches(store: Store, blob_id: str, sha256: str) -> bool:
    """The committed blob, read back whole, is exactly the recorded file."""
    with store.read_session() as session:
        found = blobs.info(session, blob_id)
        return found is not None and found.sha256 == sha256 and blobs.verify(session, blob_id)


def _audit(session: Session, package_uuid: str, folder: str, sha256: str, outcome: str) -> None:
    audit.append(session, actor=ACTOR, action="package_copy_moved", record_type="package",
                 record_id=package_uuid, details={"folder": folder, "file_sha256": sha256, "result": outcome})


def _delete(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _remove_if_empty(folder: Path) -> None:
    """The folder goes once empty (and a PostgreSQL database's parent folder with it), so later uses skip it."""
    for candidate in (folder, folder.parent):
        if candidate.name not in ("held-packages", "merged-packages") and candidate != folder:
            return
        with contextlib.suppress(OSError):
            candidate.rmdir()
