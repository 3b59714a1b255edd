"""Constants, the fixed prefix and the header of the ``.antq`` file (format version 1).

The header is canonical JSON (see ``strict_json.canonical_dumps``). Its exact field set is
fixed per format version: unknown or missing fields are refused, so that two readers never
disagree about what a signed header says.
"""

from __future__ import annotations

import re
import struct
import uuid
from dataclasses import dataclass, field
from typing import Any

from .errors import MALFORMED, TOO_LARGE, TRUNCATED, UNSUPPORTED_VERSION, PackageError
from .keys import (
    b64decode,
    b64encode,
    check_key_id,
    check_name,
    check_role,
    check_unit_code,
    check_utc_text,
)
from .stream_crypto import WRAPPED_KEY_LEN
from .strict_json import canonical_dumps, check_text, loads_strict

MAGIC = b"ANTQPKG\x00"
FORMAT_VERSION = 1
PREFIX = struct.Struct(">8sHI")  # magic, format version, header length
PREFIX_LEN = PREFIX.size  # 14
SIGNATURE_LEN = 64
SIG_TAG = b"ANTQ-PACKAGE-SIG-v1\x00"
HEADER_FORMAT = "antq-package"
MAX_HEADER_SIZE = 64 * 1024
DEFAULT_CHUNK_SIZE = 64 * 1024
MIN_CHUNK_SIZE = 16
MAX_CHUNK_SIZE = 4 * 1024 * 1024
# "plan" (office -> communes) and "forward" (district -> province) are format additions of v1:
# same header, new kind values; see docs/package-format.md "Plan packages" and "Forward packages".
# "recovery" (office -> one commune): the commune's own records as the office holds them, encrypted to
# that commune's key; see docs/package-format.md "Recovery packages".
KINDS = ("full", "incremental", "plan", "forward", "recovery")
MANIFEST_TYPE = "manifest"
MAX_RECORD_TYPES = 64
MAX_SHORT_TEXT = 64
MAX_AUDIT_HEAD = 1024
RECORD_MAX_DEPTH = 16  # top-level object is depth 0
MAX_LINE_LENGTH = 1024 * 1024  # bytes, without the LF

# Audit continuity (docs/package-format.md section 15): payload lines placed right after the manifest,
# before any data record. Old readers pass them through as unknown types; old packages have none.
AUDIT_BASE_TYPE = "audit_base"
AUDIT_LINK_TYPE = "audit_link"
# A commune's first packages after a recovery (section 16) carry the office's signed grant right after the
# audit lines; it belongs to the continuity check, so a merge skips it like them.
RECOVERY_GRANT_TYPE = "recovery_grant"
AUDIT_TYPES = (AUDIT_BASE_TYPE, AUDIT_LINK_TYPE, RECOVERY_GRANT_TYPE)
MAX_AUDIT_LINKS = 50_000
AUDIT_ACTION_RE = re.compile(r"[a-z][a-z0-9_]{0,29}")

RECORD_TYPE_RE = re.compile(r"[a-z][a-z0-9_]{0,63}")
SHA256_RE = re.compile(r"[0-9a-f]{64}")

HEADER_FIELDS = frozenset(
    {
        "format", "format_version", "package_id", "producer", "signer_key_id", "encrypted",
        "recipient_key_id", "wrapped_key", "chunk_size", "compression", "sequence", "kind",
        "previous_package_sha256", "period", "created_at", "app_version", "schema_version",
        "record_counts", "payload_size", "payload_sha256", "audit_head",
    }
)  # fmt: skip
PRODUCER_FIELDS = frozenset({"unit_code", "unit_name", "role"})


@dataclass(frozen=True)
class Producer:
    unit_code: str
    unit_name: str
    role: str


