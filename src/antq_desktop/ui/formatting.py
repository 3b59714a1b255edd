"""Vietnamese display formats: dates dd/MM/yyyy, "12.345" thousands, "83,5%" decimals.

Plain Python so that tables, exports and tests format the same way without a QLocale.
"""

from __future__ import annotations

from datetime import date, datetime


def format_date(value: date | datetime | None) -> str:
    """dd/MM/yyyy, or an empty string when there is no date."""
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def format_int(value: int | None) -> str:
    """Thousands separated by dots: 200000 → "200.000"."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def format_number(value: float | None, decimals: int = 1) -> str:
    """Dot for thousands, comma for decimals, trailing zeros dropped: 83.50 → "83,5", 80.0 → "80"."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(value: float | None, decimals: int = 1) -> str:
    """"83,5%", or "—" when there is nothing to divide by."""
    return "—" if value is None else f"{format_number(value, decimals)}%"


COMPARATOR_SIGNS = {">=": "≥", ">": ">"}


def format_threshold(comparator: str, threshold: float) -> str:
    """"≥ 80%" — the target as officers read it in the plan."""
    return f"{COMPARATOR_SIGNS.get(comparator, comparator)} {format_percent(threshold)}"
