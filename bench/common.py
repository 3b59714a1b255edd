"""Shared helpers for benchmarks: medians, timing subprocesses, the results table."""

from __future__ import annotations

import os
import re
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
    """One row of RESULTS.md: a figure beside its raw baseline (measured in the same run) and its goal.

    The goal is checked from `target` (a bound on the ratio: met when ratio ≤ target, or ≥ with
    `at_least`), `limit` (a bound on the value itself, e.g. 45 s) and `floor` (the acceptable
    bound when the goal is missed); without them, from the goal text ("≤ 1.5×", "≥ 0.6×",
    "< 100 ms", "≤ 45 s"). A goal of "report" or "" has nothing to meet."""

    name: str
    value: float
    unit: str
    baseline: float
    baseline_name: str
    goal: str = ""
    target: float | None = None
    floor: float | None = None
    limit: float | None = None
    at_least: bool = False

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("nan")

    def bounds(self) -> tuple[float | None, float | None, float | None, bool]:
        """(ratio target, ratio floor, value limit, at least), from the fields or the goal text."""
        if self.target is not None or self.limit is not None:
            return self.target, self.floor, self.limit, self.at_least
        found = _GOAL.match(self.goal.strip())
        if not found:
            return None, None, None, False
        sign, number, unit = found.group(1), float(found.group(2)), found.group(3)
        at_least = sign in (">", "≥", ">=")
        if unit == "×":
            return number, None, None, at_least
        if unit == self.unit.split()[0]:
            return None, None, number, at_least
        return None, None, None, False

    @property
    def met(self) -> str:
        target, floor, limit, at_least = self.bounds()
        if target is None and limit is None:
            return ""
        value = self.ratio if target is not None else self.value
        bound = target if target is not None else limit
        assert bound is not None

        def within(b: float) -> bool:
            return value >= b if at_least else value <= b
        if within(bound):
            return "met"
        if floor is not None and within(floor):
            return "floor met"
        return "**not met**"


_GOAL = re.compile(r"^(≤|<=|<|≥|>=|>)\s*([0-9]+(?:\.[0-9]+)?)\s*(×|ms|s|MiB|pages/s)(?![\w/])")


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
    lines = ["| benchmark | value | raw baseline | ratio | goal | goal met |", "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.name} | {_figure(r.value)} {r.unit} | {_figure(r.baseline)} {r.unit} ({r.baseline_name}) | "
                     f"{r.ratio:.2f}× | {r.goal} | {r.met} |")
    return "\n".join(lines) + "\n"


def _figure(value: float) -> str:
    """Three significant decimals for small figures, one for large ones."""
    return f"{value:,.1f}" if abs(value) >= 100 else f"{value:.3f}"
