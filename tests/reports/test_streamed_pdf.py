"""A print is written to the file page by page (reports/pdf_stream.py): memory stays flat, the file is whole."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest

from antq_desktop.reports import RenderCancelled, demo, render_pledges
from antq_desktop.reports.batch import PackedCanvas
from antq_desktop.reports.pdf_stream import StreamingDocument

from .conftest import pdf_pages, pdf_text_flat


def assert_xref_points_at_every_object(pdf: Path) -> None:
    """Each cross-reference entry gives the offset of its own object ('N 0 obj'), as a reader needs."""
    data = pdf.read_bytes()
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[start:start + 4] == b"xref"
    lines = data[start:].split(b"\n")
    first, count = map(int, lines[1].split())
    assert first == 0 and count > 3
    for number in range(1, count):
        offset = int(lines[2 + number][:10])
        assert data[offset:].startswith(f"{number} 0 obj".encode()), number
    assert re.search(rb"/Size %d\b" % count, data)


def test_pages_are_written_as_they_end_and_the_file_is_whole(tmp_path):
    pdf = render_pledges(tmp_path / "p.pdf", demo.demo_area(12), total=12)
    assert pdf_pages(pdf) == 12
    assert_xref_points_at_every_object(pdf)
    assert "NGƯỜI CAM KẾT" in pdf_text_flat(pdf)
    data = pdf.read_bytes()
    assert data.index(b"/Type /Page\n") < data.index(b"/Type /Catalog")  # pages first, the rest at save


def test_a_canvas_on_a_path_streams_one_on_a_buffer_does_not(tmp_path):
    import io

    assert isinstance(PackedCanvas(str(tmp_path / "x.pdf"))._doc, StreamingDocument)
    assert not isinstance(PackedCanvas(io.BytesIO())._doc, StreamingDocument)


def _peak_kib(tmp_path: Path, households: int) -> float:
    tracemalloc.start()
    try:
        render_pledges(tmp_path / f"m{households}.pdf", demo.demo_area(households), total=households)
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def test_memory_hardly_grows_with_the_number_of_pages(tmp_path):
    _peak_kib(tmp_path, 240)  # fonts, texts, stamps and the QR codes' cache (256 codes at most) filled once
    few, many = _peak_kib(tmp_path, 40), _peak_kib(tmp_path, 240)
    # Held until save before: ~6 KiB a page (ReportLab keeps every page); now ~1 KiB (object numbers).
    assert many - few < 200 * 2, (few, many)


def test_a_cancelled_streamed_print_leaves_no_file(tmp_path):
    class CancelAfter:
        def __init__(self) -> None:
            self.calls = 0

        def is_set(self) -> bool:
            self.calls += 1
            return self.calls > 5

    out = tmp_path / "cancelled.pdf"
    with pytest.raises(RenderCancelled):
        render_pledges(out, demo.demo_area(20), total=20, cancel=CancelAfter())
    assert list(tmp_path.iterdir()) == []
