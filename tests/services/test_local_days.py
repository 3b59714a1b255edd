"""Days printed from stored UTC moments are the laptop's days (Vietnam, UTC+7), not UTC's.

A key revoked, a package merged or a key enrolled after 17:00 UTC happened on the next day in
Vietnam; formatting the stored moment directly printed the day before.
"""

from datetime import date, datetime

from tests.conftest import PASSWORD

from antq_desktop.services.keys import reported
from antq_desktop.services.merge import received_revocations
from antq_desktop.services.office import overview
from antq_desktop.services.office import settings as office
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import ProducerState

EVENING_UTC = datetime(2026, 12, 3, 20, 0)  # 03:00 on 4 December in Vietnam


def test_revocation_notices_give_the_local_day(hanoi_clock) -> None:
    report = reported.Report("CUM-01", EVENING_UTC)
    assert reported.state_label(report) == "thu hồi — do CUM-01 báo lên, ngày 04/12/2026"
    assert "đã thu hồi ngày 04/12/2026 và báo lên" in reported.refusal("00070", report)
    limit = received_revocations.Limit("00070", 3, frozenset(), EVENING_UTC)
    assert "đã thu hồi ngày 04/12/2026 (" in received_revocations._outside("00070", 5, limit, "CUM-01")


def test_overview_last_received_is_the_local_day(hanoi_clock, tmp_path) -> None:
    store = open_store(tmp_path / "office.sqlite3")
    try:
        profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                           officer_name="Trần Văn Bình", password=PASSWORD)
        office.set_expected_communes(store, ["00070"], actor="admin")
        with store.session() as session:
            session.add(ProducerState(producer_unit="00070", key_id="k", last_sequence=4, last_package_uuid="p",
                                      last_package_sha256="0" * 64, last_merged_at=EVENING_UTC))
        (row,) = overview.commune_rows(store, year=2026, today=date(2026, 12, 4))
    finally:
        store.close()
    assert row.last_received == date(2026, 12, 4)
