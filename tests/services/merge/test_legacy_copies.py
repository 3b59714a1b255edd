"""Copies an older version kept in the data folder (held-packages/, merged-packages/) move into the database on
first use: whole, audited, idempotent, and a crash at any point loses nothing (the file is deleted only after
its blob committed and read back matches)."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.merge import archive, held, held_packages, legacy_copies
from antq_desktop.storage import blobs
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import ArchivedPackage, AuditEntry, HeldPackage, ImportAttempt

from .conftest import Commune, archived, blob_bytes, merge, trust

CHILD = """
import sys
from antq_desktop.storage.db import open_store
from antq_desktop.services.merge import legacy_copies
store = open_store(sys.argv[1])
print("go", flush=True)
legacy_copies.move_into_database(store)
print("done", flush=True)
"""


class Crash(BaseException):
    """Stands for the process dying: not an error the code may catch."""


def as_an_older_version_left_it(store: Store) -> dict[str, bytes]:
    """Turn the database copies back into folder files with no blob, as before migration 0013's time."""
    contents: dict[str, bytes] = {}
    for folder, model in ((held.held_dir(store), HeldPackage), (archive.archive_dir(store), ArchivedPackage)):
        folder.mkdir(parents=True, exist_ok=True)
        with store.session() as session:
            for row in session.execute(select(model)).scalars().all():
                path = folder / f"{row.package_uuid}.antq"
                blobs.export_file(session, row.blob_id, path)
                contents[row.package_uuid] = path.read_bytes()
                old_blob = row.blob_id
                if model is HeldPackage:
                    row.blob_id, row.stored_path = None, str(path)
                else:
                    session.delete(row)
                session.flush()
                blobs.delete_blobs(session, [old_blob])
    return contents


def _moved_entries(store: Store) -> list[tuple[str, str]]:
    with store.session_factory() as session:
        rows = session.execute(select(AuditEntry.record_id, AuditEntry.details)
                                .where(AuditEntry.action == "package_copy_moved")).all()
    return sorted((record_id or "", details) for record_id, details in rows)


def _in_database(store: Store) -> dict[str, bytes]:
    with store.session_factory() as session:
        held_rows = {r.package_uuid: r.blob_id for r in session.execute(select(HeldPackage)).scalars()}
    return {**{uuid: blob_bytes(store, blob) for uuid, blob in held_rows.items() if blob},
            **{uuid: blob_bytes(store, row.blob_id) for uuid, row in archived(store).items()}}


def _held_and_merged(upper: Store, commune: Commune) -> list[Path]:
    """Full 1 merged (kept for forwarding), incremental 3 held; incremental 2 still to come."""
    demo.generate(commune.store, households=8, seed=41)
    trust(upper, commune)
    full = commune.export(upper)
    inc2 = commune.export(upper, "incremental")
    inc3 = commune.export(upper, "incremental")
    assert [r.status for r in merge(upper, full, inc3)] == ["merged", "held"]
    return [full, inc2, inc3]


def test_folder_copies_move_in_on_first_use_and_the_held_one_is_released(upper, commune: Commune) -> None:
    _full, inc2, _inc3 = _held_and_merged(upper, commune)
    contents = as_an_older_version_left_it(upper)
    held_folder, archive_folder = held.held_dir(upper), archive.archive_dir(upper)
    (held_folder / "interrupted.antq.part").write_bytes(b"half a copy")
    assert len(list(held_folder.glob("*.antq"))) == 1 and len(list(archive_folder.glob("*.antq"))) == 1
    assert _in_database(upper) == {}

    rows = held_packages(upper)  # the import page or `antq held list`: first use

    assert [(r.sequence, r.in_database, r.file) for r in rows] == [(3, True, "")]
    assert _in_database(upper) == contents  # byte for byte
    assert not held_folder.exists() and not archive_folder.exists()  # emptied folders go too
    assert [record_id for record_id, _details in _moved_entries(upper)] == sorted(contents)
    assert legacy_copies.move_into_database(upper).moved == []  # idempotent: nothing left to do
    results = merge(upper, inc2)
    assert [(r.sequence, r.status) for r in results] == [(2, "merged"), (3, "merged")]


def test_files_that_are_not_what_the_database_recorded_are_left_in_place(upper, commune: Commune) -> None:
    _held_and_merged(upper, commune)
    contents = as_an_older_version_left_it(upper)
    archive_folder = archive.archive_dir(upper)
    (kept_file,) = archive_folder.glob("*.antq")
    kept_file.write_bytes(kept_file.read_bytes()[:-1] + b"x")  # altered since it was merged
    stranger = archive_folder / "00000000-0000-0000-0000-000000000000.antq"
    stranger.write_bytes(b"nobody merged this")

    report = legacy_copies.move_into_database(upper)

    assert sorted(report.left) == sorted([str(kept_file), str(stranger)])
    assert kept_file.exists() and stranger.exists() and archived(upper) == {}
    assert list(_in_database(upper)) == [u for u in contents if u != kept_file.stem]  # the held one moved


