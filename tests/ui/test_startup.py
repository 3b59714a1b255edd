"""Start-up: first-run wizard, sign-in, one copy of the app per data file, error dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard
from tests.conftest import PASSWORD

from antq_desktop.services.accounts import login as accounts
from antq_desktop.storage.db import open_store
from antq_desktop.ui import app as app_module
from antq_desktop.ui import errors
from antq_desktop.ui.login_dialog import LoginDialog
from antq_desktop.ui.setup_wizard import SetupWizard


def _choose_commune(wizard: SetupWizard, qtbot, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    chooser = wizard.unit_page.commune
    chooser.province_box.setCurrentIndex(chooser.province_box.findData("01"))
    qtbot.keyClicks(chooser.search_edit, text)
    names = [chooser.commune_list.item(i).text() for i in range(chooser.commune_list.count())]
    assert any("Phường Hoàn Kiếm" in name for name in names), names
    row = next(i for i in range(chooser.commune_list.count())
               if chooser.commune_list.item(i).data(Qt.ItemDataRole.UserRole) == code)
    chooser.commune_list.setCurrentRow(row)


def test_wizard_creates_unit_and_admin(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "new.sqlite3")
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.role_page
    wizard.next()
    assert not wizard.unit_page.isComplete()
    _choose_commune(wizard, qtbot, "hoan kiem", "00070")
    assert wizard.unit_page.isComplete()
    wizard.next()
    page = wizard.officer_page
    page.full_name.setText("Trần Thị Bình")  # keyClicks is ASCII only
    page.username.setText("binh")
    qtbot.keyClicks(page.password, "123")
    assert "8 ký tự" in page.strength.text()
    page.password.setText(PASSWORD)
    assert "dùng được" in page.strength.text()
    page.password_again.setText(PASSWORD + "x")
    wizard.next()
    assert wizard.currentPage() is page, "mismatched passwords must keep the officer on the page"
    assert "không giống nhau" in page.errors["password_again"].text()
    assert not store.is_initialised()
    page.password_again.setText(PASSWORD)
    wizard.next()
    assert store.is_initialised()
    wizard.next()  # the optional upper-office key page (keys_box.RecipientWizardPage), skipped here
    assert "Phường Hoàn Kiếm" in wizard.currentPage().summary.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    wizard.accept()
    assert wizard.signed_in_user is not None and wizard.signed_in_user.username == "binh"
    assert accounts.sign_in(store, username="binh", password=PASSWORD).role == "admin"
    store.close()


def test_wizard_search_ignores_diacritics_across_provinces(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "new.sqlite3")
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    chooser = wizard.unit_page.commune
    qtbot.keyClicks(chooser.search_edit, "HOAN KIEM")
    assert chooser.commune_list.count() >= 1
    assert "Hoàn Kiếm" in chooser.commune_list.item(0).text()
    store.close()


def test_wizard_upper_office_validates_code(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "office.sqlite3")
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.role_page.buttons["district"].setChecked(True)
    wizard.next()
    wizard.unit_page.office_code.setText("12")  # digits only: looks like a province code
    wizard.unit_page.office_name.setText("Cụm công an khu vực 1")
    wizard.next()
    assert wizard.currentPage() is wizard.unit_page
    assert "CUM-01" in wizard.unit_page.error_label.text()
    wizard.unit_page.office_code.setText("cum-01")
    wizard.next()
    assert wizard.currentPage() is wizard.officer_page
    store.close()


def test_login_success_and_failure(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.username.text() == "admin"  # the only account is suggested
    dialog.password.setText("sai mat khau")
    dialog.try_sign_in()
    assert dialog.user is None
    assert "không đúng" in dialog.error_label.text()
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.try_sign_in()
    assert dialog.user is not None and dialog.user.username == "admin"


def test_login_lockout_message(store, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    for _ in range(accounts.MAX_FAILED_ATTEMPTS):
        dialog.password.setText("sai mat khau")
        dialog.try_sign_in()
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    assert dialog.user is None
    assert "thử lại sau" in dialog.error_label.text()


def test_second_copy_on_same_data_file_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'one.sqlite3'}"
    first, refusal = app_module.lock_data_file(url)
    assert first is not None and refusal is None
    second, refusal = app_module.lock_data_file(url)
    assert second is None
    assert refusal and "đang mở" in refusal
    first.unlock()
    third, refusal = app_module.lock_data_file(url)
    assert third is not None and refusal is None
    third.unlock()


def test_run_refuses_second_copy_with_a_message(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "busy.sqlite3"
    held, _ = app_module.lock_data_file(f"sqlite:///{db}")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 1
    assert shown and "đang mở" in shown[0]
    held.unlock()


def test_newer_database_is_refused_politely(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.domain.errors import NewerDatabaseError

    def newer(_url, **_options):  # type: ignore[no-untyped-def]
        raise NewerDatabaseError()

    shown: list[str] = []
    monkeypatch.setattr("antq_desktop.storage.db.open_store", newer)
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    assert app_module.open_store_or_explain(f"sqlite:///{tmp_path / 'x.sqlite3'}") is None
    assert "phiên bản mới hơn" in shown[0]


def test_unexpected_error_dialog_offers_copy_and_logs(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    seen = {}

    def fake_exec(box):  # type: ignore[no-untyped-def]
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["details"] = box.detailedText()
        copy = next(b for b in box.buttons() if b.text() == "Sao chép chi tiết")
        copy.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    log_path = errors.setup_logging()
    try:
        raise RuntimeError("hỏng bất ngờ")
    except RuntimeError as exc:
        errors.show_error(None, exc)
    assert "Sao chép chi tiết" in seen["buttons"]
    assert "hỏng bất ngờ" in seen["details"]
    assert "hỏng bất ngờ" in qapp.clipboard().text()
    for handler in __import__("logging").getLogger("antq_desktop").handlers:
        handler.flush()
    assert "hỏng bất ngờ" in open(log_path, encoding="utf-8").read()


@pytest.mark.parametrize("initialised", [False, True])
def test_start_session_shows_wizard_or_login(tmp_path, monkeypatch, initialised, qapp) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import make_store

    store = make_store(tmp_path / "s.sqlite3") if initialised else open_store(tmp_path / "s.sqlite3")
    shown = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: shown.append("wizard") or 0)
    monkeypatch.setattr(LoginDialog, "exec", lambda self: shown.append("login") or 0)
    assert app_module.start_session(store) is None
    assert shown == ["login" if initialised else "wizard"]
    store.close()


def test_run_signs_in_and_opens_the_main_window(tmp_path, monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication
    from tests.conftest import make_store

    from antq_desktop.ui.main_window import MainWindow

    db = tmp_path / "ready.sqlite3"
    make_store(db).close()

    def sign_in(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.password.setText(PASSWORD)
        dialog.try_sign_in()
        return dialog.result()

    windows: list[MainWindow] = []
    monkeypatch.setattr(LoginDialog, "exec", sign_in)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: windows.extend(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()) or 0)
    assert app_module.run(["antq-desktop", "--db", str(db)]) == 0
    assert windows and "Phường Hoàn Kiếm" in windows[0].unit_label.text()
    again, refusal = app_module.lock_data_file(f"sqlite:///{db}")
    assert again is not None, "the lock is released when the app ends"
    again.unlock()
    for window in windows:
        window.close()


def test_exception_hook_shows_known_and_unexpected_errors(monkeypatch, qapp) -> None:  # type: ignore[no-untyped-def]
    import sys

    from antq_desktop.domain.errors import ConflictError

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_exception_hook()
    warnings: list[str] = []
    crashes: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: crashes.append(box.detailedText()) or 0)
    sys.excepthook(ConflictError, ConflictError(), None)
    try:
        raise KeyError("lỗi lập trình")
    except KeyError as exc:
        sys.excepthook(KeyError, exc, exc.__traceback__)
    assert warnings == [ConflictError().message], "a known problem is a plain message, no stack trace"
    assert crashes and "lỗi lập trình" in crashes[0]
