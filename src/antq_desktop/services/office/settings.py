"""The upper office's own settings: which communes it expects packages from, when a commune is late."""

from __future__ import annotations

import json
from datetime import date

from antq_desktop.domain import units
from antq_desktop.domain.errors import ValidationError
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Setting, UnitProfile

COMMUNES_KEY = "office.expected_communes"
LATE_AFTER_KEY = "office.late_after_days"
DEFAULT_LATE_AFTER_DAYS = 45


def expected_communes(store: Store) -> list[str]:
    """A province expects all its communes (official catalog); a district/cluster office its own list."""
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        setting = session.get(Setting, COMMUNES_KEY)
    if setting is not None:
        return list(json.loads(setting.value))
    if profile is not None and profile.role == "province" and profile.province_code:
        return [c.code for c in units.communes(profile.province_code)]
    return []


def set_expected_communes(store: Store, codes: list[str], *, actor: str) -> list[str]:
    """Replace the list of communes this office groups (codes from the official catalog)."""
    cleaned = sorted({code.strip().zfill(5) for code in codes if code.strip()})
    unknown = [code for code in cleaned if units.find_commune(code) is None]
    if unknown:
        raise ValidationError(f"Mã xã không có trong danh mục: {', '.join(unknown)}.", "communes")
    with store.session() as session:
        setting = session.get(Setting, COMMUNES_KEY) or Setting(key=COMMUNES_KEY, value="[]")
        setting.value = json.dumps(cleaned)
        session.add(setting)
        audit.append(session, actor=actor, action="office_communes", details={"communes": cleaned})
    return cleaned


def late_after_days(store: Store) -> int:
    with store.session_factory() as session:
        setting = session.get(Setting, LATE_AFTER_KEY)
    return int(setting.value) if setting is not None else DEFAULT_LATE_AFTER_DAYS


def set_late_after_days(store: Store, days: int, *, actor: str) -> None:
    if not 1 <= days <= 366:
        raise ValidationError("Số ngày coi là chậm phải từ 1 đến 366.", "late_after_days")
    with store.session() as session:
        setting = session.get(Setting, LATE_AFTER_KEY) or Setting(key=LATE_AFTER_KEY, value="")
        setting.value = str(days)
        session.add(setting)
        audit.append(session, actor=actor, action="office_late_after", details={"days": days})


def is_late(last_received: date | None, today: date, days: int) -> bool:
    return last_received is None or (today - last_received).days > days
