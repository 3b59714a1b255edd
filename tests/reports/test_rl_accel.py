"""ReportLab prints with its C accelerator (rl-accel), not its silent pure-Python fallbacks (issue 18)."""

from __future__ import annotations

import pytest
from reportlab.lib import rl_accel
from reportlab.pdfbase.pdfmetrics import stringWidth

from antq_desktop.reports import fonts


def test_reportlab_uses_the_c_accelerator():
    # rl_accel.py binds each name to _rl_accel's function when the extension imports, else to a
    # Python fallback defined in reportlab/lib/rl_accel.py; a missing wheel shows up here.
    for name in ("fp_str", "escapePDF", "instanceStringWidthTTF", "calcChecksum"):
        assert getattr(rl_accel, name).__module__ == "_rl_accel", f"{name}: pip install rl-accel (pyproject.toml)"


def test_accelerated_widths_of_vietnamese_text_match_the_font():
    fonts.register_fonts()
    text = "Họ và tên chủ hộ: Nguyễn Thị Ánh Tuyết"
    width = stringWidth(text, fonts.REGULAR, 13)
    assert 150 < width < 300
    assert stringWidth(text + text, fonts.REGULAR, 13) == pytest.approx(2 * width)