@pytest.mark.parametrize("where", ["inside the transaction", "after the commit, before the delete"])
def test_a_crash_in_the_middle_then_a_rerun_completes(upper, commune: Commune, monkeypatch, where) -> None:
    _held_and_merged(upper, commune)
    contents = as_an_older_version_left_it(upper)
    calls = {"n": 0}
    real = blobs.put_file

    def dying_put(session, path, **kw):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:  # the second file: its blob half written, never committed
            raise Crash
        return real(session, path, **kw)

    def dying_delete(path: Path) -> None:
        raise Crash
    # a context of its own: undoing the whole monkeypatch would also undo the test's own ANTQ_HOME
    with monkeypatch.context() as patch, pytest.raises(Crash):
        if where == "inside the transaction":
            patch.setattr(blobs, "put_file", dying_put)
        else:
            patch.setattr(legacy_copies, "_delete", dying_delete)
        legacy_copies.move_into_database(upper)
    for uuid, data in _in_database(upper).items():  # whatever committed is whole
        assert data == contents[uuid]

    legacy_copies.move_into_database(upper)  # the next start

    assert _in_database(upper) == contents
    assert [record_id for record_id, _d in _moved_entries(upper)] == sorted(contents)  # audited once each
    assert not held.held_dir(upper).exists() and not archive.archive_dir(upper).exists()


def test_killed_at_random_moments_the_move_never_loses_a_copy(tmp_path, upper_sqlite) -> None:
    """SIGKILL during the move of several multi-megabyte copies, again and again; then a clean run finishes."""
    store = upper_sqlite
    folder = archive.archive_dir(store)
    folder.mkdir()
    contents: dict[str, bytes] = {}
    with store.session() as session:
        for number in range(1, 9):
            data = os.urandom(3 * blobs.CHUNK_SIZE + number)
            uuid = f"00000000-0000-0000-0000-{number:012d}"
            (folder / f"{uuid}.antq").write_bytes(data)
            contents[uuid] = data
            session.add(ImportAttempt(actor=ACTOR, file_name=f"{uuid}.antq", result="merged", producer_unit="00004",
                                      package_uuid=uuid, sequence=number, kind="incremental",
                                      file_sha256=hashlib.sha256(data).hexdigest()))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3] / "src")}
    rng = random.Random(20261203)
    for _run in range(5):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(store.sqlite_path)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, env=env, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0.02, 0.6))
        child.send_signal(signal.SIGKILL)
        child.communicate()
        kept = _in_database(store)
        for uuid, data in contents.items():  # each copy is in the folder, or whole in the database (or both)
            assert (folder / f"{uuid}.antq").exists() or kept.get(uuid) == data, uuid
        assert all(kept[uuid] == contents[uuid] for uuid in kept)

    legacy_copies.move_into_database(store)

    assert _in_database(store) == contents and not folder.exists()
    assert [record_id for record_id, _d in _moved_entries(store)] == sorted(contents)


def test_a_package_an_older_version_held_on_another_pc_is_kept_until_that_pc_moves_it_in(upper, commune: Commune,
                                                                                         tmp_path) -> None:
    """The issue's bug: another clerk's merge could not reach the held file, reported an I/O error and deleted
    the held record. Now the hold stays, the merge says what to do, and it follows once its copy is in."""
    _full, inc2, _inc3 = _held_and_merged(upper, commune)
    as_an_older_version_left_it(upper)
    with upper.session_factory() as session:
        held_row = session.execute(select(HeldPackage)).scalar_one()
    pc1_folder = tmp_path / "pc1-data" / "held-packages"
    pc1_folder.mkdir(parents=True)
    pc1_file = Path(held_row.stored_path or "").rename(pc1_folder / f"{held_row.package_uuid}.antq")
    with upper.session() as session:
        session.get(HeldPackage, held_row.package_uuid).stored_path = str(pc1_file)  # type: ignore[union-attr]
    offline = pc1_folder.parent.rename(tmp_path / "pc1-switched-off")

    results = merge(upper, inc2)  # PC 2 merges the missing package while PC 1 is off

    assert [(r.sequence, r.status, r.code) for r in results] == [(2, "merged", None), (3, "held", "HELD_ELSEWHERE")]
    assert "antq held list" in results[1].message and "nhập lại gói số 2" in results[1].message
    assert [r.in_database for r in held_packages(upper)] == [False]  # the hold is kept, not deleted
    offline.rename(pc1_folder.parent)  # PC 1 comes back: its first use moves its copy in
    assert [r.in_database for r in held_packages(upper)] == [True] and not pc1_file.exists()
    again = merge(upper, inc2)  # the predecessor again (a duplicate) releases it, on any PC
    assert [(r.sequence, r.status, r.released_from_hold) for r in again] == [(2, "duplicate", False),
                                                                            (3, "merged", True)]
    assert held_packages(upper) == []
