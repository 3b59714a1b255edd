"""First-run setup: who uses this computer (commune or upper office), which unit, the first account.

Shown once, when the store has no unit profile. The profile and the admin account are created
together (`setup.initialise`) when the officer presses "Tạo đơn vị"; nothing is kept on error.
Features that need the new unit (signing keys, the upper office's key) add pages through
`EXTRA_PAGES`, which run after the unit exists.

An admin runs it again from Cài đặt (`ui.redo_setup`): the role and unit pages are reused there,
filled in with `prefill` and fixed once the store holds the unit's data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from antq_desktop.domain import units
from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.services import accounts, setup
from antq_desktop.services.accounts import UserInfo
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.widgets.field_error import FieldErrorLabel
from antq_desktop.ui.widgets.keys_box import build_recipient_page

# Hook for the data-exchange feature: page builders run after the unit is created, e.g. to
# generate this unit's signing key or import the upper office's public key (.antqkey).
EXTRA_PAGES: list[Callable[[SetupWizard], QWizardPage]] = [build_recipient_page]  # the upper office's key

# Marked for lupdate; translated in RolePage (context "RolePage").
ROLE_HELP = {
    "commune": QT_TRANSLATE_NOOP("RolePage", "Công an xã, phường, đặc khu: quản lý khu dân cư, hộ gia đình, cam kết, "
                                             "đăng ký, tự đánh giá và gửi dữ liệu lên cấp trên."),
    "district": QT_TRANSLATE_NOOP("RolePage", "Đơn vị cấp trên (cụm, khu vực) có mã riêng: nhận, kiểm tra và tổng hợp "
                                              "dữ liệu của các xã."),
    "province": QT_TRANSLATE_NOOP("RolePage", "Công an cấp tỉnh: nhận và tổng hợp dữ liệu của toàn tỉnh."),
}


class RolePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Chào mừng đến với ANTQ Desktop"))
        self.setSubTitle(self.tr("Máy tính này dùng cho đơn vị nào? Thiết lập này chỉ làm một lần."))
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        labels = {"commune": self.tr("Công an cấp xã (xã, phường, đặc khu)"),
                  "district": self.tr("Cấp trên: cụm, khu vực (có mã đơn vị riêng)"),
                  "province": self.tr("Cấp trên: Công an cấp tỉnh")}
        self.buttons: dict[str, QRadioButton] = {}
        for role, label in labels.items():
            button = QRadioButton(label)
            button.setObjectName(f"role_{role}")
            self.buttons[role] = button
            self.group.addButton(button)
            layout.addWidget(button)
            help_label = QLabel(self.tr(ROLE_HELP[role]))
            help_label.setWordWrap(True)
            help_label.setContentsMargins(24, 0, 0, 8)
            help_label.setStyleSheet(colours.text_style("hint"))
            layout.addWidget(help_label)
        self.buttons["commune"].setChecked(True)
        self.lock_note = _lock_note()
        layout.addWidget(self.lock_note)
        layout.addStretch(1)

    def prefill(self, role: str, lock_reason: str | None) -> None:
        """Redo mode: the current role, fixed (with the reason shown) once the store holds the unit's data."""
        self.buttons[role].setChecked(True)
        for button in self.buttons.values():
            button.setEnabled(lock_reason is None)
        _show_lock(self.lock_note, lock_reason)

    def role(self) -> str:
        return next(role for role, button in self.buttons.items() if button.isChecked())


def _lock_note() -> QLabel:
    label = QLabel()
    label.setObjectName("unit_lock_note")
    label.setWordWrap(True)
    label.setStyleSheet(colours.text_style("warning"))
    label.hide()
    return label


def _show_lock(label: QLabel, reason: str | None) -> None:
    label.setText(reason or "")
    label.setVisible(reason is not None)


