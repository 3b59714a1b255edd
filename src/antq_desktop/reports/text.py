"""Small text helpers shared by the layout and the form renderers."""

from __future__ import annotations

import datetime as dt
import unicodedata
from xml.sax.saxutils import escape

DOTS = "……………"  # placeholder a clerk fills by hand
LONG_DOTS = DOTS * 6


def nfc(text: str) -> str:
    """Normalise to NFC: decomposed input (macOS, some IMEs) renders tone marks badly."""
    return unicodedata.normalize("NFC", text)


def markup(text: str) -> str:
    """Make user text safe for ReportLab Paragraph markup ('&', '<' would break parsing)."""
    return escape(nfc(text)).replace("\n", "<br/>")


def or_dots(value: object, dots: str = DOTS) -> str:
    """The value as text, or dotted placeholder when it is missing (blank forms)."""
    if value is None or value == "":
        return dots
    return nfc(str(value))


def two_digit(n: int) -> str:
    return f"{n:02d}"


def nd30_date(day: dt.date | None) -> str:
    """'ngày 05 tháng 01 năm 2026': ND30 pads days < 10 and months 1-2 with a zero.

    Months 3-12 are written without padding ("tháng 3"), as in the decree's own samples.
    """
    if day is None:
        return f"ngày {DOTS[:3]} tháng {DOTS[:3]} năm 20{DOTS[:2]}"
    month = two_digit(day.month) if day.month <= 2 else str(day.month)
    return f"ngày {two_digit(day.day)} tháng {month} năm {day.year}"


def dmy(day: dt.date | None) -> str:
    """dd/MM/yyyy, the usual short form in tables; dots when unknown."""
    if day is None:
        return "…/…/……"
    return day.strftime("%d/%m/%Y")


def place_date_line(place: str | None, day: dt.date | None) -> str:
    """'Hoàn Kiếm, ngày 05 tháng 01 năm 2026' or the dotted blank variant."""
    return f"{or_dots(place)}, {nd30_date(day)}"


def time_hm(value: dt.time | None) -> str:
    """'08 giờ 30 phút' as written in minutes; dotted when unknown."""
    if value is None:
        return f"{DOTS[:3]} giờ {DOTS[:3]} phút"
    return f"{two_digit(value.hour)} giờ {two_digit(value.minute)} phút"


def pct(value: float | None, digits: int = 1) -> str:
    """'97,5%' - Vietnamese uses a decimal comma; '-' when there is no figure."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}".replace(".", ",") + "%"


def number(value: float | None) -> str:
    """Points and counts: '85', '7,5', or dots when unknown."""
    if value is None:
        return DOTS[:2]
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def fill(template: str, **values: object) -> str:
    """str.format with dots for missing values, so blank forms read naturally."""
    return template.format(**{k: (DOTS[:2] if v is None else v) for k, v in values.items()})
