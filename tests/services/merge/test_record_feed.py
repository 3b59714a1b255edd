"""Issue 18: records read, checked and validated in a child process (services/merge/record_feed.py) give
exactly what the single-process merge gives: the same stored rows and counts, the same refusal (code and
message) for every hostile package, in the same order, the store untouched; cancel and a killed child are
clean refusals; no child process is left behind."""

from __future__ import annotations

import os
import shutil
import signal
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.exchange.errors import IO_ERROR
from antq_desktop.services import demo
from antq_desktop.services.merge import pipeline, record_feed
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import SYNCED_MODELS

from .conftest import Commune, assert_only_logged, dump, make_upper, merge, trust

BATCH = 25  # small batches: a few hundred records make many of them (the real size is 2000)


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The pids of every child the feed starts; after the test none of them may exist (not even a zombie)."""
    pids: list[int] = []
    start = record_feed._Worker.__init__

    def recording(self: record_feed._Worker) -> None:
        start(self)
        assert self.process.pid is not None
        pids.append(self.process.pid)

    monkeypatch.setattr(record_feed._Worker, "__init__", recording)
    monkeypatch.setattr(record_feed, "BATCH_SIZE", BATCH)
    yield pids
    record_feed.close_idle()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


@pytest.fixture
def twins(tmp_path: Path, commune: Commune) -> Iterator[tuple[Store, Store]]:
    """Two identical upper offices trusting the commune: one merges through the child, one without."""
    demo.generate(commune.store, households=60, seed=21)
    url = str(tmp_path / "upper.sqlite3")
    upper = make_upper(url)
    trust(upper, commune)
    upper.close()
    for suffix in ("", "-wal", "-shm"):
        if Path(url + suffix).exists():
            shutil.copyfile(url + suffix, url + ".twin" + suffix)
    stores = open_store(url), open_store(url + ".twin")
    yield stores
    for store in stores:
        store.close()


def _merge(store: Store, paths: list[Path], worker: bool, monkeypatch: pytest.MonkeyPatch,
           **kw: Any) -> list[PackageResult]:
    with monkeypatch.context() as patch:
        patch.setenv(record_feed.WORKER_ENV, "1" if worker else "0")
        return merge(store, *paths, **kw)


def _synced(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    tables = {m.__tablename__ for m in SYNCED_MODELS}
    return {name: rows for name, rows in dump(store).items() if name in tables}


def test_both_paths_store_identical_rows(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fed, local = twins
    first = commune.export(fed)
    demo.generate(commune.store, households=5, seed=22)
    second = commune.export(fed, "incremental")
    validated_here: list[str] = []
    validated_rows = pipeline.validated_rows

    def counted(session: Any, record_type: str, *args: Any) -> Any:
        validated_here.append(record_type)
        return validated_rows(session, record_type, *args)

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "validated_rows", counted)
        by_child = _merge(fed, [first, second], True, monkeypatch)
    # the child validated every type that needs no store (the work moved off this process)
    assert validated_here and set(validated_here) <= record_feed.SESSION_TYPES, set(validated_here)
    by_main = _merge(local, [first, second], False, monkeypatch)
    assert [r.status for r in by_child] == [r.status for r in by_main] == ["merged", "merged"], by_child[0].message
    assert [r.counts for r in by_child] == [r.counts for r in by_main]
    assert [r.message for r in by_child] == [r.message for r in by_main]
    child_rows, main_rows = _synced(fed), _synced(local)
    assert sum(len(rows) for rows in child_rows.values()) > 300
    assert child_rows == main_rows
    assert len(children) == 1  # one child for the command, reused for its second package
    # merged again: every record unchanged, the same counts both ways
    again = commune.export(fed, name="again.antq", advance=False, kind="full", sequence=3)
    assert _merge(fed, [again], True, monkeypatch)[0].counts == _merge(local, [again], False, monkeypatch)[0].counts


def _same_refusal(twins: tuple[Store, Store], path: Path, monkeypatch: pytest.MonkeyPatch,
                  code: str | None = None) -> PackageResult:
    fed, local = twins
    before = dump(fed), dump(local)
    (by_child,) = _merge(fed, [path], True, monkeypatch)
    (by_main,) = _merge(local, [path], False, monkeypatch)
    assert by_main.status == "refused", by_main.message
    assert (by_child.status, by_child.code, by_child.message) == (by_main.status, by_main.code, by_main.message)
    if code is not None:
        assert by_child.code == code, by_child.message
    assert_only_logged(before[0], dump(fed))
    assert_only_logged(before[1], dump(local))
    return by_child


def _rows(commune: Commune) -> list[dict[str, Any]]:
    return commune.records(0)


def _late(rows: list[dict[str, Any]], record_type: str) -> int:
    """A record of this type in a late batch (not the first of its type)."""
    where = [i for i, r in enumerate(rows) if r["type"] == record_type]
    assert len(where) > 2 * BATCH, (record_type, len(where))
    return where[-3]


def _hostile(name: str, change: Callable[[list[dict[str, Any]]], None]) -> Callable[[Commune], list[dict[str, Any]]]:
    def build(commune: Commune) -> list[dict[str, Any]]:
        rows = _rows(commune)
        change(rows)
        return rows
    build.__name__ = name
    return build


def _bad_value(rows: list[dict[str, Any]]) -> None:
    rows[_late(rows, "household")]["citizen_id"] = "123"


def _bad_shape(rows: list[dict[str, Any]]) -> None:
    rows[_late(rows, "household")]["extra"] = 1


def _wrong_origin(rows: list[dict[str, Any]]) -> None:
    rows[_late(rows, "household")]["origin_unit"] = "00277"


def _duplicate_across_batches(rows: list[dict[str, Any]]) -> None:
    where = [i for i, r in enumerate(rows) if r["type"] == "household"]
    rows[where[-1]]["id"] = rows[where[0]]["id"]


def _unknown_reference(rows: list[dict[str, Any]]) -> None:
    rows[_late(rows, "household")]["area_id"] = str(uuid.uuid4())


@pytest.mark.parametrize("build", [_hostile("bad_value", _bad_value), _hostile("bad_shape", _bad_shape),
                                   _hostile("wrong_origin", _wrong_origin),
                                   _hostile("duplicate", _duplicate_across_batches),
                                   _hostile("unknown_reference", _unknown_reference)],
                         ids=lambda b: b.__name__)
def test_bad_record_mid_package_same_refusal(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                             monkeypatch: pytest.MonkeyPatch, build: Any) -> None:
    path = commune.export(twins[0], records=build(commune), name="bad.antq", advance=False)
    _same_refusal(twins, path, monkeypatch)


def test_reader_refusal_after_good_batches(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A line over the reader's cap in a late batch: refused by the reader, after the batches before it."""
    from antq_desktop.exchange.package_reader import Limits

    rows = _rows(commune)
    rows[_late(rows, "household")]["head_name"] = "Nguyễn " * 1000
    path = commune.export(twins[0], records=rows, name="long-line.antq", advance=False)
    fed, local = twins
    before = dump(fed), dump(local)
    limits = Limits(max_line_length=4000)
    (by_child,) = _merge(fed, [path], True, monkeypatch, limits=limits)
    (by_main,) = _merge(local, [path], False, monkeypatch, limits=limits)
    assert (by_child.status, by_child.code, by_child.message) == (by_main.status, by_main.code, by_main.message)
    assert by_child.code == "TOO_LARGE", by_child.message
    assert_only_logged(before[0], dump(fed))
    assert_only_logged(before[1], dump(local))


