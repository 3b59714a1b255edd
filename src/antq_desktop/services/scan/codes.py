"""The code printed on every prefilled pledge sheet, and the unit's key that makes it unguessable.

Format (see docs/package-format.md, "Mã phiếu cam kết"):

    ANTQ1P.<unit code>.<household: 39 digits>.<year>.<template version, '.' -> '-'>.<tag: 15 digits>

The tag is HMAC-SHA256 over everything before ".<tag>", keyed by a random secret generated once
per store and kept in the settings table (never derived from the signing key). Digits rather than
base32: a wedge scanner types what it reads through the keyboard, and Vietnamese input methods
rewrite what they see (Telex turns "DD" into "Đ", "AA" into "Â"; VNI a digit after a vowel), while
the digit fields follow only dots and digits. Every
character is in QR's alphanumeric set, so the ~80 characters fit a version-4 code (33 modules).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Setting, UnitProfile

PREFIX = "ANTQ1P"
KEY_SETTING = "pledge_sheet_code_key"
TAG_DIGITS = 15  # ~50 bits: a typed guess passes once in 10^15
_ID_DIGITS = 39  # a UUID's 128 bits in decimal
_PART = r"[0-9A-Z][0-9A-Z\-]*"
_PATTERN = re.compile(rf"^{PREFIX}\.({_PART})\.(\d{{{_ID_DIGITS}}})\.(\d{{4}})\.({_PART})\.(\d{{{TAG_DIGITS}}})$")


@dataclass(frozen=True)
class SheetCode:
    """What a sheet's code says (not yet checked against the unit's key)."""

    unit: str
    household_id: str
    year: int
    template_version: str  # as printed in the form text ("2026.1")
    tag: str
    signed_text: str  # the part the tag covers


def code_field(value: str) -> str:
    """A unit code or template version as the code writes it (upper case, '.' -> '-')."""
    return value.strip().upper().replace(".", "-")


def _tag(key: bytes, text: str) -> str:
    digest = hmac.new(key, text.encode("ascii"), hashlib.sha256).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**TAG_DIGITS).zfill(TAG_DIGITS)


def make_code(key: bytes, unit: str, household_id: str, year: int, template_version: str) -> str:
    """The code printed on one household's sheet of `year`."""
    household = str(uuid.UUID(household_id).int).zfill(_ID_DIGITS)
    text = f"{PREFIX}.{code_field(unit)}.{household}.{year:04d}.{code_field(template_version) or '0'}"
    return f"{text}.{_tag(key, text)}"


def parse_code(scanned: str) -> SheetCode | None:
    """The fields of a scanned code, or None when it is not one (a scanner with Caps Lock on
    types lower case; surrounding spaces come from hand typing)."""
    text = "".join(scanned.split()).upper()
    match = _PATTERN.match(text)
    if match is None:
        return None
    unit, household, year, version, tag = match.groups()
    try:
        household_id = str(uuid.UUID(int=int(household)))
    except ValueError:  # more than 128 bits
        return None
    return SheetCode(unit, household_id, int(year), version.replace("-", "."), tag, text.rsplit(".", 1)[0])


def is_genuine(key: bytes, code: SheetCode) -> bool:
    """The tag was made with this unit's key (constant-time compare)."""
    return hmac.compare_digest(_tag(key, code.signed_text), code.tag)


def _read_key(store: Store) -> bytes | None:
    with store.session_factory() as session:
        row = session.get(Setting, KEY_SETTING)
        return base64.b64decode(row.value) if row is not None else None


def sheet_key(store: Store, *, create: bool = True) -> bytes | None:
    """The unit's sheet-code key, generated the first time a sheet is printed (None: never printed
    and `create` is False). Two windows printing at once: the first insert wins, both use it."""
    key = _read_key(store)
    if key is not None or not create:
        return key
    try:
        with store.session() as session:
            session.add(Setting(key=KEY_SETTING, value=base64.b64encode(secrets.token_bytes(32)).decode("ascii")))
    except IntegrityError:
        pass
    return _read_key(store)


def sheet_coder(store: Store) -> Callable[[str, int, str], str]:
    """code(household_id, year, template_version) for a whole print run: the key and the unit are read
    once (the key is created here the first time this unit prints sheets)."""
    key = sheet_key(store)
    with store.session_factory() as session:
        profile = session.get(UnitProfile, 1)
        unit = profile.unit_code if profile is not None else ""
    assert key is not None

    def code(household_id: str, year: int, template_version: str) -> str:
        return make_code(key, unit, household_id, year, template_version)

    return code