@dataclass(frozen=True)
class PackageHeader:
    """Parsed, validated header. ``raw`` is the exact signed bytes."""

    package_id: str
    producer: Producer
    signer_key_id: str
    encrypted: bool
    recipient_key_id: str | None
    wrapped_key: bytes | None
    chunk_size: int | None
    sequence: int
    kind: str
    previous_package_sha256: str | None
    period: str
    created_at: str
    app_version: str
    schema_version: str
    record_counts: dict[str, int]
    payload_size: int
    payload_sha256: str
    audit_head: str | None
    raw: bytes = field(default=b"", repr=False, compare=False)

    @property
    def total_records(self) -> int:
        return sum(self.record_counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": HEADER_FORMAT,
            "format_version": FORMAT_VERSION,
            "package_id": self.package_id,
            "producer": {
                "unit_code": self.producer.unit_code,
                "unit_name": self.producer.unit_name,
                "role": self.producer.role,
            },
            "signer_key_id": self.signer_key_id,
            "encrypted": self.encrypted,
            "recipient_key_id": self.recipient_key_id,
            "wrapped_key": b64encode(self.wrapped_key) if self.wrapped_key is not None else None,
            "chunk_size": self.chunk_size,
            "compression": "zlib",
            "sequence": self.sequence,
            "kind": self.kind,
            "previous_package_sha256": self.previous_package_sha256,
            "period": self.period,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "schema_version": self.schema_version,
            "record_counts": dict(self.record_counts),
            "payload_size": self.payload_size,
            "payload_sha256": self.payload_sha256,
            "audit_head": self.audit_head,
        }

    def encode(self) -> bytes:
        raw = canonical_dumps(self.to_dict())
        if len(raw) > MAX_HEADER_SIZE:
            raise PackageError(TOO_LARGE, detail="header larger than 64 KiB")
        return raw

    def manifest(self) -> dict[str, Any]:
        """First payload line: ties the payload to this producer and package id."""
        return {
            "type": MANIFEST_TYPE,
            "format_version": FORMAT_VERSION,
            "package_id": self.package_id,
            "producer_unit_code": self.producer.unit_code,
            "signer_key_id": self.signer_key_id,
        }


def encode_prefix(header_len: int) -> bytes:
    return PREFIX.pack(MAGIC, FORMAT_VERSION, header_len)


def decode_prefix(data: bytes, max_header_size: int = MAX_HEADER_SIZE) -> int:
    """Header length from the 14-byte prefix; a short prefix of a valid one is TRUNCATED."""
    if len(data) < PREFIX_LEN:
        valid_start = encode_prefix(0)[: min(len(data), len(MAGIC) + 2)]
        if data[: len(valid_start)] == valid_start:
            raise PackageError(TRUNCATED, detail="file shorter than the fixed prefix")
        raise PackageError(MALFORMED, detail="not an ANTQ package (bad magic)")
    magic, version, header_len = PREFIX.unpack(data[:PREFIX_LEN])
    if magic != MAGIC:
        raise PackageError(MALFORMED, detail="not an ANTQ package (bad magic)")
    if version != FORMAT_VERSION:
        code = UNSUPPORTED_VERSION if version > FORMAT_VERSION else MALFORMED
        raise PackageError(code, detail=f"format version {version}")
    if header_len > max_header_size:
        raise PackageError(TOO_LARGE, detail=f"header length {header_len}")
    if header_len == 0:
        raise PackageError(MALFORMED, detail="empty header")
    return int(header_len)


def new_package_id() -> str:
    return str(uuid.uuid4())


