"""Cài đặt: the unit, the regulations in use, where the data lives, the language; room for other sections.

Other features add their own group (keys, backups, users…) with `register_settings_section`; until
one is registered under "keys" or "backups", a box says it comes in a later version.
Admins get "Thiết lập lại đơn vị…", which opens the setup wizard again (`ui.redo_setup`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from antq_desktop import paths
from antq_desktop.domain import catalog as catalogs
from antq_desktop.reports.form_texts import FORM_IDS, load_form_text
from antq_desktop.services.setup import ROLES, get_profile
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours
from antq_desktop.ui.audit_labels import tr_audit
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.language import LANGUAGES, save_language, saved_language

SectionFactory = Callable[[Any], QWidget]  # takes the AppContext
_SECTIONS: dict[str, tuple[str, SectionFactory]] = {}



def register_settings_section(key: str, title: str, factory: SectionFactory) -> None:
    """Add (or replace) a group on the settings page; "keys" and "backups" replace the placeholders."""
    _SECTIONS[key] = (title, factory)


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # officers copy paths
    return label


def _page_title(key: str) -> str | None:
    """The translated navigation title of a built main-window page, or None if it is not there yet."""
    from antq_desktop.ui.main_window import PAGES

    spec = next((p for p in PAGES if p.key == key and p.factory is not None), None)
    return QCoreApplication.translate("MainWindow", spec.title) if spec else None


class SettingsPage(QWidget):
    def __init__(self, store: Store, *, user_role: str = "admin", context: Any = None,
                 redo_setup: Callable[[QWidget], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.user_role, self.context = store, user_role, context
        self.redo_setup = redo_setup  # None: the redo wizard of ui.redo_setup (a test may pass its own)
        self.redo_wizard: QWidget | None = None
        outer = QVBoxLayout(self)
        outer.addWidget(QLabel(self.tr("<h2>Cài đặt</h2>")))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.unit_box = self._unit_box()
        self.body.addWidget(self.unit_box)
        self.body.addWidget(self._regulations_box())
        self.body.addWidget(self._data_box())
        self.body.addWidget(self._language_box())
        self._extra_sections()
        self.body.addWidget(self._admin_box())
        self.body.addStretch(1)

    @classmethod
    def from_context(cls, context) -> SettingsPage:  # type: ignore[no-untyped-def]
        return cls(context.store, user_role=context.user.role, context=context)

    def _unit_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Đơn vị sử dụng"))
        form = QFormLayout(box)
        profile = get_profile(self.store)
        form.addRow(self.tr("Cấp"), _selectable(tr_audit(ROLES.get(profile.role, profile.role))))
        form.addRow(self.tr("Tên đơn vị"), _selectable(profile.unit_name))
        form.addRow(self.tr("Mã đơn vị"), _selectable(profile.unit_code))
        if profile.parent_name:
            form.addRow(self.tr("Tỉnh, thành phố"), _selectable(profile.parent_name))
        note = QLabel(self.tr("Thông tin đơn vị được đặt khi thiết lập ban đầu; quản trị viên đổi bằng nút "
                              "“Thiết lập lại đơn vị…” ở mục Quản trị."))
        note.setWordWrap(True)
        note.setStyleSheet(colours.text_style("hint"))
        form.addRow(note)
        return box

    def _regulations_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quy định và mẫu biểu đang dùng"))
        form = QFormLayout(box)
        catalog = catalogs.get_catalog(get_profile(self.store).catalog_code)
        form.addRow(self.tr("Bộ tiêu chí"), _selectable(f"{catalog.code} — {self.tr('phiên bản')} {catalog.version}"))
        form.addRow(self.tr("Tên"), _selectable(catalog.title))
        form.addRow(self.tr("Căn cứ"), _selectable("\n".join(catalog.legal_basis)))
        if catalog.provisional:
            form.addRow(self.tr("Lưu ý"), _selectable(catalog.provisional_note))
        lines = []
        for form_id in FORM_IDS:
            text = load_form_text(form_id)
            title = f"{text.doc_type.capitalize()} — {text.subject.format(year='…')}"
            lines.append(f"{title}: " + self.tr("phiên bản %1").replace("%1", text.version))
        forms = _selectable("\n".join(lines))
        forms.setObjectName("form_versions")
        form.addRow(self.tr("Mẫu biểu"), forms)
        return box

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Dữ liệu"))
        form = QFormLayout(box)
        folder = paths.data_dir()
        database = self.store.sqlite_path
        form.addRow(self.tr("Thư mục dữ liệu"), _selectable(str(folder)))
        form.addRow(self.tr("Tệp cơ sở dữ liệu"), _selectable(str(database) if database else self._safe_url()))
        open_folder = QPushButton(self.tr("Mở thư mục dữ liệu"))
        target = database.parent if database else folder
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))))
        form.addRow(open_folder)
        return box

    def _safe_url(self) -> str:
        """A server URL without its password."""
        from sqlalchemy.engine import make_url

        return make_url(self.store.url).render_as_string(hide_password=True)

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ngôn ngữ giao diện"))
        row = QHBoxLayout(box)
        self.language = QComboBox()
        for code, title in LANGUAGES.items():
            self.language.addItem(title, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language() or "vi")))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.language_note = QLabel(self.tr("Áp dụng từ lần mở chương trình tiếp theo."))
        row.addWidget(self.language)
        row.addWidget(self.language_note, 1)
        return box

    def _language_chosen(self, _index: int) -> None:
        save_language(self.language.currentData())
        self.language_note.setText(self.tr("Đã lưu. Hãy đóng và mở lại chương trình để đổi ngôn ngữ."))

    def _extra_sections(self) -> None:
        # (section key, main-window page that holds the feature, title)
        placeholders = (("keys", "exchange", self.tr("Khóa ký và mã hóa gói dữ liệu")),
                        ("backups", "backups", self.tr("Sao lưu và khôi phục")),
                        ("users", "users", self.tr("Tài khoản người dùng")))
        for key, page_key, title in placeholders:
            if key in _SECTIONS:
                continue
            page_title = _page_title(page_key)
            if page_title is None and key == "users":
                continue  # accounts were never promised here
            box = QGroupBox(title)
            box.setObjectName(f"placeholder_{key}")
            text = (self.tr("Có ở trang “%1” trong cột bên trái.").replace("%1", page_title) if page_title
                    else self.tr("Sẽ có trong phiên bản tới."))
            QVBoxLayout(box).addWidget(QLabel(text))
            self.body.addWidget(box)
        for _key, (title, factory) in _SECTIONS.items():
            box = QGroupBox(QCoreApplication.translate("SettingsPage", title))
            QVBoxLayout(box).addWidget(factory(self.context))
            self.body.addWidget(box)

    def _admin_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Quản trị"))
        layout = QVBoxLayout(box)
        self.redo_button = QPushButton(self.tr("Thiết lập lại đơn vị…"))
        self.redo_button.setObjectName("redo_setup_button")
        self.redo_button.setToolTip(self.tr("Chạy lại trình thiết lập (chỉ quản trị viên): họ tên cán bộ, khóa của "
                                            "đơn vị và của cấp trên; đổi đơn vị khi tệp dữ liệu chưa có dữ liệu"))
        self.redo_button.clicked.connect(self._redo_setup_clicked)
        layout.addWidget(self.redo_button)
        is_admin = self.user_role == "admin"
        self.redo_button.setVisible(is_admin)
        box.setVisible(is_admin)
        return box

    def _redo_setup_clicked(self) -> None:
        if self.user_role != "admin":  # the button is hidden; the service checks the role again anyway
            return
        if self.redo_setup is not None:
            self.redo_setup(self)
            return
        from antq_desktop.ui.redo_setup import launch

        self.redo_wizard = launch(self, self.context, on_saved=lambda _result: self.refresh_unit())

    def refresh_unit(self) -> None:
        """Show the unit as it is now (after the setup was redone)."""
        box = self._unit_box()
        self.body.replaceWidget(self.unit_box, box)
        self.unit_box.deleteLater()
        self.unit_box = box

def _register_key_section() -> None:
    """The unit's keys (fingerprint, public key file, the upper office's key) belong in Cài đặt too."""
    def keys_box(context: Any) -> QWidget:
        if context is None:  # a page built outside a signed-in window (tests, previews)
            return QLabel(QCoreApplication.translate("SettingsPage", "Có ở trang “Gửi – nhận dữ liệu”."))
        from antq_desktop.ui.widgets.keys_box import KeysBox

        return KeysBox.from_context(context)

    register_settings_section("keys", QT_TRANSLATE_NOOP("SettingsPage", "Khóa ký và mã hóa gói dữ liệu"), keys_box)


_register_key_section()
