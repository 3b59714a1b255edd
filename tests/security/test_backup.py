"""Encrypted backups: round trip, refusals (password, tampering, integrity, newer schema), rolling, full disk."""

from __future__ import annotations

import errno
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from antq_desktop.services import check, safe_files
from antq_desktop.services.accounts import backup, restore
from antq_desktop.services.accounts.backup import BackupError, BackupKey, KdfParams
from antq_desktop.services.records import writes as records
from antq_desktop.services.safe_files import FileWriteError
from antq_desktop.storage import migrate
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import Household

from .conftest import PASSWORD

FAST = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)  # tests only; files carry their own cost


@pytest.fixture(scope="module")
def key() -> BackupKey:
    return BackupKey.derive(PASSWORD, params=FAST)


def _households(path: Path) -> int:
    store = open_store(path)
    try:
        with store.session_factory() as session:
            return session.execute(select(func.count()).select_from(Household)
                                   .where(Household.deleted.is_(False))).scalar_one()
    finally:
        store.close()


def test_backup_is_encrypted_checked_and_restores(store: Store, db_path: Path, key: BackupKey,
                                                  tmp_path: Path) -> None:
    out = backup.create_backup(store, tmp_path / "b.antqbak", key, actor="admin")
    raw = out.read_bytes()
    assert raw.startswith(backup.MAGIC)
    assert b"SQLite format 3" not in raw and "Hoàn Kiếm".encode() not in raw  # nothing readable
    header = backup.verify_backup(out, PASSWORD)  # the password alone opens it (salt is in the header)
    assert (header.username, header.unit_code, header.schema_revision) == ("admin", "00070", migrate.head_revision())
    assert header.kdf == FAST and out.stat().st_mode & 0o077 == 0  # owner-only file
    hid = records.create(store, "household", {"area_id": _area(store), "head_name": "Hộ mới sau sao lưu"},
                         actor="admin")
    store.close()
    result = restore.restore(db_path, out, PASSWORD, keep_folder=tmp_path / "giu", username="admin")
    assert result.kept is not None and result.kept.exists()
    restored = open_store(db_path)
    try:
        assert check.run_checks(restored).ok
        with restored.session_factory() as session:
            assert session.get(Household, hid) is None  # back to the backup's state
    finally:
        restored.close()
    # the kept copy is itself a valid backup of the pre-restore store, so the restore can be undone
    restore.restore(db_path, result.kept, PASSWORD, keep_folder=tmp_path / "giu2")
    assert _households(db_path) == 201


def _area(store: Store) -> str:
    with store.session_factory() as session:
        return session.execute(select(Household.area_id).limit(1)).scalar_one()


@pytest.fixture
def good_backup(store: Store, key: BackupKey, tmp_path: Path) -> Path:
    return backup.create_backup(store, tmp_path / "b.antqbak", key, actor="admin")


def _refused(db_path: Path, file: Path, tmp_path: Path, match: str, password: str = PASSWORD) -> None:
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match=match):
        restore.restore(db_path, file, password, keep_folder=tmp_path / "giu")
    assert db_path.read_bytes() == before  # nothing swapped
    assert not (tmp_path / "giu").exists() or not list((tmp_path / "giu").iterdir())


def test_wrong_password_is_refused(store: Store, db_path: Path, good_backup: Path, tmp_path: Path) -> None:
    store.close()
    _refused(db_path, good_backup, tmp_path, "sai mật khẩu", password="mat khau khac")


