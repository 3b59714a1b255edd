"""Province scale: 100 commune packages × 5,000 households (about a million records with pledges)
merged into one province store, then the communes overview and the summary report on it;
SQLite and PostgreSQL side by side in the same run.

Scale: ANTQ_BENCH_SCALE = "full" (default, 100×5000), "small" (10×500) or "<communes>x<households>".
The packages are built once and cached under bench/out/merge/<c>x<h>/ (shared with bench_merge;
an existing 30×5000 build is reused for the first 30 communes). The full build takes a long time
on a 2-core machine (demo data for 100 communes): run it once, e.g. overnight.
PostgreSQL runs in a throwaway cluster (tests/pg_server.py) with fsync on and an office's
settings (bench/pg_bench.py); without server binaries the PostgreSQL rows are skipped with a
printed reason.

The round (issue 18: within 45 s on either engine, memory flat in the number of packages): each
merge runs in its own process, first the first 10 packages, then all of them, into fresh copies
of the template; the round's time is shown beside 10 packages' time × 10 (linear), its peak RSS
beside 10 packages'.

Each run also keeps the freshly merged store, as it was right after the merge, under
bench/out/merge/<c>x<h>/ (merged-sqlite.sqlite3, merged-postgresql.pgdump). With
ANTQ_BENCH_REUSE_MERGED=1 a run starts from those copies instead of merging again (the merge row
is then left out; a normal run measures it): to re-measure the overview and the summary in
a few minutes rather than after two merges. Without a PostgreSQL copy yet, PostgreSQL starts
from the rows of the merged SQLite store (the merge writes the same rows on either engine).

Run: PYTHONPATH=src:. .venv/bin/python bench/bench_scale.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import bench_merge  # noqa: E402
import pg_bench  # noqa: E402
from common import OUT, Result  # noqa: E402

PASSWORD = bench_merge.PASSWORD
YEAR = 2026
REUSE = os.environ.get("ANTQ_BENCH_REUSE_MERGED", "").strip() not in ("", "0")
SMALL = 10  # the round's memory and time are compared with the first 10 packages'
PG_TEMPLATE = "antq_scale_template"


def scale() -> tuple[int, int]:
    text = os.environ.get("ANTQ_BENCH_SCALE", "full").strip().lower()
    if text == "full":
        return 100, 5000
    if text == "small":
        return 10, 500
    communes, _, households = text.partition("x")
    return int(communes), int(households)


def prepare(communes: int, households: int) -> Path:
    """bench_merge's cache (grown from a smaller cached build with the same households if there is one)."""
    return bench_merge.prepare(communes, households)


def _drop_interim_fts(template: Path) -> None:
    """A template migrated while migration 0003 briefly kept an FTS5 mirror of households (taken
    out since: it made province-scale merges ~50x slower) still carries it: drop it, or every
    merge into a copy is measured with it."""
    import sqlite3

    conn = sqlite3.connect(template)
    try:
        triggers = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'households_fts%'")]
        if triggers or conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'households_fts'").fetchone():
            for name in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            conn.execute("DROP TABLE IF EXISTS households_fts")
            conn.commit()
            print(f"bench_scale: dropped the interim households_fts mirror from {template.name}", file=sys.stderr)
    finally:
        conn.close()


def _sqlite_store(folder: Path, merged: Path) -> Any:
    """A fresh copy of the cached merged store (when reusing one)."""
    from antq_desktop.storage.db import open_store

    db = folder / "scale-run.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    shutil.rmtree(folder / "merged-packages", ignore_errors=True)
    shutil.copyfile(merged, db)
    return open_store(str(db))


def _cache(folder: Path, engine: str) -> Path:
    return folder / ("merged-sqlite.sqlite3" if engine == "sqlite" else "merged-postgresql.pgdump")


def _libpq(url: str) -> list[str]:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    return ["-h", str(u.host), "-p", str(u.port), "-U", str(u.username), "-d", str(u.database)]


def _save_merged(store: Any, folder: Path, server: Any) -> None:
    """Keep the store as the merge left it (statistics included) for ANTQ_BENCH_REUSE_MERGED runs."""
    import sqlite3
    import subprocess

    target = _cache(folder, store.engine.dialect.name)
    partial = target.with_name(target.name + ".partial")
    if store.is_sqlite:
        src, dst = sqlite3.connect(store.sqlite_path), sqlite3.connect(partial)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
            src.close()
    else:
        subprocess.run([str(server.bin / "pg_dump"), "-Fc", "-f", str(partial), *_libpq(store.url)],
                       check=True, capture_output=True)
    partial.replace(target)


