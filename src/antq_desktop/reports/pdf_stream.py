"""A ReportLab document that writes each finished page to the file at once (issue 18: flat memory).

ReportLab's `PDFDocument` keeps every page until `save()` and then builds the whole file in memory: a
5,000-page print held ~16 KiB per page. Here a page's dictionary and content stream are written to the
output file when the page ends and only a stub with the page's name stays behind (the page tree needs
it); `save()` writes the remaining objects (fonts, forms, page tree, catalogue) after them, with the
cross-reference table of all. A PDF's objects may come in any order; the numbers and offsets are the
ones ReportLab assigned, so readers see the same document.

Only a page that uses nothing shared that could still change (colour spaces, transparency states,
shadings, annotations, links) is written early; any other waits for `save()` as ReportLab would.
"""

from __future__ import annotations

from typing import IO, Any

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.pdfdoc import PDFCrossReferenceTable, PDFDocument, PDFIndirectObject, PDFObject, PDFTrailer


class _Written(PDFObject):
    """What stays of an object already in the file: its name, for the references to it."""

    def __init__(self, name: str) -> None:
        self.__InternalName__ = name

    def format(self, document: Any) -> bytes:  # pragma: no cover - never formatted again
        raise RuntimeError(f"{self.__InternalName__} is already written")


class _FileOut:
    """PDFFile's interface (add → offset) over an open file."""

    def __init__(self, out: IO[bytes], offset: int) -> None:
        self.out, self.offset = out, offset

    def add(self, data: Any) -> int:
        data = pdfdoc.pdfdocEnc(data)
        at = self.offset
        self.out.write(data)
        self.offset += len(data)
        return at


class StreamingDocument(PDFDocument):
    """Set as a canvas's `_doc` class before the first page (see batch.PackedCanvas)."""

    _out: _FileOut | None = None
    _offsets: dict[str, int]

    def open(self, path: str) -> None:
        header = pdfdoc.PDFFile(self._pdfVersion)  # type: ignore[attr-defined]  # the header bytes exactly as ReportLab writes them
        out = open(path, "wb")  # noqa: SIM115 - closed by close() or save, the canvas owns its lifetime
        self._out = _FileOut(out, 0)
        self._out.add(b"".join(header.strings))
        self._offsets = {}

    def close(self) -> None:
        if self._out is not None:
            self._out.out.close()

    def write_page(self, page: Any) -> None:
        """Write a finished page and its content now, when nothing it refers to can still change."""
        if self._out is None or page.Annots or page._colorsUsed or page._shadingUsed or page.ExtGState:
            return
        if page.Contents is None:
            return
        name = page.__InternalName__
        self._write(name, page)  # formatting the page names its content stream (a new object number)
        contents = page.Contents.__InternalName__
        self._write(contents, page.Contents)
        pages = self.Pages.pages  # type: ignore[attr-defined]  # set in PDFDocument.__init__; untyped
        index = len(pages) - 1
        if pages[index] is page:
            pages[index] = self.idToObject[name]

    def _write(self, name: str, obj: Any) -> None:
        assert self._out is not None
        self._offsets[name] = self._out.add(PDFIndirectObject(name, obj).format(self))
        self.idToObject[name] = _Written(name)

    def SaveToFile(self, filename: Any, canvas: Any) -> None:  # noqa: N802 - ReportLab's name
        if self._out is None:
            super().SaveToFile(filename, canvas)
            return
        try:
            self.GetPDFData(canvas)  # writes the rest through format() below
        finally:
            self.close()

    def format(self) -> bytes:
        """ReportLab's PDFDocument.format, writing to the open file and skipping what is written."""
        if self._out is None:
            return super().format()  # type: ignore[no-any-return]
        self.encrypt.prepare(self)
        cat, info = self.Catalog, self.info  # type: ignore[attr-defined]
        self.Reference(cat)
        self.Reference(info)
        encryptref = None
        encryptinfo = self.encrypt.info()  # type: ignore[func-returns-value]  # None unless encrypted
        if encryptinfo:
            encryptref = self.Reference(encryptinfo)
        out, counter, ids = self._out, 0, []
        while True:  # objects may be added while others are formatted: by number until none is left
            counter += 1
            if counter not in self.numberToId:
                break
            oid = self.numberToId[counter]
            if oid in self._offsets:
                self.idToOffset[oid] = self._offsets[oid]
            else:
                self.idToOffset[oid] = out.add(PDFIndirectObject(oid, self.idToObject[oid]).format(self))
            ids.append(oid)
        xref = PDFCrossReferenceTable()
        xref.addsection(0, ids)
        xrefoffset = out.add(xref.format(self))
        trailer = PDFTrailer(startxref=xrefoffset, Size=len(self.numberToId) + 1, Root=self.Reference(cat),
                             Info=self.Reference(info), Encrypt=encryptref, ID=self.ID())
        out.add(trailer.format(self))
        return b""
