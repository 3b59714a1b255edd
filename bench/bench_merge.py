"""Upper-office merge: 30 commune packages of 5,000 households each (with their pledges, areas,
organisations…) merged into one store. Merge time against issue 18's baseline, measured in
the same run: the rows read back from the merged store, inserted with plain `sqlite3` executemany
upsert into an empty copy of the same schema (same indexes and pragmas), one transaction per
package; at 10 and 30 packages, merge and baseline alternated (medians). Peak memory (RSS) for 30
packages against 1.

PostgreSQL (bench/pg_bench.py: a throwaway server with fsync on): the same packages merged into a
copy of the template database, against plain psycopg writing the merged rows into an empty copy
of it, one transaction per package, both as a pipelined executemany of the upsert and as COPY
(both reported; the faster is the baseline). CPU time there is the client's plus the server's.

The packages are made once (demo data in 30 commune stores with official commune codes,
signed and encrypted to the upper office) and cached under bench/out/merge/; a smaller run takes
the first packages of a larger cached build.

Run: PYTHONPATH=src .venv/bin/python bench/bench_merge.py [communes] [households]
(BENCH_MERGE_REPEATS=1 for a quick look.)
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
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
REPEATS = int(os.environ.get("BENCH_MERGE_REPEATS", "3"))


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


def _grow(source: Path, folder: Path, communes: int, households: int) -> None:
    from antq_desktop.domain import units
    from antq_desktop.exchange import package_reader
    from antq_desktop.exchange.keys import read_public_key_file
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.storage.db import open_store

    if not (folder / "upper-template.sqlite3").exists():
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "communes").mkdir(parents=True)
        shutil.copytree(source / "packages", folder / "packages")
        shutil.copyfile(source / "upper-template.sqlite3", folder / "upper-template.sqlite3")
    upper = open_store(str(folder / "upper-template.sqlite3"))
    try:
        with upper.session_factory() as session:
            upper_key = read_public_key_file(keys.public_key_file(session, PASSWORD))
            trusted = keys.trusted_lookup(session)
        # An interrupted build resumes: build every missing package, and any whose key was not yet trusted.
        for index, unit in enumerate(units.communes("01")[:communes]):
            path = folder / "packages" / f"{unit.code}.antq"
            if path.exists() and trusted(package_reader.inspect(path).signer_key_id) is not None:
                continue
            key_file = _make_package(folder, index, unit, households, upper_key)
            with upper.session() as session:
                keys.trust_add(session, key_file, actor="admin")
            print(f"  package {index + 1}/{communes}", file=sys.stderr, flush=True)
    finally:
        upper.close()
    (folder / "ready.json").write_text(json.dumps({"communes": communes, "households": households}))


def _at_current_schema(folder: Path) -> Path:
    """A template cached before a migration is migrated first: the raw baseline copies it as it is, and
    must write into the schema the merge writes into (the merge's own copy would be migrated on open)."""
    from antq_desktop.storage.db import open_store
    open_store(str(folder / "upper-template.sqlite3")).close()
    return folder


def prepare(communes: int, households: int) -> Path:
    """The cached upper-office template (keys, trust registry) and the commune packages: a larger
    cached build is used as it is (the merges take its first packages), a smaller one or an
    interrupted one is grown, else all are built."""
    from antq_desktop.domain import units
    from antq_desktop.exchange.keys import read_public_key_file
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store
    folder = _folder(communes, households)
    if (folder / "ready.json").exists():
        return _at_current_schema(folder)
    bigger = sorted((p for p in CACHE.glob(f"*x{households}") if (p / "ready.json").exists()
                     and int(p.name.split("x")[0]) > communes), key=lambda p: int(p.name.split("x")[0]))
    if bigger:  # the merges take the first `communes` packages; its template trusts them all
        return _at_current_schema(bigger[0])
    if (folder / "upper-template.sqlite3").exists():  # an interrupted build: resume it
        _grow(folder, folder, communes, households)
        return folder
    smaller = sorted((p for p in CACHE.glob(f"*x{households}") if (p / "ready.json").exists()
                      and int(p.name.split("x")[0]) < communes), key=lambda p: int(p.name.split("x")[0]))
    if smaller:
        _grow(smaller[-1], folder, communes, households)
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
url = sys.argv[4] if len(sys.argv) > 4 else None  # a PostgreSQL copy of the template, made by the caller
if url is None:
    db = folder / f"upper-run-{count}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.copyfile(folder / "upper-template.sqlite3", db)
store = open_store(url or str(db))
paths = sorted((folder / "packages").glob("*.antq"))[:count]
def children_cpu():  # the merge's record reader (services/merge/record_feed.py), joined when the merge ends
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
started, cpu, child = time.perf_counter(), time.process_time(), children_cpu()
results = merge_packages(store, paths, actor="admin", password=password)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu + children_cpu() - child
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


def merge_run(folder: Path, count: int, url: str | None = None) -> dict[str, Any]:
    """In a fresh process, so the peak RSS is the merge's own; into a copy of the SQLite template,
    or into `url` (a PostgreSQL database holding the template's rows)."""
    out = json.loads(run_python(_MERGE, str(folder), str(count), PASSWORD, *([url] if url else []))
                     .strip().splitlines()[-1])
    assert out["statuses"] == ["merged"], out
    return out


Package = list[tuple[str, list[str], list[tuple[Any, ...]]]]  # (table, columns, rows) of one package


def _merged_rows(db: Path) -> list[Package]:
    """The baseline's rows (issue 18): every synced row exactly as the merge stored it, read back
    from the merged store with plain sqlite3 (not timed), grouped per package (origin unit) and table,
    parents before children."""
    from antq_desktop.storage.models import SYNCED_MODELS, Base
    synced = {m.__tablename__ for m in SYNCED_MODELS}
    conn = sqlite3.connect(db)
    packages: dict[str, Package] = {}
    try:
        for table in (t for t in Base.metadata.sorted_tables if t.name in synced):
            cursor = conn.execute(f"SELECT * FROM {table.name} ORDER BY rowid")
            names = [d[0] for d in cursor.description]
            unit = names.index("origin_unit")
            grouped: dict[str, list[tuple[Any, ...]]] = {}
            for row in cursor:
                grouped.setdefault(row[unit], []).append(row)
            for origin, rows in grouped.items():
                packages.setdefault(origin, []).append((table.name, names, rows))
    finally:
        conn.close()
    return list(packages.values())


def raw_run(folder: Path, packages: list[Package]) -> tuple[float, float, int]:
    """Plain sqlite3 into an empty copy of the same schema (the template: same indexes, triggers and
    pragmas): executemany upsert-if-newer, one transaction per package. Wall seconds, CPU seconds, rows."""
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
    for package in packages:
        conn.execute("BEGIN IMMEDIATE")
        for table, names, values in package:
            cols = ", ".join(names)
            sets = ", ".join(f"{n}=excluded.{n}" for n in names if n != "id")
            sql = (f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(names))}) ON CONFLICT(id) DO UPDATE "
                   f"SET {sets} WHERE excluded.revision > {table}.revision")
            conn.executemany(sql, values)
            rows += len(values)
        conn.execute("COMMIT")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return seconds, cpu, rows


