"""Print prefilled pledge sheets and read their QR codes back as a scanner would (150 dpi, zbarimg)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from antq_desktop.services import forms, records, scan
from antq_desktop.services.records.queries import ListQuery, list_rows
from antq_desktop.storage.db import Store

HAVE_TOOLS = bool(shutil.which("zbarimg") and shutil.which("pdftoppm"))
needs_zbar = pytest.mark.skipif(not HAVE_TOOLS, reason="zbar-tools/poppler-utils not installed")

# The lower-left corner of an A4 page at 150 dpi (1240 x 1754 px): the QR (10 mm from the edges,
# 19 mm wide) and the code's text line. Rendering only this part keeps a 30-page run under a second;
# `whole=True` reads the whole page, as a full-page office scan would be.
CORNER = ["-x", "0", "-y", str(1754 - 420), "-W", "520", "-H", "420"]


def decode_pages(pdf: Path, workdir: Path, *, whole: bool = False) -> list[str]:
    """The sheet code of every page, in page order (each page must carry exactly one)."""
    prefix = workdir / f"{pdf.stem}-page"
    subprocess.run(["pdftoppm", "-png", "-r", "150", *([] if whole else CORNER), str(pdf), str(prefix)],
                   check=True, capture_output=True)
    codes = []
    for png in sorted(workdir.glob(f"{prefix.name}*.png")):
        out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True).stdout
        found = [line for line in out.splitlines() if line.startswith(scan.PREFIX + ".")]
        assert len(found) == 1, (png.name, out)
        codes += found
    return codes


def print_sheets(store: Store, year: int, out: Path, household_ids: tuple[str, ...] = ()) -> Path:
    """What `antq form pledge --blank --household …` (or `--all` without ids) prints."""
    request = forms.FormRequest("pledge", year, household_ids=household_ids, blank=True, names=True)
    return forms.render_form(store, request, out)


def codes_by_household(store: Store, year: int, workdir: Path, household_ids: tuple[str, ...] = ()) -> dict[str, str]:
    pdf = print_sheets(store, year, workdir / f"sheets-{year}-{len(household_ids)}.pdf", household_ids)
    return {scan.parse_code(code).household_id: code for code in decode_pages(pdf, workdir)}


def households(store: Store) -> list[dict]:
    return list_rows(store, "household", ListQuery(), limit=10_000)


def pledged(store: Store, year: int) -> set[str]:
    rows = list_rows(store, "pledge", ListQuery(year=year), limit=10_000)
    return {r["household_id"] for r in rows if r.get("status") == "signed" and r.get("household_id")}


def unpledge(store: Store, year: int, household_ids: list[str]) -> None:
    """Delete the demo's pledges of these households, so their sheets can be recorded."""
    rows = list_rows(store, "pledge", ListQuery(year=year), limit=10_000)
    for row in rows:
        if row.get("household_id") in household_ids:
            records.delete(store, "pledge", row["id"], actor="admin")


def other_unit_code(tmp_path: Path, year: int) -> str:
    """A genuine sheet of another commune (its own store, its own key)."""
    from tests.conftest import make_store

    other = make_store(tmp_path / "other.sqlite3", unit_code="00073")
    try:
        area = records.create(other, "residential_area", {"name": "Thôn Đông", "kind": "thon"}, actor="admin")
        household = records.create(other, "household", {"area_id": area, "head_name": "Lý Văn Khách",
                                                        "members": 3}, actor="admin")
        pdf = print_sheets(other, year, tmp_path / "other.pdf", (household,))
        return decode_pages(pdf, tmp_path)[0]
    finally:
        other.close()


TODAY = date.today()
