"""Upper-office merge: 30 commune packages of 5,000 households each (with their pledges, areas,
organisations…) merged into one store. Records/s against a raw `sqlite3` executemany upsert of
the same rows measured in the same run, and peak memory (RSS) for 30 packages against 1.

The packages are made once (demo data in 30 commune stores with official commune codes,
signed and encrypted to the upper office) and cached under bench/out/merge/.

Run: PYTHONPATH=src .venv/bin/python bench/bench_merge.py [communes] [households]
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, Result, run_python  # noqa: E402

PASSWORD = "mot cau rat dai cho bench"
CACHE = OUT / "merge"
COMMUNES = int(os.environ.get("BENCH_MERGE_COMMUNES", "30"))
HOUSEHOLDS = int(os.environ.get("BENCH_MERGE_HOUSEHOLDS", "5000"))


def _folder(communes: int, households: int) -> Path:
    return CACHE / f"{communes}x{households}"


def _commune_records(store: Any, code: str) -> list[dict[str, Any]]:
    from sqlalchemy import select

    from antq_desktop.storage.canonical import canonical_record
    from antq_desktop.storage.models import SYNCED_MODELS
    out = []
    with store.session_factory() as session:
        for model in SYNCED_MODELS:
            table = model.__table__
            stmt = select(table).where(table.c.origin_unit == code).order_by(table.c.id)
            out += [canonical_record(model, row) for row in session.execute(stmt).mappings()]
    return out


def _make_package(folder: Path, index: int, unit: Any, households: int, upper_key: Any) -> bytes:
    """One commune: demo data, its package to the upper office; returns its public key file."""
    from antq_desktop.exchange.keystore import KeyStore
    from antq_desktop.exchange.package_format import Producer
    from antq_desktop.exchange.package_writer import PackageMeta, write_package
    from antq_desktop.services import demo
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    db = folder / "communes" / f"{unit.code}.sqlite3"
    db.unlink(missing_ok=True)
    store = open_store(str(db))
    try:
        profile.initialise(store, role="commune", unit_code=unit.code, officer_name="Cán bộ", password=PASSWORD)
        demo.generate(store, households=households, seed=1000 + index)
        rows = _commune_records(store, unit.code)
        with store.session_factory() as session:
            blob, key_file = keys.active_blob(session), keys.public_key_file(session, PASSWORD)
        meta = PackageMeta(Producer(unit.code, unit.name, "commune"), 1, "full", "2026", "bench", "1")
        with KeyStore.unlock(blob, PASSWORD) as signer:
            write_package(folder / "packages" / f"{unit.code}.antq", rows, meta, signer, upper_key)
    finally:
        store.close()
    db.unlink(missing_ok=True)
    return key_file


def prepare(communes: int, households: int) -> Path:
    """The cached upper-office template (keys, trust registry) and the commune packages."""
    from antq_desktop.domain import units
    from antq_desktop.exchange.keys import read_public_key_file
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    folder = _folder(communes, households)
    if (folder / "ready.json").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for sub in ("communes", "packages"):
        (folder / sub).mkdir(parents=True)
    upper = open_store(str(folder / "upper-template.sqlite3"))
    try:
        profile.initialise(upper, role="province", unit_code="01", officer_name="Cán bộ tỉnh", password=PASSWORD)
        with upper.session_factory() as session:
            upper_key = read_public_key_file(keys.public_key_file(session, PASSWORD))
        for index, unit in enumerate(units.communes("01")[:communes]):
            key_file = _make_package(folder, index, unit, households, upper_key)
            with upper.session() as session:
                keys.trust_add(session, key_file, actor="admin")
            print(f"  package {index + 1}/{communes}", file=sys.stderr, flush=True)
    finally:
        upper.close()
    (folder / "ready.json").write_text(json.dumps({"communes": communes, "households": households}))
    return folder


_MERGE = """
import json, resource, shutil, sys, time
from pathlib import Path
from antq_desktop.services.merge.run import merge_packages
from antq_desktop.storage.db import open_store
folder, count, password = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
db = folder / f"upper-run-{count}.sqlite3"
for suffix in ("", "-wal", "-shm"):
    Path(str(db) + suffix).unlink(missing_ok=True)
shutil.copyfile(folder / "upper-template.sqlite3", db)
store = open_store(str(db))
paths = sorted((folder / "packages").glob("*.antq"))[:count]
started, cpu = time.perf_counter(), time.process_time()
results = merge_packages(store, paths, actor="admin", password=password)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
store.close()
records = sum(sum(c.values()) for r in results for c in r.counts.values())
# VmHWM: this process's own peak (ru_maxrss would include the parent's memory from before exec).
status = Path("/proc/self/status")
hwm = [line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")] \
    if status.exists() else []
rss_kib = int(hwm[0]) if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "cpu": cpu, "records": records, "statuses": sorted({r.status for r in results}),
                  "rss_kib": rss_kib}))
