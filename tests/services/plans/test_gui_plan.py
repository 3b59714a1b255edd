"""GUI: the exchange page offers “Gửi kế hoạch xuống xã” at an office and “Nhận kế hoạch” at a commune."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402
from tests.services.conftest import ACTOR, PASSWORD, YEAR, enrol_recipient, office_plan  # noqa: E402

from antq_desktop.services.accounts import login as accounts  # noqa: E402
from antq_desktop.ui.context import make_context  # noqa: E402
from antq_desktop.ui.pages.exchange_page import ExchangePage  # noqa: E402
from antq_desktop.ui.widgets.plan_send_box import PlanReceiveBox, PlanSendBox  # noqa: E402


def _page(store, qtbot) -> ExchangePage:  # type: ignore[no-untyped-def]
    user = next(u for u in accounts.list_users(store) if u.username == ACTOR)
    page = ExchangePage.from_context(make_context(store, user))
    qtbot.addWidget(page)
    return page


def test_office_sends_commune_receives(office_sqlite, commune_a, qtbot, tmp_path: Path, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    enrol_recipient(commune_a.store, office_sqlite)
    office_plan(office_sqlite)
    office_page = _page(office_sqlite, qtbot)
    (send,) = office_page.findChildren(PlanSendBox)
    assert not office_page.findChildren(PlanReceiveBox)
    send.year.setValue(YEAR)
    path = tmp_path / "ke-hoach.antq"
    job = send.start(str(path), PASSWORD)
    with qtbot.waitSignal(job.finished, timeout=60000):
        pass
    assert send.last_result is not None and path.exists() and "gói số 1" in send.status.text()

    commune_page = _page(commune_a.store, qtbot)
    (receive,) = commune_page.findChildren(PlanReceiveBox)
    assert receive.receive(str(path)).status == "imported" and not warnings
    assert "Đã nhận kế hoạch" in receive.status.text()
    assert receive.receive(str(path)).code == "REPLAY" and len(warnings) == 1
    office_page.context.jobs.wait()