def check_package_id(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 36:
        raise PackageError(MALFORMED, detail="package_id: not a UUID")
    try:
        canonical = str(uuid.UUID(value))
    except ValueError:
        raise PackageError(MALFORMED, detail="package_id: not a UUID") from None
    if canonical != value:
        raise PackageError(MALFORMED, detail="package_id: not lowercase canonical UUID")
    return value


def _int(value: Any, name: str, low: int, high: int = 2**53 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise PackageError(MALFORMED, detail=f"{name}: integer out of range")
    return value


def check_short_text(value: Any, name: str, limit: int = MAX_SHORT_TEXT) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= limit:
        raise PackageError(MALFORMED, detail=f"{name}: missing or too long")
    if check_text(value, field=name) != value:
        raise PackageError(MALFORMED, detail=f"{name}: not NFC")
    return value


def _sha256_or_none(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not SHA256_RE.fullmatch(value):
        raise PackageError(MALFORMED, detail=f"{name}: not a SHA-256 hex digest")
    return value


def _record_counts(value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or len(value) > MAX_RECORD_TYPES:
        raise PackageError(MALFORMED, detail="record_counts: not an object")
    for name, count in value.items():
        if not RECORD_TYPE_RE.fullmatch(name) or name == MANIFEST_TYPE:
            raise PackageError(MALFORMED, detail=f"record_counts: bad type {name!r}")
        _int(count, f"record_counts.{name}", 0)
    return dict(value)


def _producer(value: Any) -> Producer:
    if not isinstance(value, dict) or set(value) != PRODUCER_FIELDS:
        raise PackageError(MALFORMED, detail="producer: wrong fields")
    return Producer(
        check_unit_code(value["unit_code"], "producer.unit_code"),
        check_name(value["unit_name"], "producer.unit_name"),
        check_role(value["role"], "producer.role"),
    )


def _crypto_fields(obj: dict[str, Any]) -> tuple[str | None, bytes | None, int | None]:
    """The three fields that exist only for encrypted packages must agree with ``encrypted``."""
    if obj["encrypted"] is True:
        recipient = check_key_id(obj["recipient_key_id"], "recipient_key_id")
        wrapped = b64decode(obj["wrapped_key"], WRAPPED_KEY_LEN, "wrapped_key")
        chunk = _int(obj["chunk_size"], "chunk_size", MIN_CHUNK_SIZE, MAX_CHUNK_SIZE)
        return recipient, wrapped, chunk
    if obj["encrypted"] is False:
        if obj["recipient_key_id"] is None and obj["wrapped_key"] is None:
            if obj["chunk_size"] is None:
                return None, None, None
        raise PackageError(MALFORMED, detail="unencrypted package with key fields")
    raise PackageError(MALFORMED, detail="encrypted: not a boolean")


def parse_header(raw: bytes) -> PackageHeader:
    """Strictly parse and validate header bytes; they must also be exactly canonical."""
    obj = loads_strict(raw, max_depth=3, allow_newlines=False)
    if not isinstance(obj, dict) or obj.get("format") != HEADER_FORMAT:
        raise PackageError(MALFORMED, detail="not an ANTQ package header")
    if obj.get("format_version") != FORMAT_VERSION:
        raise PackageError(UNSUPPORTED_VERSION, detail="header format_version")
    if set(obj) != HEADER_FIELDS:
        raise PackageError(MALFORMED, detail="header fields differ from version 1")
    recipient, wrapped, chunk = _crypto_fields(obj)
    kind = obj["kind"]
    if kind not in KINDS:
        raise PackageError(MALFORMED, detail="kind: not one of full/incremental/plan/forward/recovery")
    previous = _sha256_or_none(obj["previous_package_sha256"], "previous_package_sha256")
    if kind == "incremental" and previous is None:
        raise PackageError(MALFORMED, detail="incremental package without previous hash")
    if obj["compression"] != "zlib":
        raise PackageError(MALFORMED, detail="compression: only zlib")
    audit = obj["audit_head"]
    header = PackageHeader(
        package_id=check_package_id(obj["package_id"]),
        producer=_producer(obj["producer"]),
        signer_key_id=check_key_id(obj["signer_key_id"], "signer_key_id"),
        encrypted=obj["encrypted"],
        recipient_key_id=recipient,
        wrapped_key=wrapped,
        chunk_size=chunk,
        sequence=_int(obj["sequence"], "sequence", 1),
        kind=kind,
        previous_package_sha256=previous,
        period=check_short_text(obj["period"], "period"),
        created_at=check_utc_text(obj["created_at"], "created_at"),
        app_version=check_short_text(obj["app_version"], "app_version"),
        schema_version=check_short_text(obj["schema_version"], "schema_version"),
        record_counts=_record_counts(obj["record_counts"]),
        payload_size=_int(obj["payload_size"], "payload_size", 0),
        payload_sha256=_sha256_or_none(obj["payload_sha256"], "payload_sha256") or "",
        audit_head=None if audit is None else check_short_text(audit, "audit_head", MAX_AUDIT_HEAD),
        raw=raw,
    )
    if not header.payload_sha256:
        raise PackageError(MALFORMED, detail="payload_sha256 missing")
    if header.encode() != raw:
        raise PackageError(MALFORMED, detail="header is not canonical JSON")
    return header


@dataclass(frozen=True)
class AuditLink:
    """One carried audit entry: version 2 (`action`, `digest`, hash recomputed) or 1 (`hash` claimed)."""

    version: int
    action: str | None = None
    digest: str | None = None
    claimed_hash: str | None = None


def _sha256(value: Any, name: str) -> str:
    if value is None:
        raise PackageError(MALFORMED, detail=f"{name}: missing")
    return _sha256_or_none(value, name) or ""


def parse_audit_base(record: dict[str, Any]) -> tuple[str, bool]:
    """(the hash the links start from, whether older entries were left out by the cap)."""
    if set(record) != {"type", "base", "bounded"} or not isinstance(record["bounded"], bool):
        raise PackageError(MALFORMED, detail="audit_base: wrong fields")
    return _sha256(record["base"], "audit_base.base"), record["bounded"]


def parse_audit_link(record: dict[str, Any]) -> AuditLink:
    version = record.get("v")
    if version == 2 and set(record) == {"type", "v", "action", "digest"}:
        action = record["action"]
        if not isinstance(action, str) or not AUDIT_ACTION_RE.fullmatch(action):
            raise PackageError(MALFORMED, detail="audit_link: bad action")
        return AuditLink(2, action=action, digest=_sha256(record["digest"], "audit_link.digest"))
    if version == 1 and set(record) == {"type", "v", "hash"}:
        return AuditLink(1, claimed_hash=_sha256(record["hash"], "audit_link.hash"))
    raise PackageError(MALFORMED, detail="audit_link: wrong fields")


def signed_message(digest: bytes) -> bytes:
    """What Ed25519 signs: domain tag || SHA-256(prefix || header || payload)."""
    return SIG_TAG + digest
