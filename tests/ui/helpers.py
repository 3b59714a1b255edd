"""Helpers for GUI tests: answer modal dialogs without a person at the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from antq_desktop.ui.dialogs.record_dialog import RecordDialog


def fill_dialog_on_exec(monkeypatch, values: dict[str, Any], seen: list[RecordDialog] | None = None,  # type: ignore[no-untyped-def]
                        before_save: Callable[[RecordDialog], None] | None = None) -> None:
    """Make RecordDialog.exec() fill in `values`, press "Lưu" and return like Qt does."""

    def fake_exec(dialog: RecordDialog) -> int:
        for name, value in values.items():
            dialog.editors[name].set(value)
        if before_save:
            before_save(dialog)
        dialog.save()
        if seen is not None:
            seen.append(dialog)
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", fake_exec)


def answer_questions(monkeypatch, answer=QMessageBox.StandardButton.Yes) -> list[str]:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def texts(page, column: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]
