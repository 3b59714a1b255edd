"""Issue 18: while a package ends (end-state checks, commit), the record reader's child already reads the
command's next file (`run.read_ahead`, `record_feed.read_ahead`). What it read is used only if that very
file comes next with the same key; otherwise it is dropped (`_Worker.abort`), whether the child was still
reading or had finished. Either way every package ends as a merge without reading ahead ends it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.services import demo
from antq_desktop.services.merge import record_feed
from antq_desktop.services.merge import run as merge_run
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS

from .conftest import Commune, dump, make_upper, merge, trust


@pytest.fixture
def feed(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Any]]]:
    """What the child was asked: files read ahead, jobs dropped, children started (none may outlive the test)."""
    seen: dict[str, list[Any]] = {"ahead": [], "aborted": [], "pids": []}
    start, abort, ahead = record_feed._Worker.__init__, record_feed._Worker.abort, record_feed.read_ahead

    def started(self: record_feed._Worker) -> None:
        start(self)
        seen["pids"].append(self.process.pid)

    def aborted(self: record_feed._Worker) -> None:
        seen["aborted"].append(self.pending)
        abort(self)

    def reading_ahead(package: Any, *args: Any) -> None:
        seen["ahead"].append(package.path.name)
        ahead(package, *args)

    monkeypatch.setattr(record_feed._Worker, "__init__", started)
    monkeypatch.setattr(record_feed._Worker, "abort", aborted)
    monkeypatch.setattr(record_feed, "read_ahead", reading_ahead)
    monkeypatch.setenv(record_feed.WORKER_ENV, "1")
    yield seen
    record_feed.close_idle()
    for pid in seen["pids"]:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _twin(tmp_path: Path, communes: list[Commune]) -> tuple[Store, Store]:
    url = str(tmp_path / "upper.sqlite3")
    upper = make_upper(url)
    for commune in communes:
        trust(upper, commune)
    upper.close()
    for suffix in ("", "-wal", "-shm"):
        if Path(url + suffix).exists():
            shutil.copyfile(url + suffix, url + ".twin" + suffix)
    return open_store(url), open_store(url + ".twin")


def _synced(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {m.__tablename__ for m in SYNCED_MODELS}
    return {name: rows for name, rows in dump(store).items() if name in tables}


def _without_reading_ahead(store: Store, paths: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    with monkeypatch.context() as patch:
        patch.setattr(merge_run, "read_ahead", lambda *args: None)
        return merge(store, *paths)


def _duplicate_in_the_middle(commune: Commune, commune2: Commune, ahead: Store, plain: Store,
                             monkeypatch: pytest.MonkeyPatch, *, seed: int) -> list[Path]:
    """Commune 1's next package, its earlier package again (merged already in both offices), commune 2's."""
    duplicate = commune.export(ahead)
    for store in (ahead, plain):
        assert _without_reading_ahead(store, [duplicate], monkeypatch)[0].status == "merged"
    demo.generate(commune.store, households=2, seed=seed)
    return [commune.export(ahead, "incremental"), duplicate, commune2.export(ahead)]


def _outcome(results: list[Any]) -> list[tuple[Any, ...]]:
    return [(r.file_name, r.status, r.code, r.message, r.counts) for r in results]


def test_the_next_file_is_read_ahead_and_taken(tmp_path: Path, commune: Commune, commune2: Commune,
                                               feed: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 25)
    demo.generate(commune.store, households=40, seed=31)
    demo.generate(commune2.store, households=40, seed=32)
    ahead, plain = _twin(tmp_path, [commune, commune2])
    try:
        paths = [commune.export(ahead), commune2.export(ahead)]
        demo.generate(commune.store, households=3, seed=33)
        paths.append(commune.export(ahead, "incremental"))
        results = merge(ahead, *paths)
        assert feed["ahead"] == [paths[1].name, paths[2].name] and feed["aborted"] == []  # each taken as read
        assert len(feed["pids"]) == 1
        assert _outcome(results) == _outcome(_without_reading_ahead(plain, paths, monkeypatch))
        assert [r.status for r in results] == ["merged"] * 3
        assert _synced(ahead) == _synced(plain)
    finally:
        ahead.close()
        plain.close()


@pytest.mark.parametrize("households", [2, 60], ids=["child-done-before-the-drop", "child-still-reading"])
def test_a_file_read_ahead_but_not_merged_is_dropped(tmp_path: Path, commune: Commune, commune2: Commune,
                                                     feed: dict[str, list[Any]], monkeypatch: pytest.MonkeyPatch,
                                                     households: int) -> None:
    """The file after the first is a duplicate (merged before): never read by the merge, so what the child
    read of it is dropped when the third file's turn comes; small batches keep the child mid-file."""
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 5)
    demo.generate(commune.store, households=households, seed=34)
    demo.generate(commune2.store, households=40, seed=35)
    ahead, plain = _twin(tmp_path, [commune, commune2])
    try:
        paths = _duplicate_in_the_middle(commune, commune2, ahead, plain, monkeypatch, seed=36)
        duplicate = paths[1]
        results = merge(ahead, *paths)
        assert [r.status for r in results] == ["merged", "duplicate", "merged"], [r.message for r in results]
        assert feed["ahead"][0] == duplicate.name and len(feed["aborted"]) == 1
        assert _outcome(results) == _outcome(_without_reading_ahead(plain, paths, monkeypatch))
        assert _synced(ahead) == _synced(plain)
    finally:
        ahead.close()
        plain.close()


