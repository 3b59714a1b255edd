"""Stored UTC moments are shown in the laptop's local time (dd/MM/yyyy HH:mm), everywhere they are listed."""

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone

from antq_desktop.domain.local_time import local_date, local_date_text, local_time_text

HANOI = timezone(timedelta(hours=7))


def test_naive_and_text_moments_are_utc_and_shown_in_local_time() -> None:
    assert local_time_text(datetime(2026, 12, 3, 12, 59), zone=HANOI) == "03/12/2026 19:59"
    assert local_time_text("2026-12-03 12:59", zone=HANOI) == "03/12/2026 19:59"
    assert local_time_text("2026-12-03T12:59:30Z", zone=HANOI, seconds=True) == "03/12/2026 19:59:30"
    assert local_time_text("2026-12-03T20:30:00", zone=HANOI) == "04/12/2026 03:30"  # the next day locally
    assert local_time_text(None) == "" and local_time_text("chưa rõ") == "chưa rõ"


def test_the_day_of_a_stored_moment_is_the_local_day() -> None:
    evening_utc = datetime(2026, 12, 3, 20, 0)  # 03:00 on the 4th in Vietnam
    assert local_date(evening_utc, zone=HANOI) == date(2026, 12, 4)
    assert local_date_text(evening_utc, zone=HANOI) == "04/12/2026"
    assert local_date_text(datetime(2026, 12, 3, 16, 59), zone=HANOI) == "03/12/2026"
    assert local_date_text(date(2026, 12, 3), zone=HANOI) == "03/12/2026"  # a plain day is not moved
    assert local_date_text(None) == ""


def test_cli_audit_and_xlsx_show_local_time(tmp_path) -> None:
    env = {**os.environ, "ANTQ_PASSWORD": "mot cau rat dai", "TZ": "Asia/Ho_Chi_Minh", "ANTQ_HOME": str(tmp_path)}
    db = tmp_path / "s.sqlite3"

    def antq(*args: str) -> str:
        result = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(db), *args],
                                capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout

    antq("init", "--role", "commune", "--unit", "00070")
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT at FROM audit_log ORDER BY id LIMIT 1").fetchone()[0]
    utc = datetime.fromisoformat(str(stored)[:19])
    local = utc + timedelta(hours=7)
    assert local.strftime("%d/%m/%Y %H:%M") in antq("audit")
    antq("audit", "--xlsx", str(tmp_path / "a.xlsx"))
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "a.xlsx").active
    assert sheet.cell(1, 2).value == "Thời điểm"
    assert abs(sheet.cell(2, 2).value - local) < timedelta(seconds=1)
