"""Quét phiếu đã ký: a USB barcode scanner (a "keyboard wedge": it types what it reads, then Enter)
reads the QR code of each signed prefilled pledge sheet; every scan records that household's pledge.

The scan field keeps the focus so the officer only feeds sheets. Each outcome looks and sounds
different (a coloured flash, a number of beeps, a text line), because the officer watches the
paper, not the screen; the text line is the sound-free fallback. Each recorded scan is one audited
record and one step of the session's undo history; the app's data-changed event moves the pledge
list, the dashboard's target bar and its to-do list.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain.errors import AntqError
from antq_desktop.services import records, scan
from antq_desktop.ui.context import AppContext
from antq_desktop.ui.i18n import N
from antq_desktop.ui.table_model import format_count
from antq_desktop.ui.undo import UndoAction
from antq_desktop.ui.widgets.date_field import DateField, format_date

Outcome = scan.Outcome


def _t(text: str) -> str:
    return QCoreApplication.translate("PledgeScan", text)


# outcome -> (short word, strong flash colour, calm colour after the flash, beeps)
SIGNALS: dict[Outcome, tuple[str, str, str, int]] = {
    Outcome.RECORDED: (N("PledgeScan", "Đã ghi"), "#2e7d32", "#c8e6c9", 1),
    Outcome.ALREADY_SIGNED: (N("PledgeScan", "Đã ký trước đó"), "#1565c0", "#bbdefb", 2),
    Outcome.OTHER_YEAR: (N("PledgeScan", "Phiếu năm khác"), "#ef6c00", "#ffe0b2", 3),
    Outcome.OTHER_UNIT: (N("PledgeScan", "Phiếu của đơn vị khác"), "#6a1b9a", "#e1bee7", 3),
    Outcome.UNKNOWN_HOUSEHOLD: (N("PledgeScan", "Không có hộ này"), "#c62828", "#ffcdd2", 3),
    Outcome.UNREADABLE: (N("PledgeScan", "Không đọc được mã"), "#c62828", "#ffcdd2", 4),
}
NOT_SAVED = N("PledgeScan", "Chưa ghi được")  # the sheet was fine but the store refused the write
FLASH_MS = 600
BEEP_GAP_MS = 220


class PledgeScanDialog(QDialog):
    """Non-modal: the officer may keep the pledge list in view while scanning."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = context.year
        self.counts = {outcome: 0 for outcome in Outcome}
        self.last: scan.ScanResult | None = None
        self.beeps = 0
        self.setObjectName("pledge_scan_dialog")
        self.setWindowTitle(_t("Quét phiếu đã ký — cam kết năm %1").replace("%1", str(self.year)))
        layout = QVBoxLayout(self)
        intro = QLabel(_t("Đưa máy quét vào mã QR ở góc dưới bên trái của từng phiếu cam kết đã ký (phiếu in sẵn "
                          "tên hộ). Mỗi phiếu ghi một bản cam kết năm %1 với ngày ký dưới đây. Không quét được thì "
                          "gõ dòng “Mã phiếu” in cạnh mã QR rồi bấm Enter.").replace("%1", str(self.year)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._form())
        layout.addWidget(self._status_box())
        self.history = QListWidget()
        self.history.setObjectName("scan_history")
        self.history.setAccessibleName(_t("Các phiếu đã quét"))
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner must always type into the field
        layout.addWidget(self.history, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(_t("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)  # Enter from the scanner must never close the dialog
        close.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._calm)
        # One owned timer sounds a sheet's beeps. A new sheet cuts the last sheet's unfinished beeps, so the
        # officer scanning quickly never hears two sheets' signals mixed into one wrong count.
        self._beeps_left = 0
        self._beep_timer = QTimer(self)
        self._beep_timer.setInterval(BEEP_GAP_MS)
        self._beep_timer.timeout.connect(self._next_beep)
        self.resize(640, 520)
        self.field.setFocus()

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.signed_on = DateField(optional=False, latest=date.today())
        self.signed_on.setObjectName("scan_signed_on")
        self.signed_on.set_date(date.today())
        self.signed_on.setAccessibleName(_t("Ngày ký của đợt quét"))
        self.field = QLineEdit()
        self.field.setObjectName("scan_input")
        self.field.setPlaceholderText(_t("Quét mã trên phiếu (hoặc gõ mã rồi Enter)"))
        self.field.setAccessibleName(_t("Mã trên phiếu"))
        self.field.setMaxLength(200)
        self.field.returnPressed.connect(self.take_input)
        form.addRow(_t("Ngày ký (cả đợt):"), self.signed_on)
        form.addRow(_t("Mã phiếu:"), self.field)
        return form

    def _status_box(self) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(_t("Sẵn sàng quét."))
        self.status.setObjectName("scan_status")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(56)
        self.status.setStyleSheet("padding: 8px; font-size: 14pt; font-weight: bold;")
        self.household = QLabel()
        self.household.setObjectName("scan_household")
        self.household.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("scan_message")
        self.message.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("scan_counts")
        for label in (self.status, self.household, self.message, self.count_label):
            inner.addWidget(label)
        self._show_counts()
        return box

    # ---- one scan ----

    def take_input(self) -> scan.ScanResult | None:
        """The scanner pressed Enter (or the officer did): record what was typed, then wait for the next."""
        text = self.field.text()
        if not text.strip():
            return None
        if not self.signed_on.check():  # the red message under the date says why; the code stays typed
            self.message.setText(_t("Ngày ký chưa đúng: hãy sửa ngày rồi quét lại phiếu này."))
            self.signed_on.setFocus()
            return None
        self.field.clear()
        try:
            result = scan.record_scan(self.context.store, text, year=self.year, signed_on=self.signed_on.date(),
                                      actor=self.context.actor)
        except AntqError as exc:  # the store refused the write (e.g. locked): nothing was saved
            result = scan.ScanResult(Outcome.UNREADABLE, exc.message)
            self.show_result(result, NOT_SAVED)
            return result
        self.show_result(result)
        if result.outcome == Outcome.RECORDED and result.pledge_id:
            self._remember(result)
            self.context.apply_changes(result.changes)
        self.field.setFocus()
        return result

    def _remember(self, result: scan.ScanResult) -> None:
        store, actor, pledge_id = self.context.store, self.context.actor, result.pledge_id
        assert pledge_id is not None
        self.context.undo.push(UndoAction(
            _t("Ghi cam kết (quét phiếu) của hộ %1").replace("%1", result.household_name), "pledge",
            lambda: records.delete(store, "pledge", pledge_id, actor=actor),
            redo=lambda: records.restore(store, "pledge", pledge_id, actor=actor)))

    # ---- what the officer sees and hears ----

    def show_result(self, result: scan.ScanResult, word: str | None = None) -> None:
        self.last = result
        self.counts[result.outcome] += 1
        signal_word, strong, _calm, beeps = SIGNALS[result.outcome]
        word = word or signal_word
        self.status.setText(_t(word))
        self.status.setProperty("outcome", result.outcome.value)
        self.status.setStyleSheet(f"padding: 8px; font-size: 14pt; font-weight: bold; color: white; "
                                  f"background: {strong};")
        self._flash_timer.start(FLASH_MS)
        who = result.household_name + (f" — {result.area_name}" if result.area_name else "")
        self.household.setText(who)
        self.message.setText(result.message)
        self.history.insertItem(0, f"{_t(word)}: {who or result.message}")
        self._show_counts()
        self._beep(beeps)

    def _calm(self) -> None:
        outcome = self.status.property("outcome")
        if outcome:
            calm = SIGNALS[Outcome(outcome)][2]
            self.status.setStyleSheet(f"padding: 8px; font-size: 14pt; font-weight: bold; color: black; "
                                      f"background: {calm};")

    def _beep(self, times: int) -> None:
        """One beep: recorded; two: already signed; three or more: not taken (put the sheet aside)."""
        self._beep_timer.stop()
        self._beeps_left = times
        self._next_beep()  # the first at once: the officer hears the sheet as the flash shows
        if self._beeps_left:
            self._beep_timer.start()

    def _next_beep(self) -> None:
        if self._beeps_left <= 0:
            self._beep_timer.stop()
            return
        self._beeps_left -= 1
        if not self._beeps_left:
            self._beep_timer.stop()
        self.beeps += 1  # what was sounded, for a silent machine's test and the accessibility check
        QApplication.beep()

    def _show_counts(self) -> None:
        refused = sum(n for outcome, n in self.counts.items() if outcome not in scan.TAKEN)
        self.count_label.setText(
            _t("Đã ghi: %1 · Đã ký trước đó: %2 · Chưa ghi được: %3 · Ngày ký: %4")
            .replace("%1", format_count(self.counts[Outcome.RECORDED]))
            .replace("%2", format_count(self.counts[Outcome.ALREADY_SIGNED]))
            .replace("%3", format_count(refused)).replace("%4", format_date(self._date_or_none())))

    def _date_or_none(self) -> date | None:
        return self.signed_on.date() if self.signed_on.problem() is None else None
