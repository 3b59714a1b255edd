"""Issue 14 point 7 (CLI part): `antq plan new --year Y --from TEMPLATE` (a shipped template or a JSON
file), `antq plan target set`, `antq plan show`; the template's "{year}" filled in; then `plan publish`
finds the plan (before: [NO_PLAN], no way to make one from the command line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import PASSWORD

from antq_desktop.cli.main import main
from antq_desktop.services.office import stats
from antq_desktop.services.plans import manage as plan_cli
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import Store, open_store

YEAR = 2027


@pytest.fixture
def office(engine_url: str, monkeypatch) -> Store:
    s = open_store(engine_url)
    profile.initialise(s, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    yield s
    s.close()


def test_plan_new_from_shipped_template_show_and_set(office: Store, tmp_path: Path, capsys) -> None:
    db = office.url
    assert main(["--db", db, "plan", "new", "--year", str(YEAR), "--from", "thanh-hoa-2025"]) == 0
    with office.read_session() as session:
        plan = stats.year_plan(session, YEAR)
        assert plan is not None and plan.title.endswith(f"năm {YEAR}") and "{year}" not in plan.title
        assert {t.indicator for t in stats.year_targets(session, YEAR)} >= {"classified_kha_or_above_pct"}
    assert main(["--db", db, "plan", "new", "--year", str(YEAR), "--from", "thanh-hoa-2025"]) == 1  # one plan a year
    assert main(["--db", db, "plan", "target", "set", "--year", str(YEAR), "households_pledged_pct", "95"]) == 0
    assert main(["--db", db, "plan", "target", "set", "--year", str(YEAR), "areas_registered_pct", "70"]) == 0
    with office.read_session() as session:
        targets = {t.indicator: t.threshold for t in stats.year_targets(session, YEAR)}
    assert targets["households_pledged_pct"] == 95 and targets["areas_registered_pct"] == 70
    capsys.readouterr()
    assert main(["--db", db, "plan", "show", "--year", str(YEAR)]) == 0
    shown = capsys.readouterr().out
    assert "của đơn vị" in shown and "households_pledged_pct" in shown and "chưa có số liệu" in shown
    out = tmp_path / "plan.antq"
    assert main(["--db", db, "plan", "publish", "--year", str(YEAR), "--out", str(out)]) == 0 and out.exists()


def test_plan_new_from_a_json_file_is_all_or_nothing(office: Store, tmp_path: Path, capsys) -> None:
    good = tmp_path / "mau.json"
    good.write_text(json.dumps({"format": "antq-plan-template", "title": "Kế hoạch cụm năm {year}",
                                "targets": [{"indicator": "households_pledged_pct", "threshold": 90}]}),
                    encoding="utf-8")
    bad = tmp_path / "sai.json"
    bad.write_text(json.dumps({"format": "antq-plan-template", "title": "X",
                               "targets": [{"indicator": "households_pledged_pct", "threshold": 90},
                                           {"indicator": "khong_co", "threshold": 50}]}), encoding="utf-8")
    assert main(["--db", office.url, "plan", "new", "--year", str(YEAR), "--from", str(bad)]) == 1
    with office.read_session() as session:
        assert plan_cli.own_plan(session, YEAR) is None  # the bad target left no plan behind
    assert main(["--db", office.url, "plan", "new", "--year", str(YEAR), "--from", str(good)]) == 0
    with office.read_session() as session:
        assert plan_cli.own_plan(session, YEAR).title == f"Kế hoạch cụm năm {YEAR}"  # type: ignore[union-attr]
    assert main(["--db", office.url, "plan", "new", "--year", str(YEAR + 1), "--from", "khong-co-mau"]) == 1
    assert "Mẫu có sẵn" in capsys.readouterr().err