def measure(folder: Path, count: int, repeats: int = REPEATS) -> dict[str, Any]:
    """Merge and raw baseline alternated `repeats` times in this run; medians (the machine is shared)."""
    merges, raws = [], []
    for _ in range(repeats):
        merges.append(merge_run(folder, count))
        packages = _merged_rows(folder / f"upper-run-{count}.sqlite3")
        raws.append(raw_run(folder, packages))
    assert raws[0][2] == merges[0]["records"], (raws[0][2], merges[0]["records"])
    return {"records": merges[0]["records"], "merge": statistics.median(m["seconds"] for m in merges),
            "merge_cpu": statistics.median(m["cpu"] for m in merges), "rss_kib": max(m["rss_kib"] for m in merges),
            "raw": statistics.median(r[0] for r in raws), "raw_cpu": statistics.median(r[1] for r in raws),
            "merges": [round(m["seconds"], 2) for m in merges], "raws": [round(r[0], 2) for r in raws]}


# --- PostgreSQL: the same merge against plain psycopg into the same schema ---------------------

PG_TEMPLATE = "antq_bench_template"


def pg_merged_rows(server: Any, name: str) -> list[Package]:
    """The baseline's rows on PostgreSQL: every synced row as the merge stored it, read back with
    plain psycopg (not timed), grouped per package (origin unit) and table in the merge's write order."""
    import pg_bench
    import psycopg

    from antq_desktop.storage.models import SYNCED_MODELS, Base
    synced = {m.__tablename__ for m in SYNCED_MODELS}
    packages: dict[str, Package] = {}
    with psycopg.connect(pg_bench.conninfo(server, name)) as conn:
        for table in (t for t in Base.metadata.sorted_tables if t.name in synced):
            cursor = conn.execute(f'SELECT * FROM "{table.name}" ORDER BY change_seq, id')
            names = [d.name for d in cursor.description or ()]
            unit = names.index("origin_unit")
            grouped: dict[str, list[tuple[Any, ...]]] = {}
            for row in cursor:
                grouped.setdefault(row[unit], []).append(row)
            for origin, rows in grouped.items():
                packages.setdefault(origin, []).append((table.name, names, rows))
    return list(packages.values())


