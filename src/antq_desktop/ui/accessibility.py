"""Accessible names for every widget that takes keyboard focus (screen readers say what a field is).

Buttons and check boxes speak their text, and a form label set as a widget's buddy names it. The
rest (search boxes, filter lists, tables, spin boxes) get a name when the main window builds a page:
the label just before the widget in its layout (then made its buddy, so Alt+letter on the label
works too), else its tooltip or placeholder, else the title of its group box or of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Accessibility", text)


def _plain(text: str) -> str:
    """Label text as spoken: no "&", no trailing colon or shortcut hint, no rich-text tags."""
    import re

    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    text = text.split(" — Ctrl+")[0]
    return " ".join(text.split()).rstrip(":").strip()


def focusable(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader would announce for `widget` ("" when it has none)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and _plain(widget.text()):
        return _plain(widget.text())
    if isinstance(widget, QGroupBox) and _plain(widget.title()):
        return _plain(widget.title())
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and _plain(label.text()):
            return _plain(label.text())
    return ""


def _label_before(widget: QWidget) -> QLabel | None:
    """The QLabel placed just before `widget` in its parent's layout (a "Từ ngày:" next to a date)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return None
    previous = None
    for index in range(layout.count()):
        item = layout.itemAt(index)
        item_widget = item.widget() if item is not None else None
        if item_widget is widget:
            return previous if isinstance(previous, QLabel) and _plain(previous.text()) else None
        if item_widget is not None:
            previous = item_widget
    return None


def _enclosing_title(widget: QWidget, fallback: str) -> str:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and _plain(parent.title()):
            return _plain(parent.title())
        parent = parent.parentWidget()
    return fallback


def _own_name(widget: QWidget, page_title: str) -> str:
    label = _label_before(widget)
    if label is not None:
        label.setBuddy(widget)
        return _plain(label.text())
    if widget.toolTip():
        return _plain(widget.toolTip())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return _plain(widget.placeholderText())
    if isinstance(widget, QComboBox) and widget.count():
        return _plain(widget.itemText(0))
    title = _enclosing_title(widget, page_title)
    if isinstance(widget, QAbstractItemView):
        return _t("Bảng: %1").replace("%1", title)
    return title


def name_focusable_widgets(root: QWidget, page_title: str) -> None:
    """Give each focusable widget under `root` without a spoken name one (see the module docstring)."""
    for widget in root.findChildren(QWidget):
        if not focusable(widget) or spoken_name(widget):
            continue
        parent = widget.parentWidget()
        if widget.objectName().startswith("qt_") and parent is not None:  # a spin box's inner text box
            widget.setAccessibleName(spoken_name(parent) or _own_name(parent, page_title))
            continue
        widget.setAccessibleName(_own_name(widget, page_title))