def test_authority_refusal_in_a_later_batch_wins_over_validation(
        twins: tuple[Store, Store], commune: Commune, commune2: Commune, children: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A household pointing at another commune's area, in a late batch that also has a validation error:
    the authority refusal comes first, as in one process."""
    fed, local = twins
    demo.generate(commune2.store, households=3, seed=23)
    for store in twins:
        trust(store, commune2)
    other = commune2.export(fed)
    for store in twins:
        assert _merge(store, [other], False, monkeypatch)[0].status == "merged"
    foreign_area = next(r["id"] for r in commune2.records(0) if r["type"] == "residential_area")
    rows = _rows(commune)
    late = _late(rows, "household")
    rows[late]["area_id"] = foreign_area
    rows[late + 1]["citizen_id"] = "123"
    path = commune.export(fed, records=rows, name="foreign-ref.antq", advance=False)
    _same_refusal(twins, path, monkeypatch, "NOT_AUTHORISED")


def test_tampered_and_truncated(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = commune.export(twins[0], advance=False).read_bytes()
    flipped = tmp_path / "flipped.antq"
    flipped.write_bytes(data[:-100] + bytes([data[-100] ^ 1]) + data[-99:])
    _same_refusal(twins, flipped, monkeypatch, "BAD_SIGNATURE")
    cut = tmp_path / "cut.antq"
    cut.write_bytes(data[:len(data) // 2])
    _same_refusal(twins, cut, monkeypatch, "TRUNCATED")


def test_payload_changed_after_verification(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The file swapped between the signature check and the read (same header, another payload): the
    child's reader fails authentication or the end-of-payload hash, as the single-process reader does."""
    from antq_desktop.exchange import package_reader

    good = commune.export(twins[0], name="good.antq", advance=False)
    data = bytearray(good.read_bytes())
    verify = package_reader.verify

    def verified_then_tampered(path: Any, *args: Any, **kw: Any) -> Any:
        package = verify(path, *args, **kw)
        tampered = bytearray(data)
        tampered[len(tampered) - 200] ^= 1  # in the last chunk: the batches before it are read first
        Path(path).write_bytes(bytes(tampered))
        return package

    for worker, store in ((True, twins[0]), (False, twins[1])):
        Path(good).write_bytes(bytes(data))
        before = dump(store)
        with monkeypatch.context() as patch:
            patch.setattr(package_reader, "verify", verified_then_tampered)
            (result,) = _merge(store, [good], worker, monkeypatch)
        assert (result.status, result.code) == ("refused", "DECRYPT_FAILED"), result.message
        assert_only_logged(before, dump(store))


def test_cancel_mid_package(twins: tuple[Store, Store], commune: Commune, children: list[int],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    fed, _ = twins
    path = commune.export(fed)
    calls = []

    class CancelAfterFirstBatch:
        def is_set(self) -> bool:
            calls.append(1)
            return len(calls) > 3

    before = dump(fed)
    (result,) = _merge(fed, [path], True, monkeypatch, cancel=CancelAfterFirstBatch())
    assert result.status == "cancelled", result.message
    assert_only_logged(before, dump(fed), audit=0)
    assert children  # the child was started, and (fixture) is gone


def test_child_killed_mid_package_is_a_clean_refusal(twins: tuple[Store, Store], commune: Commune,
                                                     children: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    fed, _ = twins
    monkeypatch.setattr(record_feed, "BATCH_SIZE", 5)  # many batches: the child is far from done when killed
    path = commune.export(fed)
    killed = []

    def kill_once(_fraction: float, _message: str) -> None:
        if children and not killed and _fraction > 0.05:
            os.kill(children[0], signal.SIGKILL)
            killed.append(children[0])

    before = dump(fed)
    (result,) = _merge(fed, [path], True, monkeypatch, progress=kill_once)
    assert killed
    assert (result.status, result.code) == ("refused", IO_ERROR), result.message
    assert result.message == record_feed.WORKER_DIED
    assert_only_logged(before, dump(fed))


def test_child_dead_before_the_package(twins: tuple[Store, Store], commune: Commune, children: list[int],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fed, _ = twins
    path = commune.export(fed)
    start = record_feed._Worker.__init__

    def dead_on_arrival(self: record_feed._Worker) -> None:
        start(self)
        os.kill(self.process.pid or 0, signal.SIGKILL)
        self.process.join()

    before = dump(fed)
    with monkeypatch.context() as patch:
        patch.setattr(record_feed._Worker, "__init__", dead_on_arrival)
        (result,) = _merge(fed, [path], True, monkeypatch)
    assert (result.status, result.code, result.message) == ("refused", IO_ERROR, record_feed.WORKER_DIED)
    assert_only_logged(before, dump(fed))
    # the next merge starts a new child and merges
    assert _merge(fed, [path], True, monkeypatch)[0].status == "merged"


def test_worker_chosen_by_size_and_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    class Header:
        total_records = record_feed.MIN_RECORDS

    class Package:
        header = Header()

    package: Any = Package()
    monkeypatch.delenv(record_feed.WORKER_ENV, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    assert record_feed.wanted(package, None)
    assert not record_feed.wanted(package, False)
    Header.total_records = record_feed.MIN_RECORDS - 1
    assert not record_feed.wanted(package, None) and record_feed.wanted(package, True)
    Header.total_records = record_feed.MIN_RECORDS
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert not record_feed.wanted(package, None)
    monkeypatch.setenv(record_feed.WORKER_ENV, "1")
    assert record_feed.wanted(package, None)


# ---- a merge that chose the child by size begins a package itself while a new child starts ----

@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, children: list[int]) -> Iterator[tuple[Path, list[Any]]]:
    """Children that start only when the gate file exists; the merge chooses the child by size (no switch).
    Yields the gate and the workers started."""
    from . import gated_child

    workers: list[Any] = []
    start = record_feed._Worker.__init__

    def recording(self: record_feed._Worker) -> None:
        start(self)
        self.process_pid = self.process.pid  # type: ignore[attr-defined]
        workers.append(self)

    gate = tmp_path / "gate"
    monkeypatch.setenv(gated_child.GATE_ENV, str(gate))
    monkeypatch.setattr(record_feed, "serve", gated_child.serve_after_gate)
    monkeypatch.setattr(record_feed._Worker, "__init__", recording)
    monkeypatch.setattr(record_feed, "MIN_RECORDS", 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    yield gate, workers
    gate.touch()  # a child still waiting starts, and the fixture above sees it end


def _by_size(store: Store, paths: list[Path], monkeypatch: pytest.MonkeyPatch,
             watch: Callable[[Any], None]) -> list[PackageResult]:
    """Merged with the child chosen by size; `watch` sees each batch before the merge applies it."""
    apply_batch = pipeline._apply_batch

    def watched(session: Any, fed: Any, *args: Any) -> Any:
        watch(fed)
        return apply_batch(session, fed, *args)

    with monkeypatch.context() as patch:
        patch.delenv(record_feed.WORKER_ENV, raising=False)
        patch.setattr(pipeline, "_apply_batch", watched)
        return merge(store, *paths)


def _read_here(fed: Any) -> bool:
    return fed.rows is None and fed.metas is None


def test_the_first_batches_are_read_here_until_the_child_starts(
        twins: tuple[Store, Store], commune: Commune, gated: tuple[Path, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: a new child's imports took ~0.5 s the merge spent waiting. The merge reads and checks the
    first batches itself; once the child has started it reads on from the next record, and the merge stores
    exactly what one process stores."""
    fed, local = twins
    gate, workers = gated
    path = commune.export(fed)
    seen: list[tuple[str, int]] = []

    def watch(batch: Any) -> None:
        seen.append(("here" if _read_here(batch) else "child", batch.done))
        if len(seen) == 2:  # the child starts now, and has started before the merge reads its next batch
            gate.touch()
            deadline = time.monotonic() + 30
            while not workers[0].waiting() and time.monotonic() < deadline:
                time.sleep(0.01)

    (by_size,) = _by_size(fed, [path], monkeypatch, watch)
    (by_main,) = _merge(local, [path], False, monkeypatch)
    assert (by_size.status, by_size.counts, by_size.message) == ("merged", by_main.counts, by_main.message)
    sources = [source for source, _ in seen]
    assert sources == ["here"] * 3 + ["child"] * (len(sources) - 3), sources  # handed over once, after batch 3
    assert len(sources) > 6
    done = [count for _, count in seen]
    assert done == sorted(set(done))  # no batch twice, none out of order
    assert _synced(fed) == _synced(local)
    assert len(workers) == 1


def test_a_package_read_here_to_its_end_leaves_the_child_for_the_next(
        twins: tuple[Store, Store], commune: Commune, gated: tuple[Path, list[Any]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The child starts only after the whole first package was read here: it drops that job, and reads the
    command's next package (sent ahead to it meanwhile) as always."""
    fed, local = twins
    gate, workers = gated
    first = commune.export(fed)
    demo.generate(commune.store, households=5, seed=24)
    second = commune.export(fed, "incremental")
    packages: list[list[str]] = [[]]
    merge_one = pipeline.merge_one

    def then_open(*args: Any, **kw: Any) -> PackageResult:
        result = merge_one(*args, **kw)
        gate.touch()
        packages.append([])
        return result

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "merge_one", then_open)
        by_size = _by_size(fed, [first, second], monkeypatch,
                           lambda batch: packages[-1].append("here" if _read_here(batch) else "child"))
    by_main = _merge(local, [first, second], False, monkeypatch)
    assert [r.status for r in by_size] == ["merged", "merged"], by_size[0].message
    assert [r.counts for r in by_size] == [r.counts for r in by_main]
    assert set(packages[0]) == {"here"} and set(packages[1]) == {"child"}, packages
    assert _synced(fed) == _synced(local)
    assert len(workers) == 1 and workers[0].unanswered == 0


@pytest.mark.parametrize("build", [_hostile("bad_value", _bad_value), _hostile("duplicate", _duplicate_across_batches),
                                   _hostile("unknown_reference", _unknown_reference)],
                         ids=lambda b: b.__name__)
def test_a_refusal_while_reading_here_is_the_same_and_ends_the_child(
        twins: tuple[Store, Store], commune: Commune, gated: tuple[Path, list[Any]],
        monkeypatch: pytest.MonkeyPatch, build: Any) -> None:
    """Refused in a batch read here, the child never started: the refusal one process gives, nothing
    written, and the waiting child ended (the fixture checks no process is left)."""
    fed, local = twins
    path = commune.export(fed, records=build(commune), name="bad.antq", advance=False)
    before = dump(fed), dump(local)
    sources: set[bool] = set()
    (by_size,) = _by_size(fed, [path], monkeypatch, lambda batch: sources.add(_read_here(batch)))
    assert sources == {True}  # every batch up to the refusal was read here
    (by_main,) = _merge(local, [path], False, monkeypatch)
    assert by_main.status == "refused", by_main.message
    assert (by_size.status, by_size.code, by_size.message) == (by_main.status, by_main.code, by_main.message)
    assert_only_logged(before[0], dump(fed))
    assert_only_logged(before[1], dump(local))
    with pytest.raises(ProcessLookupError):  # ended, and reaped, before its gate ever opened
        os.kill(gated[1][0].process_pid, 0)
