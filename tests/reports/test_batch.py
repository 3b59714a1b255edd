"""Many records in one PDF: page count, progress, cancel, atomic replace."""

from __future__ import annotations

import threading

import pytest

from antq_desktop.reports import NoRecordsError, RenderCancelled, demo, render_pledges

from .conftest import pdf_pages, pdf_text


@pytest.mark.slow
def test_500_households_give_exactly_500_pages(tmp_pdf):
    calls: list[tuple[float, str]] = []
    render_pledges(tmp_pdf, demo.demo_area(500), total=500, progress=lambda f, m: calls.append((f, m)))
    assert pdf_pages(tmp_pdf) == 500
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(calls) == 501


def test_each_household_restarts_page_numbering(tmp_pdf):
    render_pledges(tmp_pdf, list(demo.demo_area(3)))
    pages = pdf_text(tmp_pdf).split("\f")[:3]
    assert all(not p.strip().splitlines()[0].strip().isdigit() for p in pages)


def test_cancel_leaves_no_file_and_keeps_previous_output(tmp_path):
    out = tmp_path / "area.pdf"
    out.write_bytes(b"previous export")
    cancel = threading.Event()

    def progress(fraction: float, message: str) -> None:
        if fraction > 0.3:
            cancel.set()

    with pytest.raises(RenderCancelled):
        render_pledges(out, demo.demo_area(50), total=50, progress=progress, cancel=cancel)
    assert out.read_bytes() == b"previous export"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["area.pdf"]  # no temp/partial file


def test_cancel_before_start_creates_nothing(tmp_path):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(RenderCancelled):
        render_pledges(tmp_path / "x.pdf", demo.demo_area(5), cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_error_in_data_leaves_no_partial_file(tmp_path):
    def records():
        yield demo.demo_pledge(0)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        render_pledges(tmp_path / "x.pdf", records())
    assert list(tmp_path.iterdir()) == []


def test_empty_selection_is_an_error_not_an_empty_pdf(tmp_path):
    with pytest.raises(NoRecordsError, match="Không có hồ sơ"):
        render_pledges(tmp_path / "x.pdf", iter(()))
    assert list(tmp_path.iterdir()) == []


def test_big_household_spills_with_repeated_header_and_page_number(tmp_pdf):
    from dataclasses import replace

    from antq_desktop.reports.form_data import Member

    # enough members for three pages even in the smaller type long member lists print in
    members = tuple(Member(f"Nguyễn Văn Thành Viên Số {i}", 1950 + i % 70, "Cháu") for i in range(1, 91))
    render_pledges(tmp_pdf, [replace(demo.demo_pledge(0), members=members), demo.demo_pledge(1)])
    pages = pdf_text(tmp_pdf).split("\f")
    first_lines = [p.strip().splitlines()[0].strip() for p in pages if p.strip()]
    assert first_lines[1:3] == ["2", "3"]  # continuation pages of the first household are numbered
    assert "Họ và tên" in pages[1]  # member table header repeated on the continuation page
    assert not first_lines[-1].isdigit()  # the next household restarts: no number on its page 1