@pytest.mark.parametrize("where", ["header", "middle", "tag", "truncate", "append"])
def test_tampered_file_is_refused(store: Store, db_path: Path, good_backup: Path, tmp_path: Path, where: str) -> None:
    store.close()
    data = bytearray(good_backup.read_bytes())
    if where == "header":
        at = data.index(b'"username":"admin"') + 12
        data[at:at + 5] = b"adm1n"
    elif where == "middle":
        data[len(data) // 2] ^= 0x01
    elif where == "tag":
        data[-1] ^= 0x80
    elif where == "truncate":
        del data[-1000:]
    else:
        data += b"\x00"
    good_backup.write_bytes(bytes(data))
    _refused(db_path, good_backup, tmp_path, "bị hỏng hay bị sửa")


def test_not_a_backup_is_refused(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.close()
    fake = tmp_path / "x.antqbak"
    fake.write_bytes(db_path.read_bytes()[:5000])
    _refused(db_path, fake, tmp_path, "không phải bản sao lưu")


def _sealed(tmp_path: Path, data: bytes) -> Path:
    out = tmp_path / "crafted.antqbak"
    key = BackupKey.derive(PASSWORD, params=FAST)
    out.write_bytes(b"".join(backup._sealed_chunks(data, key, "admin", {"unit_code": "00070"})))
    return out


def test_backup_failing_integrity_check_is_refused(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.close()
    data = bytearray(db_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for number in range(2, 40):  # damaged b-tree page headers, yet correctly encrypted
        data[page * (number - 1): page * (number - 1) + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    _refused(db_path, _sealed(tmp_path, bytes(data)), tmp_path, "không toàn vẹn|không chứa cơ sở dữ liệu")


def test_backup_from_a_newer_version_is_refused(store: Store, db_path: Path, tmp_path: Path) -> None:
    store.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    out = backup.write_backup(newer, tmp_path / "newer.antqbak", BackupKey.derive(PASSWORD, params=FAST),
                              username="admin")
    _refused(db_path, out, tmp_path, "phiên bản mới hơn")


def test_restore_refuses_while_another_connection_holds_the_store(
        store: Store, db_path: Path, good_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(restore, "CHECKPOINT_WAIT", 0.2)
    holder = sqlite3.connect(db_path)  # e.g. a second copy of the app, reading an older snapshot
    holder.execute("BEGIN")
    holder.execute("SELECT count(*) FROM households").fetchone()
    records.create(store, "household", {"area_id": _area(store), "head_name": "Hộ mới"}, actor="admin")
    store.close()
    try:
        with pytest.raises(BackupError, match="đang dùng"):
            restore.restore(db_path, good_backup, PASSWORD, keep_folder=tmp_path / "giu")
    finally:
        holder.close()
    assert _households(db_path) == 201  # nothing swapped, nothing lost


def test_rolling_backups_keep_n_days_and_never_the_last(store: Store, key: BackupKey, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, 18, 0, 0)
    for day in range(20):
        backup.rolling_backup(store, folder, key, actor="admin", keep_days=14, now=start + timedelta(days=day))
    names = sorted(p.name for p in folder.glob("*.antqbak"))
    assert len(names) == 15 and names[0] == "antq-00070-20260106-180000.antqbak"
    (folder / "ghi-chu-cua-toi.antqbak").write_bytes(b"not ours")
    removed = backup.prune(folder, keep_days=1, now=start + timedelta(days=400))
    assert len(removed) == 14 and (folder / "ghi-chu-cua-toi.antqbak").exists()  # never touches others' files
    listing = backup.list_backups(folder)
    assert [b.header is None for b in listing].count(True) == 1
    assert not backup.backup_due(folder, now=start + timedelta(days=19, hours=1))
    assert backup.backup_due(folder, now=start + timedelta(days=20, hours=1))


def test_full_disk_during_backup_leaves_nothing(store: Store, key: BackupKey, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real_sealed = backup._sealed_chunks

    def chunks_then_full(*args: object, **kw: object):  # type: ignore[no-untyped-def]
        for piece in real_sealed(*args, **kw):  # type: ignore[arg-type]
            calls["n"] += 1
            yield piece
            raise OSError(errno.ENOSPC, "No space left on device")  # after the header reached the disk

    monkeypatch.setattr(backup, "_sealed_chunks", chunks_then_full)
    folder = tmp_path / "backups"
    audit_before = _audit_count(store)
    with pytest.raises(FileWriteError, match="Ổ đĩa đã đầy.*Chưa có tệp nào bị ghi dở"):
        backup.rolling_backup(store, folder, key, actor="admin")
    assert calls["n"] == 1
    assert list(folder.iterdir()) == []  # no partial backup, no temp file
    assert _audit_count(store) == audit_before  # and nothing claims a backup was made


def test_full_disk_at_fsync_leaves_the_old_backup(store: Store, key: BackupKey, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = backup.create_backup(store, tmp_path / "b.antqbak", key, actor="admin")
    old = out.read_bytes()

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full_disk)
    with pytest.raises(FileWriteError, match="Ổ đĩa đã đầy"):
        backup.create_backup(store, out, key, actor="admin")
    assert out.read_bytes() == old and [p.name for p in tmp_path.glob(".*")] == []


def _audit_count(store: Store) -> int:
    from antq_desktop.storage.models import AuditEntry

    with store.session_factory() as session:
        return session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()


def test_backup_while_another_writer_commits(store: Store, key: BackupKey, tmp_path: Path) -> None:
    """The online backup API copies a consistent snapshot even while data keeps changing."""
    import threading

    area = _area(store)
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            records.create_many(store, "household", [{"area_id": area, "head_name": "Hộ ghi song song"}] * 20,
                                actor="admin")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        paths = [backup.create_backup(store, tmp_path / f"b{i}.antqbak", key, actor="admin") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for path in paths:
        _, data = backup.decrypt(path, key)
        assert backup.check_database_bytes(data)["initialised"]


def test_automatic_backup_on_exit_and_when_due(store: Store, key: BackupKey, monkeypatch: pytest.MonkeyPatch) -> None:
    path, problem = backup.automatic_backup(store, key, actor="admin")
    assert problem is None and path is not None and path.parent == backup.default_folder(store)
    assert backup.automatic_backup(store, key, actor="admin", only_if_due=True) == (None, None)  # made today

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_files.os, "fsync", full_disk)
    path, problem = backup.automatic_backup(store, key, actor="admin")
    assert path is None and problem is not None and "Ổ đĩa đã đầy" in problem  # reported, never raised


def test_full_disk_during_restore_changes_nothing(store: Store, db_path: Path, good_backup: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store.close()
    before = db_path.read_bytes()

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(restore.os, "fsync", full_disk)
    with pytest.raises(FileWriteError, match="Ổ đĩa đã đầy"):
        restore.restore(db_path, good_backup, PASSWORD, keep_folder=tmp_path / "giu")
    assert db_path.read_bytes() == before and not list(tmp_path.glob(".*restore*"))
