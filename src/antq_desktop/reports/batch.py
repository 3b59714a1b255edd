"""Stream many records into ONE PDF with progress, cancel and an atomic write.

Records are turned into flowables one at a time (a generator feeding ReportLab's build
loop), so a 1,000-household run never holds more than one household's flowables.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from antq_desktop.reports import fonts, nd30
from antq_desktop.reports.pdf_stream import StreamingDocument
from antq_desktop.reports.qr import draw_qr, qr_payload
from antq_desktop.reports.text import nfc

T = TypeVar("T")
ProgressFn = Callable[[float, str], None]


class CancelFlag(Protocol):
    """Anything with ``is_set()`` - threading.Event, or a Qt-side wrapper."""

    def is_set(self) -> bool: ...


class NoRecordsError(ValueError):
    """Nothing to print: the selection (e.g. an area) has no records."""


class RenderCancelled(Exception):
    """Raised when the cancel flag was set; no output file is left behind."""


@dataclass(frozen=True)
class RecordMark:
    """Identity printed in the footer of every page of one record (filled forms only)."""

    form: str
    record_uuid: str | None = None
    revision: int = 0
    key_fingerprint: str | None = None
    sheet_code: str | None = None  # prefilled pledge sheet to be signed: the code scanned back (services.scan)


class _MarkFlowable(Flowable):
    """Zero-size flowable that starts a record: page numbers restart, footer switches."""

    def __init__(self, mark: RecordMark) -> None:
        super().__init__()
        self.mark = mark

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate  # type: ignore[attr-defined]  # set on the canvas by BaseDocTemplate; not in the stub
        doc.antq_mark = self.mark
        doc.antq_first_page = doc.page


class _Stream(list):
    """A list that refills itself from a generator whenever ReportLab empties it."""

    def __init__(self, chunks: Iterator[list[Flowable]]) -> None:
        super().__init__()
        self._chunks = chunks

    def __len__(self) -> int:
        while not list.__len__(self):
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self.extend(chunk)
        return list.__len__(self)


class PackedCanvas(Canvas):
    """A canvas that packs each page as soon as it is finished.

    ReportLab keeps every page of a document in memory until it writes the file, with its content as
    operator text, compressed only then, and a dictionary of the forms it shows: a 5,000-page run held
    ~16 KiB per page (issue 18). Here a finished page keeps its content as the Flate stream the file
    gets (binary, without ReportLab's ASCII85 layer: a fifth smaller) and points to one dictionary of
    the document's forms (forms/stamp.py) shared by all pages."""

    _forms: PDFDictionary | None = None

    def __init__(self, filename: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(filename, *args, **kwargs)
        if isinstance(filename, str):  # a path: finished pages go to the file at once (pdf_stream)
            self._doc.__class__ = StreamingDocument  # type: ignore[attr-defined]  # same state, more methods
            self._doc.open(filename)  # type: ignore[attr-defined]

    def showPage(self) -> None:
        super().showPage()
        page = self._doc.Pages.pages[-1]  # type: ignore[attr-defined]  # ReportLab's document; untyped
        if page.stream is not None and page.compression and page.Contents is None:
            content = PDFStream(content=PDFZCompress.encode(page.stream), filters=[])
            content.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
            content.__Comment__ = "page stream"  # type: ignore[attr-defined]  # as ReportLab names its own
            page.Contents, page.stream = content, None
        if isinstance(page.XObjects, PDFDictionary):
            if self._forms is None:
                self._forms = PDFDictionary({})
                self._forms_ref = self._doc.Reference(self._forms, "AntqForms")  # type: ignore[attr-defined]
            self._forms.dict.update(page.XObjects.dict)
            page.XObjects = self._forms_ref
        if isinstance(self._doc, StreamingDocument):  # type: ignore[attr-defined]
            self._doc.write_page(page)  # type: ignore[attr-defined]


def _draw_page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """ND30: page numbers from page 2, top centre, per record (each household restarts)."""
    number = doc.page - getattr(doc, "antq_first_page", 1) + 1
    if number >= 2:
        canvas.setFont(fonts.REGULAR, 13)
        canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] - 12 * mm, str(number))


QR_SIZE = 19 * mm
QR_EDGE = 10 * mm


