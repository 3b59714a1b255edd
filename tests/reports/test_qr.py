"""The footer QR code encodes the record identity and is drawn the right way up."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import segno

from antq_desktop.reports import demo, render_pledges
from antq_desktop.reports.qr import _qr_ops, qr_payload


def test_qr_payload_is_short_and_carries_identity():
    payload = qr_payload("household_pledge", "a17e0001-0000-0000-0000-000000000000", 3, "3F9A 61C2 0B7E 44D1 9A0C")
    assert payload == "ANTQ1|household_pledge|a17e0001-0000-0000-0000-000000000000|r3|3F9A61C20B7E44D1"
    size, _ = _qr_ops(payload)
    assert size <= 37  # QR version <= 5: scannable at 13 mm


def test_drawn_runs_reproduce_the_segno_matrix():
    payload = qr_payload("household_pledge", "5d1c7a3e-8b52-4f0e-9a61-0c2f4e8b9d17", 2, "AB12")
    n, ops = _qr_ops(payload)
    drawn = [[0] * n for _ in range(n)]
    for op in ops.splitlines()[:-1]:
        x, y, w, _h, _ = op.split()
        for col in range(int(x), int(x) + int(w)):
            drawn[n - 1 - int(y)][col] = 1  # PDF y grows upwards, matrix rows downwards
    expected = [list(row) for row in segno.make_qr(payload, error="m", mask=0).matrix]
    assert drawn == expected


def test_payload_carries_16_hex_digits_of_a_grouped_fingerprint():
    """The key fingerprint is printed "3F2A-91C0-7B44-E012-5D9A"; the dashes are not digits."""
    payload = qr_payload("covenant", "a17e0001-0000-0000-0000-000000000000", 1, "3F2A-91C0-7B44-E012-5D9A")
    assert payload.rsplit("|", 1)[1] == "3F2A91C07B44E012"


def _scan_150dpi(pdf, tmp_path):
    """Whole pages at 150 dpi, as an office scanner or a phone photo of a print would give."""
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
        found += [line for line in out.splitlines() if line.startswith("ANTQ1|")]
    return found


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools/poppler-utils not installed"
)
@pytest.mark.parametrize("index", [1, 7, 12])
def test_printed_qr_scans_at_150_dpi(tmp_path, index):
    pdf = tmp_path / "p.pdf"
    data = demo.demo_pledge(index)
    render_pledges(pdf, [data])
    assert _scan_150dpi(pdf, tmp_path) == [
        qr_payload("household_pledge", data.record.record_uuid, data.record.revision, data.unit.key_fingerprint)
    ]


def test_qr_sits_at_least_10_mm_inside_the_paper_edge(tmp_path):
    """Many printers clip the outer 5 mm: the code's outer corner is 10 mm in from both edges."""
    from reportlab.lib.units import mm

    from antq_desktop.reports import batch, nd30

    assert batch.QR_EDGE >= 10 * mm
    assert batch.QR_EDGE + batch.QR_SIZE <= nd30.MARGIN_LEFT  # inside the left margin, clear of the body
    assert batch.QR_SIZE >= 19 * mm  # ~3 px per module at 150 dpi for a version-5 code
