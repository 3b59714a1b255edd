"""Building blocks shared by the form renderers: dotted fields, grid tables, record marks."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from antq_desktop.reports import fonts, nd30
from antq_desktop.reports.batch import CancelFlag, ProgressFn, RecordMark, render_records
from antq_desktop.reports.form_data import RecordRef, UnitInfo
from antq_desktop.reports.text import fill, markup, nfc

__all__ = [
    "DotLine",
    "cell",
    "field",
    "fill",
    "grid_table",
    "mark_for",
    "numbered_items",
    "para",
    "plain",
    "run",
]

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

FRAME_WIDTH = nd30.geometry().frame_width


class DotLine(Flowable):
    """'Label: ......' with a dotted leader to the right margin, for hand filling.

    Drawn as a dotted vector line rather than '....' characters so it always ends exactly
    at the margin whatever the label length.
    """

    def __init__(self, label: str = "", lines: int = 1, size: float = nd30.BODY_SIZE, indent: float = 0) -> None:
        super().__init__()
        self.label = nfc(label)
        self.lines = lines
        self.size = size
        self.indent = indent
        self.leading = size * 1.45  # room for handwriting

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width, self.height = aw, self.lines * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setFont(fonts.REGULAR, self.size)
        canv.setLineWidth(0.9)
        canv.setLineCap(1)
        canv.setDash([0.01, 2.6])  # zero-length dashes with round caps = dots
        start = self.indent
        for i in range(self.lines):
            y = self.height - (i + 1) * self.leading + self.size * 0.3
            if i == 0 and self.label:
                canv.drawString(self.indent, y, self.label)
                start = self.indent + stringWidth(self.label, fonts.REGULAR, self.size) + 3
            canv.line(start, y - 1, self.width, y - 1)
            start = 0


def field(label: str, value: object | None, style_name: str = "body_left") -> Flowable:
    """'Label: value' (wrapping Paragraph) or a dotted line when the value is missing."""
    if value is None or value == "":
        return DotLine(f"{label}: ")
    style = getattr(nd30.styles(), style_name)
    return Paragraph(f"{markup(label)}: {markup(str(value))}", style)


def para(text: str, style_name: str = "body") -> Paragraph:
    return Paragraph(markup(text), getattr(nd30.styles(), style_name))


def numbered_items(items: Sequence[str], style_name: str = "item", *, shared: bool = False) -> list[Flowable]:
    make = shared_para if shared else para
    return [make(f"{i}. {text}", style_name) for i, text in enumerate(items, 1)]


class SharedParagraph(Paragraph):
    """A paragraph every page of a run prints alike (a form's intro, items, closing): parsed once and its
    lines broken once per width. Laying the same text out again for each of 5,000 households was the
    largest part of a print run (issue 18). Pages are laid out one after another, so one instance serves
    them all: each wrap restores the lines of its width before the page draws them."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        memo: dict[float, tuple[Any, ...]] = self.__dict__.setdefault("_wrapped", {})
        if availWidth not in memo:
            super().wrap(availWidth, availHeight)
            memo[availWidth] = (self.width, self.height, vars(self)["blPara"], vars(self)["_wrapWidths"])
        self.width, self.height, blocks, widths = memo[availWidth]
        vars(self).update(blPara=blocks, _wrapWidths=widths)  # ReportLab's attributes, untyped in the stubs
        return self.width, self.height


class RunCache(Generic[K, V]):
    """Flowables built once and reused on every page of a run, kept PER THREAD and at most `limit` of them.

    A ReportLab flowable keeps its layout on itself (wrap's lines, the canvas while it draws), so one
    instance must never be laid out by two renders at once: two threads each get their own.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._local = threading.local()

    def get(self, key: K, build: Callable[[], V]) -> V:
        entries: dict[K, V] = self._local.__dict__.setdefault("entries", {})
        if key not in entries:
            if len(entries) > self.limit:  # a run's few keys at a time; never grows without bound
                entries.clear()
            entries[key] = build()
        return entries[key]


_SHARED: RunCache[tuple[str, str], SharedParagraph] = RunCache(512)


def shared_flowables(flowables: list[Flowable]) -> list[Flowable]:
    """Flowables built once and printed on every page of a run: their plain paragraphs become shared ones
    (same text and style; only the per-width memo of SharedParagraph is added)."""
    for flowable in flowables:
        if type(flowable) is Paragraph:
            flowable.__class__ = SharedParagraph
    return flowables


def shared_para(text: str, style_name: str = "body") -> Paragraph:
    """`para` for text that repeats on every page of a run (the same instance each time)."""
    return _SHARED.get((text, style_name),
                       lambda: SharedParagraph(markup(text), getattr(nd30.styles(), style_name)))


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    align: Sequence[str] | None = None,
    repeat_header: bool = True,
    row_height: float | None = None,
) -> Table:
    """Bordered data table; cells may be plain strings (fast) or Paragraphs (wrapping).

    ``row_height`` fixes the body rows' height (handwriting room on blank forms); the
    header row always keeps its natural height. An empty ``header`` gives a headless table: the
    tail of a table kept on the same page as the signatures.
    """
    st = nd30.styles()
    head = [[Paragraph(markup(h), st.cell_head) for h in header]] if header else []
    heights = None if row_height is None else [*[None] * len(head), *[row_height] * len(rows)]
    table = Table([*head, *map(list, rows)], colWidths=list(widths), rowHeights=heights,
                  repeatRows=1 if repeat_header and head else 0)
    cmds: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.REGULAR, 12, 14),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for col, how in enumerate(align or ()):
        cmds.append(("ALIGN", (col, 1), (col, -1), how))
    table.setStyle(TableStyle(cmds))
    return table


def cell(text: object) -> Paragraph:
    """Wrapping cell, only for columns whose text can be long (names, criteria)."""
    return Paragraph(markup(str(text)), nd30.styles().cell)


def plain(text: object) -> str:
    """Non-wrapping cell: a plain string is about twice as fast to lay out as a Paragraph."""
    return nfc(str(text)) if text is not None else ""


def mark_for(form: str, unit: UnitInfo, record: RecordRef | None) -> RecordMark:
    if record is None:
        return RecordMark(form)
    return RecordMark(form, record.record_uuid, record.revision, unit.key_fingerprint)


def run(
    output: Path,
    records: Iterable[T],
    build: Callable[[T], tuple[RecordMark, list[Flowable]]],
    title: str,
    total: int | None,
    progress: ProgressFn | None,
    cancel: CancelFlag | None,
    is_landscape: bool = False,
) -> Path:
    return render_records(
        output,
        records,
        build,
        title=title,
        total=total,
        is_landscape=is_landscape,
        progress=progress,
        cancel=cancel,
    )


SIGN_SPACE = 20 * mm  # room for a handwritten signature
