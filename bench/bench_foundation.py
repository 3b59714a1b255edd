"""Foundation: start-up of the main window vs a bare PySide6 window; start-up of `antq --help` and
`antq stats` vs a bare Python start; `antq demo --households 20000` vs a raw sqlite3 executemany of
the same household rows."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid

from common import OUT, Result, median_time, run_python

PASSWORD = "mot cau rat dai"

BARE_WINDOW = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""

APP_WINDOW = """
import time, sys
t0 = time.perf_counter()
from antq_desktop.ui.app import create_application
app = create_application(sys.argv)
from antq_desktop.storage.db import open_store
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.ui.context import make_context
from antq_desktop.ui.main_window import MainWindow
store = open_store(sys.argv[1])
user = UserInfo("bench", "admin", "Quản trị", "admin")  # sign-in (Argon2) is measured apart
w = MainWindow(make_context(store, user)); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""


def _antq(db: str, *args: str) -> None:
    env = {**os.environ, "ANTQ_PASSWORD": PASSWORD}
    subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", db, *args], check=True, env=env,
                   capture_output=True)


def _fresh_store(name: str) -> str:
    OUT.mkdir(exist_ok=True)
    path = OUT / name
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")
    _antq(str(path), "init", "--role", "commune", "--unit", "00070")
    return str(path)


def _startup(db: str) -> Result:
    bare = sorted(float(run_python(BARE_WINDOW)) for _ in range(5))[2]
    app = sorted(float(run_python(APP_WINDOW, db)) for _ in range(5))[2]
    # Built directly, without the sign-in: the goal is on the first window a user sees (bench_gui).
    return Result("main window built directly (2,000 households)", app, "s", bare, "bare PySide6 window",
                  "report (goal: first window, below)")


def _cli_startup(db: str) -> list[Result]:
    """The command line as a process: it imports only the chosen command's module (cli/commands.py)."""
    env = {**os.environ, "ANTQ_PASSWORD": PASSWORD}

    def antq(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", *args], check=True, env=env,
                       capture_output=True)

    bare = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat=5)
    return [
        Result("antq --help (process)", median_time(lambda: antq("--help"), repeat=5), "s", bare,
               "bare Python start", "imports no command module"),
        Result("antq stats, 2,000 households (process)", median_time(lambda: antq("--db", db, "stats"), repeat=5),
               "s", bare, "bare Python start", "report"),
    ]


def _raw_insert(rows: int) -> float:
    path = OUT / "raw.sqlite3"
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE h (id TEXT PRIMARY KEY, area TEXT, name TEXT, cid TEXT, addr TEXT, n INT)")
    data = [(str(uuid.uuid4()), "a", f"Nguyễn Văn {i}", None, f"Số {i}", 3) for i in range(rows)]
    started = time.perf_counter()
    with conn:
        conn.executemany("INSERT INTO h VALUES (?,?,?,?,?,?)", data)
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def _demo() -> Result:
    def once() -> None:
        db = _fresh_store("demo.sqlite3")
        started = time.perf_counter()
        _antq(db, "demo", "--households", "20000")
        once.elapsed.append(time.perf_counter() - started)  # type: ignore[attr-defined]

    once.elapsed = []  # type: ignore[attr-defined]
    for _ in range(3):
        once()
    demo_time = sorted(once.elapsed)[1]  # type: ignore[attr-defined]
    # The demo also writes pledges, registrations, assessments and an audit entry per record:
    # the raw baseline inserts the same number of household rows only, so the ratio is an upper bound.
    raw = median_time(lambda: _raw_insert(20000), repeat=3)
    return Result("antq demo --households 20000 (process)", demo_time, "s", raw, "raw sqlite3 executemany 20k rows")


def results() -> list[Result]:
    db = _fresh_store("startup.sqlite3")
    _antq(db, "demo", "--households", "2000")
    rows = [_startup(db), *_cli_startup(db), _demo()]
    shutil.rmtree(OUT / "unused", ignore_errors=True)
    return rows
