"""Issue 20: `antq overview --json` at an office carries the Kon Tum plan's activity targets for
each commune — a figure where the commune recorded activities, null ("chưa có số liệu") where it
recorded none — and the office's own plan made from the shipped template sets them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

from tests.conftest import ACTOR, PASSWORD, make_store
from tests.services.merge.conftest import make_upper
from tests.store_copy import copy_synced_rows

from antq_desktop.domain import catalog as catalogs
from antq_desktop.services import demo
from antq_desktop.services.records import writes as records

YEAR = 2025
ACTIVITY_TARGETS = {"communes_with_model_pct", "festival_held_pct", "orgs_festival_held_pct", "briefed_pct"}


def test_overview_json_shows_the_activity_targets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    office = make_upper(str(tmp_path / "office.sqlite3"))
    template = catalogs.load_plan_templates()["kon-tum-2025"]
    plan = records.create(office, "plan", {"year": YEAR, "title": template.title.format(year=YEAR)}, actor=ACTOR)
    records.create_many(office, "plan_target", [{"plan_id": plan, "indicator": t.indicator, "threshold": t.threshold,
                                                 "comparator": t.comparator, "note": t.note or None}
                                                for t in template.targets], actor=ACTOR)
    busy = make_store(tmp_path / "busy.sqlite3", "00004")
    demo.generate(busy, households=40, seed=2, year=YEAR, today=date(YEAR, 12, 20))
    quiet = make_store(tmp_path / "quiet.sqlite3", "00277")  # registered its areas, recorded no activity
    records.create(quiet, "residential_area", {"name": "Tổ dân phố số 1"}, actor=ACTOR)
    for commune in (busy, quiet):
        copy_synced_rows(commune, office)
        commune.close()
    office.close()

    env = {**os.environ, "ANTQ_HOME": str(tmp_path / "home"), "ANTQ_PASSWORD": PASSWORD}
    done = subprocess.run([sys.executable, "-m", "antq_desktop.cli.main", "--db", str(tmp_path / "office.sqlite3"),
                           "overview", "--json", "--year", str(YEAR)], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = {r["unit_code"]: {t["indicator"]: t for t in r["targets"]} for r in json.loads(done.stdout)}
    assert ACTIVITY_TARGETS <= set(rows["00004"]) and ACTIVITY_TARGETS <= set(rows["00277"])
    busy_row, quiet_row = rows["00004"], rows["00277"]
    assert busy_row["festival_held_pct"]["actual"] == 100 and busy_row["briefed_pct"]["actual"] > 0
    assert quiet_row["briefed_pct"]["actual"] is None and not quiet_row["briefed_pct"]["met"]
    assert quiet_row["festival_held_pct"]["actual"] == 0