"""


def merge_run(folder: Path, count: int) -> dict[str, Any]:
    """In a fresh process, so the peak RSS is the merge's own."""
    out = json.loads(run_python(_MERGE, str(folder), str(count), PASSWORD).strip().splitlines()[-1])
    assert out["statuses"] == ["merged"], out
    return out


def _rows_by_table(folder: Path) -> list[tuple[str, list[str], list[tuple[Any, ...]]]]:
    """The same rows as the merge writes (decrypted up front, not timed), grouped per package and table."""
    from antq_desktop.exchange.keystore import KeyStore
    from antq_desktop.exchange.package_reader import read_package
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.storage.db import open_store
    from antq_desktop.storage.models import MODEL_BY_TYPE
    upper = open_store(str(folder / "upper-template.sqlite3"))
    with upper.session_factory() as session:
        lookup, blob = keys.trusted_lookup(session), keys.active_blob(session)
    upper.close()
    batches = []
    with KeyStore.unlock(blob, PASSWORD) as opener:
        for path in sorted((folder / "packages").glob("*.antq")):
            grouped: dict[str, list[dict[str, Any]]] = {}
            for record in read_package(path, lookup, opener)[1]:
                grouped.setdefault(record.pop("type"), []).append(record)
            for record_type, rows in grouped.items():
                table = MODEL_BY_TYPE[record_type].__table__
                names = [c.name for c in table.columns]
                values = [tuple(_sql(v) for v in _stored_form(record_type, r, names)) for r in rows]
                batches.append((table.name, names, values))
    return batches


def _stored_form(record_type: str, record: dict[str, Any], names: list[str]) -> list[Any]:
    """The row as the merge stores it, local columns included: the same search and sort keys
    (they feed the search index triggers, a real part of the write cost) and a change number."""
    from antq_desktop.services.records import rules as record_rules
    global _SEQ
    _SEQ += 1
    local = {"change_seq": _SEQ, "search_key": "", "sort_key": "", **record_rules.derived_keys(record_type, record)}
    return [local[n] if n in local else record.get(n) for n in names]


_SEQ = 0


def _sql(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value)
    return value


def raw_run(folder: Path, batches: list[tuple[str, list[str], list[tuple[Any, ...]]]]) -> tuple[float, float, int]:
    """Plain sqlite3: executemany upsert on the same schema, one transaction per package table.
    Returns wall seconds, CPU seconds and rows."""
    db = folder / "raw.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(folder / "upper-template.sqlite3", db)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA cache_size=-65536")  # the store's own setting (storage/db.py)
    started, cpu = time.perf_counter(), time.process_time()
    rows = 0
    for table, names, values in batches:
        cols = ", ".join(names)
        sets = ", ".join(f"{n}=excluded.{n}" for n in names if n != "id")
        sql = (f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(names))}) ON CONFLICT(id) DO UPDATE "
               f"SET {sets} WHERE excluded.revision > {table}.revision")
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(sql, values)
        conn.execute("COMMIT")
        rows += len(values)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return seconds, cpu, rows


def results() -> list[Result]:
    """The machine is shared and noisy: the raw baseline runs before and after the merge (mean),
    and CPU time is reported next to wall time."""
    folder = prepare(COMMUNES, HOUSEHOLDS)
    batches = _rows_by_table(folder)
    raw = [raw_run(folder, batches)]
    full = merge_run(folder, COMMUNES)
    raw.append(raw_run(folder, batches))
    one = merge_run(folder, 1)
    raw_rows = raw[0][2]
    assert raw_rows == full["records"], (raw_rows, full["records"])
    raw_wall, raw_cpu = sum(r[0] for r in raw) / 2, sum(r[1] for r in raw) / 2
    label = f"merge {COMMUNES} packages × {HOUSEHOLDS:,} households ({full['records']:,} records)".replace(",", ".")
    return [
        Result(label, full["records"] / full["seconds"], "records/s", raw_rows / raw_wall,
               "raw sqlite3 executemany upsert", "within 3× of raw (rate ≥ 1/3 of baseline)"),
        Result(f"{label}, CPU time", full["records"] / full["cpu"], "records/s (CPU)", raw_rows / raw_cpu,
               "raw sqlite3 executemany upsert, CPU", "within 3× of raw"),
        Result(f"merge peak RSS, {COMMUNES} packages", full["rss_kib"] / 1024, "MiB", one["rss_kib"] / 1024,
               "same, 1 package", "flat: ≤ 1.5× of one package"),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1:
        COMMUNES = int(sys.argv[1])
    if len(sys.argv) > 2:
        HOUSEHOLDS = int(sys.argv[2])
    for r in results():
        print(f"{r.name}: {r.value:,.1f} {r.unit} vs {r.baseline:,.1f} ({r.baseline_name}); goal {r.goal}")
