"""`make bench`: every benchmark, each figure beside a raw baseline measured in the same run and
its goal; writes the whole of bench/RESULTS.md by itself (nothing in it is written by hand).

Each `bench/bench_*.py` module may expose `results() -> list[common.Result]` (name, value, unit,
baseline, baseline name, goal and the bound that says whether it is met); modules without it
are run as scripts and their output is shown as is. For each module the file gives its run
time and the machine's load average when it started and when it ended: the machine may be
shared, and a loaded run is slower in wall time (ratios are against baselines measured in the
same run, so they move less). The conditions paragraph is generated; bench/NOTES.md (static
explanations of the benchmarks) is appended.

Run: `make bench`, or `bench/run.py bench_merge bench_scale` for some modules only (RESULTS.md
is then written with those modules alone).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, format_table  # noqa: E402


@dataclass
class ModuleRun:
    name: str
    seconds: float = 0.0
    load_start: tuple[float, float, float] = (0.0, 0.0, 0.0)
    load_end: tuple[float, float, float] = (0.0, 0.0, 0.0)
    rows: list[Result] = field(default_factory=list)
    output: str = ""  # a module without results(): its printed output
    error: str = ""


def _load(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _run_module(path: Path) -> ModuleRun:
    run = ModuleRun(path.stem, load_start=os.getloadavg())
    started = time.perf_counter()
    print(f"… {path.stem} (load {_load_text(run.load_start)})", file=sys.stderr, flush=True)
    try:
        module = _load(path)
        if hasattr(module, "results"):
            run.rows = list(module.results())
        else:
            out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=3600)
            run.output = out.stdout.strip()
            if out.returncode != 0:
                run.error = out.stderr.strip()[-1500:]
    except Exception as exc:  # noqa: BLE001 - one failing module must not lose the others' figures
        run.error = f"{type(exc).__name__}: {exc}"[-1500:]
    run.seconds, run.load_end = time.perf_counter() - started, os.getloadavg()
    print(f"  done in {run.seconds:.1f} s (load {_load_text(run.load_end)})", file=sys.stderr, flush=True)
    return run


def _load_text(load: tuple[float, float, float]) -> str:
    return " / ".join(f"{x:.2f}" for x in load)


def _section(run: ModuleRun) -> str:
    head = (f"## {run.name}\n\n{run.seconds:.0f} s; load average (1 / 5 / 15 min) at start "
            f"{_load_text(run.load_start)}, at end {_load_text(run.load_end)}.\n")
    parts = [head]
    if run.rows:
        parts.append(format_table(run.rows))
    if run.output:
        parts.append(f"```\n{run.output}\n```\n")
    if run.error:
        parts.append(f"**The module failed; its figures are missing:**\n\n```\n{run.error}\n```\n")
    return "\n".join(parts)


def _summary(runs: list[ModuleRun]) -> str:
    rows = [r for run in runs for r in run.rows]
    met = [r for r in rows if r.met == "met"]
    floor = [r for r in rows if r.met == "floor met"]
    missed = [r for r in rows if r.met == "**not met**"]
    lines = [f"Goals: {len(met)} met, {len(floor)} only at their floor, {len(missed)} not met "
             f"({len(rows) - len(met) - len(floor) - len(missed)} rows are reported figures without a goal)."]
    lines += [f"- not met: {r.name.strip()} — {r.ratio:.2f}× against {r.goal}" if r.bounds()[0] is not None
              else f"- not met: {r.name.strip()} — {r.value:.3f} {r.unit} against {r.goal}" for r in missed]
    lines += [f"- floor only: {r.name.strip()} — {r.ratio:.2f}× against {r.goal}" for r in floor]
    failed = [run.name for run in runs if run.error]
    if failed:
        lines.append(f"- modules that failed (no figures): {', '.join(failed)}")
    return "\n".join(lines) + "\n"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "cpu"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
    except OSError:
        pass
    return "RAM unknown"


def _postgres() -> str:
    try:
        sys.path.insert(0, str(HERE.parent))
        import psycopg
        from tests.pg_server import OFFICE_SETTINGS, _bin_dir

        binaries = _bin_dir()
        server = (subprocess.run([str(binaries / "postgres"), "--version"], capture_output=True, text=True)
                  .stdout.strip() if binaries else "no server binaries")
        libpq = psycopg.pq.version()
        return (f"{server} (throwaway cluster, fsync on, {', '.join(OFFICE_SETTINGS)}), psycopg "
                f"{psycopg.__version__} ({psycopg.pq.__impl__}, libpq {libpq // 10000}.{libpq % 100})")
    except Exception as exc:  # noqa: BLE001 - the conditions line says what it could not find
        return f"PostgreSQL unknown ({exc})"


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def _conditions(started: datetime, seconds: float, runs: list[ModuleRun]) -> str:
    loads = [x for run in runs for x in (run.load_start[0], run.load_end[0])]
    busy = max(loads, default=0.0)
    verdict = ("the machine was otherwise idle (1-minute load ≤ 1.5 at every module's start and end)"
               if busy <= 1.5 else f"the machine was NOT idle: 1-minute load up to {busy:.2f} on "
               f"{os.cpu_count()} cores, so wall times are inflated; CPU-time rows and ratios against "
               "baselines from the same run are the steadier figures")
    return (f"Run of {started:%Y-%m-%d %H:%M} UTC, {seconds / 60:.1f} min in all, commit {_commit()}; {verdict}.\n"
            f"Machine: {_cpu_model()}, {os.cpu_count()} cores, {_memory()}, {platform.system()} "
            f"{platform.release()}. Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"{_postgres()}. ANTQ_BENCH_SCALE={os.environ.get('ANTQ_BENCH_SCALE', 'full')}. Every ratio is "
            "against a baseline measured in the same run; figures are medians where a module repeats.\n")


def main() -> int:
    only = set(sys.argv[1:])
    started, clock = datetime.now(UTC), time.perf_counter()
    runs = [_run_module(path) for path in sorted(HERE.glob("bench_*.py")) if not only or path.stem in only]
    notes = HERE / "NOTES.md"
    report = "\n".join([
        "# Benchmark results\n",
        "Written by `make bench` (bench/run.py) in one run; do not edit by hand.\n",
        _conditions(started, time.perf_counter() - clock, runs),
        _summary(runs),
        *(_section(run) for run in runs),
        notes.read_text(encoding="utf-8") if notes.exists() else "",
    ])
    print(report)
    (HERE / "RESULTS.md").write_text(report.rstrip() + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