def _draw_footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Small QR + key fingerprint in the bottom margin of filled records."""
    mark: RecordMark | None = getattr(doc, "antq_mark", None)
    if mark is not None and mark.sheet_code and not mark.record_uuid:
        _draw_sheet_code(canvas, mark.sheet_code)
    if mark is None or not mark.record_uuid:
        return
    # 10 mm inside the paper edge (many printers clip the outer 5 mm) and big enough that one module
    # is ~3 pixels in a 150 dpi scan; the QR sits in the 30 mm left margin, the text beside it in
    # the bottom margin, so neither touches the body.
    size, x, y = QR_SIZE, QR_EDGE, QR_EDGE
    draw_qr(
        canvas,
        qr_payload(mark.form, mark.record_uuid, mark.revision, mark.key_fingerprint),
        x,
        y,
        size,
    )
    canvas.setFont(fonts.REGULAR, 7)
    lines = [f"Mã hồ sơ: {mark.record_uuid} · phiên bản {mark.revision}"]
    if mark.key_fingerprint:
        lines.append(f"Dấu khóa xã: {mark.key_fingerprint}")
    for i, line in enumerate(lines):
        canvas.drawString(nd30.MARGIN_LEFT + 1 * mm, y + 7 * mm - i * 8.5, nfc(line))


def _draw_sheet_code(canvas: Canvas, code: str) -> None:
    """Same place and size as a filled record's QR; the code is also printed as text, so a sheet
    whose QR got wet or torn can still be typed in."""
    draw_qr(canvas, code, QR_EDGE, QR_EDGE, QR_SIZE)
    canvas.setFont(fonts.REGULAR, 7)
    canvas.drawString(nd30.MARGIN_LEFT + 1 * mm, QR_EDGE + 7 * mm, nfc("Mã phiếu (quét khi đã ký):"))
    canvas.drawString(nd30.MARGIN_LEFT + 1 * mm, QR_EDGE + 7 * mm - 8.5, code)


def _on_page_end(canvas: Canvas, doc: BaseDocTemplate) -> None:
    _draw_page_number(canvas, doc)
    _draw_footer(canvas, doc)


def make_doc(path: Path, title: str, is_landscape: bool = False) -> BaseDocTemplate:
    """A4 document with ND30 margins and the page decorations above."""
    fonts.register_fonts()
    geo = nd30.geometry(is_landscape)
    doc = BaseDocTemplate(
        str(path),
        pagesize=(geo.width, geo.height),
        leftMargin=nd30.MARGIN_LEFT,
        rightMargin=nd30.MARGIN_RIGHT,
        topMargin=nd30.MARGIN_TOP,
        bottomMargin=nd30.MARGIN_BOTTOM,
        title=nfc(title),
        author="ANTQ Desktop",
        creator="ANTQ Desktop",
        initialFontName=fonts.REGULAR,  # else every page references a non-embedded Helvetica
        lang="vi-VN",
    )
    frame = Frame(
        nd30.MARGIN_LEFT,
        nd30.MARGIN_BOTTOM,
        geo.frame_width,
        geo.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="nd30", frames=[frame], onPageEnd=_on_page_end)])
    return doc


@contextmanager
def atomic_output(output: Path) -> Iterator[Path]:
    """Yield a temp path next to ``output``; replace ``output`` only if the block succeeds."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{output.stem}.", suffix=".part", dir=output.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.replace(tmp, output)  # atomic on one filesystem: readers never see half a PDF
    finally:
        if tmp.exists():
            tmp.unlink()


def _chunks(
    records: Iterable[T],
    build: Callable[[T], tuple[RecordMark, list[Flowable]]],
    total: int | None,
    progress: ProgressFn | None,
    cancel: CancelFlag | None,
) -> Iterator[list[Flowable]]:
    for index, record in enumerate(records):
        if cancel is not None and cancel.is_set():
            raise RenderCancelled("Đã hủy việc xuất PDF.")
        if progress is not None:
            if total:
                progress(0.95 * index / total, f"Đang dựng hồ sơ {index + 1}/{total}")
            else:  # unknown length (a plain generator): report the count, fraction stays 0
                progress(0.0, f"Đang dựng hồ sơ thứ {index + 1}")
        mark, flowables = build(record)
        head: list[Flowable] = [PageBreak()] if index else []
        yield [*head, _MarkFlowable(mark), *flowables]


def render_records(
    output: Path,
    records: Iterable[T],
    build: Callable[[T], tuple[RecordMark, list[Flowable]]],
    *,
    title: str,
    total: int | None = None,
    is_landscape: bool = False,
    progress: ProgressFn | None = None,
    cancel: CancelFlag | None = None,
) -> Path:
    """Render every record (each starting on a new page) into ``output``; return its path.

    Raises NoRecordsError when ``records`` is empty (a 0-page PDF is invalid) and
    RenderCancelled when ``cancel`` is set; in both cases ``output`` is left untouched.
    """
    if total is None and hasattr(records, "__len__"):
        total = len(records)  # type: ignore[arg-type]
    iterator = iter(records)
    try:
        first = next(iterator)
    except StopIteration:
        raise NoRecordsError("Không có hồ sơ nào để xuất.") from None
    records = itertools.chain([first], iterator)
    with atomic_output(Path(output)) as tmp:
        doc = make_doc(tmp, title, is_landscape)
        try:
            doc.build(_Stream(_chunks(records, build, total, progress, cancel)), canvasmaker=PackedCanvas)
        finally:  # a cancelled or failed run: the streamed file is closed before it is removed
            written = getattr(getattr(doc, "canv", None), "_doc", None)
            if isinstance(written, StreamingDocument):
                written.close()
        if cancel is not None and cancel.is_set():
            raise RenderCancelled("Đã hủy việc xuất PDF.")
    if progress is not None:
        progress(1.0, "Đã xuất xong")
    return Path(output)
