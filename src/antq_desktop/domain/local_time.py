"""Stored moments (UTC) shown as the laptop's clock shows them: "03/12/2026 19:59".

The store keeps every moment in UTC (naive datetimes or ISO text such as "2026-12-03 12:59",
"2026-12-03T12:59:00Z"); officers read their own clock, so every screen, export and CLI listing
converts here, in one place.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

DISPLAY_FORMAT = "%d/%m/%Y %H:%M"
DATE_FORMAT = "%d/%m/%Y"


def to_local(value: datetime | str, zone: tzinfo | None = None) -> datetime | None:
    """The moment in local time (or `zone`); None for text that is not a moment."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # naive = stored UTC
    return value.astimezone(zone)


def local_time_text(value: datetime | str | None, *, seconds: bool = False, zone: tzinfo | None = None) -> str:
    """dd/MM/yyyy HH:mm (HH:mm:ss with `seconds`) in local time; "" for None, unparsable text unchanged."""
    if value is None or value == "":
        return ""
    moment = to_local(value, zone)
    if moment is None:
        return str(value)
    return moment.strftime(DISPLAY_FORMAT + (":%S" if seconds else ""))


def local_date(value: datetime, zone: tzinfo | None = None) -> date:
    """The day the laptop's clock showed at a stored UTC moment (naive = UTC).

    A package merged at 20:00 UTC on the 3rd arrived on the 4th in Vietnam; `.date()` of the stored
    moment said the 3rd: the day before on every moment after 17:00 UTC.
    """
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment.astimezone(zone).date()


def local_date_text(value: datetime | date | None, zone: tzinfo | None = None) -> str:
    """dd/MM/yyyy of `local_date` for a stored moment; a plain date as is; "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = local_date(value, zone)
    return value.strftime(DATE_FORMAT)