class CommuneChooser(QWidget):
    """Province, then commune from the official catalog; the search ignores diacritics and case."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.province_box = QComboBox()
        self.province_box.setObjectName("province_box")
        self.province_box.addItem(self.tr("— Tất cả tỉnh, thành phố —"), "")
        for province in units.provinces():
            self.province_box.addItem(province.name, province.code)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("commune_search")
        self.search_edit.setPlaceholderText(self.tr("Gõ tên xã, phường (có dấu hoặc không), ví dụ: hoan kiem"))
        self.search_edit.setClearButtonEnabled(True)
        self.commune_list = QListWidget()
        self.commune_list.setObjectName("commune_list")
        self.count_label = QLabel()
        form.addRow(self.tr("Tỉnh, thành phố:"), self.province_box)
        form.addRow(self.tr("Tìm xã, phường:"), self.search_edit)
        form.addRow(self.tr("Chọn đơn vị:"), self.commune_list)
        form.addRow("", self.count_label)
        self.province_box.currentIndexChanged.connect(self.refresh)
        self.search_edit.textChanged.connect(self.refresh)
        self.commune_list.currentItemChanged.connect(lambda *_: on_change())
        self.refresh()

    def refresh(self) -> None:
        province_code = self.province_box.currentData() or None
        query = self.search_edit.text().strip()
        self.commune_list.clear()
        if not province_code and len(query) < 2:
            self.count_label.setText(self.tr("Hãy chọn tỉnh, thành phố hoặc gõ ít nhất 2 chữ để tìm."))
            return
        found = units.search_communes(query, province_code) if query else units.communes(province_code)
        for commune in found[:500]:
            text = commune.name
            if not province_code:
                province = units.find_province(commune.province_code)
                text = f"{commune.name} — {province.name if province else ''}"
            item = QListWidgetItem(f"{text}  ({commune.code})")
            item.setData(Qt.ItemDataRole.UserRole, commune.code)
            self.commune_list.addItem(item)
        self.count_label.setText(self.tr("Tìm thấy %1 đơn vị.").replace("%1", str(len(found))))
        if len(found) == 1:
            self.commune_list.setCurrentRow(0)

    def selected_code(self) -> str | None:
        item = self.commune_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_code(self, code: str) -> None:
        """Show the commune's province and select it (the redo wizard opens on the current unit)."""
        commune = units.find_commune(code)
        if commune is None:
            return
        self.search_edit.clear()
        self.province_box.setCurrentIndex(max(0, self.province_box.findData(commune.province_code)))
        for row in range(self.commune_list.count()):
            if self.commune_list.item(row).data(Qt.ItemDataRole.UserRole) == commune.code:
                self.commune_list.setCurrentRow(row)
                return


class UnitPage(QWizardPage):
    def __init__(self, role_page: RolePage) -> None:
        super().__init__()
        self.role_page = role_page
        self.setTitle(self.tr("Đơn vị của bạn"))
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget()
        self.commune = CommuneChooser(self.completeChanged.emit)
        self.stack.addWidget(self.commune)
        office = QWidget()
        office_form = QFormLayout(office)
        self.office_code = QLineEdit()
        self.office_code.setObjectName("office_code")
        self.office_code.setPlaceholderText(self.tr("ví dụ: CUM-01"))
        self.office_name = QLineEdit()
        self.office_name.setObjectName("office_name")
        self.office_name.setPlaceholderText(self.tr("ví dụ: Cụm công an khu vực 1"))
        office_form.addRow(self.tr("Mã đơn vị:"), self.office_code)
        office_form.addRow(self.tr("Tên đơn vị:"), self.office_name)
        self.stack.addWidget(office)
        province_widget = QWidget()
        province_form = QFormLayout(province_widget)
        self.province_only = QComboBox()
        self.province_only.setObjectName("province_only")
        for province in units.provinces():
            self.province_only.addItem(province.name, province.code)
        province_form.addRow(self.tr("Tỉnh, thành phố:"), self.province_only)
        self.stack.addWidget(province_widget)
        layout.addWidget(self.stack)
        self.lock_note = _lock_note()
        layout.addWidget(self.lock_note)
        self.error_label = FieldErrorLabel()
        layout.addWidget(self.error_label)
        for edit in (self.office_code, self.office_name):
            edit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def initializePage(self) -> None:
        role = self.role_page.role()
        self.stack.setCurrentIndex({"commune": 0, "district": 1, "province": 2}[role])
        self.setSubTitle({
            "commune": self.tr("Chọn tỉnh, thành phố rồi chọn xã, phường theo danh mục đơn vị hành chính mới."),
            "district": self.tr("Nhập mã và tên đơn vị cấp trên theo quy định của Công an tỉnh."),
            "province": self.tr("Chọn tỉnh, thành phố của đơn vị."),
        }[role])

    def prefill(self, info: setup.ProfileInfo, lock_reason: str | None) -> None:
        """Redo mode: the current unit; only an upper office's display name stays editable once locked."""
        if info.province_code:  # also the likely choice if a commune becomes its province's office
            self.province_only.setCurrentIndex(max(0, self.province_only.findData(info.province_code)))
        if info.role == "commune":
            self.commune.select_code(info.unit_code)
        elif info.role == "district":
            self.office_code.setText(info.unit_code)
            self.office_name.setText(info.unit_name)
        for widget in (self.commune, self.office_code, self.province_only):
            widget.setEnabled(lock_reason is None)
        _show_lock(self.lock_note, lock_reason)

    def isComplete(self) -> bool:
        role = self.role_page.role()
        if role == "commune":
            return self.commune.selected_code() is not None
        if role == "district":
            return bool(self.office_code.text().strip() and self.office_name.text().strip())
        return True

    def validatePage(self) -> bool:
        try:
            setup.resolve_unit(self.role_page.role(), self.unit_code(), self.office_name.text())
        except ValidationError as exc:
            self.error_label.show_message(exc.message)
            return False
        self.error_label.show_message(None)
        return True

    def unit_code(self) -> str:
        role = self.role_page.role()
        if role == "commune":
            return self.commune.selected_code() or ""
        if role == "district":
            return self.office_code.text().strip().upper()
        return str(self.province_only.currentData())