def test_a_damaged_next_file_is_not_read_ahead_and_refused_in_its_turn(
        tmp_path: Path, commune: Commune, commune2: Commune, feed: dict[str, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    demo.generate(commune.store, households=20, seed=37)
    demo.generate(commune2.store, households=20, seed=38)
    ahead, plain = _twin(tmp_path, [commune, commune2])
    try:
        first, second = commune.export(ahead), commune2.export(ahead)
        damaged = tmp_path / "damaged.antq"
        data = second.read_bytes()
        damaged.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
        paths = [first, damaged, second]
        results = merge(ahead, *paths)
        assert [r.status for r in results] == ["merged", "refused", "merged"]
        assert results[1].code == "BAD_SIGNATURE"
        assert damaged.name not in feed["ahead"] and feed["aborted"] == []
        assert _outcome(results) == _outcome(_without_reading_ahead(plain, paths, monkeypatch))
        assert _synced(ahead) == _synced(plain)
    finally:
        ahead.close()
        plain.close()


def test_a_child_that_died_reading_ahead_a_file_not_merged_costs_nothing(
        tmp_path: Path, commune: Commune, commune2: Commune, feed: dict[str, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The child reading ahead the duplicate is found dead when the third file drops that job: a new child
    reads the third file, which merges (it is not refused for the dead child's sake)."""
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 5)
    demo.generate(commune.store, households=20, seed=39)
    demo.generate(commune2.store, households=20, seed=40)
    ahead, plain = _twin(tmp_path, [commune, commune2])
    try:
        paths = _duplicate_in_the_middle(commune, commune2, ahead, plain, monkeypatch, seed=41)
        abort = record_feed._Worker.abort

        def dead_first(worker: record_feed._Worker) -> None:
            worker.process.kill()
            worker.process.join()
            abort(worker)

        monkeypatch.setattr(record_feed._Worker, "abort", dead_first)
        started = len(feed["pids"])
        results = merge(ahead, *paths)
        assert [r.status for r in results] == ["merged", "duplicate", "merged"], [r.message for r in results]
        assert len(feed["aborted"]) == 1 and len(feed["pids"]) == started + 2
        assert _outcome(results) == _outcome(_without_reading_ahead(plain, paths, monkeypatch))
        assert _synced(ahead) == _synced(plain)
    finally:
        ahead.close()
        plain.close()
