"""Issue 20: the activities' own rules on both engines (validation, one rating a year, blocking
deletions, same-unit references), their indicators on years with and without data, and the shipped
plans' targets, every one of which must be computed by an indicator."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import ACTOR

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import PermissionDenied, ValidationError
from antq_desktop.services.office import indicators, stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import Organization

YEAR = 2025


def area(store) -> str:  # type: ignore[no-untyped-def]
    return records.create(store, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)


def test_briefing_present_never_above_invited_and_year_from_the_date(any_store) -> None:
    with pytest.raises(ValidationError, match="không được lớn hơn số người được mời"):
        records.create(any_store, "briefing", {"held_on": "02/03/2025", "audience_kind": "can_bo", "invited": 10,
                                               "present": 11, "topic": "Quán triệt"}, actor=ACTOR)
    briefing = records.create(any_store, "briefing", {"held_on": "02/03/2025", "audience_kind": "can_bo",
                                                      "invited": 10, "present": 10, "topic": "Quán triệt",
                                                      "year": 1999}, actor=ACTOR)
    assert records.get(any_store, "briefing", briefing)["year"] == YEAR  # never typed apart from the date


def test_recognised_model_names_who_recognised_it(any_store) -> None:
    values = {"name": "Mô hình “Camera an ninh”", "kind": "xa", "started_year": 2024, "status": "da_cong_nhan"}
    with pytest.raises(ValidationError, match="cơ quan công nhận"):
        records.create(any_store, "movement_model", values, actor=ACTOR)
    with pytest.raises(ValidationError, match="trước năm bắt đầu"):
        records.create(any_store, "movement_model", {**values, "recognised_by": "UBND xã",
                                                     "recognised_on": "01/05/2023"}, actor=ACTOR)
    records.create(any_store, "movement_model", {**values, "recognised_by": "UBND xã"}, actor=ACTOR)


def test_a_team_is_rated_once_a_year_and_a_rated_team_is_not_deleted(any_store) -> None:
    area_id = area(any_store)
    team = records.create(any_store, "security_team", {"area_id": area_id, "name": "Tổ 1", "members": 4}, actor=ACTOR)
    records.create(any_store, "security_team_rating", {"team_id": team, "year": YEAR, "rating": "hoan_thanh"},
                   actor=ACTOR)
    with pytest.raises(ValidationError, match="đã được xếp loại năm 2025"):
        records.create(any_store, "security_team_rating", {"team_id": team, "year": YEAR, "rating": "hoan_thanh_tot"},
                       actor=ACTOR)
    with pytest.raises(PermissionDenied, match="kết quả xếp loại"):
        records.delete(any_store, "security_team", team, actor=ACTOR)
    with pytest.raises(PermissionDenied, match="tổ bảo vệ an ninh, trật tự"):
        records.delete(any_store, "residential_area", area_id, actor=ACTOR)


def test_an_activity_names_only_its_own_units_records(any_store) -> None:
    """An office that recorded a festival at a commune's school could never forward it (authority A2)."""
    with any_store.session() as session:
        session.add(Organization(id="0000000a-0000-4000-8000-000000000001", origin_unit="00004",
                                 name="Trường của xã khác", org_type="school"))
    with pytest.raises(ValidationError, match="thuộc đơn vị khác"):
        records.create(any_store, "festival_day", {"held_on": date(YEAR, 8, 19), "place": "Sân trường",
                                                   "participants": 100,
                                                   "organization_id": "0000000a-0000-4000-8000-000000000001"},
                       actor=ACTOR)


def test_years_without_activities_have_no_figure_and_targets_show_none(any_store) -> None:
    plan = records.create(any_store, "plan", {"year": YEAR, "title": "Kế hoạch năm 2025"}, actor=ACTOR)
    for code in ("briefed_pct", "security_teams_completed_pct", "festival_held_pct", "communes_with_model_pct",
                 "orgs_festival_held_pct"):
        records.create(any_store, "plan_target", {"plan_id": plan, "indicator": code, "threshold": 100}, actor=ACTOR)
    with any_store.session_factory() as session:
        statuses = {t.indicator: t for t in stats.target_statuses(session, YEAR)}
    assert statuses["briefed_pct"].actual is None and not statuses["briefed_pct"].met
    assert statuses["security_teams_completed_pct"].actual is None
    assert statuses["orgs_festival_held_pct"].actual is None  # no organisation to hold it
    # A commune that recorded no festival and no model did not hold one: 0 %, not "no figure".
    assert statuses["festival_held_pct"].actual == 0 and statuses["communes_with_model_pct"].actual == 0


def test_models_count_from_their_start_year_while_working(store) -> None:
    records.create(store, "movement_model", {"name": "Mô hình A", "kind": "xa", "started_year": 2024,
                                             "status": "ngung"}, actor=ACTOR)
    with store.session_factory() as session:
        assert indicators.compute(session, "communes_with_model_pct", YEAR) == indicators.Ratio(0, 1)
    records.create(store, "movement_model", {"name": "Mô hình B", "kind": "xa", "started_year": YEAR,
                                             "status": "dang_hoat_dong"}, actor=ACTOR)
    with store.session_factory() as session:
        assert indicators.compute(session, "communes_with_model_pct", YEAR) == indicators.Ratio(1, 1)
        assert indicators.compute(session, "communes_with_model_pct", YEAR - 1) == indicators.Ratio(0, 1)


def test_every_target_of_every_shipped_plan_is_computed_by_an_indicator() -> None:
    """A plan target without an indicator would be silently left out of every screen and report."""
    described = catalogs.load_indicators()
    assert set(described) == set(indicators.INDICATORS)  # each described indicator is computed, and back
    for template in catalogs.load_plan_templates().values():
        for target in template.targets:
            assert target.indicator in indicators.INDICATORS, (template.code, target.indicator)


@pytest.mark.parametrize(("plan", "wanted"), [
    ("kon-tum-2025", {"communes_with_model_pct", "festival_held_pct", "orgs_festival_held_pct", "briefed_pct"}),
    ("thanh-hoa-2025", {"communes_with_model_pct", "festival_held_pct", "orgs_festival_held_pct"}),
])
def test_the_shipped_plans_carry_their_activity_targets(plan: str, wanted: set[str]) -> None:
    targets = {t.indicator: t for t in catalogs.load_plan_templates()[plan].targets}
    assert wanted <= set(targets)
    assert all(targets[code].note for code in wanted)  # each says where in the plan text it comes from


def test_a_plan_target_left_out_says_why() -> None:
    """A target of the plan text that no indicator can compute any more is listed with its reason, not dropped."""
    import json

    from antq_desktop.paths import resource_path

    for path in sorted(resource_path("plans").glob("*.json")):
        for left_out in json.loads(path.read_text(encoding="utf-8")).get("not_carried", []):
            assert left_out["target"].strip() and len(left_out["why"]) > 20, (path.name, left_out)
    kon_tum = json.loads((resource_path("plans") / "kon-tum-2025.json").read_text(encoding="utf-8"))
    assert any("cấp huyện" in item["target"] for item in kon_tum["not_carried"])