def _pg_restore(server: Any, dump: Path) -> Any:
    """A fresh PostgreSQL database restored from the cached merged store, then analysed (the
    merge's own writes had given autovacuum's analyser its statistics)."""
    import subprocess

    from antq_desktop.storage.db import open_store

    url = server.create_database(f"antq_scale_{int(time.time())}")
    subprocess.run([str(server.bin / "pg_restore"), "--no-owner", *_libpq(url), str(dump)],
                   check=True, capture_output=True)
    store = open_store(url)
    with store.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    return store


def _median(fn: Any, repeat: int = 3) -> float:
    """Median of `repeat` runs; a run above 5 s is not repeated (the full scale would take an hour)."""
    times: list[float] = []
    while len(times) < repeat and (not times or times[-1] < 5):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def merge_round(engine: str, folder: Path, communes: int, server: Any = None) -> tuple[dict[str, Any], Any]:
    """The province round on one engine, each merge in its own process (its peak RSS its own):
    the first 10 packages, then all of them, into fresh copies of the template. Returns the
    figures and the store holding all the packages (for the overview and the summary)."""
    from antq_desktop.storage.db import open_store

    paths = sorted((folder / "packages").glob("*.antq"))[:communes]
    figures: dict[str, Any] = {"packages": len(paths)}
    for key, count in (("small", min(SMALL, len(paths))), ("round", len(paths))):
        url = pg_bench.clone(server, PG_TEMPLATE, f"antq_scale_{count}") if server else None
        server_cpu = pg_bench.server_cpu(server) if server else 0.0
        out = bench_merge.merge_run(folder, count, url)
        figures[key] = {"count": count, "seconds": out["seconds"], "records": out["records"],
                        "cpu": out["cpu"] + ((pg_bench.server_cpu(server) - server_cpu) if server else 0.0),
                        "rss_mib": out["rss_kib"] / 1024}
        _say(engine, figures)
        if key == "small" and count != len(paths):
            if server:
                pg_bench.drop(server, f"antq_scale_{count}")
            else:
                _unlink_sqlite(folder / f"upper-run-{count}.sqlite3")
    figures["records"] = figures["round"]["records"]
    store = open_store(url or str(folder / f"upper-run-{len(paths)}.sqlite3"))
    _save_merged(store, folder, server)
    return figures, store