def pg_raw_run(server: Any, packages: list[Package], how: str) -> dict[str, float]:
    """Plain psycopg into an empty copy of the same schema (a copy of the template database), one
    transaction per package: `executemany` of the upsert-if-newer (pipelined by psycopg 3), or
    COPY. Wall seconds, CPU seconds of this process and of the server, rows."""
    import pg_bench
    import psycopg
    name = f"antq_bench_raw_{how}"
    pg_bench.clone(server, PG_TEMPLATE, name)
    rows = 0
    with psycopg.connect(pg_bench.conninfo(server, name)) as conn:
        started, cpu, server_cpu = time.perf_counter(), time.process_time(), pg_bench.server_cpu(server)
        for package in packages:
            with conn.transaction(), conn.cursor() as cursor:
                for table, names, values in package:
                    cols = ", ".join(f'"{n}"' for n in names)
                    if how == "copy":
                        with cursor.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
                            for value in values:
                                copy.write_row(value)
                    else:
                        sets = ", ".join(f'"{n}" = EXCLUDED."{n}"' for n in names if n != "id")
                        cursor.executemany(
                            f'INSERT INTO "{table}" ({cols}) VALUES ({", ".join(["%s"] * len(names))}) '
                            f'ON CONFLICT (id) DO UPDATE SET {sets} WHERE "{table}".revision < EXCLUDED.revision',
                            values)
                    rows += len(values)
        out = {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
               "server_cpu": pg_bench.server_cpu(server) - server_cpu, "rows": rows}
    pg_bench.drop(server, name)
    return out


def pg_merge_run(server: Any, folder: Path, count: int) -> dict[str, Any]:
    """The merge (in its own process) into a copy of the template database; its rows read back."""
    import pg_bench
    name = f"antq_bench_merge_{count}"
    merge_url = pg_bench.clone(server, PG_TEMPLATE, name)
    server_cpu = pg_bench.server_cpu(server)
    out = merge_run(folder, count, merge_url)
    out["server_cpu"] = pg_bench.server_cpu(server) - server_cpu
    out["packages"] = pg_merged_rows(server, name)
    pg_bench.drop(server, name)
    return out


def pg_measure(server: Any, folder: Path, count: int, repeats: int = REPEATS) -> dict[str, Any]:
    """Merge, raw executemany and raw COPY alternated `repeats` times; medians."""
    merges, raws = [], {"executemany": [], "copy": []}  # type: ignore[var-annotated]
    for _ in range(repeats):
        merge = pg_merge_run(server, folder, count)
        packages = merge.pop("packages")
        merges.append(merge)
        for how, runs in raws.items():
            runs.append(pg_raw_run(server, packages, how))
    assert all(runs[0]["rows"] == merges[0]["records"] for runs in raws.values()), (raws, merges[0]["records"])

    def med(runs: list[dict[str, Any]], key: str) -> float:
        return statistics.median(r[key] for r in runs)
    out = {"records": merges[0]["records"], "merge": med(merges, "seconds"),
           "merge_cpu": med(merges, "cpu") + med(merges, "server_cpu"), "rss_kib": max(m["rss_kib"] for m in merges),
           "merges": [round(m["seconds"], 2) for m in merges]}
    for how, runs in raws.items():
        out[how] = med(runs, "seconds")
        out[f"{how}_cpu"] = med(runs, "cpu") + med(runs, "server_cpu")
        out[f"{how}_runs"] = [round(r["seconds"], 2) for r in runs]
    out["raw_how"] = min(raws, key=lambda how: out[how])
    return out


