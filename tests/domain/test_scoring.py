import json

import pytest

from antq_desktop.domain.catalog import CatalogError, get_catalog, load_plan_templates, parse_catalog
from antq_desktop.domain.scoring import score_assessment, target_met
from antq_desktop.paths import resource_path


@pytest.fixture
def catalog():
    return get_catalog()


def test_every_unit_type_totals_100_points(catalog):
    for unit_type in ("area", "commune", "agency", "enterprise", "school"):
        assert sum(c.points for c in catalog.criteria(unit_type)) == 100


def test_all_met_is_dat_and_tot(catalog):
    answers = {c.code: {"met": True} for c in catalog.criteria("area")}
    result = score_assessment(catalog, "area", answers)
    assert (result.outcome, result.score, result.level) == ("dat", 100, "tot")


def test_worked_example_optional_criteria_missed(catalog):
    # All five required criteria (85 points) but none of the optional ones: đạt, Khá.
    answers = {c.code: {"met": c.required} for c in catalog.criteria("area")}
    result = score_assessment(catalog, "area", answers)
    assert (result.outcome, result.score, result.level) == ("dat", 85, "kha")


def test_a_missed_required_criterion_caps_the_level(catalog):
    # KDC-5 (10 points, required) missed: 90 points would be Tốt, but chưa đạt caps at Trung bình.
    answers = {c.code: {"met": c.code != "KDC-5"} for c in catalog.criteria("area")}
    result = score_assessment(catalog, "area", answers)
    assert (result.outcome, result.score, result.level, result.unmet_required) == \
        ("chua_dat", 90, "trung_binh", ("KDC-5",))


def test_nothing_met_is_yeu(catalog):
    assert score_assessment(catalog, "school", {}).level == "yeu"


def test_targets_compare_with_their_comparator():
    assert target_met(80.0, ">=", 80) and not target_met(80.0, ">", 80)
    assert not target_met(None, ">=", 0)


def test_broken_catalog_is_refused_with_a_message():
    data = json.loads(resource_path("catalogs", "tt124-2021_tt48-2025.json").read_text(encoding="utf-8"))
    data["classification"]["levels"].reverse()
    with pytest.raises(CatalogError, match="từ cao xuống thấp"):
        parse_catalog(data)
    data = json.loads(resource_path("catalogs", "tt124-2021_tt48-2025.json").read_text(encoding="utf-8"))
    data["unit_types"]["area"]["criteria"][1]["code"] = "KDC-1"
    with pytest.raises(CatalogError, match="mã trùng"):
        parse_catalog(data)


def test_plan_templates_use_known_indicators():
    templates = load_plan_templates()
    assert {"thanh-hoa-2025", "kon-tum-2025"} <= set(templates)
    kon_tum = {t.indicator: t.threshold for t in templates["kon-tum-2025"].targets}
    assert kon_tum["classified_kha_or_above_pct"] == 95
