from datetime import date

from tests.conftest import ACTOR, make_store

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records


def test_demo_is_reproducible_for_a_seed(tmp_path):
    a, b = make_store(tmp_path / "a.sqlite3"), make_store(tmp_path / "b.sqlite3")
    for s in (a, b):
        demo.generate(s, households=120, seed=42, year=2025, today=date(2026, 1, 10))
    assert stats.collect(a, year=2025)["units"] == stats.collect(b, year=2025)["units"]


def test_demo_adds_to_existing_data(demo_store):
    first = stats.collect(demo_store)["units"]["00070"]["counts"]
    demo.generate(demo_store, households=50, seed=1)
    second = stats.collect(demo_store)["units"]["00070"]["counts"]
    assert second["households"] == first["households"] + 50
    assert second["residential_areas"] > first["residential_areas"]


def test_stats_document_shape(demo_store):
    doc = stats.collect(demo_store)
    unit = doc["units"]["00070"]
    assert set(unit["counts"]) == {"residential_areas", "organizations", "households", "pledges", "registrations",
                                   "assessments"}
    assert unit["counts"]["households"] == 300
    assert len(unit["digest"]) == 64
    assert {t["indicator"] for t in doc["targets"]} >= {"households_pledged_pct", "areas_meet_standard_pct"}
    for target in doc["targets"]:
        assert set(target) >= {"indicator", "actual", "threshold", "met"}


def test_digest_changes_with_content_and_ignores_deleted(demo_store):
    before = stats.collect(demo_store)["units"]["00070"]["digest"]
    area = records.create(demo_store, "residential_area", {"name": "Thôn Mới"}, actor=ACTOR)
    changed = stats.collect(demo_store)["units"]["00070"]["digest"]
    assert changed != before
    records.delete(demo_store, "residential_area", area, actor=ACTOR)
    # The tombstoned area is no longer live content: the digest is back to what it was.
    assert stats.collect(demo_store)["units"]["00070"]["digest"] == before


def test_household_pledge_indicator_matches_records(store):
    area = records.create(store, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)
    households = [records.create(store, "household", {"area_id": area, "head_name": f"Lê Văn {i}"}, actor=ACTOR)
                  for i in range(4)]
    year = date.today().year
    plan = records.create(store, "plan", {"year": year, "title": "Kế hoạch năm"}, actor=ACTOR)
    records.create(store, "plan_target", {"plan_id": plan, "indicator": "households_pledged_pct",
                                          "comparator": ">=", "threshold": 75}, actor=ACTOR)
    for hh in households[:3]:
        records.create(store, "pledge", {"signer_kind": "household", "household_id": hh,
                                         "template_code": "household_pledge",
                                         "year": year, "signed_on": date.today()}, actor=ACTOR)
    (target,) = stats.collect(store, year=year)["targets"]
    assert (target["actual"], target["numerator"], target["denominator"], target["met"]) == (75.0, 3, 4, True)


def test_targets_per_commune_add_up_at_the_upper_office(tmp_path):
    """Per-unit indicators see only that unit's records; the store-wide figure pools them."""
    from antq_desktop.services.office.indicators import compute
    from antq_desktop.storage.models import Household, Pledge

    s = make_store(tmp_path / "u.sqlite3")
    demo.generate(s, households=60, seed=3)
    with s.session() as session:  # pretend half the households came from another commune
        session.query(Household).filter(Household.members <= 3).update({"origin_unit": "00073"})
        session.query(Pledge).filter(Pledge.household_id.in_(
            session.query(Household.id).filter(Household.origin_unit == "00073"))).update(
            {"origin_unit": "00073"}, synchronize_session=False)
    with s.session_factory() as session:
        year = date.today().year
        whole = compute(session, "households_pledged_pct", year)
        parts = [compute(session, "households_pledged_pct", year, unit) for unit in ("00070", "00073")]
    assert whole.denominator == sum(p.denominator for p in parts) == 60
    assert whole.numerator == sum(p.numerator for p in parts)