def pg_results(folder: Path, counts: list[int]) -> list[Result]:
    """The PostgreSQL rows: merge against the faster of psycopg executemany and COPY (both shown)."""
    import pg_bench
    try:
        server = pg_bench.start_server()
    except Exception as exc:  # noqa: BLE001 - no server binaries, no permission...
        print(f"bench_merge: PostgreSQL skipped: {exc}", file=sys.stderr)
        return []
    out: list[Result] = []
    try:
        pg_bench.template_store(folder, server, PG_TEMPLATE).close()
        for count in counts:
            try:
                m = pg_measure(server, folder, count)
            except Exception as exc:  # noqa: BLE001 - keep the SQLite rows and say what failed
                print(f"bench_merge: PostgreSQL {count} packages failed: {exc!r}", file=sys.stderr)
                out.append(Result(f"[PostgreSQL] merge {count} packages: FAILED ({type(exc).__name__})",
                                  float("nan"), "s", float("nan"), "see the run's log", "≤ 1.5× raw", target=1.5))
                continue
            label = (f"[PostgreSQL] merge {count} packages × {HOUSEHOLDS:,} households ({m['records']:,} records)"
                     .replace(",", "."))
            print(f"{label}: merge runs {m['merges']} s, executemany {m['executemany_runs']} s, "
                  f"COPY {m['copy_runs']} s", file=sys.stderr)
            how, other = m["raw_how"], "copy" if m["raw_how"] == "executemany" else "executemany"
            names = {"executemany": "raw psycopg executemany upsert (pipelined)", "copy": "raw psycopg COPY"}
            out += [
                Result(label, m["merge"], "s", m[how], f"{names[how]} of the merged rows, the faster",
                       "≤ 1.5× raw (floor 2×)", floor=2.0, target=1.5),
                Result(f"{label}, CPU time (client + server)", m["merge_cpu"], "s (CPU)", m[f"{how}_cpu"],
                       "same, CPU", "≤ 1.5× raw", target=1.5),
                Result(f"  other baseline: {names[other]}", m["merge"], "s", m[other], names[other], "report"),
            ]
    finally:
        server.stop()
    return out


def results() -> list[Result]:
    """Merge time against the raw upsert of the same rows (issue 18's baseline), at 10 and 30 packages."""
    folder = prepare(COMMUNES, HOUSEHOLDS)
    out: list[Result] = []
    counts = sorted({min(10, COMMUNES), COMMUNES})
    measured = {count: measure(folder, count) for count in counts}
    for count in counts:
        m = measured[count]
        label = f"merge {count} packages × {HOUSEHOLDS:,} households ({m['records']:,} records)".replace(",", ".")
        print(f"{label}: merge runs {m['merges']} s, raw runs {m['raws']} s", file=sys.stderr)
        out += [
            Result(label, m["merge"], "s", m["raw"], "raw sqlite3 executemany upsert of the merged rows",
                   "≤ 1.5× raw (floor 2×)", floor=2.0, target=1.5),
            Result(f"{label}, CPU time", m["merge_cpu"], "s (CPU)", m["raw_cpu"], "same, CPU", "≤ 1.5× raw",
                   target=1.5),
        ]
    one = merge_run(folder, 1)
    out.append(Result(f"merge peak RSS, {COMMUNES} packages", measured[COMMUNES]["rss_kib"] / 1024, "MiB",
                      one["rss_kib"] / 1024, "same, 1 package", "flat: ≤ 1.5× of one package", target=1.5))
    return out + pg_results(folder, counts)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        COMMUNES = int(sys.argv[1])
    if len(sys.argv) > 2:
        HOUSEHOLDS = int(sys.argv[2])
    for r in results():
        print(f"{r.name}: {r.value:,.2f} {r.unit} vs {r.baseline:,.2f} ({r.baseline_name}) = {r.ratio:.2f}×; "
              f"goal {r.goal}")
