"""Small vector QR codes drawn straight onto the ReportLab canvas (no PNG round trip)."""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.pdfgen.canvas import Canvas

QR_PREFIX = "ANTQ1"


def qr_payload(form: str, record_uuid: str, revision: int, fingerprint: str | None) -> str:
    """What the QR code says: 'ANTQ1|pledge|<uuid>|r3|<first 16 hex of the key fingerprint>'.

    Kept short so the code stays at a low QR version and scans from a 15 mm print.
    """
    fp = (fingerprint or "").replace(":", "").replace(" ", "")[:16]
    return f"{QR_PREFIX}|{form}|{record_uuid}|r{revision}|{fp}"


@lru_cache(maxsize=256)
def _runs(data: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """Dark modules as horizontal runs (row, start, length): far fewer PDF operators."""
    matrix = segno.make_qr(data, error="m").matrix
    runs: list[tuple[int, int, int]] = []
    for row, line in enumerate(matrix):
        start = None
        for col, dark in enumerate(list(line) + [0]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                runs.append((row, start, col - start))
                start = None
    return len(matrix), tuple(runs)


def draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    """Draw ``data`` as a QR code with its lower-left corner at (x, y), ``size`` points wide."""
    n, runs = _runs(data)
    cell = size / n
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for row, start, length in runs:
        # A tiny overlap avoids hairline gaps between modules in some viewers.
        path.rect(x + start * cell, y + size - (row + 1) * cell, length * cell + 0.05, cell + 0.05)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
