"""GUI: the export page (background export, history, cancel, receipts), the keys box and the wizard slot."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402
from tests.conftest import PASSWORD  # noqa: E402
from tests.exchange_store.conftest import key_file  # noqa: E402
from tests.exchange_store.merging import merge  # noqa: E402

from antq_desktop.services import export as export_front
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.export import build as export
from antq_desktop.services.export import receipt  # noqa: E402
from antq_desktop.services.keys import registry as keys
from antq_desktop.storage.db import open_store  # noqa: E402
from antq_desktop.storage.models import KnownKey  # noqa: E402
from antq_desktop.ui.context import make_context  # noqa: E402
from antq_desktop.ui.pages.exchange_page import ExchangePage  # noqa: E402
from antq_desktop.ui.setup_wizard import EXTRA_PAGES, SetupWizard  # noqa: E402
from antq_desktop.ui.widgets.keys_box import KeysBox, RecipientWizardPage  # noqa: E402


@pytest.fixture(autouse=True)
def _quiet_boxes(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: shown.append(f"{_n}: {a[2]}"))
    return shown


@pytest.fixture
def page(pair, qtbot):
    user = next(u for u in accounts.list_users(pair.commune) if u.username == "admin")
    context = make_context(pair.commune, user)
    widget = ExchangePage.from_context(context)
    qtbot.addWidget(widget)
    yield widget
    context.jobs.wait()


def _run(page, qtbot, path, password=PASSWORD):
    job = page.start_export(str(path), password)
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass
    return job


def test_page_shows_keys_and_exports_in_the_background(page, pair, qtbot):
    with pair.office.session_factory() as session:
        office_fp = keys.paper_fingerprint(session, keys.active_local_key(session))  # key file v2: unit and role
    assert office_fp in page.keys_box.recipient_label.text()
    assert page.keys_box.own_label.text().count("-") == 4
    assert page.suggested_path().endswith("_seq0001.antq")
    page.full.setChecked(True)
    _run(page, qtbot, pair.tmp / "gui.antq")
    assert page.last_result is not None and page.last_result.kind == "full"
    assert (pair.tmp / "gui.antq").exists() and "gói số 1" in page.status.text()
    assert page.history.rowCount() == 1 and page.history.item(0, 5).text() == "gui.antq"
    assert page.history.item(0, 4).text() == "chưa"


def test_cancel_from_the_page_leaves_nothing(page, pair, qtbot, monkeypatch):
    def cancelled_export(*args, **kwargs):
        kwargs["cancel"].set()
        return real(*args, **kwargs)
    real = export.export_package
    monkeypatch.setattr(export_front, "export_package", cancelled_export)  # where the page looks it up
    _run(page, qtbot, pair.tmp / "c.antq")
    assert not (pair.tmp / "c.antq").exists() and page.history.rowCount() == 0
    assert "hủy" in page.status.text()


def test_wrong_password_shows_a_clear_error(page, pair, qtbot, _quiet_boxes):
    _run(page, qtbot, pair.tmp / "w.antq", password="khong dung dau")
    assert getattr(page.last_error, "code", None) == "BAD_PASSWORD"
    assert any("mật khẩu của chính tài khoản" in text for text in _quiet_boxes)
    assert not (pair.tmp / "w.antq").exists()


def test_receipt_button_marks_the_history(page, pair, qtbot):
    _run(page, qtbot, pair.tmp / "r.antq")
    merge(pair.office, pair.tmp / "r.antq")
    data = receipt.issue_receipt(pair.office, [page.last_result.package_uuid], password=PASSWORD, actor="admin")
    (pair.tmp / "r.antqrcpt").write_bytes(data)
    check = page.check_receipt(str(pair.tmp / "r.antqrcpt"))
    assert check is not None and check.matches == "current"
    assert page.history.item(0, 4).text() != "chưa"


def test_keys_box_exports_the_public_key(pair, qtbot, tmp_path):
    box = KeysBox(pair.commune, "admin")
    qtbot.addWidget(box)
    assert box.export_public_key(str(tmp_path / "k.antqkey"), PASSWORD)
    assert b"antq-public-key" in (tmp_path / "k.antqkey").read_bytes()
    assert not box.export_public_key(str(tmp_path / "bad.antqkey"), "sai mat khau nhe")


def test_wizard_slot_imports_the_upper_office_key(pair, qtbot, tmp_path):
    assert any(build.__name__ == "build_recipient_page" for build in EXTRA_PAGES)
    (tmp_path / "office.antqkey").write_bytes(key_file(pair.office))
    store = open_store(tmp_path / "new.sqlite3")
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.unit_page.unit_code = lambda: "00070"  # the commune chooser is GUI-core's, tested there
    wizard.create_unit("Trần Thị Bình", "binh", PASSWORD)
    slot = next(wizard.page(i) for i in wizard.pageIds() if isinstance(wizard.page(i), RecipientWizardPage))
    fingerprint = slot.import_key(str(tmp_path / "office.antqkey"))
    assert fingerprint and fingerprint in slot.status.text()
    with store.session_factory() as session:
        row = session.query(KnownKey).one()
        assert row.is_recipient and row.enrolled_by == "binh"
    store.close()


def test_receipt_offer_after_a_merge(pair, qtbot, monkeypatch, _quiet_boxes):
    from antq_desktop.ui import password_prompt
    from antq_desktop.ui.widgets import receipt_offer

    result = export.export_package(pair.commune, pair.tmp / "m.antq", password=PASSWORD, actor="admin", kind="full")
    merge(pair.office, result.path)
    parent = KeysBox(pair.office, "admin")
    qtbot.addWidget(parent)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",  # through ui.file_dialogs
                        lambda *a, **k: (str(pair.tmp / "r.antqrcpt"), ""))
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, *_a: PASSWORD)
    assert receipt_offer.offer_receipt(parent, pair.office, "admin", [result.package_uuid])
    assert receipt.verify_receipt(pair.commune, (pair.tmp / "r.antqrcpt").read_bytes(), actor="admin").marked == [1]
    assert not receipt_offer.save_receipt(parent, pair.office, "admin", ["not-merged"], str(pair.tmp / "x"), PASSWORD)
    assert any("chưa được hợp nhất" in text for text in _quiet_boxes)
