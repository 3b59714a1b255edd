"""The communes page opens the review list of citizen IDs found in more than one commune."""

from tests.conftest import ACTOR, PASSWORD, make_store
from tests.store_copy import copy_synced_rows

from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.records import writes as records
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages.communes_page import CommunesPage


def test_review_list_of_ids_in_two_communes(qtbot, tmp_path) -> None:
    office = open_store(tmp_path / "office.sqlite3")
    profile.initialise(office, role="district", unit_code="CUM-01", name="Cụm 1", officer_name="Trần Văn Bình",
                       password=PASSWORD)
    for code in ("00070", "00073"):
        commune = make_store(tmp_path / f"{code}.sqlite3", code)
        area = records.create(commune, "residential_area", {"name": "Tổ 1", "kind": "to_dan_pho"}, actor=ACTOR)
        records.create(commune, "household", {"area_id": area, "head_name": "Nguyễn Văn An",
                                              "citizen_id": "001203004567"}, actor=ACTOR)
        copy_synced_rows(commune, office)
        commune.close()
    context = make_context(office, accounts.sign_in(office, username="admin", password=PASSWORD))
    page = CommunesPage(context)
    qtbot.addWidget(page)
    page.duplicates_button.click()
    dialog = page.duplicate_ids
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 0).text() == "********4567" and dialog.table.item(0, 1).text() == "2"
    assert "00070" in dialog.table.item(0, 2).text() and "00073" in dialog.table.item(0, 2).text()
    assert "không phải lỗi" in dialog.summary.text()
    dialog.close()
    context.jobs.wait()
    office.close()
