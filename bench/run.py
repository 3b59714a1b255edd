"""`make bench`: every benchmark, each against a raw baseline measured in the same run.

Each `bench/bench_*.py` module may expose `results() -> list[Result]`-like dicts
(name, value, unit, baseline, baseline_name, goal); modules without it are run as scripts and
their output is shown as is. Figures are medians: this machine is noisy (±20–30%).
"""

from __future__ import annotations

import importlib.util
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from common import Result, format_table  # noqa: E402


def _load(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> int:
    only = set(sys.argv[1:])
    rows: list[Result] = []
    raw_outputs: list[str] = []
    for path in sorted(HERE.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        started = time.perf_counter()
        module = _load(path)
        print(f"… {path.stem}", file=sys.stderr, flush=True)
        if hasattr(module, "results"):
            rows.extend(module.results())
        else:
            out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=1800)
            raw_outputs.append(f"### {path.stem}\n\n```\n{out.stdout.strip()}\n```\n")
        print(f"  done in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    header = (f"Machine: {platform.machine()}, {platform.processor() or 'cpu'}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
              f"ANTQ_BENCH_SCALE={os.environ.get('ANTQ_BENCH_SCALE', 'full')}")
    table = format_table(rows)
    report = "\n".join([f"# Benchmark results\n\n{header}\n", table, *raw_outputs])
    print(report)
    (HERE / "RESULTS.md").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
