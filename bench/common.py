"""Shared helpers for benchmarks: medians, timing subprocesses, the results table."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


@dataclass
class Result:
    name: str
    value: float
    unit: str
    baseline: float
    baseline_name: str
    goal: str = ""

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=900,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return result.stdout


def format_table(rows: list[Result]) -> str:
    lines = ["| benchmark | value | baseline | ratio | goal |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.name} | {r.value:.3f} {r.unit} | {r.baseline:.3f} {r.unit} ({r.baseline_name}) | "
                     f"{r.ratio:.2f}× | {r.goal} |")
    return "\n".join(lines) + "\n"