def _unlink_sqlite(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def measure(store: Any, figures: dict[str, Any]) -> dict[str, Any]:
    """The overview and the summary report on the merged store, against one raw GROUP BY."""
    from sqlalchemy import func, select

    from antq_desktop.services.forms import reports as form_reports
    from antq_desktop.services.office import overview
    from antq_desktop.storage.models import SYNCED_MODELS, Household

    if "records" not in figures:  # a reused merged store
        with store.engine.connect() as conn:
            figures["records"] = sum(conn.execute(select(func.count()).select_from(m)).scalar() or 0
                                     for m in SYNCED_MODELS)
    _province_plan(store)
    out = OUT / "scale-summary.xlsx"
    engine = store.engine.dialect.name

    def raw() -> None:  # what the database alone needs: one GROUP BY over the households
        with store.engine.connect() as conn:
            conn.execute(select(Household.origin_unit, func.count()).group_by(Household.origin_unit)).all()

    figures["raw"] = _median(raw)
    figures["overview"] = _median(lambda: overview.commune_rows(store, year=YEAR))
    _say(engine, figures)
    figures["summary"] = _median(lambda: form_reports.render_summary(store, YEAR, out), repeat=1)
    _say(engine, figures)
    return figures


def _province_plan(store: Any) -> None:
    """The province's plan for the year with a target on every indicator: the overview then
    computes each of them for every commune (without a plan it has no target to show)."""
    from antq_desktop.domain import catalog as catalogs
    from antq_desktop.services.records import writes as records

    plan = records.create(store, "plan", {"year": YEAR, "title": "Kế hoạch của tỉnh"}, actor="admin")
    for indicator in catalogs.load_indicators():
        records.create(store, "plan_target", {"plan_id": plan, "indicator": indicator, "threshold": 80},
                       actor="admin")


def _say(engine: str, figures: dict[str, Any]) -> None:
    """Each figure as soon as it is known: a full-scale run is long and may be stopped."""
    print(f"bench_scale [{engine}] " + json.dumps(figures, default=str), file=sys.stderr, flush=True)


def _engine_rows(name: str, m: dict[str, Any], sqlite: dict[str, Any] | None) -> list[Result]:
    rows = []
    if "round" in m:
        small, full = m["small"], m["round"]
        label = f"[{name}] province round: merge {full['count']} packages ({int(full['records']):,} records)"
        linear = full["count"] / small["count"]
        province = scale() == (100, 5000)  # the goal is for the province round; a smaller run only reports
        rows += [
            Result(label.replace(",", "."), full["seconds"], "s", small["seconds"] * linear,
                   f"{small['count']} packages, same run, × {linear:g} (linear)",
                   "≤ 45 s" if province else "report (goal ≤ 45 s at 100 × 5,000)", limit=45.0 if province else None),
            Result(f"[{name}]   same, CPU time{' (client + server)' if name == 'PostgreSQL' else ''}", full["cpu"],
                   "s (CPU)", small["cpu"] * linear, f"{small['count']} packages × {linear:g}, CPU", "report"),
            Result(f"[{name}]   merge peak RSS, {full['count']} packages", full["rss_mib"], "MiB", small["rss_mib"],
                   f"same, {small['count']} packages", f"flat: ≤ 1.5× of {small['count']} packages", target=1.5),
        ]
        if sqlite is not None and "round" in sqlite:
            rows.append(Result(f"[{name}]   same round against SQLite", full["seconds"], "s",
                               sqlite["round"]["seconds"], "SQLite, same run", "report"))
    return rows + [
        Result(f"[{name}] overview refresh (commune_rows)", m["overview"], "s", m["raw"],
               "raw GROUP BY households", "< 1 s"),
        Result(f"[{name}] summary report (.xlsx)", m["summary"], "s", m["raw"], "raw GROUP BY households", "report"),
    ]


def results() -> list[Result]:
    communes, households = scale()
    folder = prepare(communes, households)
    _drop_interim_fts(folder / "upper-template.sqlite3")
    reuse = REUSE and _cache(folder, "sqlite").exists()
    if REUSE and not reuse:
        print("bench_scale: no cached merged store yet: merging", file=sys.stderr)
    if reuse:
        sqlite_figures: dict[str, Any] = {"packages": communes}
        store = _sqlite_store(folder, _cache(folder, "sqlite"))
    else:
        sqlite_figures, store = merge_round("sqlite", folder, communes)
    try:
        sqlite = measure(store, sqlite_figures)
    finally:
        store.close()
    _unlink_sqlite(folder / f"upper-run-{communes}.sqlite3")
    rows = _engine_rows("SQLite", sqlite, None)
    try:
        server = pg_bench.start_server()
    except Exception as exc:  # noqa: BLE001 - no server binaries, no permission...
        print(f"bench_scale: PostgreSQL skipped: {exc}", file=sys.stderr)
        return rows
    try:
        reuse = REUSE and (_cache(folder, "postgresql").exists() or _cache(folder, "sqlite").exists())
        figures: dict[str, Any] = {"packages": communes}
        if not reuse:
            pg_bench.template_store(folder, server, PG_TEMPLATE).close()
            figures, store = merge_round("postgresql", folder, communes, server)
        elif _cache(folder, "postgresql").exists():
            store = _pg_restore(server, _cache(folder, "postgresql"))
        else:  # the merge writes the same rows on either engine: copy the merged SQLite store's
            store = pg_bench.template_store(folder, server, source=_cache(folder, "sqlite"))
        try:
            rows += _engine_rows("PostgreSQL", measure(store, figures), sqlite)
        finally:
            store.close()
    finally:
        server.stop()
    return rows


if __name__ == "__main__":
    for r in results():
        print(f"{r.name}: {r.value:,.3f} {r.unit} vs {r.baseline:,.3f} ({r.baseline_name}) = {r.ratio:.2f}×; "
              f"goal {r.goal} {r.met}")
