"""Issue 20: every activity kind is created at a commune, exported by the officer's own export,
merged at the upper office (SQLite and PostgreSQL) and counted there by its indicator; a tombstone
and an update travel too; a package that would leave an activity pointing at a deleted parent is refused."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from tests.conftest import ACTOR, PASSWORD
from tests.services.conftest import enrol_recipient

from antq_desktop.services.activities import ACTIVITY_TYPES
from antq_desktop.services.export import build as export
from antq_desktop.services.office import indicators, stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import FestivalDay, SecurityTeamRating

from .conftest import Commune, dump, merge, trust

YEAR = 2025


def seed_activities(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """One record of every activity kind (and the area and organisation they name)."""
    area = records.create(store, "residential_area", {"name": "Tổ dân phố số 1", "kind": "to_dan_pho"}, actor=ACTOR)
    org = records.create(store, "organization", {"name": "Trường THCS Ba Đình", "org_type": "school",
                                                 "area_id": area}, actor=ACTOR)
    team = records.create(store, "security_team", {"area_id": area, "name": "Tổ bảo vệ ANTT số 1", "members": 5},
                          actor=ACTOR)
    return {
        "area": area, "organization": org, "security_team": team,
        "movement_model": records.create(store, "movement_model", {
            "name": "Mô hình “Camera an ninh”", "kind": "khu_dan_cu", "area_id": area, "started_year": 2024,
            "status": "da_cong_nhan", "recognised_by": "UBND phường", "recognised_on": "12/09/2025"}, actor=ACTOR),
        "festival_day": records.create(store, "festival_day", {
            "held_on": date(YEAR, 8, 19), "place": "Nhà văn hóa tổ 1", "participants": 320}, actor=ACTOR),
        "festival_org": records.create(store, "festival_day", {
            "held_on": date(YEAR, 8, 15), "place": "Sân trường", "participants": 500, "organization_id": org},
            actor=ACTOR),
        "briefing": records.create(store, "briefing", {
            "held_on": date(YEAR, 3, 2), "audience_kind": "dang_vien", "invited": 40, "present": 38,
            "topic": "Quán triệt kế hoạch năm 2025", "organization_id": org}, actor=ACTOR),
        "commendation": records.create(store, "commendation", {
            "subject_kind": "person", "subject_name": "Nguyễn Văn Bình", "awarded_by": "Chủ tịch UBND phường",
            "level": "Giấy khen", "awarded_on": date(YEAR, 8, 19)}, actor=ACTOR),
        "security_team_rating": records.create(store, "security_team_rating", {
            "team_id": team, "year": YEAR, "rating": "hoan_thanh_tot"}, actor=ACTOR),
    }


def officer_export(commune: Commune, kind: str = "full"):  # type: ignore[no-untyped-def]
    commune.sequence += 1
    path = commune.folder / f"{commune.code}-{commune.sequence}.antq"
    export.export_package(commune.store, path, password=PASSWORD, actor=ACTOR, kind=kind)
    return path


def test_every_activity_kind_travels_and_is_counted(upper, commune: Commune) -> None:
    ids = seed_activities(commune.store)
    enrol_recipient(commune.store, upper)
    trust(upper, commune)
    (result,) = merge(upper, officer_export(commune))
    assert result.status == "merged", result.message
    for record_type in ACTIVITY_TYPES:
        assert result.counts[record_type]["new"] >= 1, record_type
    with upper.session_factory() as s, commune.store.session_factory() as c:
        assert stats.unit_stats(s, commune.code) == stats.unit_stats(c, commune.code)  # digests cover activities
        by_unit = indicators.compute_by_unit(s, ["communes_with_model_pct", "festival_held_pct",
                                                 "orgs_festival_held_pct", "briefed_pct",
                                                 "security_teams_completed_pct"], YEAR, [commune.code])
    got = {name: ratios[commune.code] for name, ratios in by_unit.items()}
    assert got == {"communes_with_model_pct": indicators.Ratio(1, 1), "festival_held_pct": indicators.Ratio(1, 1),
                   "orgs_festival_held_pct": indicators.Ratio(1, 1), "briefed_pct": indicators.Ratio(38, 40),
                   "security_teams_completed_pct": indicators.Ratio(1, 1)}

    # An update and a tombstone travel in the next incremental package.
    records.update(commune.store, "security_team_rating", ids["security_team_rating"], {"rating": "khong_hoan_thanh"},
                   actor=ACTOR)
    records.delete(commune.store, "festival_day", ids["festival_org"], actor=ACTOR)
    (result,) = merge(upper, officer_export(commune, "incremental"))
    assert result.status == "merged", result.message
    with upper.session_factory() as s:
        assert s.get(FestivalDay, ids["festival_org"]).deleted
        assert s.get(SecurityTeamRating, ids["security_team_rating"]).rating == "khong_hoan_thanh"
        assert indicators.compute(s, "security_teams_completed_pct", YEAR, commune.code) == indicators.Ratio(0, 1)
        assert indicators.compute(s, "orgs_festival_held_pct", YEAR, commune.code) == indicators.Ratio(0, 1)


def test_a_rating_whose_team_is_deleted_in_the_package_is_refused(upper, commune: Commune) -> None:
    """The commune's GUI refuses to delete a rated team; a package that does it anyway changes nothing."""
    ids = seed_activities(commune.store)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    team = next(r for r in commune.records(0) if r["id"] == ids["security_team"])
    before = dump(upper)
    tombstone = {**team, "deleted": True, "revision": team["revision"] + 1}
    (result,) = merge(upper, commune.export(upper, records=[tombstone], advance=False))
    assert result.status == "refused" and result.code == "VALIDATION_ERROR", result.message
    assert "tổ bảo vệ an ninh, trật tự" in result.message
    after = dump(upper)
    assert {k: v for k, v in after.items() if k not in ("import_log", "audit_log")} == \
        {k: v for k, v in before.items() if k not in ("import_log", "audit_log")}
    with upper.session_factory() as s:
        assert s.execute(select(SecurityTeamRating.team_id)).scalar() == ids["security_team"]
