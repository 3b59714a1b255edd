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


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbar-tools/poppler-utils not installed"
)
def test_printed_qr_scans(tmp_path):
    pdf = tmp_path / "p.pdf"
    data = demo.demo_pledge(7)
    render_pledges(pdf, [data])
    # 300 dpi crop of the bottom-left corner, where the footer QR sits.
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "300",
            "-x",
            "300",
            "-y",
            "3200",
            "-W",
            "400",
            "-H",
            "300",
            str(pdf),
            str(tmp_path / "qr"),
        ],
        check=True,
    )
    png = next(tmp_path.glob("qr*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout.strip()
    assert out == qr_payload(
        "household_pledge", data.record.record_uuid, data.record.revision, data.unit.key_fingerprint
    )
