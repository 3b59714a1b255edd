"""Self-assessment form: the catalog's criteria as a checklist, live score/outcome/level, draft → submitted.

The form only previews the result with `domain.scoring.score_assessment`; the service recomputes
outcome, score and level on save and never trusts what the form shows.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.domain.scoring import OUTCOME_MET, score_assessment
from antq_desktop.services import activities, records
from antq_desktop.services.changes import WrittenId, WrittenRevision
from antq_desktop.services.setup import get_profile
from antq_desktop.storage.db import Store
from antq_desktop.ui import colours
from antq_desktop.ui.formatting import format_number
from antq_desktop.ui.i18n import QT_TRANSLATE_NOOP
from antq_desktop.ui.widgets.date_field import DateField

EDITOR_ROLES = ("admin", "officer")
# Unit type labels are catalog data; listed so that lupdate extracts them (levels: dashboard_page).
_UNIT_TYPE_LABELS = (
    QT_TRANSLATE_NOOP("Catalog", "Khu dân cư"),
    QT_TRANSLATE_NOOP("Catalog", "Xã, phường, đặc khu"),
    QT_TRANSLATE_NOOP("Catalog", "Cơ quan"),
    QT_TRANSLATE_NOOP("Catalog", "Doanh nghiệp"),
    QT_TRANSLATE_NOOP("Catalog", "Cơ sở giáo dục"),
)



class CriterionRow:
    """The widgets of one criterion: tick, note and evidence."""

    def __init__(self, criterion: catalogs.Criterion, grid: QGridLayout, row: int, parent: QWidget) -> None:
        self.criterion = criterion
        self.check = QCheckBox(criterion.code, parent)
        self.check.setObjectName(f"criterion_{criterion.code}")
        required = QCoreApplication.translate("AssessmentForm", " <b>(bắt buộc)</b>") if criterion.required else ""
        text = QLabel(criterion.text + required, parent)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        points_text = QCoreApplication.translate("AssessmentForm", "%1 điểm")
        points = QLabel(points_text.replace("%1", format_number(criterion.points)), parent)
        self.note = QLineEdit(parent)
        self.note.setPlaceholderText(QCoreApplication.translate("AssessmentForm", "Ghi chú"))
        self.evidence = QLineEdit(parent)
        hint = QCoreApplication.translate("AssessmentForm", "Minh chứng (số văn bản, biên bản…)")
        self.evidence.setPlaceholderText(hint)
        grid.addWidget(self.check, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(text, row, 1)
        grid.addWidget(points, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, row + 1, 1)
        grid.addWidget(self.evidence, row + 1, 2, 1, 1)
        # A criterion about an activity (a model, the festival…) ticked with nothing recorded: say so.
        self.hint = QLabel(parent)
        self.hint.setObjectName(f"hint_{criterion.code}")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(colours.box_style("note"))
        self.hint.hide()
        self.hint_text = ""
        grid.addWidget(self.hint, row + 2, 1, 1, 2)
        self.check.toggled.connect(lambda _on: self.show_hint())

    def set_hint(self, text: str) -> None:
        self.hint_text = text
        self.hint.setText(text)
        self.show_hint()

    def show_hint(self) -> None:
        self.hint.setVisible(bool(self.hint_text) and self.check.isChecked())

    def answer(self) -> dict[str, Any]:
        return {"met": self.check.isChecked(), "note": self.note.text().strip(),
                "evidence": self.evidence.text().strip()}

    def load(self, answer: dict[str, Any] | None) -> None:
        answer = answer or {}
        self.check.setChecked(bool(answer.get("met")))
        self.note.setText(str(answer.get("note") or ""))
        self.evidence.setText(str(answer.get("evidence") or ""))

    def set_locked(self, locked: bool) -> None:
        self.check.setEnabled(not locked)
        self.note.setReadOnly(locked)
        self.evidence.setReadOnly(locked)


class AssessmentForm(QWidget):
    """One subject's self-assessment for one year. Emits `saved(id)` after every successful write."""

    saved = Signal(str)
    wrote = Signal(object)  # the Changes the records front returned, for the one refresh hook

    def __init__(self, store: Store, *, actor: str, role: str = "officer", subject_kind: str,
                 subject_id: str | None = None, year: int | None = None, assessment_id: str | None = None,
                 assessor_name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.role = store, actor, role
        self.assessor_name = assessor_name or actor  # the default "Người đánh giá" of a new assessment
        self.subject_kind, self.subject_id = subject_kind, subject_id
        self.year = year or date.today().year
        self.record: dict[str, Any] | None = None
        self.catalog = catalogs.get_catalog(get_profile(store).catalog_code)
        if assessment_id:
            self._adopt(records.get(store, "assessment", assessment_id))
        else:
            self.record = self._existing()
            if self.record is not None:
                self._adopt(self.record)
        self.unit_type = self._unit_type()
        self.subject_name = self._subject_name()
        self._build()
        self._load()

    # ---- which subject, which criteria ----

    def _adopt(self, record: dict[str, Any]) -> None:
        self.record = record
        self.subject_kind, self.year = record["subject_kind"], record["year"]
        self.subject_id = record.get("area_id") or record.get("organization_id")
        if record.get("catalog_code"):
            self.catalog = catalogs.get_catalog(record["catalog_code"])

    def _existing(self) -> dict[str, Any] | None:
        key = {"area": "area_id", "organization": "organization_id"}.get(self.subject_kind)
        filters = {"subject_kind": self.subject_kind, **({key: self.subject_id} if key else {})}
        rows = records.list_rows(self.store, "assessment", records.ListQuery(year=self.year, filters=filters), limit=1)
        return rows[0] if rows else None

    def _unit_type(self) -> str:
        if self.subject_kind == "organization":
            return records.get(self.store, "organization", self.subject_id or "")["org_type"]
        return "commune" if self.subject_kind == "commune" else "area"

    def _subject_name(self) -> str:
        if self.subject_kind == "commune":
            return get_profile(self.store).unit_name
        record_type = "residential_area" if self.subject_kind == "area" else "organization"
        return records.get(self.store, record_type, self.subject_id or "")["name"]  # set for these kinds

    # ---- layout ----

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        unit_label = QCoreApplication.translate("Catalog", self.catalog.unit_types[self.unit_type][0])
        heading = QLabel(self.tr("<h2>Tự đánh giá năm %1: %2</h2>").replace("%1", str(self.year))
                         .replace("%2", self.subject_name))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Bộ tiêu chí: %1 (phiên bản %2) — loại đơn vị: %3")
                                .replace("%1", self.catalog.code).replace("%2", self.catalog.version)
                                .replace("%3", unit_label)))
        if self.catalog.provisional:
            note = QLabel(self.tr("Lưu ý: ") + self.catalog.provisional_note)
            note.setObjectName("provisional_note")
            note.setWordWrap(True)
            note.setStyleSheet(colours.box_style("note"))  # its own text colour: readable in a dark theme
            layout.addWidget(note)
        layout.addWidget(self._criteria_area(), 1)
        layout.addLayout(self._details())
        layout.addWidget(self._result_panel())
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(colours.text_style("error"))
        layout.addWidget(self.error_label)
        layout.addLayout(self._buttons())

    def _criteria_area(self) -> QScrollArea:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.rows: list[CriterionRow] = []
        criteria = self.catalog.criteria(self.unit_type)
        hints = activities.subject_hints(self.store, self.year, self.subject_kind, self.subject_id,
                                         [(c.code, c.text) for c in criteria])
        for index, criterion in enumerate(criteria):
            row = CriterionRow(criterion, grid, 3 * index, self)
            row.check.toggled.connect(self.update_result)
            row.set_hint(hints.get(criterion.code, ""))
            self.rows.append(row)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        return scroll

    def _details(self) -> QFormLayout:
        form = QFormLayout()
        self.assessor = QLineEdit()
        self.assessed_on = DateField(optional=False, latest=date.today())  # typed as dd/MM/yyyy, or picked
        self.assessed_on.setObjectName("assessed_on")
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(60)
        form.addRow(self.tr("Người đánh giá"), self.assessor)
        form.addRow(self.tr("Ngày đánh giá"), self.assessed_on)
        form.addRow(self.tr("Ghi chú chung"), self.note)
        return form

    def _result_panel(self) -> QWidget:
        panel = QWidget()
        row = QHBoxLayout(panel)
        self.score_label = QLabel()
        self.score_label.setObjectName("score_label")
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome_label")
        self.level_label = QLabel()
        self.level_label.setObjectName("level_label")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        for label in (self.score_label, self.outcome_label, self.level_label, self.status_label):
            row.addWidget(label, 1)
        return panel

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Lưu nháp"))
        self.submit_button = QPushButton(self.tr("Nộp và khóa"))
        self.reopen_button = QPushButton(self.tr("Mở lại để sửa"))
        self.save_button.clicked.connect(lambda: self.save("draft"))
        self.submit_button.clicked.connect(self.submit)
        self.reopen_button.clicked.connect(self.reopen)
        row.addStretch(1)
        for button in (self.reopen_button, self.save_button, self.submit_button):
            row.addWidget(button)
        return row

    # ---- state ----

    def _load(self) -> None:
        record = self.record or {}
        answers = record.get("answers") or "{}"
        answers = json.loads(answers) if isinstance(answers, str) else answers
        for row in self.rows:
            row.load(answers.get(row.criterion.code))
        self.assessor.setText(record.get("assessor") or self.assessor_name)
        day = record.get("assessed_on") or min(date.today(), date(self.year, 12, 31))
        self.assessed_on.set_date(day)
        self.note.setPlainText(record.get("note") or "")
        self._apply_lock()
        self.update_result()

    @property
    def is_submitted(self) -> bool:
        return self.record is not None and self.record.get("status") == "submitted"

    def _apply_lock(self) -> None:
        can_edit = self.role in EDITOR_ROLES
        locked = self.is_submitted or not can_edit
        for row in self.rows:
            row.set_locked(locked)
        self.assessor.setReadOnly(locked)
        self.assessed_on.edit.setReadOnly(locked)
        self.assessed_on.calendar_button.setEnabled(not locked)
        self.note.setReadOnly(locked)
        self.save_button.setVisible(not locked)
        self.submit_button.setVisible(not locked)
        self.reopen_button.setVisible(self.is_submitted and can_edit)
        if self.is_submitted:
            self.status_label.setText(self.tr("Trạng thái: Đã nộp — đã khóa"))
        elif self.record:
            self.status_label.setText(self.tr("Trạng thái: Đang soạn (bản nháp)"))
        else:
            self.status_label.setText(self.tr("Trạng thái: Chưa lưu"))

    def answers(self) -> dict[str, dict[str, Any]]:
        return {row.criterion.code: row.answer() for row in self.rows}

    def update_result(self) -> None:
        """Live preview of the result as boxes are ticked."""
        result = score_assessment(self.catalog, self.unit_type, self.answers())
        self.score_label.setText(self.tr("Điểm: %1 / %2").replace("%1", format_number(result.score))
                                 .replace("%2", format_number(result.max_score)))
        met = result.outcome == OUTCOME_MET
        self.outcome_label.setText(self.tr("Kết quả: %1").replace("%1", self.tr("Đạt") if met else self.tr("Chưa đạt")))
        self.outcome_label.setStyleSheet(colours.text_style("ok" if met else "error", "font-weight: bold;"))
        if result.unmet_required:
            self.outcome_label.setToolTip(self.tr("Chưa đạt tiêu chí bắt buộc: %1")
                                          .replace("%1", ", ".join(result.unmet_required)))
        else:
            self.outcome_label.setToolTip("")
        level = QCoreApplication.translate("Catalog", self.catalog.level(result.level).label)
        self.level_label.setText(self.tr("Xếp loại: %1").replace("%1", level))
        self.result = result

    # ---- actions ----

    def _values(self, status: str) -> dict[str, Any]:
        key = {"area": "area_id", "organization": "organization_id"}.get(self.subject_kind)
        values = {"subject_kind": self.subject_kind, "year": self.year, "catalog_code": self.catalog.code,
                  "answers": self.answers(), "assessor": self.assessor.text(), "status": status,
                  "assessed_on": self.assessed_on.date(), "note": self.note.toPlainText()}
        if key:
            values[key] = self.subject_id
        return values

    def save(self, status: str = "draft") -> bool:
        """Create or update; on error the reason is shown under the form and nothing is saved."""
        self.error_label.clear()
        if not self.assessed_on.check():  # a date typed wrong: its red message is under the field
            self.error_label.setText(self.tr("Chưa lưu được: %1").replace("%1", self.assessed_on.problem() or ""))
            return False
        try:
            if self.record is None:
                written: WrittenId | WrittenRevision = records.create(self.store, "assessment",
                                                                      self._values(status), actor=self.actor)
                record_id = str(written)
            else:
                record_id = self.record["id"]
                written = records.update(self.store, "assessment", record_id, self._values(status),
                                         actor=self.actor, expected_revision=self.record["revision"])
        except ValidationError as exc:
            reasons = "; ".join(e.message for e in exc.errors)
            self.error_label.setText(self.tr("Chưa lưu được: %1").replace("%1", reasons))
            return False
        except AntqError as exc:
            self.error_label.setText(self.tr("Chưa lưu được: %1").replace("%1", exc.message))
            return False
        self.record = records.get(self.store, "assessment", record_id)
        self._apply_lock()
        self.wrote.emit(written.changes)
        self.saved.emit(record_id)
        return True

    def confirm(self, title: str, text: str) -> bool:
        """Ask before an action that locks or unlocks the record (tests replace this)."""
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def submit(self) -> bool:
        if not self.confirm(self.tr("Nộp bản tự đánh giá"),
                            self.tr("Sau khi nộp, bản tự đánh giá sẽ bị khóa và được tính vào chỉ tiêu. "
                                    "Muốn sửa phải “Mở lại để sửa”. Nộp ngay?")):
            return False
        return self.save("submitted")

    def reopen(self) -> bool:
        """A submitted assessment goes back to draft as a new revision (the service keeps the history)."""
        if self.record is None or not self.is_submitted or self.role not in EDITOR_ROLES:
            return False
        if not self.confirm(self.tr("Mở lại để sửa"),
                            self.tr("Bản tự đánh giá sẽ trở lại trạng thái nháp (tạo phiên bản mới) và không "
                                    "được tính vào chỉ tiêu cho đến khi nộp lại. Tiếp tục?")):
            return False
        try:
            reopened = records.update(self.store, "assessment", self.record["id"], {"status": "draft"},
                                      actor=self.actor, expected_revision=self.record["revision"])
        except AntqError as exc:
            self.error_label.setText(self.tr("Không mở lại được: %1").replace("%1", exc.message))
            return False
        self.record = records.get(self.store, "assessment", self.record["id"])
        self._apply_lock()
        self.wrote.emit(reopened.changes)
        self.saved.emit(self.record["id"])
        return True


def open_assessment_dialog(context, parent: QWidget | None, *, subject_kind: str,  # type: ignore[no-untyped-def]
                           subject_id: str | None = None, assessment_id: str | None = None) -> QDialog:
    """For the assessments list page: the form in a dialog, announcing saves through the AppContext."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("AssessmentForm", "Tự đánh giá"))
    form = AssessmentForm(context.store, actor=context.actor, role=context.user.role, subject_kind=subject_kind,
                          subject_id=subject_id, year=context.year, assessment_id=assessment_id,
                          assessor_name=context.user.full_name, parent=dialog)
    form.wrote.connect(context.apply_changes)
    QVBoxLayout(dialog).addWidget(form)
    dialog.resize(1000, 760)
    dialog.show()
    return dialog
