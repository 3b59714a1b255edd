"""Restoring a backup: decrypt to a temp file, check it, keep the current store, swap atomically.

Close every window and command using the store first: the swap needs the write-ahead log empty,
and refuses (changing nothing) when another program still holds the store.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from alembic.script import ScriptDirectory

from antq_desktop.services.accounts import backup
from antq_desktop.services.accounts.backup import BackupError, BackupHeader, BackupKey
from antq_desktop.services.safe_files import atomic_write, disk_error, fsync_dir
from antq_desktop.storage import migrate
from antq_desktop.storage.db import PRIVATE_FILE_MODE
from antq_desktop.storage.models import utcnow

CHECKPOINT_WAIT = 5.0  # seconds to let another connection finish before refusing


class OtherUnitError(BackupError):
    """The backup belongs to another unit; restoring it needs the officer's explicit say-so."""

    def __init__(self, backup_unit: str, current_unit: str) -> None:
        super().__init__(f"Bản sao lưu này là của đơn vị {backup_unit}, còn dữ liệu trên máy là của đơn vị "
                         f"{current_unit}. Khôi phục sẽ thay toàn bộ dữ liệu của {current_unit} bằng dữ liệu của "
                         f"{backup_unit}, nên chưa làm gì. Nếu đúng là cần vậy, hãy xác nhận khôi phục bản sao lưu "
                         "của đơn vị khác.")
        self.backup_unit, self.current_unit = backup_unit, current_unit


@dataclass(frozen=True)
class RestoreResult:
    header: BackupHeader
    kept: Path | None  # encrypted copy of the store as it was before the restore


def _check_schema(revision: str | None) -> None:
    known = {rev.revision for rev in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise BackupError("Bản sao lưu được tạo bởi phiên bản mới hơn của ANTQ Desktop. "
                          "Hãy cập nhật chương trình rồi khôi phục lại.")


def current_unit(db_path: Path) -> str | None:
    """The unit code of the store at db_path, read-only; None when there is none (new, empty or damaged)."""
    if not Path(db_path).is_file():
        return None
    try:
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, timeout=CHECKPOINT_WAIT)
    except (sqlite3.Error, ValueError):
        return None
    try:
        row = conn.execute("SELECT unit_code FROM unit_profile WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def check_unit(db_path: Path, backup_unit: str | None, *, other_unit: bool = False) -> None:
    """Refuse another unit's backup unless the officer asked for it (`other_unit`).

    A commune's store replaced by another commune's backup would sign that commune's data as its own.
    """
    here = current_unit(db_path)
    if not other_unit and here and backup_unit and backup_unit != here:
        raise OtherUnitError(backup_unit, here)


def _checkpoint(db_path: Path) -> None:
    """Fold the write-ahead log into the file; refuse if another connection keeps it busy."""
    conn = sqlite3.connect(db_path, timeout=CHECKPOINT_WAIT)
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.DatabaseError:
        busy = 0  # a damaged store has nothing to fold in; it is kept byte for byte below
    finally:
        conn.close()
    if busy:
        raise BackupError("Một cửa sổ hoặc lệnh ANTQ khác đang dùng dữ liệu này. Hãy đóng tất cả rồi khôi phục lại.")


def _keep_current(db_path: Path, folder: Path, password: str, username: str, unit: str | None) -> Path | None:
    """The current file, encrypted byte for byte (even if damaged), so a restore can be undone."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    data = db_path.read_bytes()
    key = BackupKey.derive(password)
    dest = folder / f"truoc-khoi-phuc-{utcnow():%Y%m%d-%H%M%S}{backup.SUFFIX}"
    info = {"unit_code": unit or "", "schema_revision": None}

    def write(f: IO[bytes]) -> None:
        for piece in backup._sealed_chunks(data, key, username, info):
            f.write(piece)

    return atomic_write(dest, write, what="bản lưu dữ liệu hiện tại")


def _swap(tmp: Path, db_path: Path) -> None:
    # The old WAL must not survive: SQLite would replay it onto the restored file.
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, db_path)
    fsync_dir(db_path.parent)


def restore(db_path: Path, backup_file: Path, password: str, *, keep_folder: Path,
            username: str = "", other_unit: bool = False) -> RestoreResult:
    """Replace the store at db_path by a backup. Nothing changes unless every check passes.

    Another unit's backup is refused (OtherUnitError) unless `other_unit` says the officer means it:
    first by its header (before the slow key derivation), then by the unit inside the decrypted copy.
    """
    db_path = Path(db_path)
    check_unit(db_path, backup.read_header(Path(backup_file)).unit_code, other_unit=other_unit)
    header, data = backup.decrypt(Path(backup_file), password)
    info = backup.check_database_bytes(data)
    _check_schema(info["schema_revision"])
    if not info["initialised"]:
        raise BackupError("Bản sao lưu chưa có thông tin đơn vị nên không dùng được. Hãy chọn bản sao lưu khác.")
    check_unit(db_path, info["unit_code"], other_unit=other_unit)
    unit = current_unit(db_path)
    tmp = db_path.with_name(f".{db_path.name}.restore.tmp")
    try:
        _write_private(tmp, data)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise disk_error(exc, "dữ liệu khôi phục") from exc
    try:
        if db_path.exists():
            _checkpoint(db_path)
        kept = _keep_current(db_path, Path(keep_folder), password, username or header.username, unit)
        _swap(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    _note_in_audit(db_path, backup_file, header, kept, username)
    return RestoreResult(header, kept)


def _write_private(path: Path, data: bytes) -> None:
    """The restored file becomes the store: owner-only from its first byte, like a new store."""
    path.unlink(missing_ok=True)  # a leftover from a crash would keep its old, wider mode
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _note_in_audit(db_path: Path, backup_file: Path, header: BackupHeader, kept: Path | None, username: str) -> None:
    """The restored store records that it was restored (it migrates first if the backup was older)."""
    from antq_desktop.storage import audit
    from antq_desktop.storage.db import open_store

    store = open_store(db_path)
    try:
        with store.session() as session:
            audit.append(session, actor=username or header.username, action="restore",
                         details={"file": Path(backup_file).name, "backup_created_at": header.created_at,
                                  "kept": kept.name if kept else None})
    finally:
        store.close()
