"""The same store code on SQLite and PostgreSQL: migrations, writes, searches, stats."""

from datetime import date

from tests.conftest import ACTOR

from antq_desktop.services import demo
from antq_desktop.services.office import stats
from antq_desktop.services.records import queries
from antq_desktop.services.records import writes as records
from antq_desktop.services.records.queries import ListQuery
from antq_desktop.storage import migrate


def test_migrations_and_profile(any_store):
    assert migrate.current_revision(any_store.engine) == migrate.head_revision()
    assert any_store.profile().unit_code == "00070"


def test_search_and_vietnamese_order_are_engine_independent(any_store):
    area = records.create(any_store, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)
    for name in ["Trần Thị Bình", "Nguyễn Văn An", "Đặng Văn Đông", "Lê Thị Ánh"]:
        records.create(any_store, "household", {"area_id": area, "head_name": name}, actor=ACTOR)
    names = [r["head_name"] for r in queries.list_rows(any_store, "household")]
    assert names == ["Nguyễn Văn An", "Lê Thị Ánh", "Trần Thị Bình", "Đặng Văn Đông"]
    assert [r["head_name"] for r in queries.list_rows(any_store, "household", ListQuery(search="dong"))] == \
        ["Đặng Văn Đông"]


def test_demo_and_digest_are_identical_on_both_engines(any_store, tmp_path):
    """Digests are the cross-engine contract: the same data gives the same SHA-256."""
    from tests.conftest import make_store

    demo.generate(any_store, households=80, seed=5, year=2025, today=date(2026, 1, 10))
    reference = make_store(tmp_path / "reference.sqlite3")
    demo.generate(reference, households=80, seed=5, year=2025, today=date(2026, 1, 10))
    assert stats.collect(any_store, year=2025) == stats.collect(reference, year=2025)


CONCURRENT_WRITER = """
import sys
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import open_store
store = open_store(sys.argv[1])
area = sys.argv[2]
for i in range(40):
    records.create(store, "household", {"area_id": area, "head_name": f"Người {sys.argv[3]} {i}"}, actor="admin")
"""


def test_two_processes_writing_at_once_lose_nothing_and_keep_one_audit_chain(any_store):
    import subprocess
    import sys

    from sqlalchemy import func, select

    from antq_desktop.services import check
    from antq_desktop.storage.models import Household

    area = records.create(any_store, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)
    procs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, any_store.url, area, tag],
                              stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err[-1500:]
    with any_store.session_factory() as s:
        assert s.execute(select(func.count()).select_from(Household)).scalar() == 80
    report = check.run_checks(any_store)
    assert report.ok, report.problems


def test_household_search_follows_every_change(any_store):
    """Found after insert, update and soft delete (pg_trgm-indexed on PostgreSQL); short and odd patterns too."""
    area = records.create(any_store, "residential_area", {"name": "Thôn Đông"}, actor=ACTOR)
    hh = records.create(any_store, "household", {"area_id": area, "head_name": "Nguyễn Văn An",
                                                 "address": "Số 12, ngõ 3"}, actor=ACTOR)
    records.create(any_store, "household", {"area_id": area, "head_name": "Trần Thị Bình"}, actor=ACTOR)

    def found(text):
        return [r["head_name"] for r in queries.list_rows(any_store, "household", ListQuery(search=text))]

    assert found("nguyen van an") == ["Nguyễn Văn An"]
    assert found("an") == ["Nguyễn Văn An", "Trần Thị Bình"]  # shorter than a trigram
    assert found("so 12, ngo") == ["Nguyễn Văn An"]
    assert found("%") == [] and found("bin_") == []
    records.update(any_store, "household", hh, {"head_name": "Nguyễn Văn Hải"}, actor=ACTOR)
    assert found("nguyen van an") == [] and found("van hai") == ["Nguyễn Văn Hải"]
    assert queries.count_rows(any_store, "household", ListQuery(search="van hai")) == 1
    records.delete(any_store, "household", hh, actor=ACTOR)
    assert found("van hai") == []


def test_paging_after_the_last_row_equals_paging_by_offset(any_store):
    """Keyset pages (through the sort index) give exactly the rows OFFSET pages give, in every order."""
    demo.generate(any_store, households=120, seed=5)
    for query in (ListQuery(), ListQuery(search="nguyen"), ListQuery(order_by="head_name", descending=True),
                  ListQuery(order_by="head_name"), ListQuery(order_by="members")):
        for record_type in ("household", "residential_area"):
            whole = queries.list_rows(any_store, record_type, query)
            paged: list[dict] = []
            while True:
                page = queries.list_rows(any_store, record_type, query, offset=len(paged), limit=17,
                                         after=paged[-1] if paged else None)
                if not page:
                    break
                paged.extend(page)
            assert [r["id"] for r in paged] == [r["id"] for r in whole], (record_type, query)
