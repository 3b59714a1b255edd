"""Issue 14 point 4 in the GUI: the office's trust page sends a recovery package ("Gửi gói khôi phục cho
xã…", save dialog); the commune's exchange page shows its preview in a dialog ("Nhận dữ liệu khôi phục" /
"Huỷ"): cancelling changes nothing, accepting makes the commune's digest equal to the office's."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402
from tests.conftest import ACTOR, PASSWORD  # noqa: E402
from tests.office_year.test_recovery import A, World, a_household, send, world  # noqa: E402, F401
from tests.security.store_state import assert_unchanged, capture  # noqa: E402

from antq_desktop.services import recovery  # noqa: E402
from antq_desktop.services.accounts import login as accounts  # noqa: E402
from antq_desktop.services.office import stats  # noqa: E402
from antq_desktop.services.records import writes as records  # noqa: E402
from antq_desktop.storage.db import Store  # noqa: E402
from antq_desktop.ui import file_dialogs, password_prompt  # noqa: E402
from antq_desktop.ui.context import make_context  # noqa: E402
from antq_desktop.ui.pages.exchange_page import ExchangePage  # noqa: E402
from antq_desktop.ui.pages.trust_page import TrustPage  # noqa: E402
from antq_desktop.ui.widgets import recovery_box  # noqa: E402
from antq_desktop.ui.widgets.recovery_box import RecoveryPreviewDialog, RecoveryReceiveBox  # noqa: E402


def _context(store: Store):  # type: ignore[no-untyped-def]
    user = next(u for u in accounts.list_users(store) if u.username == ACTOR)
    return make_context(store, user)


def _digest(store: Store) -> str:
    with store.session_factory() as session:
        return stats.unit_stats(session, A).digest


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: shown.append(f"{_n}: {a[2]}"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(password_prompt, "ask_password", lambda *a, **k: PASSWORD)
    return shown


def test_the_office_sends_and_the_commune_previews_then_takes_in(world: World, qtbot, boxes: list[str],  # noqa: F811
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = world.folder / "gui-khoi-phuc.antq"
    monkeypatch.setattr(file_dialogs, "save_file", lambda *a, **k: str(out))
    office = _context(world.office)
    trust = TrustPage(office)
    qtbot.addWidget(trust)
    qtbot.waitUntil(lambda: not trust.loading and trust.table.rowCount() >= 2, timeout=10000)
    assert trust.recovery_button.text() == "Gửi gói khôi phục cho xã…"
    trust.recovery_button.click()  # nothing selected: it says what to do
    assert boxes.pop().startswith("information: Hãy chọn") and not out.exists()
    trust.table.selectRow(next(i for i, r in enumerate(trust.rows) if r.unit_code == A))
    trust.recovery_button.click()
    assert trust.recovery_job is not None  # written off the GUI thread, with a progress dialog and "Hủy"
    with qtbot.waitSignal(trust.recovery_job.finished, timeout=20000):
        pass
    assert out.exists() and "Đã tạo gói khôi phục số 1" in boxes.pop()

    commune = _context(world.a)
    page = ExchangePage.from_context(commune)
    qtbot.addWidget(page)
    box = page.findChild(RecoveryReceiveBox)
    assert box is not None and box.receive_button.text() == "Nhận dữ liệu khôi phục…"
    preview = recovery.preview_recovery(world.a, out, password=PASSWORD)
    dialog = RecoveryPreviewDialog(preview)
    qtbot.addWidget(dialog)
    assert (dialog.accept_button.text(), dialog.cancel_button.text()) == ("Nhận dữ liệu khôi phục", "Huỷ")
    assert "THAY bản trên máy này" in dialog.text.text()

    records.update(world.a, "household", a_household(world.a), {"head_name": "Lê Văn Khác"}, actor=ACTOR)
    before = capture(world.a)
    seen: list[str] = []
    monkeypatch.setattr(recovery_box, "confirm", lambda p, parent: seen.append(p.unit_code) or False)
    assert _receive(qtbot, box, out) is None  # "Huỷ": nothing changed
    assert seen == [A] and "không thay đổi" in box.status.text()
    assert_unchanged(world.a, before, max_log_rows=0, max_audit_rows=0)
    assert _digest(world.a) != _digest(world.office)

    monkeypatch.setattr(recovery_box, "confirm", lambda p, parent: True)  # "Nhận dữ liệu khôi phục"
    with qtbot.waitSignal(commune.events.changed, timeout=20000):
        result = _receive(qtbot, box, out)
    assert result is not None and result.applied and "Đã nhận dữ liệu khôi phục" in box.status.text()
    assert _digest(world.a) == _digest(world.office)
    assert _receive(qtbot, box, out) is None and boxes and "không mới hơn" in boxes[-1]  # a replay is refused
    told: list[str] = []
    commune.events.status_message.connect(told.append)
    with qtbot.waitSignal(box.settled, timeout=20000):
        assert box.receive(str(out)) is not None
        assert box.receive(str(out)) is None and "hãy chờ xong" in told[-1]  # a second file meanwhile waits
    assert box.receive_button.isEnabled()  # ready for another package


def test_hui_while_taking_in_changes_nothing(world: World, qtbot, boxes: list[str],  # noqa: F811
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The officer presses "Hủy" on the progress dialog after confirming: the commune's data stays as it was."""
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = world.folder / "huy.antq"
    recovery.build_recovery(world.office, A, out, password=PASSWORD, actor=ACTOR)
    records.update(world.a, "household", a_household(world.a), {"head_name": "Lê Văn Khác"}, actor=ACTOR)
    commune = _context(world.a)
    page = ExchangePage.from_context(commune)
    qtbot.addWidget(page)
    box = page.findChild(RecoveryReceiveBox)
    before = capture(world.a)
    real_apply = recovery.apply_recovery

    def cancelled_midway(*args, cancel, **kwargs):  # type: ignore[no-untyped-def]
        cancel.set()  # as the progress dialog's "Hủy" does while the work runs
        return real_apply(*args, cancel=cancel, **kwargs)

    monkeypatch.setattr(recovery_box, "confirm", lambda p, parent: True)
    monkeypatch.setattr(recovery, "apply_recovery", cancelled_midway)
    assert _receive(qtbot, box, out) is None
    assert "không thay đổi" in box.status.text() and not boxes  # a cancel is not an error
    assert_unchanged(world.a, before, max_log_rows=0, max_audit_rows=0)
    assert box.receive_button.isEnabled()


def _receive(qtbot, box: RecoveryReceiveBox, out: Path):  # type: ignore[no-untyped-def]
    """Choose the file: check and preview, ask, take in, each step a background job; what it ended with."""
    with qtbot.waitSignal(box.settled, timeout=20000) as ended:
        assert box.receive(str(out)) is not None
        assert not box.receive_button.isEnabled()  # one package at a time
    return ended.args[0]


def test_a_double_clicked_recovery_file_is_recognised(world: World) -> None:  # noqa: F811
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = world.folder / "r.antq"
    recovery.build_recovery(world.office, A, out, password=PASSWORD, actor=ACTOR)
    assert recovery.is_recovery_file(out)
    assert not recovery.is_recovery_file(Path(__file__))
