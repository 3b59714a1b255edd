"""Faults while moving data (issue 7): the disk filling up during an export or a merge, and the USB
file vanishing mid-read. Each gives a clear Vietnamese error, no partial file and no partial data."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy import event, func, select

from antq_desktop.exchange import package_reader, package_writer
from antq_desktop.services import demo
from antq_desktop.services.export import build as export
from antq_desktop.services.export.build import ExportError
from antq_desktop.services.keys import registry as keys
from antq_desktop.storage.models import ExportRecord

from .conftest import ACTOR, PASSWORD, assert_only_logged, dump, merge, trust


@pytest.fixture
def filled(commune, upper_sqlite):  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=300, seed=9)
    trust(upper_sqlite, commune)
    with commune.store.session() as session:
        keys.set_recipient(session, upper_record_file(upper_sqlite), actor=ACTOR)
    return commune, upper_sqlite


def upper_record_file(upper):  # type: ignore[no-untyped-def]
    with upper.session_factory() as session:
        return keys.public_key_file(session, PASSWORD)


def test_disk_full_during_export_leaves_no_file_and_no_history(filled, tmp_path, monkeypatch):
    commune, _ = filled
    before = dump(commune.store)

    def full_disk(_fd):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(package_writer.os, "fsync", full_disk)
    dest = tmp_path / "usb" / "00004.antq"
    dest.parent.mkdir()
    with pytest.raises(ExportError) as info:
        export.export_package(commune.store, dest, password=PASSWORD, actor=ACTOR, kind="full")
    assert "hết chỗ trống" in info.value.message  # the officer learns the stick is full
    assert list(dest.parent.iterdir()) == [], "no package and no spool file on the stick"
    with commune.store.session_factory() as session:
        assert session.execute(select(func.count()).select_from(ExportRecord)).scalar() == 0
    assert dump(commune.store) == before


def test_usb_file_vanishing_mid_read_refuses_the_package_and_writes_nothing(filled, monkeypatch):
    commune, upper = filled
    path = commune.export(upper)
    before = dump(upper)
    reads = {"n": 0}

    class Vanishing:
        """A file that fails like a pulled USB stick after a few reads."""

        def __init__(self, f):  # type: ignore[no-untyped-def]
            self.f = f

        def read(self, *args):  # type: ignore[no-untyped-def]
            reads["n"] += 1
            if reads["n"] > 6:
                raise OSError(errno.EIO, "Input/output error")
            return self.f.read(*args)

        def __getattr__(self, name):  # type: ignore[no-untyped-def]
            return getattr(self.f, name)

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc):  # type: ignore[no-untyped-def]
            self.f.close()

    # Packages are opened through the regular-file rule (open_regular), so the pulled stick is injected there.
    real_open = package_reader.open_regular
    monkeypatch.setattr(package_reader, "open_regular", lambda p, **k: Vanishing(real_open(p, **k)))
    (result,) = merge(upper, path)
    assert result.status == "refused" and result.code == "IO_ERROR"
    assert "USB bị rút" in result.message
    assert_only_logged(before, dump(upper))


def test_disk_full_while_merging_rolls_the_package_back(filled, monkeypatch):
    commune, upper = filled
    path = commune.export(upper)
    before = dump(upper)
    inserts = {"n": 0}

    def fill_up(_conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("INSERT INTO HOUSEHOLDS"):
            inserts["n"] += 1
            if inserts["n"] >= 1:  # the first household batch: areas are already written by then
                raise sqlite3.OperationalError("database or disk is full")

    event.listen(upper.engine, "before_cursor_execute", fill_up)
    try:
        (result,) = merge(upper, path)
    finally:
        event.remove(upper.engine, "before_cursor_execute", fill_up)
    assert (result.status, result.code) == ("refused", "IO_ERROR"), result
    assert "ổ đĩa" in result.message and "không thay đổi" in result.message
    assert inserts["n"] >= 1
    after = dump(upper)
    for table in ("residential_areas", "organizations", "households", "pledges", "producer_state"):
        assert after[table] == before[table], f"{table}: nothing of the package may stay"
