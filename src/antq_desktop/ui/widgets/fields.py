"""Form editors for record dialogs: one small adapter per kind of field, all with get/set/on_change.

Values go to the services as they are typed (text, "1.234", dates); the services validate and
the dialog shows their messages next to the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from antq_desktop.services import records
from antq_desktop.services.records import ListQuery
from antq_desktop.storage.db import Store
from antq_desktop.ui.choice_labels import tr_choice
from antq_desktop.ui.table_model import format_count
from antq_desktop.ui.widgets.date_field import DateField


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # Vietnamese source text, translated in context "RecordDialogs"
    kind: str = "text"  # text long_text int date optional_date choice bool year area organization household
    choices: dict[str, str] = field(default_factory=dict)
    required: bool = False
    visible_when: tuple[str, tuple[str, ...]] | None = None  # (other field, values that show this one)
    placeholder: str = ""


class Editor:
    widget: QWidget

    def get(self) -> Any:
        raise NotImplementedError

    def set(self, value: Any) -> None:
        raise NotImplementedError

    def on_change(self, callback: Callable[[], None]) -> None:
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the value shown cannot be saved (shown under the field by the editor), or None."""
        return None


class TextEditor(Editor):
    widget: QLineEdit

    def __init__(self, placeholder: str = "") -> None:
        self.widget = QLineEdit()
        self.widget.setPlaceholderText(placeholder)

    def get(self) -> Any:
        return self.widget.text()

    def set(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(callback)


class IntEditor(TextEditor):
    """Text, so "1.234" is accepted and a wrong entry gets the service's message next to the field."""

    def set(self, value: Any) -> None:
        self.widget.setText(format_count(value) if isinstance(value, int) else "" if value is None else str(value))


class LongTextEditor(Editor):
    widget: QPlainTextEdit

    def __init__(self) -> None:
        self.widget = QPlainTextEdit()
        self.widget.setFixedHeight(70)
        self.widget.setTabChangesFocus(True)

    def get(self) -> Any:
        return self.widget.toPlainText()

    def set(self, value: Any) -> None:
        self.widget.setPlainText(value or "")

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.textChanged.connect(callback)


class DateEditor(Editor):
    """A typed date (see DateField): what the officer typed is what is saved, or nothing is saved."""

    widget: DateField

    def __init__(self, optional: bool) -> None:
        self.optional = optional
        self.widget = DateField(optional=optional, latest=date.today() + timedelta(days=366))
        self.set(None)

    def get(self) -> Any:
        # Text that is not a date stays text: the form refuses to save it (see `problem`), and the
        # unsaved-changes question still sees that something was typed.
        return self.widget.text() if self.widget.problem() else self.widget.date()

    def set(self, value: Any) -> None:
        if isinstance(value, str) and value:
            value = date.fromisoformat(value[:10])
        if value is None and not self.optional:
            value = date.today()
        self.widget.set_date(value)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.changed.connect(callback)

    def problem(self) -> str | None:
        return self.widget.problem() if self.widget.check() is False else None


class ChoiceEditor(Editor):
    widget: QComboBox

    def __init__(self, choices: dict[str, str], empty_label: str | None = None) -> None:
        self.widget = QComboBox()
        if empty_label is not None:
            self.widget.addItem(empty_label, None)
        for key, label in choices.items():
            self.widget.addItem(label, key)

    def get(self) -> Any:
        return self.widget.currentData()

    def set(self, value: Any) -> None:
        index = self.widget.findData(value)
        if index < 0 and value is not None:  # a value this list does not offer (e.g. a deleted area)
            self.widget.addItem(str(value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(max(index, 0))

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.currentIndexChanged.connect(lambda _i: callback())


class BoolEditor(Editor):
    widget: QCheckBox

    def __init__(self, label: str) -> None:
        self.widget = QCheckBox(label)

    def get(self) -> Any:
        return self.widget.isChecked()

    def set(self, value: Any) -> None:
        self.widget.setChecked(bool(value) if value is not None else True)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.toggled.connect(lambda _b: callback())


class YearEditor(Editor):
    widget: QSpinBox

    def __init__(self) -> None:
        self.widget = QSpinBox()
        self.widget.setRange(2000, QDate.currentDate().year() + 1)
        self.widget.setGroupSeparatorShown(False)

    def get(self) -> Any:
        return self.widget.value()

    def set(self, value: Any) -> None:
        self.widget.setValue(int(value) if value else QDate.currentDate().year())

    def on_change(self, callback: Callable[[], None]) -> None:
        self.widget.valueChanged.connect(lambda _v: callback())


def record_choices(store: Store, record_type: str, label_key: str = "name", limit: int = 5000) -> dict[str, str]:
    """Live areas or organisations in Vietnamese order, for a combo box (a commune has at most hundreds)."""
    from antq_desktop.services import records

    return records.names(store, record_type, limit=limit)


class HouseholdPicker(Editor):
    """Type part of the head's name (no diacritics needed); pick from the first 50 matches."""

    def __init__(self, store: Store, placeholder: str) -> None:
        self.store = store
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)  # stacked: the hint and the names both need the full width
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("household_search")
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.results = QComboBox()
        self.results.setObjectName("household_results")
        self.results.setMinimumWidth(280)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        self.timer = QTimer(self.widget)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self.timer.start())

    def refresh(self) -> None:
        current = self.get()
        rows = records.list_rows(self.store, "household", ListQuery(search=self.search.text()), limit=50)
        self.results.clear()
        for row in rows:
            self.results.addItem(self.label(row), row["id"])
        if current and self.results.findData(current) >= 0:
            self.results.setCurrentIndex(self.results.findData(current))

    @staticmethod
    def label(row: dict[str, Any]) -> str:
        parts = [row.get("head_name") or "", row.get("area_name") or "", row.get("address") or ""]
        return " — ".join(p for p in parts if p)

    def get(self) -> Any:
        return self.results.currentData()

    def set(self, value: Any) -> None:
        self.results.clear()
        if not value:
            return
        from antq_desktop.services import records

        row = records.get(self.store, "household", value)
        self.results.addItem(row["head_name"] + (f" — {row['address']}" if row.get("address") else ""), value)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.results.currentIndexChanged.connect(lambda _i: callback())


def make_editor(spec: FieldSpec, store: Store, tr: Callable[[str], str]) -> Editor:
    kind = spec.kind
    if kind == "long_text":
        return LongTextEditor()
    if kind == "int":
        return IntEditor(tr(spec.placeholder) if spec.placeholder else "")
    if kind in ("date", "optional_date"):
        return DateEditor(optional=kind == "optional_date")
    if kind == "choice":
        return ChoiceEditor({k: tr_choice(v, tr) for k, v in spec.choices.items()})
    if kind == "bool":
        return BoolEditor(tr(spec.label))
    if kind == "year":
        return YearEditor()
    if kind in ("area", "organization"):
        record_type = "residential_area" if kind == "area" else "organization"
        empty = None if spec.required else tr("— Không chọn —")
        return ChoiceEditor(record_choices(store, record_type, "name"), empty_label=empty)
    if kind == "security_team":  # a team's yearly rating (the movement's activities)
        return ChoiceEditor(record_choices(store, "security_team", "name"), empty_label=None)
    if kind == "household":
        return HouseholdPicker(store, tr("Gõ tên chủ hộ, địa chỉ hoặc số định danh để tìm"))
    return TextEditor(tr(spec.placeholder) if spec.placeholder else "")
