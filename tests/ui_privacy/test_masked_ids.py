"""Citizen ID numbers are masked in the households list; authorised officers reveal them on demand (audited)."""

from sqlalchemy import select
from tests.conftest import PASSWORD

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import AuditEntry
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.households_page import HouseholdsPage


def _page(qtbot, store, username="admin", password=PASSWORD):
    page = HouseholdsPage(make_context(store, accounts.sign_in(store, username=username, password=password)))
    qtbot.addWidget(page)
    return page


def _id_cell(page):
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "citizen_id")
    return page.model.data(page.model.index(0, column))


def _seed(store):
    area = records.create(store, "residential_area", {"name": "Thôn Đông"}, actor="admin")
    records.create(store, "household", {"area_id": area, "head_name": "Nguyễn Văn An", "citizen_id": "001203004567"},
                   actor="admin")


def test_masked_by_default_and_revealed_on_demand_with_an_audit_entry(qtbot, store):
    _seed(store)
    page = _page(qtbot, store)
    assert _id_cell(page) == "********4567"
    page.reveal_button.setChecked(True)
    assert _id_cell(page) == "001203004567"
    with store.session_factory() as s:
        assert s.execute(select(AuditEntry.actor).where(AuditEntry.action == "reveal_citizen_ids")).scalar() == "admin"
    page.reveal_button.setChecked(False)
    assert _id_cell(page) == "********4567"
    other = _page(qtbot, store)  # another page instance is not affected by the first one's toggle
    assert _id_cell(other) == "********4567"


def test_search_by_id_still_works_while_masked(qtbot, store):
    _seed(store)
    page = _page(qtbot, store)
    page.search_edit.setText("004567")
    page.refresh()
    assert page.model.rowCount() == 1 and _id_cell(page) == "********4567"


def test_read_only_accounts_cannot_reveal(qtbot, store):
    _seed(store)
    accounts.create_user(store, username="xem", full_name="Lê Thị Xem", role="readonly", password="mat khau chi xem")
    page = _page(qtbot, store, "xem", "mat khau chi xem")
    assert not page.reveal_button.isEnabled()
    assert _id_cell(page) == "********4567"
