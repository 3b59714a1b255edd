"""Settings: unit and regulation versions shown, language saved for the next start, admin-only setup."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel

from antq_desktop import paths
from antq_desktop.domain import catalog as catalogs
from antq_desktop.reports.form_texts import load_form_text
from antq_desktop.ui.language import saved_language
from antq_desktop.ui.pages import settings_page
from antq_desktop.ui.pages.settings_page import SettingsPage


def _texts(page) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


def test_settings_show_unit_versions_and_data_folder(qtbot, feature_store) -> None:
    page = SettingsPage(feature_store, user_role="admin")
    qtbot.addWidget(page)
    text = _texts(page)
    assert "Phường Hoàn Kiếm" in text and "00070" in text
    catalog = catalogs.get_catalog()
    assert f"{catalog.code} — phiên bản {catalog.version}" in text
    forms = page.findChild(QLabel, "form_versions").text().splitlines()
    assert forms[0].startswith("Bản cam kết — Hộ gia đình")
    assert forms[0].endswith(f": phiên bản {load_form_text('household_pledge').version}")
    assert str(paths.data_dir()) in text and str(feature_store.sqlite_path) in text
    assert not page.redo_button.isHidden()
    # Keys are a registered section; without a signed-in context it points to the exchange page.
    assert "Khóa ký và mã hóa gói dữ liệu" in [box.title() for box in page.findChildren(QGroupBox)]
    assert "Có ở trang “Gửi – nhận dữ liệu”." in text


def test_language_choice_is_saved(qtbot, feature_store) -> None:
    page = SettingsPage(feature_store, user_role="officer")
    qtbot.addWidget(page)
    assert page.redo_button.isHidden()
    page.language.setCurrentIndex(page.language.findData("en"))
    assert saved_language() == "en"
    assert "mở lại" in page.language_note.text()
    page.language.setCurrentIndex(page.language.findData("vi"))
    assert saved_language() == "vi"


def test_registered_section_replaces_placeholder(qtbot, feature_store, monkeypatch) -> None:
    monkeypatch.setattr(settings_page, "_SECTIONS", {})
    settings_page.register_settings_section("backups", "Sao lưu", lambda _ctx: QLabel("Sao lưu thật"))
    called = []
    page = SettingsPage(feature_store, user_role="admin", redo_setup=lambda parent: called.append(parent))
    qtbot.addWidget(page)
    assert page.findChild(QGroupBox, "placeholder_backups") is None
    assert "Sao lưu thật" in _texts(page)
    page.redo_button.click()
    assert called == [page]


def test_sections_point_to_existing_pages(qtbot, feature_store, monkeypatch) -> None:
    from antq_desktop.ui import main_window

    monkeypatch.setattr(settings_page, "_SECTIONS", {})
    page = SettingsPage(feature_store, user_role="admin")
    qtbot.addWidget(page)
    box = page.findChild(QGroupBox, "placeholder_backups")
    text = box.findChild(QLabel).text()
    has_backup_page = any(p.key == "backups" and p.factory for p in main_window.PAGES)
    assert text == ("Có ở trang “Sao lưu – khôi phục” trong cột bên trái." if has_backup_page
                    else "Sẽ có trong phiên bản tới.")


def test_signed_in_settings_show_the_units_key_fingerprint(qtbot, feature_store):
    from antq_desktop.services.accounts import login as accounts
    from antq_desktop.services.keys import registry as keys
    from antq_desktop.ui.context import make_context

    from .conftest import PASSWORD

    context = make_context(feature_store, accounts.sign_in(feature_store, username="admin", password=PASSWORD))
    page = SettingsPage.from_context(context)
    qtbot.addWidget(page)
    with feature_store.session_factory() as session:
        fingerprint = keys.paper_fingerprint(session, keys.active_local_key(session))  # key file v2: unit and role
    assert fingerprint in _texts(page)
