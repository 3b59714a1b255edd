import pytest
from tests.conftest import ACTOR

from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery


def _fill(store):
    area = records.create(store, "residential_area", {"name": "Tổ dân phố Đường Thành"}, actor=ACTOR)
    for name in ["Nguyễn Văn An", "Trần Thị Bình", "Đặng Văn Đông", "Lê Thị Ánh", "Nguyên Văn Ba"]:
        records.create(store, "household", {"area_id": area, "head_name": name}, actor=ACTOR)
    return area


def _names(store, **kw):
    return [r["head_name"] for r in queries.list_rows(store, "household", ListQuery(**kw))]


def test_search_ignores_case_and_diacritics(store):
    _fill(store)
    assert _names(store, search="nguyen van an") == ["Nguyễn Văn An"]
    assert set(_names(store, search="NGUYEN")) == {"Nguyễn Văn An", "Nguyên Văn Ba"}
    assert _names(store, search="dong") == ["Đặng Văn Đông"]
    assert [r["name"] for r in queries.list_rows(store, "residential_area", ListQuery(search="duong"))] == \
        ["Tổ dân phố Đường Thành"]


def test_search_treats_sql_wildcards_literally(store):
    _fill(store)
    assert _names(store, search="%") == []
    assert _names(store, search="_") == []


def test_households_listed_by_given_name_in_vietnamese_order(store):
    _fill(store)
    assert _names(store) == ["Nguyễn Văn An", "Lê Thị Ánh", "Nguyên Văn Ba", "Trần Thị Bình", "Đặng Văn Đông"]


def test_paging_and_counts(store):
    area = _fill(store)
    assert queries.count_rows(store, "household", ListQuery(filters={"area_id": area})) == 5
    page = queries.list_rows(store, "household", offset=2, limit=2)
    assert [r["head_name"] for r in page] == ["Nguyên Văn Ba", "Trần Thị Bình"]
    areas = queries.list_rows(store, "residential_area")
    assert areas[0]["household_count"] == 5


def test_deleted_records_are_hidden_unless_asked(store):
    _fill(store)
    victim = queries.list_rows(store, "household", ListQuery(search="binh"))[0]["id"]
    records.delete(store, "household", victim, actor=ACTOR)
    assert "Trần Thị Bình" not in _names(store)
    assert "Trần Thị Bình" in _names(store, include_deleted=True)


def test_the_communes_own_assessment_is_named_after_the_commune(demo_store):
    rows = queries.list_rows(demo_store, "assessment", ListQuery(filters={"subject_kind": "commune"}))
    assert rows and all(r["subject_name"] == "Phường Hoàn Kiếm (toàn đơn vị)" for r in rows)


@pytest.mark.parametrize("record_type", ["residential_area", "organization", "household", "pledge", "registration",
                                         "assessment", "plan"])
def test_counts_agree_with_the_lists(demo_store, record_type):
    """count_rows takes a shortcut for lists whose filters are their own columns: it must agree."""
    from datetime import date

    first_area = queries.list_rows(demo_store, "residential_area", limit=1)[0]["id"]
    for query in (ListQuery(), ListQuery(search="an"), ListQuery(search="nguyen", year=date.today().year),
                  ListQuery(filters={"area_id": first_area}), ListQuery(include_deleted=True)):
        assert queries.count_rows(demo_store, record_type, query) == len(queries.list_rows(demo_store, record_type,
                                                                                            query))
