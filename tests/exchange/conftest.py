"""Fixtures for the exchange tests: units with cheap keys (tests/package_fixtures.py), sample packages, a forge."""

from __future__ import annotations

import hashlib
import uuid
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from tests.package_fixtures import FAST_KDF, PASSWORD, Unit, lookup_of, make_unit

from antq_desktop.exchange.package_format import (
    PackageHeader,
    Producer,
    encode_prefix,
    new_package_id,
    signed_message,
)
from antq_desktop.exchange.package_reader import read_package
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.exchange.stream_crypto import (
    StreamEncryptor,
    chunk_aad,
    payload_key_info,
    wrap_payload_key,
)

__all__ = ["FAST_KDF", "PASSWORD", "Unit", "forge", "make_unit", "meta_for", "read_all", "sample_records",
           "write_sample"]


@pytest.fixture(scope="session")
def commune() -> Unit:
    return make_unit("00004", "Phường Ba Đình", "commune")


@pytest.fixture(scope="session")
def other_commune() -> Unit:
    return make_unit("00007", "Xã Đông Anh", "commune")


@pytest.fixture(scope="session")
def district() -> Unit:
    return make_unit("D0101", "Cụm Công an khu vực Đông", "district")


@pytest.fixture(scope="session")
def lookup(commune: Unit, other_commune: Unit) -> Any:
    return lookup_of(commune, other_commune)


def sample_records(n: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    types = ("household", "pledge", "organization", "residential_area")
    for i in range(n):
        yield {
            "type": types[i % len(types)],
            "id": str(uuid.UUID(int=seed * 10**9 + i)),
            "origin_unit": "00004",
            "revision": 1 + i % 3,
            "deleted": i % 17 == 0,
            "created_at": "2026-01-02T03:04:05Z",
            "updated_at": "2026-01-02T03:04:05Z",
            "name": f"Hộ ông Nguyễn Văn Ất số {i}",
            "note": "Dòng một\nDòng hai" if i % 5 == 0 else None,
        }


def meta_for(unit: Unit, **changes: Any) -> PackageMeta:
    meta = PackageMeta(unit.producer, 1, "full", "2026", "0.1.0", "1")
    return replace(meta, **changes)


def write_sample(path: Path, unit: Unit, recipient: Unit | None, n: int = 20, chunk_size: int = 64, **kw: Any) -> Any:
    with unit.unlock() as keys:
        return write_package(
            path,
            sample_records(n),
            meta_for(unit),
            keys,
            recipient.record if recipient else None,
            encrypted=recipient is not None,
            chunk_size=chunk_size,
            **kw,
        )


def read_all(path: Path, lookup: Any, reader: Unit | None, **kw: Any) -> list[dict[str, Any]]:
    keys = reader.unlock() if reader else None
    try:
        _, records = read_package(path, lookup, keys, **kw)
        return list(records)
    finally:
        if keys is not None:
            keys.close()


def forge(
    path: Path,
    body: bytes,
    signer: Unit,
    recipient: Unit | None,
    *,
    record_counts: dict[str, int] | None = None,
    manifest: bytes | None = None,
    producer: Producer | None = None,
    package_id: str | None = None,
    chunk_size: int = 64,
    compressed: bytes | None = None,
    sealed: bytes | None = None,
    wrapped_key: bytes | None = None,
) -> PackageHeader:
    """An independent, minimal writer straight from docs/package-format.md.

    Lets tests sign payloads the real writer refuses to produce (duplicate keys, NaN,
    bidi text, bombs) so the reader's own checks are exercised behind a valid signature.
    """
    header = PackageHeader(
        package_id=package_id or new_package_id(),
        producer=producer or signer.producer,
        signer_key_id=signer.record.signing_key_id,
        encrypted=recipient is not None,
        recipient_key_id=recipient.record.receiving_key_id if recipient else None,
        wrapped_key=None,
        chunk_size=chunk_size if recipient else None,
        sequence=1,
        kind="full",
        previous_package_sha256=None,
        period="2026",
        created_at="2026-05-06T07:08:09Z",
        app_version="0.1.0",
        schema_version="1",
        record_counts=record_counts or {},
        payload_size=0,
        payload_sha256="0" * 64,
        audit_head=None,
    )
    if manifest is None:
        from antq_desktop.exchange.strict_json import canonical_dumps

        manifest = canonical_dumps(header.manifest()) + b"\n"
    plain = compressed if compressed is not None else zlib.compress(manifest + body)
    payload = plain
    if recipient is not None and sealed is None:
        key = bytes(range(32))
        info = payload_key_info(
            header.package_id,
            header.producer.unit_code,
            header.signer_key_id,
            header.recipient_key_id or "",
        )
        header = replace(
            header,
            wrapped_key=wrapped_key or wrap_payload_key(key, recipient.record.receiving_public, info),
        )
        enc = StreamEncryptor(key, chunk_aad(header.package_id), chunk_size)
        payload = b"".join(enc.feed(plain)) + enc.finish()
    elif sealed is not None:
        header = replace(header, wrapped_key=wrapped_key)
        payload = sealed
    header = replace(header, payload_size=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
    raw = header.encode()
    body_bytes = encode_prefix(len(raw)) + raw + payload
    with signer.unlock() as keys:
        signature = keys.sign(signed_message(hashlib.sha256(body_bytes).digest()))
    path.write_bytes(body_bytes + signature)
    return replace(header, raw=raw)
