"""Stage timers for one merge (issue 18): where the seconds go, stage → seconds, for docs/merge.md.

Wraps the pipeline's stage functions with CPU-time accumulators (cheap, unlike cProfile, so the
proportions hold; CPU, not wall time, because the machine is shared and a loaded run would count
waiting for a core as work) and merges bench_merge's cached packages into a fresh copy of the template.

Run: PYTHONPATH=src .venv/bin/python bench/profile_merge.py [packages] [communes] [households]
"""

from __future__ import annotations

import resource
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_merge  # noqa: E402

SECONDS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def _timed(stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kw: Any) -> Any:
        CALLS[stage] += 1
        started = time.process_time()
        try:
            return func(*args, **kw)
        finally:
            SECONDS[stage] += time.process_time() - started
    return wrapper


def _timer_cost() -> float:
    """CPU seconds the timer itself adds to a stage per call (check_shape is timed once per record: 300,000
    calls would otherwise count ~0.3 s of clock reads as shape checking); subtracted below."""
    calls, stage = 200_000, "  calibration"
    noop = _timed(stage, lambda: None)
    for _ in range(calls):
        noop()
    cost = SECONDS.pop(stage) / calls
    CALLS.pop(stage)
    return cost


def _timed_iter(stage: str, func: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    def wrapper(*args: Any, **kw: Any) -> Iterator[Any]:
        inner = func(*args, **kw)
        while True:
            CALLS[stage] += 1
            started = time.process_time()
            try:
                item = next(inner)
            except StopIteration:
                SECONDS[stage] += time.process_time() - started
                return
            SECONDS[stage] += time.process_time() - started
            yield item
    return wrapper


def _instrument() -> None:
    from antq_desktop.exchange import package_reader, strict_json
    from antq_desktop.services.keys import ring
    from antq_desktop.services.merge import apply, incoming, pipeline, record_feed
    from antq_desktop.storage import upsert
    strict_json_loads = strict_json.loads_strict
    package_reader.loads_strict = _timed("  reader, of which strict JSON parsing", strict_json_loads)  # type: ignore[attr-defined]
    package_reader.iter_records = _timed_iter(  # type: ignore[assignment]
        "read + decrypt + inflate + parse (reader)", package_reader.iter_records)
    package_reader.verify = _timed("verify: read, SHA-256, Ed25519", package_reader.verify)  # type: ignore[assignment]
    ring.KeyRing.opener = _timed("key unlock (Argon2)", ring.KeyRing.opener)  # type: ignore[method-assign]
    for name, stage in (("check_shape", "shape checks"), ("validated_rows", "validation + normalisation"),
                        ("authorise_references", "authority: references"), ("classify", "classification"),
                        ("check_references", "references"), ("add_derived_keys", "derived search/sort keys"),
                        ("write_batch", "write (change numbers + executemany)"),
                        ("check_end_state", "end-state checks"), ("check_audit_head", "audit head"),
                        ("_record_success", "import log, audit, producer state")):
        setattr(pipeline, name, _timed(stage, getattr(pipeline, name)))
    apply.write_merged = _timed("  write, of which executemany (DBAPI)", upsert.write_merged)  # type: ignore[attr-defined]
    # batches written as all new (apply.write_if_all_new): its steps, each under its own stage
    apply.insert_if_all_new = _timed("write: all-new batches (insert, DBAPI)", upsert.insert_if_all_new)  # type: ignore[attr-defined]
    apply.check_references = _timed("references", apply.check_references)  # type: ignore[attr-defined]
    apply.next_change_seq = _timed("change numbers (all-new batches)", apply.next_change_seq)  # type: ignore[attr-defined]
    # with the record reader in a child process (ANTQ_MERGE_WORKER=1, or by size): what this process pays for it
    record_feed._Worker.receive = _timed("record feed: receive + unpickle batches",  # type: ignore[method-assign]
                                         record_feed._Worker.receive)
    del incoming


def _children_cpu() -> float:
    """CPU of this process's joined children: the merge's record reader (services/merge/record_feed.py)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    communes = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    households = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    folder = bench_merge.prepare(communes, households)
    _instrument()
    from antq_desktop.services.merge.run import merge_packages
    from antq_desktop.storage.db import open_store
    db = folder / "profile-run.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(folder / "upper-template.sqlite3", db)
    store = open_store(str(db))
    paths = sorted((folder / "packages").glob("*.antq"))[:count]
    started, cpu, child = time.perf_counter(), time.process_time(), _children_cpu()
    results = merge_packages(store, paths, actor="admin", password=bench_merge.PASSWORD)
    total, cpu, child = time.perf_counter() - started, time.process_time() - cpu, _children_cpu() - child
    store.close()
    records = sum(sum(c.values()) for r in results for c in r.counts.values())
    per_call = _timer_cost()
    for stage, calls in CALLS.items():
        SECONDS[stage] = max(0.0, SECONDS[stage] - calls * per_call)
    print(f"merge of {count} packages, {records:,} records: {total:.2f} s wall, {cpu:.2f} s CPU "
          f"(timer cost {per_call * 1e6:.2f} µs per timed call subtracted from each stage)"
          + (f" + {child:.2f} s CPU in the record reader (child process; its stages are not in the table)"
             if child else ""))
    print("| stage | CPU seconds | % of CPU |\n|---|---|---|")
    for stage, seconds in sorted(SECONDS.items(), key=lambda kv: -kv[1]):
        print(f"| {stage} | {seconds:.2f} | {100 * seconds / cpu:.0f} % |")
    rest = cpu - sum(s for k, s in SECONDS.items() if not k.startswith("  "))
    print(f"| rest (queries for state, commit, loop, progress) | {rest:.2f} | {100 * rest / cpu:.0f} % |")


if __name__ == "__main__":
    main()
