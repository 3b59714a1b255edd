"""A layout that puts its widgets in a row and wraps them onto more rows when the window is narrow.

Used for the record pages' toolbars: on a 1,024 × 768 laptop a row of eight buttons does not fit
beside the navigation, and a horizontal scroll bar (or cut button texts) read as a bug. The layout
is Qt's "Flow Layout" example, with two additions: room left on a row goes to the widgets that
expand horizontally (a search box), and `add_trailing` keeps a trailing group (export, print) at
the right end of its row.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing_from: int | None = None  # items from this index sit at the right when they fit
        self.setSpacing(spacing)
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # ---- content ----

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802  # Qt override
        self._items.append(item)

    def add_trailing(self, widget: QWidget) -> None:
        """Add a widget of the right-hand group (the first call starts the group)."""
        if self._trailing_from is None:
            self._trailing_from = len(self._items)
        self.addWidget(widget)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802  # Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802  # Qt override
        if not 0 <= index < len(self._items):
            return None
        if self._trailing_from is not None and index < self._trailing_from:
            self._trailing_from -= 1
        return self._items.pop(index)

    # ---- geometry ----

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802  # Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802  # Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802  # Qt override
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802  # Qt override
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802  # Qt override
        """Everything on one row."""
        visible = self._visible()
        width = sum(item.sizeHint().width() for item in visible) + self.spacing() * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802  # Qt override
        """As narrow as the widest single widget: the rest wraps."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        rows = self._rows(area.width())
        y = area.y()
        for row in rows:
            height = max(item.sizeHint().height() for item, _ in row)
            if apply:
                self._place_row(row, area, y, height)
            y += height + self.spacing()
        used = y - self.spacing() - area.y() if rows else 0
        return used + margins.top() + margins.bottom()

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, bool]]]:
        """The visible items, split into rows no wider than `width`; each item says if it is trailing."""
        rows: list[list[tuple[QLayoutItem, bool]]] = []
        row: list[tuple[QLayoutItem, bool]] = []
        x = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            trailing = self._trailing_from is not None and index >= self._trailing_from
            item_width = min(item.sizeHint().width(), width) if width > 0 else item.sizeHint().width()
            # The trailing group moves to a new row as a whole rather than splitting.
            needed = self._trailing_width() if index == self._trailing_from else item_width
            if row and x + min(needed, width) > width:
                rows.append(row)
                row, x = [], 0
            row.append((item, trailing))
            x += item_width + self.spacing()
        if row:
            rows.append(row)
        return rows

    def _trailing_width(self) -> int:
        group = [item for item in self._items[self._trailing_from or 0:] if not item.isEmpty()]
        return sum(item.sizeHint().width() for item in group) + self.spacing() * max(0, len(group) - 1)

    def _place_row(self, row: list[tuple[QLayoutItem, bool]], area: QRect, y: int, height: int) -> None:
        widths = [max(item.minimumSize().width(), min(item.sizeHint().width(), area.width())) for item, _ in row]
        # Room left on the row goes to the widgets that want it (a search box), as in a QHBoxLayout.
        growing = [i for i, (item, _) in enumerate(row)
                   if item.expandingDirections() & Qt.Orientation.Horizontal]
        room = area.width() - sum(widths) - self.spacing() * (len(row) - 1)
        for n, i in enumerate(growing):
            widths[i] += room // len(growing) + (1 if n < room % len(growing) else 0)
        x = area.x()
        trailing_width = sum(w for (_, trailing), w in zip(row, widths, strict=True) if trailing)
        trailing_count = sum(1 for _, trailing in row if trailing)
        trailing_x = area.right() + 1 - trailing_width - self.spacing() * max(0, trailing_count - 1)
        for (item, trailing), width in zip(row, widths, strict=True):
            if trailing and trailing_x > x:
                x = trailing_x
                trailing_x = -1  # only the first trailing item jumps right; the others follow it
            item.setGeometry(QRect(QPoint(x, y + (height - item.sizeHint().height()) // 2),
                                   QSize(width, item.sizeHint().height())))
            x += width + self.spacing()


def flow_row(parent: QWidget | None = None) -> tuple[QWidget, FlowLayout]:
    """A widget holding a FlowLayout, to put in a page's vertical layout."""
    holder = QWidget(parent)
    layout = FlowLayout(holder)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    return holder, layout

