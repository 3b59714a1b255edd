"""Encrypted backups: round trip, refusals (password, tampering, integrity, newer schema), rolling, full disk."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
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


def test_a_second_backup_in_the_same_second_never_replaces_or_removes_the_first(
        store: Store, key: BackupKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Exit right after the daily backup: the second copy gets the next second's name; and if its own
    check fails, only it is removed, never the good copy that already had the name."""
    folder = tmp_path / "backups"
    now = datetime(2026, 3, 9, 17, 30, 5)
    first = backup.rolling_backup(store, folder, key, actor="admin", now=now)
    good = first.read_bytes()
    second = backup.rolling_backup(store, folder, key, actor="admin", now=now)
    assert second.name == "antq-00070-20260309-173006.antqbak" and first.read_bytes() == good

    def damaged(path: Path, _key: BackupKey) -> None:
        raise BackupError("hỏng")

    monkeypatch.setattr(backup, "verify_backup", damaged)
    with pytest.raises(BackupError):
        backup.rolling_backup(store, folder, key, actor="admin", now=now)
    assert sorted(p.name for p in folder.iterdir()) == [first.name, second.name]
    assert first.read_bytes() == good


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


def test_two_writers_of_one_file_at_once_each_write_whole(tmp_path: Path) -> None:
    """The exit backup and an hourly one, named by the same second, once wrote one shared temp file: one of
    them failed ("No such file or directory") and the other could rename a mix of both. Each writer now has
    its own temp file: both succeed and the file is one of them, whole, with no temp file left."""
    dest, both_writing = tmp_path / "b.antqbak", threading.Barrier(2, timeout=10)
    errors: list[BaseException] = []

    def writer(fill: bytes) -> None:
        def write(f) -> None:  # type: ignore[no-untyped-def]
            f.write(fill * 50_000)
            both_writing.wait()  # both temp files open and half written at the same moment
            f.write(fill * 50_000)
        try:
            safe_files.atomic_write(dest, write, what="bản sao lưu")
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(fill,)) for fill in (b"a", b"b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert dest.read_bytes() in (b"a" * 100_000, b"b" * 100_000)
    assert [p.name for p in tmp_path.iterdir()] == ["b.antqbak"]
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600


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


# ---- issue 12, point 7: a backup on a stick must not set the cost, nor replace another unit's data ----

def _with_kdf(source: Path, dest: Path, **kdf: int) -> Path:
    """The same backup with other Argon2 parameters written into its header (what a crafted file says)."""
    import json
    import struct

    raw = source.read_bytes()
    (length,) = struct.unpack(">I", raw[8:12])
    header = json.loads(raw[12:12 + length])
    header["kdf"].update(kdf)
    body = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    dest.write_bytes(raw[:8] + struct.pack(">I", len(body)) + body + raw[12 + length:])
    return dest


@pytest.mark.parametrize("kdf", [{"memory_cost_kib": 1024 * 1024, "time_cost": 16},  # 1 GiB, 16 passes: 25 s
                                 {"memory_cost_kib": 256 * 1024 + 1}, {"time_cost": 11}, {"parallelism": 5}])
def test_a_backup_demanding_a_costly_key_derivation_is_refused_before_deriving(
        store: Store, db_path: Path, good_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        kdf: dict[str, int]) -> None:
    store.close()
    crafted = _with_kdf(good_backup, tmp_path / "dat.antqbak", **kdf)
    derived: list[int] = []
    monkeypatch.setattr(backup, "hash_secret_raw", lambda *a, **k: derived.append(1) or b"\0" * 32)
    with pytest.raises(BackupError, match="ngoài giới hạn cho phép"):
        backup.read_header(crafted)
    _refused(db_path, crafted, tmp_path, "ngoài giới hạn cho phép")
    assert derived == []  # refused from the header alone, before any Argon2 work
    assert {b.path.name: b.header for b in backup.list_backups(tmp_path)}["dat.antqbak"] is None  # listed unreadable


def test_the_kdf_cap_leaves_room_above_our_own_default() -> None:
    assert backup.DEFAULT_KDF.checked() == backup.DEFAULT_KDF
    assert backup.MAX_KDF.checked() == backup.MAX_KDF  # a future, stronger default still restores
    assert backup.MAX_KDF.memory_cost_kib == 4 * backup.DEFAULT_KDF.memory_cost_kib


@pytest.fixture
def other_unit_backup(tmp_path: Path, key: BackupKey) -> Path:
    from tests.conftest import make_store

    other = make_store(tmp_path / "other" / "x.sqlite3", "00004")
    try:
        return backup.create_backup(other, tmp_path / "cua-00004.antqbak", key, actor="admin")
    finally:
        other.close()


def _unit(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT unit_code FROM unit_profile").fetchone()[0]
    finally:
        conn.close()


def test_another_units_backup_is_refused_unless_asked(store: Store, db_path: Path, other_unit_backup: Path,
                                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store.close()
    derived: list[int] = []
    real = backup.hash_secret_raw
    monkeypatch.setattr(backup, "hash_secret_raw", lambda *a, **k: derived.append(1) or real(*a, **k))
    _refused(db_path, other_unit_backup, tmp_path, "của đơn vị 00004, còn dữ liệu trên máy là của đơn vị 00070")
    assert derived == []  # the header's unit is checked before the slow key derivation
    result = restore.restore(db_path, other_unit_backup, PASSWORD, keep_folder=tmp_path / "giu", other_unit=True)
    assert _unit(db_path) == "00004" and result.kept is not None
    assert backup.read_header(result.kept).unit_code == "00070"  # the kept copy says whose data it holds


def test_a_header_claiming_our_unit_over_another_units_data_is_refused(store: Store, db_path: Path,
                                                                       other_unit_backup: Path,
                                                                       tmp_path: Path) -> None:
    store.close()
    _, data = backup.decrypt(other_unit_backup, PASSWORD)
    _refused(db_path, _sealed(tmp_path, data), tmp_path, "của đơn vị 00004")  # _sealed writes unit 00070


@pytest.mark.skipif(os.name == "nt", reason="Windows has no owner/group/other mode bits")
def test_a_restored_store_is_owner_only(store: Store, db_path: Path, good_backup: Path, tmp_path: Path) -> None:
    store.close()
    db_path.chmod(0o644)
    old = os.umask(0o022)
    try:
        restore.restore(db_path, good_backup, PASSWORD, keep_folder=tmp_path / "giu")
    finally:
        os.umask(old)
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_restore_command_needs_other_unit_for_another_units_backup(
        store: Store, db_path: Path, other_unit_backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from antq_desktop.cli.main import main

    store.close()
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    command = ["--db", str(db_path), "--user", "admin", "restore", str(other_unit_backup),
               "--keep-folder", str(tmp_path / "giu")]
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "00004" in err and "00070" in err and "--other-unit" in err
    assert _unit(db_path) == "00070" and _households(db_path) == 200  # (the sign-in itself is audited)
    assert not (tmp_path / "giu").exists()  # refused before anything was kept or swapped
    assert main([*command, "--other-unit"]) == 0
    assert _unit(db_path) == "00004"


def test_backup_page_restores_another_units_backup_only_when_ticked(
        qtbot, store: Store, db_path: Path, other_unit_backup: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.ui import password_prompt
    from antq_desktop.ui.pages.backup_page import BackupPage

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    admin = accounts.sign_in(store, username="admin", password=PASSWORD)
    page = BackupPage(store, admin, folder=other_unit_backup.parent)
    qtbot.addWidget(page)
    page.keep_running_after_restore = True
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, _reason, *_a: PASSWORD)
    page.confirm = lambda _question: True
    page.table.selectRow(next(i for i, b in enumerate(page.listing) if b.path == other_unit_backup))
    assert not page.other_unit.isChecked() and not page.restore_selected()
    assert "00004" in page.status.text() and page.other_unit.text() in page.status.text()
    assert _unit(db_path) == "00070"
    page.other_unit.setChecked(True)
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected()
    assert _unit(db_path) == "00004"
