"""A date typed as officers write it (15/03/2026, 15032026, 15-3-2026) or picked from a calendar.

A QDateEdit with a blank "special value" swallowed typed dates (typing 15/03/2026 showed
"15032026" and saved no date). Here the text is the value: it is parsed when the officer leaves
the field, rewritten as dd/MM/yyyy, and a date that does not exist (31/02/2026) gets a red message
under the field; `problem()` tells the form not to save while one is shown.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from antq_desktop.ui.widgets.field_error import FieldErrorLabel


def _t(text: str) -> str:
    return QCoreApplication.translate("DateField", text)


class DateProblem(ValueError):
    """The typed text is not a date; the message says what to type."""


def _year(text: str) -> int:
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def parse_typed_date(text: str) -> date | None:
    """The date in `text` (day first), None when blank; DateProblem when it is not a real date."""
    text = text.strip()
    if not text:
        return None
    parts = [p for p in re.split(r"[/.\-\s]+", text) if p]
    if len(parts) == 1 and parts[0].isdigit() and len(parts[0]) in (6, 8):
        digits = parts[0]
        parts = [digits[:2], digits[2:4], digits[4:]]
    if len(parts) == 3 and len(parts[0]) == 4:  # 2026-03-15, as copied from a spreadsheet
        parts = [parts[2], parts[1], parts[0]]
    if len(parts) != 3 or not all(p.isdigit() and len(p) <= 4 for p in parts) or len(parts[2]) not in (2, 4):
        raise DateProblem(_t("“%1” không phải là ngày. Hãy gõ ngày/tháng/năm, ví dụ 15/03/2026.").replace("%1", text))
    day, month, year = int(parts[0]), int(parts[1]), _year(parts[2])
    try:
        return date(year, month, day)
    except ValueError:
        raise DateProblem(_t("Không có ngày %1/%2/%3. Hãy kiểm tra lại ngày và tháng.")
                          .replace("%1", f"{day:02d}").replace("%2", f"{month:02d}").replace("%3", str(year))) from None


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


class DateField(QWidget):
    """A line edit with a calendar button and its own red message underneath."""

    changed = Signal()

    def __init__(self, optional: bool = True, earliest: date | None = date(2000, 1, 1),
                 latest: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional, self.earliest, self.latest = optional, earliest, latest
        self.edit = QLineEdit()
        self.edit.setObjectName("date_text")
        self.edit.setPlaceholderText(_t("ngày/tháng/năm"))
        self.edit.setAccessibleName(_t("Ngày (ngày/tháng/năm)"))
        self.edit.setMaxLength(20)
        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName("date_calendar")
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(_t("Chọn ngày trên lịch"))
        self.calendar_button.setAccessibleName(_t("Chọn ngày trên lịch"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes on to the next field; F4 opens it
        self._build_calendar()
        self.error = FieldErrorLabel()
        self.error.setObjectName("date_error")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.editingFinished.connect(self.check)

    def _build_calendar(self) -> None:
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._calendar_at_value)
        def picked(day: QDate) -> None:
            self.set_date(date(day.year(), day.month(), day.day()))
            menu.close()
            self.check()

        self.calendar.clicked.connect(picked)
        self.calendar_button.setMenu(menu)

    def _calendar_at_value(self) -> None:
        try:
            value = parse_typed_date(self.edit.text()) or date.today()
        except DateProblem:
            value = date.today()
        self.calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    # ---- value ----

    def text(self) -> str:
        return self.edit.text()

    def set_date(self, value: date | None) -> None:
        self.edit.setText(format_date(value))
        self.error.show_message(None)

    def problem(self) -> str | None:
        """Why the text cannot be saved, or None when it is a date (or blank where allowed)."""
        try:
            value = parse_typed_date(self.edit.text())
        except DateProblem as exc:
            return str(exc)
        if value is None:
            return None if self.optional else _t("Hãy nhập ngày, ví dụ 15/03/2026.")
        if self.earliest and value < self.earliest:
            return _t("Ngày %1 quá xa trong quá khứ: hãy kiểm tra lại năm.").replace("%1", format_date(value))
        if self.latest and value > self.latest:
            return _t("Ngày %1 chưa tới: hãy kiểm tra lại ngày đã nhập.").replace("%1", format_date(value))
        return None

    def date(self) -> date | None:
        """The date shown; only call after `problem()` returned None."""
        return parse_typed_date(self.edit.text())

    def check(self) -> bool:
        """Show (or clear) the red message; a valid date is rewritten as dd/MM/yyyy so what is shown
        is exactly what is saved. True when the value can be saved."""
        message = self.problem()
        self.error.show_message(message)
        if message is None and self.edit.text().strip():
            normal = format_date(self.date())
            if normal != self.edit.text():
                self.edit.setText(normal)
        return message is None

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name: the label reaches the text box
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # Qt override
        if event.key() == Qt.Key.Key_F4:  # as in a Windows date box: F4 opens the calendar
            self.calendar_button.showMenu()
            return
        super().keyPressEvent(event)
