"""A household's named members print on its pledge and, up to eight, keep it on one page."""

from __future__ import annotations

from dataclasses import replace

from tests.reports.conftest import pdf_pages, pdf_text_flat

from antq_desktop.reports import demo, render_pledges
from antq_desktop.reports.form_data import Member


def test_eight_named_members_print_on_one_page(tmp_path) -> None:
    base = demo.demo_pledge(3)
    people = tuple(Member(f"Trịnh Văn Người Thứ {i}", 1960 + i, "Con") for i in range(1, 9))
    pdf = render_pledges(tmp_path / "p.pdf", [replace(base, members=people, member_count=8)])
    text = pdf_text_flat(pdf)
    assert pdf_pages(pdf) == 1
    assert all(f"Trịnh Văn Người Thứ {i} {1960 + i} Con" in text for i in range(1, 9))
    assert "NGƯỜI CAM KẾT" in text
