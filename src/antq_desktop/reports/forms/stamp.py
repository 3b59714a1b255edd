"""Parts of a page that every page of a run prints alike, drawn once per PDF and stamped on each page.

A 5,000-household pledge run printed the same header, intro, eight items, closing and signature titles
5,000 times: laying them out was cheap once shared (SharedParagraph), but drawing them still cost about a
third of the run (issue 18). A `Stamp` lays its flowables out in a frame of its own, exactly as the page's
frame would, draws them ONCE into a PDF form XObject the first time a document shows it, and on every
later page writes one `Do` operator. What a page shows is unchanged (tests/reports/test_stamped_pages.py
compares text and pixels); the file is smaller too.

`OneLine` and `CentredNames` are the per-household text beside a stamp: one line set with the canvas's
text operators at the place a Paragraph would put it, used only when the text fits on that line (the
caller falls back to the Paragraph otherwise, so nothing is cut).
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Table

from antq_desktop.reports.text import nfc

_NAMES = itertools.count()
_BIG = 10_000.0  # a frame taller than any page: a stamp's content always fits in it
_BLEED = 40  # the form's box reaches past the content (italic overhangs, rules' caps)


def flatten(flowables: Sequence[Flowable]) -> list[Flowable]:
    """KeepTogether's content in line: a stamp is only used where all of it fits on the page, and there
    ReportLab's frame adds a KeepTogether's flowables one by one, as this list does."""
    out: list[Flowable] = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            out += flatten(flowable._content)  # type: ignore[attr-defined]  # ReportLab keeps them there
        else:
            out.append(flowable)
    return out


def _frame(width: float, height: float) -> Frame:
    return Frame(0, 0, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class Stamp(Flowable):
    """Flowables drawn once per document into a form XObject and shown on each page by reference.

    Its height is what the page's frame would move down for them, the last one's space after included
    (that is where the frame puts the next flowable when none asks for more space before it)."""

    def __init__(self, flowables: Sequence[Flowable], width: float) -> None:
        super().__init__()
        self._content = flatten(flowables)
        self.form_name = f"AntqStamp{next(_NAMES)}"  # unique: an id() could be reused by a later stamp
        self.width = width
        probe = _frame(width, _BIG)
        canvas = Canvas(io.BytesIO())  # measured by laying out for real on a canvas that is never saved
        for flowable in self._content:
            if not probe.add(flowable, canvas):
                raise ValueError("A stamp's content must fit in one frame.")
        self.height = _BIG - probe._y  # type: ignore[attr-defined]  # the frame's current y; untyped in the stub

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.stamp_on(self.canv)

    def stamp_on(self, canvas: Canvas) -> None:
        """Show the content at the canvas's origin (drawing it into the document's form the first time)."""
        if not canvas.hasForm(self.form_name):  # first page of this document that shows it
            box = (-_BLEED, -_BLEED, math.ceil(self.width) + _BLEED, math.ceil(self.height) + _BLEED)
            canvas.beginForm(self.form_name, *box)
            frame = _frame(self.width, self.height)
            for flowable in self._content:
                frame.add(flowable, canvas)
            canvas.endForm()
        canvas.doForm(self.form_name)


def one_line(text: str) -> str:
    """The words as a Paragraph sets them on one line: NFC, runs of white space as one space."""
    return " ".join(nfc(text).split())


class OneLine(Flowable):
    """One line of text where a left-aligned (or justified: a last line is not stretched) Paragraph of
    `leading` and `space_after` would set it; only for text that fits the width (see `fits`)."""

    def __init__(self, text: str, font: str, size: float, leading: float, space_after: float = 0) -> None:
        super().__init__()
        self.text, self.font, self.size, self.leading = one_line(text), font, size, leading
        self.spaceAfter = space_after

    @staticmethod
    def fits(text: str, font: str, size: float, width: float) -> bool:
        # Text with line breaks or runs of spaces is left to the Paragraph; a point of margin: at the very
        # edge ReportLab's line breaking may decide otherwise.
        return nfc(text) == one_line(text) and stringWidth(text, font, size) <= width - 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.leading

    def draw(self) -> None:
        self.canv.setFont(self.font, self.size, self.leading)
        self.canv.drawString(0, self.leading - self.size, self.text)  # a Paragraph's first baseline


class CentredNames(Flowable):
    """Names centred in side-by-side columns, each where a one-line centred Paragraph at the top of its
    column would set it (a signature block's names under the stamped titles)."""

    def __init__(self, names: Sequence[str | None], widths: Sequence[float], font: str, size: float,
                 leading: float) -> None:
        super().__init__()
        self.names = [one_line(n) if n else "" for n in names]
        self.widths, self.font, self.size, self.leading = list(widths), font, size, leading

    @staticmethod
    def fit(names: Sequence[str | None], widths: Sequence[float], font: str, size: float) -> bool:
        return all(not n or OneLine.fits(n, font, size, w) for n, w in zip(names, widths, strict=True))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.leading if any(self.names) else 0

    def draw(self) -> None:
        self.canv.setFont(self.font, self.size, self.leading)
        left = 0.0
        for name, width in zip(self.names, self.widths, strict=True):
            if name:
                self.canv.drawCentredString(left + width / 2, self.leading - self.size, name)
            left += width


class FilledTable(Flowable):
    """A stamped table (grid, header and the cells alike on every page drawn once per PDF) with each
    page's own cells set on top, one line each, where ReportLab's Table would set them: a string cell
    (`style` None) or a one-line Paragraph of `style`. Only for cells whose text fits (see `fits`)."""

    def __init__(self, stamp: Stamp, cells: Sequence[tuple[int, int, str, ParagraphStyle | None]]) -> None:
        super().__init__()
        self.stamp = stamp
        self.table: Table = stamp._content[0]  # type: ignore[assignment]  # a table's stamp holds the table alone
        # A string cell prints as it is (a table sets it unchanged), a Paragraph's words one space apart.
        self.cells = [(row, col, text if style is None else one_line(text), style) for row, col, text, style in cells
                      if text]
        if any("\n" in text for _row, _col, text, _style in self.cells):
            raise ValueError("FilledTable sets one line per cell")

    @staticmethod
    def fits(table: Table, col: int, text: str, font: str, size: float) -> bool:
        cols = table._colpositions  # type: ignore[attr-defined]  # set by the table's layout; untyped
        style = table._cellStyles[1][col]  # type: ignore[attr-defined]
        return OneLine.fits(text, font, size, cols[col + 1] - cols[col] - style.leftPadding - style.rightPadding)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.stamp.wrap(availWidth, availHeight)

    def _origin(self, row: int, col: int, style: ParagraphStyle | None) -> tuple[float, float]:
        """Where the text's baseline starts (or its centre, for a centred string): tables.py _drawCell."""
        rows, cols = self.table._rowpositions, self.table._colpositions  # type: ignore[attr-defined]
        cell = self.table._cellStyles[row][col]  # type: ignore[attr-defined]
        bottom, height = rows[row + 1], rows[row] - rows[row + 1]
        left, width = cols[col], cols[col + 1] - cols[col]
        if cell.valign != "MIDDLE" or cell.alignment not in ("LEFT", "CENTER", "CENTRE"):
            raise ValueError(f"FilledTable sets middle, left or centred cells, not {cell.valign} {cell.alignment}")
        if style is None:  # a string: centred or from the left padding, its first baseline in the middle
            x = left + cell.leftPadding if cell.alignment == "LEFT" else left + (width + cell.leftPadding
                                                                                   - cell.rightPadding) * 0.5
            return x, bottom + (cell.bottomPadding + height - cell.topPadding + cell.leading) / 2.0 - cell.fontsize
        if cell.alignment != "LEFT":
            raise ValueError("FilledTable sets a Paragraph cell from the left only")
        lines = style.leading  # one line: the paragraph's height
        para_bottom = bottom + (height + cell.bottomPadding - cell.topPadding + lines) / 2.0 - lines
        return left + cell.leftPadding, para_bottom + lines - style.fontSize

    def draw(self) -> None:
        canvas = self.canv
        self.stamp.stamp_on(canvas)  # one stamp serves many pages (and runs): it keeps no canvas of its own
        current = None
        for row, col, text, style in self.cells:
            cell = self.table._cellStyles[row][col]  # type: ignore[attr-defined]
            font = (cell.fontname, cell.fontsize, cell.leading) if style is None else (
                style.fontName, style.fontSize, style.leading)
            if font != current:
                canvas.setFont(*font)
                current = font
            x, y = self._origin(row, col, style)
            if style is None and cell.alignment != "LEFT":
                canvas.drawCentredString(x, y, text)
            else:
                canvas.drawString(x, y, text)
