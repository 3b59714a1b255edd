"""A red message shown right under a form field; hidden when there is nothing to say."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from antq_desktop.ui import colours


class FieldErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(colours.text_style("error"))
        self.setVisible(False)

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))
