"""Very long names and addresses wrap inside the frame instead of running off the page."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.pagesizes import A4

from antq_desktop.reports import demo, nd30, render_pledges
from antq_desktop.reports.form_data import Member

from .conftest import pdf_text_flat, pdf_words

LONG_NAME = "Nguyễn Hoàng Phương Thảo Nguyên Bảo Khánh Linh Đặng Trần Công Tằng Tôn Nữ " * 3
LONG_ADDRESS = (
    "Số nhà 1234/56/78 kiệt 9, đường Nguyễn Thị Minh Khai kéo dài, khu tái định cư Bắc Nam, "
    "thôn Đông Hòa Thượng, xã Đông Sơn, tỉnh Thanh Hóa, Việt Nam " * 4
)
LONG_UNBROKEN = "Nguyễn" + "Khoa" * 60  # no space at all: must still not leave the page


def test_long_household_name_and_address_wrap_inside_frame(tmp_pdf):
    data = replace(
        demo.demo_pledge(2),
        household_head=LONG_NAME.strip(),
        address=LONG_ADDRESS.strip(),
        members=(Member(LONG_NAME.strip(), 1970, "Chủ hộ " * 8), Member(LONG_UNBROKEN, 2001, "Con")),
    )
    render_pledges(tmp_pdf, [data])  # raises LayoutError if anything cannot be placed
    left = nd30.MARGIN_LEFT - 0.5
    right = A4[0] - nd30.MARGIN_RIGHT + 0.5
    words = pdf_words(tmp_pdf)
    assert words
    outside = [w for w in words if w[1] < left or w[3] > right]
    assert not outside, outside[:5]
    flat = pdf_text_flat(tmp_pdf)
    assert "Tằng Tôn Nữ" in flat and "tỉnh Thanh Hóa, Việt Nam" in flat
