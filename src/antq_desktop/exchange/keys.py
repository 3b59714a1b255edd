"""Public-key facts: key ids, fingerprints, trusted-key records and the ``.antqkey`` file.

No private key ever passes through this module (see ``keystore``). The ``.antqkey`` file is
self-signed only so that a corrupted copy is detected; trust comes from the officer comparing
the fingerprint with the one printed on paper by the other unit.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .errors import BAD_SIGNATURE, MALFORMED, TOO_LARGE, UNSUPPORTED_VERSION, PackageError
from .strict_json import canonical_dumps, check_text, loads_strict

KEY_FILE_FORMAT = "antq-public-key"
# Version 2: the fingerprint read on paper covers unit code and role as well as both public keys.
# Version 1 files still read (their fingerprint covers the keys only; shown as an old-style file).
KEY_FILE_VERSION = 2
KEY_FILE_VERSIONS = (1, 2)
KEY_FILE_MAX_SIZE = 16 * 1024
KEY_FILE_SIG_TAG = b"ANTQ-PUBKEY-SIG-v1\x00"
KEY_FILE_SIG_TAG_V2 = b"ANTQ-PUBKEY-SIG-v2\x00"
FINGERPRINT_V2_TAG = b"ANTQ-FINGERPRINT-v2\x00"
RAW_KEY_LEN = 32

UNIT_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
ROLE_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")
KEY_ID_RE = re.compile(r"[0-9a-f]{32}")
UTC_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
MAX_NAME_LEN = 200


class Signer(Protocol):
    """Anything that can sign with an installation's Ed25519 key (see ``keystore``)."""

    @property
    def signing_key_id(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


def key_id(raw_public: bytes) -> str:
    """First 16 bytes of SHA-256 over the raw 32-byte public key, lowercase hex."""
    return hashlib.sha256(raw_public).digest()[:16].hex()


def _grouped(digest_hex: str) -> str:
    digest = digest_hex.upper()[:20]
    return "-".join(digest[i : i + 4] for i in range(0, 20, 4))


def fingerprint(signing_public: bytes, receiving_public: bytes) -> str:
    """Version 1: 20 hex digits in 5 groups (``3F2A-91C0-...``) over the two public keys only."""
    return _grouped(hashlib.sha256(signing_public + receiving_public).hexdigest())


def fingerprint_v2(unit_code: str, role: str, signing_public: bytes, receiving_public: bytes) -> str:
    """Version 2: the same 5 groups over unit code, role and both keys, so the paper copy pins who the key is.

    SHA-256( "ANTQ-FINGERPRINT-v2" 0x00 || unit_code || 0x00 || role || 0x00 || signing || receiving ).
    Unit codes and roles never contain 0x00 (UNIT_CODE_RE, ROLE_RE), so the fields cannot slide.
    """
    message = FINGERPRINT_V2_TAG + unit_code.encode("ascii") + b"\x00" + role.encode("ascii") + b"\x00"
    return _grouped(hashlib.sha256(message + signing_public + receiving_public).hexdigest())


def b64encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def b64decode(text: Any, expected_len: int | None = None, field: str = "") -> bytes:
    """Strict standard base64 (with padding); wrong length or alphabet is MALFORMED."""
    if not isinstance(text, str) or not text.isascii():
        raise PackageError(MALFORMED, detail=f"{field}: not base64 text")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise PackageError(MALFORMED, detail=f"{field}: invalid base64") from None
    if base64.b64encode(raw).decode("ascii") != text:
        raise PackageError(MALFORMED, detail=f"{field}: non-canonical base64")
    if expected_len is not None and len(raw) != expected_len:
        raise PackageError(MALFORMED, detail=f"{field}: wrong length {len(raw)}")
    return raw


def utc_now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_utc_text(value: Any, field: str) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` that is also a real date (no 2026-02-30)."""
    if not isinstance(value, str) or not UTC_RE.fullmatch(value):
        raise PackageError(MALFORMED, detail=f"{field}: not a UTC timestamp")
    try:
        datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise PackageError(MALFORMED, detail=f"{field}: impossible date") from None
    return value


def check_unit_code(value: Any, field: str = "unit_code") -> str:
    if not isinstance(value, str) or not UNIT_CODE_RE.fullmatch(value):
        raise PackageError(MALFORMED, detail=f"{field}: invalid unit code")
    return value


def check_role(value: Any, field: str = "role") -> str:
    if not isinstance(value, str) or not ROLE_RE.fullmatch(value):
        raise PackageError(MALFORMED, detail=f"{field}: invalid role")
    return value


def check_name(value: Any, field: str = "unit_name") -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_NAME_LEN:
        raise PackageError(MALFORMED, detail=f"{field}: invalid name")
    return check_text(value, field=field)


def check_key_id(value: Any, field: str) -> str:
    if not isinstance(value, str) or not KEY_ID_RE.fullmatch(value):
        raise PackageError(MALFORMED, detail=f"{field}: invalid key id")
    return value


def verify_ed25519(raw_public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(raw_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class PublicKeyRecord:
    """The content of an ``.antqkey`` file: who a unit is and its two public keys."""

    unit_code: str
    unit_name: str
    role: str
    signing_public: bytes
    receiving_public: bytes
    created_at: str
    version: int = KEY_FILE_VERSION

    @property
    def legacy(self) -> bool:
        """A version 1 file: its fingerprint does not cover unit and role."""
        return self.version == 1

    @property
    def signing_key_id(self) -> str:
        return key_id(self.signing_public)

    @property
    def receiving_key_id(self) -> str:
        return key_id(self.receiving_public)

    @property
    def fingerprint(self) -> str:
        if self.legacy:
            return fingerprint(self.signing_public, self.receiving_public)
        return fingerprint_v2(self.unit_code, self.role, self.signing_public, self.receiving_public)

    def unsigned_dict(self) -> dict[str, Any]:
        return {
            "format": KEY_FILE_FORMAT,
            "version": self.version,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "role": self.role,
            "signing_public_key": b64encode(self.signing_public),
            "receiving_public_key": b64encode(self.receiving_public),
            "signing_key_id": self.signing_key_id,
            "receiving_key_id": self.receiving_key_id,
            "fingerprint": self.fingerprint,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class TrustedKey:
    """A signing key the upper office has accepted (after comparing the fingerprint).

    ``revoked`` keys are refused for every package, old or new: a revoked key may have
    been stolen, and the sender can always export again with the new key.
    """

    key_id: str
    unit_code: str
    signing_public: bytes
    revoked: bool = False
    revoked_note: str | None = None  # the refusal to show instead of the generic one (who revoked it, what to do)

    @classmethod
    def from_record(cls, record: PublicKeyRecord, revoked: bool = False) -> TrustedKey:
        """The trust entry for an imported ``.antqkey`` (after the paper fingerprint check)."""
        return cls(record.signing_key_id, record.unit_code, record.signing_public, revoked)


TrustedKeyLookup = Callable[[str], "TrustedKey | None"]

_KEY_FILE_FIELDS = frozenset(PublicKeyRecord("x", "x", "x", b"", b"", "").unsigned_dict()) | {"self_signature"}


def key_file_signed_message(unsigned: dict[str, Any]) -> bytes:
    tag = KEY_FILE_SIG_TAG if unsigned.get("version") == 1 else KEY_FILE_SIG_TAG_V2
    return tag + canonical_dumps(unsigned)


def build_public_key_file(record: PublicKeyRecord, signer: Signer) -> bytes:
    """Canonical JSON bytes of the ``.antqkey`` file, self-signed by the record's signing key."""
    if signer.signing_key_id != record.signing_key_id:
        raise PackageError(MALFORMED, detail="signer does not own the record's signing key")
    unsigned = record.unsigned_dict()
    signature = signer.sign(key_file_signed_message(unsigned))
    return canonical_dumps({**unsigned, "self_signature": b64encode(signature)}) + b"\n"


def read_public_key_file(data: bytes) -> PublicKeyRecord:
    """Strictly parse and check an ``.antqkey`` file; any defect raises ``PackageError``."""
    if len(data) > KEY_FILE_MAX_SIZE:
        raise PackageError(TOO_LARGE, detail="key file too large")
    obj = loads_strict(data.rstrip(b"\n"), max_depth=2, allow_newlines=False)
    if not isinstance(obj, dict):
        raise PackageError(MALFORMED, detail="key file is not an object")
    if obj.get("format") != KEY_FILE_FORMAT:
        raise PackageError(MALFORMED, detail="not an ANTQ key file")
    version = obj.get("version")
    if type(version) is not int or version not in KEY_FILE_VERSIONS:
        raise PackageError(UNSUPPORTED_VERSION, detail=f"key file version {version}")
    if set(obj) != _KEY_FILE_FIELDS:
        raise PackageError(MALFORMED, detail="key file fields differ from versions 1 and 2")
    record = PublicKeyRecord(
        unit_code=check_unit_code(obj["unit_code"]),
        unit_name=check_name(obj["unit_name"]),
        role=check_role(obj["role"]),
        signing_public=b64decode(obj["signing_public_key"], RAW_KEY_LEN, "signing_public_key"),
        receiving_public=b64decode(obj["receiving_public_key"], RAW_KEY_LEN, "receiving_public_key"),
        created_at=check_utc_text(obj["created_at"], "created_at"),
        version=version,
    )
    unsigned = record.unsigned_dict()
    for derived in ("signing_key_id", "receiving_key_id", "fingerprint"):
        if obj[derived] != unsigned[derived]:
            raise PackageError(MALFORMED, detail=f"{derived} does not match the keys")
    signature = b64decode(obj["self_signature"], 64, "self_signature")
    if not verify_ed25519(record.signing_public, signature, key_file_signed_message(unsigned)):
        raise PackageError(BAD_SIGNATURE, detail="key file self-signature invalid")
    return record
