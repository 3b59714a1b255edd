"""Small vector QR codes drawn straight onto the ReportLab canvas (no PNG round trip)."""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.pdfgen.canvas import Canvas

QR_PREFIX = "ANTQ1"


def qr_payload(form: str, record_uuid: str, revision: int, fingerprint: str | None) -> str:
    """What the QR code says: 'ANTQ1|pledge|<uuid>|r3|<first 16 hex of the key fingerprint>'.

    Kept short so the code stays at a low QR version and scans from a 19 mm print at 150 dpi.
    The fingerprint is printed grouped ("3F2A-91C0-…"): separators are dropped before counting
    16 hex digits (counting them gave 13 digits).
    """
    fp = "".join(ch for ch in (fingerprint or "") if ch.isalnum())[:16]
    return f"{QR_PREFIX}|{form}|{record_uuid}|r{revision}|{fp}"


@lru_cache(maxsize=256)
def _qr_ops(data: str) -> tuple[int, str]:
    """Module count and the PDF path operators of the dark modules, one unit per module.

    Horizontal runs become one rectangle each, written as integers: formatting floats for
    ~300 rectangles per page was half the cost of a 1,000-page pledge run.  A fixed mask
    skips segno's eight-mask penalty search (any mask is valid; decoders read it from the
    format bits) - that search was the other half.
    """
    matrix = segno.make_qr(data, error="m", mask=0).matrix
    n = len(matrix)
    ops: list[str] = []
    for row, line in enumerate(matrix):
        y = n - 1 - row
        start = None
        for col, dark in enumerate((*line, 0)):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                ops.append(f"{start} {y} {col - start} 1 re")
                start = None
    return n, "\n".join(ops) + "\nf"


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw ``data`` as a QR code with its lower-left corner at (x, y), ``size`` points wide."""
    n, ops = _qr_ops(data)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / n, size / n)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral(ops)
    canvas.restoreState()
