"""A read-only view of one self-assessment: subject, result and the answer to every criterion.

Used until (or where) the full self-assessment form is not available, and for read-only accounts.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import AntqError
from antq_desktop.ui.pages import choices
from antq_desktop.ui.table_model import format_day


class AssessmentView(QDialog):
    def __init__(self, row: dict[str, Any], unit_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bản tự đánh giá (chỉ xem)"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("assessment_text")
        self.browser.setHtml(self._html(row, unit_type))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 620)

    def _html(self, row: dict[str, Any], unit_type: str) -> str:
        e = html.escape
        parts = [f"<h3>{e(str(row.get('subject_name') or ''))} — {self.tr('năm')} {row.get('year')}</h3>",
                 "<table cellpadding='3'>"]
        facts = [(self.tr("Ngày đánh giá"), format_day(row.get("assessed_on"))),
                 (self.tr("Người đánh giá"), row.get("assessor") or ""),
                 (self.tr("Điểm"), f"{row.get('score') or 0:g}".replace(".", ",")),
                 (self.tr("Xếp loại"), self._level_label(row)),
                 (self.tr("Kết quả"), self.tr("Đạt") if row.get("outcome") == "dat" else self.tr("Chưa đạt")),
                 (self.tr("Trạng thái"), choices.label(choices.ASSESSMENT_STATUSES, row.get("status")))]
        parts += [f"<tr><td><b>{e(k)}:</b></td><td>{e(str(v))}</td></tr>" for k, v in facts]
        parts.append("</table><h4>" + e(self.tr("Từng tiêu chí")) + "</h4><ol>")
        answers = json.loads(row.get("answers") or "{}")
        try:
            catalog = catalogs.get_catalog(row.get("catalog_code") or catalogs.DEFAULT_CATALOG_CODE)
            criteria = catalog.criteria(unit_type)
        except AntqError as exc:
            return "".join(parts) + f"</ol><p>{e(exc.message)}</p>"
        for criterion in criteria:
            answer = answers.get(criterion.code, {})
            mark = "✓" if answer.get("met") else "✗"
            note = f"<br><i>{e(answer['note'])}</i>" if answer.get("note") else ""
            parts.append(f"<li>{mark} {e(criterion.text)}{note}</li>")
        return "".join(parts) + "</ol>"

    def _level_label(self, row: dict[str, Any]) -> str:
        try:
            catalog = catalogs.get_catalog(row.get("catalog_code") or catalogs.DEFAULT_CATALOG_CODE)
            return catalog.level(row.get("level") or "").label
        except (AntqError, StopIteration):
            return str(row.get("level") or "")
