"""Start-up of the real program to its first window, on a real X server (Xvfb), frozen or not.

    python installer/measure_startup.py [--runs 3] [--exe dist/antq-desktop/antq-desktop]
    python installer/measure_startup.py --exe ".venv/bin/antq-desktop"      # unfrozen, to compare

Linux only; needs Xvfb and xwininfo (x11-utils). Two cases, each with a fresh data folder:
"first run" (no store yet: the setup wizard is the first window) and "normal start" (a store
made with `antq init`: the sign-in dialog). The time is from launching the process until a
window whose title contains "ANTQ Desktop" is mapped. This also proves the xcb platform plugin
and its libraries load from the bundle (the self-test runs offscreen).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DISPLAY = ":87"


def _window_up(env: dict[str, str]) -> bool:
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env,
                         check=False).stdout
    return "ANTQ Desktop" in out


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far: the start-up cost without the machine's load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one(exe: Path, home: Path, env: dict[str, str], screenshot: Path | None) -> tuple[float, float]:
    run_env = dict(env, ANTQ_HOME=str(home))
    started = time.perf_counter()
    proc = subprocess.Popen([str(exe)], env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not _window_up(env):
            if proc.poll() is not None:
                raise SystemExit(f"{exe.name} exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
            if time.perf_counter() - started > 120:
                raise SystemExit("no window after 120 s")
            time.sleep(0.02)
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds(proc.pid)
        if screenshot is not None:
            time.sleep(1.0)
            subprocess.run(["import", "-window", "root", str(screenshot)], env=env, check=False)
        return elapsed, cpu
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exe", type=Path, default=REPO / "dist" / "antq-desktop" / "antq-desktop")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, help="save the first window of the last run (PNG)")
    args = parser.parse_args()
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        print("measure_startup: needs Xvfb and xwininfo", file=sys.stderr)
        return 2
    exe = args.exe.resolve()
    cli = exe.with_name("antq")
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "ANTQ_HOME", "ANTQ_DB", "ANTQ_DB_URL")}
    env["DISPLAY"] = DISPLAY
    try:
        time.sleep(1.5)
        results: dict[str, list[tuple[float, float]]] = {
            "first run (setup wizard)": [], "normal start (sign-in dialog)": []}
        with tempfile.TemporaryDirectory(prefix="antq-startup-") as tmp:
            for i in range(args.runs):
                fresh = Path(tmp, f"fresh{i}")
                fresh.mkdir()
                results["first run (setup wizard)"].append(_one(exe, fresh, env, None))
                ready = Path(tmp, f"ready{i}")
                ready.mkdir()
                subprocess.run([str(cli), "init", "--role", "commune", "--unit", "00070", "--officer", "Đo khởi động"],
                               env=dict(env, ANTQ_HOME=str(ready), ANTQ_PASSWORD="Đo thời gian khởi động 2026"),
                               check=True, stdout=subprocess.DEVNULL)
                last = i == args.runs - 1
                results["normal start (sign-in dialog)"].append(
                    _one(exe, ready, env, args.screenshot if last else None))
        for case, runs in results.items():
            wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
            print(f"{case:32s} median {statistics.median(wall):.2f} s wall, {statistics.median(cpu):.2f} s CPU  "
                  "(runs: " + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in runs) + ")")
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
