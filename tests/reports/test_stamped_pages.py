"""Stamped pledge pages (issue 18) look exactly like the fully laid-out ones.

Each print is made twice: as it is now (shared parts drawn once per PDF as form XObjects, one-line
text set with the canvas's text operators, pages packed as they are finished) and as before (every page
laid out by platypus on ReportLab's plain canvas). Both must give the same `pdftotext -layout` text and
the same pixels at 70 dpi; the QR codes must still scan at 150 dpi and the fonts stay embedded.
"""

from __future__ import annotations

import functools
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from tests.conftest import make_store
from tests.scan.sheets import decode_pages, needs_zbar

from antq_desktop.reports import batch, demo, render_pledges
from antq_desktop.reports.form_data import Member, PledgeData
from antq_desktop.reports.forms import pledge
from antq_desktop.services import demo as demo_data
from antq_desktop.services import forms
from antq_desktop.storage.db import Store

from .conftest import _tool, pdf_fonts, pdf_pages, pdf_text

Image = pytest.importorskip("PIL.Image")
ImageChops = pytest.importorskip("PIL.ImageChops")

YEAR = date.today().year - 1
MAX_DIFF_PIXELS = 20  # of ~580 x 820 at 70 dpi: anti-aliasing of a glyph drawn in another order, no more


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = make_store(tmp_path_factory.mktemp("stamped") / "commune.sqlite3")
    demo_data.generate(store, households=30, seed=5, year=YEAR, today=date(YEAR, 12, 20))
    yield store
    store.close()


def _before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The printing as it was: every page laid out, ReportLab's own canvas."""
    monkeypatch.setattr(pledge, "pledge_flowables", functools.partial(pledge.pledge_flowables, stamped=False))
    monkeypatch.setattr(batch, "PackedCanvas", Canvas)


def _both(render: Callable[[Path], object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    new, old = tmp_path / "new.pdf", tmp_path / "old.pdf"
    render(new)
    with monkeypatch.context() as patch:
        _before(patch)
        render(old)
    return old, new


def _pixels(pdf: Path, prefix: Path) -> list[Path]:
    subprocess.run([_tool("pdftoppm"), "-r", "70", "-gray", str(pdf), str(prefix)], check=True)
    return sorted(prefix.parent.glob(f"{prefix.name}-*.pgm"))


def assert_same_pages(old: Path, new: Path, tmp_path: Path) -> None:
    assert pdf_pages(new) == pdf_pages(old)
    assert pdf_text(new) == pdf_text(old)
    before, after = _pixels(old, tmp_path / "old"), _pixels(new, tmp_path / "new")
    assert len(before) == len(after) == pdf_pages(old)
    for a, b in zip(before, after, strict=True):
        histogram = ImageChops.difference(Image.open(a), Image.open(b)).histogram()
        assert sum(histogram[64:]) <= MAX_DIFF_PIXELS, (a.name, sum(histogram[64:]))


def _stamped(pdf: Path) -> int:
    return pdf.read_bytes().count(b"/Subtype /Form")


def test_blank_pledges_of_every_household_print_the_same_pages(store, tmp_path, monkeypatch):
    request = forms.FormRequest("pledge", YEAR, blank=True, names=True)  # antq form pledge --blank --all
    old, new = _both(lambda out: forms.render_form(store, request, out), tmp_path, monkeypatch)
    assert_same_pages(old, new, tmp_path)
    assert _stamped(new) >= 3 and _stamped(old) == 0  # header, text and member grid: the fast path ran
    assert new.stat().st_size < old.stat().st_size
    assert all(row["emb"] == "yes" and row["sub"] == "yes" for row in pdf_fonts(new))


def test_signed_pledges_print_the_same_pages(store, tmp_path, monkeypatch):
    request = forms.FormRequest("pledge", YEAR)  # antq form pledge --all: the signed ones, their dates
    old, new = _both(lambda out: forms.render_form(store, request, out), tmp_path, monkeypatch)
    assert_same_pages(old, new, tmp_path)
    assert _stamped(new) >= 3


@needs_zbar
def test_stamped_sheets_scan_at_150_dpi_to_the_codes_printed_under_them(store, tmp_path):
    request = forms.FormRequest("pledge", YEAR, blank=True, names=True)
    pdf = forms.render_form(store, request, tmp_path / "sheets.pdf")
    codes = decode_pages(pdf, tmp_path, whole=True)
    assert len(codes) == pdf_pages(pdf)
    text = pdf_text(pdf)
    assert all(code in text for code in codes)


LONG = "Nguyễn Hoàng Phương Thảo Nguyên Bảo Khánh Linh Đặng Trần Công Tằng Tôn Nữ Minh"


def _hard_households() -> list[PledgeData]:
    """Households whose text does not fit the fast path, or only just: each must look as laid out."""
    base = demo.demo_pledge(3)
    many = tuple(Member(f"Thành viên số {i}", 1950 + i, "Con") for i in range(1, 10))
    return [
        base,
        replace(base, address="Số 12, ngõ 4, " * 12),  # the address wraps: a Paragraph
        replace(base, members=(Member(LONG, 1970, "Chủ hộ"), *base.members[1:])),  # a name wraps in its cell
        replace(base, members=(*base.members, Member("Lê  Văn   Tám", 2001, "Con"))),  # spaces a Paragraph folds
        replace(base, household_head=LONG),  # the signer's name is wider than its column
        replace(base, area_head_name=None),  # no name under the area head's title
        replace(base, members=many, member_count=9),  # compact rows
        replace(base, members=(*many, *many[:6]), member_count=15),  # beyond compact: spills onto page 2
        replace(base, members=(*many[:8], Member(LONG + " " + LONG, 1999, "Con"))),  # compact, one wraps
        replace(base, members=(), member_count=12, household_head=None, address=None),  # dotted lines
        PledgeData(replace(base.unit, place=None)),  # the blank form to copy
        replace(base, signed_on=date(2026, 3, 2), address="Số 7 & ngõ <3>"),  # a date; markup characters
    ]


def test_households_that_wrap_spill_or_are_blank_print_the_same_pages(tmp_path, monkeypatch):
    records = _hard_households()
    old, new = _both(lambda out: render_pledges(out, records), tmp_path, monkeypatch)
    assert pdf_pages(new) > len(records)  # the big household did spill over
    assert_same_pages(old, new, tmp_path)


def test_the_shared_parts_are_drawn_once_per_document_whatever_its_length(tmp_path):
    few = render_pledges(tmp_path / "few.pdf", [demo.demo_pledge(i) for i in range(3)])
    many = render_pledges(tmp_path / "many.pdf", [demo.demo_pledge(i % 3) for i in range(30)])
    assert _stamped(few) == _stamped(many) >= 3


def test_a_page_that_would_not_be_the_same_takes_the_full_layout():
    text = pledge.load_form_text(pledge.FORM_ID)
    base = demo.demo_pledge(3)
    fast = pledge.pledge_flowables(base, text)
    assert isinstance(fast[0], pledge.Stamp)
    spilling = replace(base, members=tuple(Member(f"Người {i}", 1990, "Con") for i in range(30)))
    assert not any(isinstance(f, pledge.Stamp) for f in pledge.pledge_flowables(spilling, text))