class OfficerPage(QWizardPage):
    """The first account (administrator). Creating the unit happens when this page is confirmed."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Tài khoản quản trị"))
        self.setSubTitle(self.tr("Cán bộ dùng tài khoản này để đăng nhập. Mật khẩu nên là một câu ngắn dễ nhớ, "
                                 "ít nhất 8 ký tự; hãy ghi nhớ, chương trình không khôi phục được mật khẩu."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Tạo đơn vị"))
        form = QFormLayout(self)
        self.full_name = QLineEdit()
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for name, edit in (("full_name", self.full_name), ("username", self.username),
                           ("password", self.password), ("password_again", self.password_again)):
            edit.setObjectName(name)
            edit.textChanged.connect(self._on_text_changed)
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {name: FieldErrorLabel() for name in ("full_name", "username", "password", "password_again")}
        self.strength = QLabel()
        self.strength.setObjectName("password_strength")
        self.strength.setWordWrap(True)
        self.general_error = FieldErrorLabel()
        form.addRow(self.tr("Họ và tên cán bộ:"), self.full_name)
        form.addRow("", self.errors["full_name"])
        form.addRow(self.tr("Tên đăng nhập:"), self.username)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("Mật khẩu:"), self.password)
        form.addRow("", self.strength)
        form.addRow("", self.errors["password"])
        form.addRow(self.tr("Nhập lại mật khẩu:"), self.password_again)
        form.addRow("", self.errors["password_again"])
        form.addRow(self.general_error)

    def _on_text_changed(self) -> None:
        password = self.password.text()
        problem = accounts.password_problem(password) if password else None
        if not password:
            self.strength.setText("")
        elif problem:
            self.strength.setText(f"<span style='color:{colours.text('error')}'>✗ {problem}</span>")
        else:
            self.strength.setText(f"<span style='color:{colours.text('ok')}'>✓ " + self.tr("Mật khẩu dùng được.")
                                  + "</span>")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return all(edit.text().strip() for edit in (self.full_name, self.username, self.password,
                                                    self.password_again))

    def validatePage(self) -> bool:
        for label in self.errors.values():
            label.show_message(None)
        self.general_error.show_message(None)
        if self.password.text() != self.password_again.text():
            self.errors["password_again"].show_message(self.tr("Hai lần nhập mật khẩu không giống nhau."))
            return False
        try:
            self.setup.create_unit(self.full_name.text(), self.username.text(), self.password.text())
        except ValidationError as exc:
            for error in exc.errors:
                self.errors.get(error.field, self.general_error).show_message(error.message)
            return False
        except AntqError as exc:
            self.general_error.show_message(exc.message)
            return False
        return True


class DonePage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(self.tr("Đã thiết lập xong"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        info, user = self.setup.profile_info, self.setup.signed_in_user
        if info is not None and user is not None:
            self.summary.setText(
                self.tr("Đơn vị: <b>%1</b> (mã %2).<br>Tên đăng nhập của bạn: <b>%3</b>.<br><br>"
                        "Bấm “Hoàn tất” để bắt đầu làm việc.")
                .replace("%1", info.unit_name).replace("%2", info.unit_code).replace("%3", user.username))


class SetupWizard(QWizard):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.profile_info: setup.ProfileInfo | None = None
        self.signed_in_user: UserInfo | None = None
        self.setWindowTitle(self.tr("Thiết lập ban đầu — ANTQ Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Tiếp theo >")),
                             (QWizard.WizardButton.BackButton, self.tr("< Quay lại")),
                             (QWizard.WizardButton.FinishButton, self.tr("Hoàn tất")),
                             (QWizard.WizardButton.CancelButton, self.tr("Hủy"))):
            self.setButtonText(button, text)
        self.role_page = RolePage()
        self.unit_page = UnitPage(self.role_page)
        self.officer_page = OfficerPage(self)
        for page in (self.role_page, self.unit_page, self.officer_page):
            self.addPage(page)
        for build in EXTRA_PAGES:
            self.addPage(build(self))
        self.addPage(DonePage(self))
        self.resize(720, 560)

    def create_unit(self, officer_name: str, username: str, password: str) -> None:
        """Create profile + admin (all or nothing), then treat the new admin as signed in."""
        role = self.role_page.role()
        self.profile_info = setup.initialise(
            self.store, role=role, unit_code=self.unit_page.unit_code(),
            name=self.unit_page.office_name.text() if role == "district" else None,
            officer_name=officer_name, username=username.strip(), password=password)
        name = username.strip().casefold()
        self.signed_in_user = next(u for u in accounts.list_users(self.store) if u.username == name)
        # The unit exists now: nothing left to cancel on the pages that follow (the upper office's key).
        self.setOption(QWizard.WizardOption.NoCancelButton, True)

    def reject(self) -> None:
        """Esc or closing before the unit exists cancels the setup; afterwards "Hoàn tất" ends it."""
        if self.signed_in_user is None:
            super().reject()
