"""The upper office's overview of communes, over data copied in as a merge would leave it."""

from datetime import date, datetime

import pytest
from sqlalchemy import text
from tests.conftest import PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services import demo
from antq_desktop.services.office import overview
from antq_desktop.services.office import settings as office
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import ProducerState


@pytest.fixture
def office_store(tmp_path):
    store = open_store(tmp_path / "office.sqlite3")
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    yield store
    store.close()


def test_rows_for_expected_communes_with_and_without_data(office_store, tmp_path):
    year = date.today().year
    commune = make_store(tmp_path / "c70.sqlite3", unit_code="00070")
    demo.generate(commune, households=80, seed=2)
    copy_synced_rows(commune, office_store)
    with office_store.session() as s:
        s.add(ProducerState(producer_unit="00070", key_id="k", last_sequence=4, last_package_uuid="p",
                            last_package_sha256="0" * 64, last_merged_at=datetime.now()))
    office.set_expected_communes(office_store, ["00070", "73", "00004"], actor="admin")
    plan = records.create(office_store, "plan", {"year": year, "title": "Kế hoạch cụm"}, actor="admin")
    records.create(office_store, "plan_target", {"plan_id": plan, "indicator": "households_pledged_pct",
                                                 "threshold": 100}, actor="admin")

    rows = {r.unit_code: r for r in overview.commune_rows(office_store, year=year)}
    assert set(rows) == {"00070", "00073", "00004"}
    hk = rows["00070"]
    assert hk.unit_name == "Phường Hoàn Kiếm" and hk.counts["households"] == 80
    assert hk.last_sequence == 4 and not hk.late and not hk.missing
    (target,) = hk.targets
    assert target.indicator == "households_pledged_pct" and target.denominator == 80
    assert rows["00073"].missing and rows["00073"].late and rows["00073"].counts == {}


def test_a_province_expects_all_its_communes(tmp_path):
    store = open_store(tmp_path / "p.sqlite3")
    profile.initialise(store, role="province", unit_code="01", officer_name="Lê Văn Cường", password=PASSWORD)
    codes = office.expected_communes(store)
    assert "00070" in codes and len(codes) > 100


def test_unknown_commune_codes_are_refused(office_store):
    with pytest.raises(ValidationError, match="99999"):
        office.set_expected_communes(office_store, ["00070", "99999"], actor="admin")
    assert office.expected_communes(office_store) == []


def test_lateness_rule():
    assert office.is_late(None, date(2026, 11, 21), 45)
    assert office.is_late(date(2026, 9, 1), date(2026, 11, 21), 45)
    assert not office.is_late(date(2026, 11, 1), date(2026, 11, 21), 45)


def test_office_rows_are_communes_and_commune_plans_never_set_office_targets(office_store, tmp_path):
    """A district's own records forwarded to a province are no commune row; a commune's plan merged
    at the office does not become the office's plan."""
    from antq_desktop.services.office import stats

    commune = make_store(tmp_path / "c.sqlite3", unit_code="00070")
    demo.generate(commune, households=20, seed=1)  # its demo includes the commune's own plan
    copy_synced_rows(commune, office_store)
    with office_store.session() as s:  # records of another office (as a forward would bring)
        s.execute(text(
            "UPDATE residential_areas SET origin_unit = 'CUM-02' "
            "WHERE rowid = (SELECT min(rowid) FROM residential_areas)"))
    codes = [r.unit_code for r in overview.commune_rows(office_store, year=date.today().year)]
    assert "00070" in codes and "CUM-02" not in codes
    with office_store.session_factory() as s:
        assert stats.year_plan(s, date.today().year) is None
