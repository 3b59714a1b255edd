"""Fuzzing the package reader with damaged packages, signed garbage and random bytes.

Contract under test (docs/package-format.md): inspect/verify/read_package raise PackageError and
nothing else, never accept a damaged file, and never touch the store (the reader takes no store;
the store file next to the package is checked byte for byte anyway, because a future reader
change that opened it would be a bug).
"""

from __future__ import annotations

import hashlib
import uuid
import zlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.package_format import (
    PREFIX_LEN,
    SIGNATURE_LEN,
    decode_prefix,
    encode_prefix,
    parse_header,
    signed_message,
)
from antq_desktop.exchange.package_reader import inspect, read_package
from antq_desktop.exchange.package_writer import PackageMeta, write_package
from antq_desktop.exchange.strict_json import canonical_dumps

from .conftest import Unit


def _records(n: int) -> list[dict[str, Any]]:
    return [{"type": "household", "id": str(uuid.UUID(int=i + 1)), "origin_unit": "00070", "revision": 1,
             "deleted": False, "created_at": "2026-01-02T03:04:05Z", "updated_at": "2026-01-02T03:04:05Z",
             "head_name": f"Nguyễn Thị Ánh {i}", "citizen_id": f"0012030{i:05d}", "members": 1 + i % 6}
            for i in range(n)]


def _write(path: Path, commune: Unit, district: Unit | None) -> bytes:
    meta = PackageMeta(commune.producer, 1, "full", "2026", "0.1.0", "1")
    with commune.unlock() as keys:
        write_package(path, _records(12), meta, keys, district.record if district else None,
                      encrypted=district is not None, chunk_size=64)
    return path.read_bytes()


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory, commune: Unit, district: Unit) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("fuzz-packages")
    return {"encrypted": _write(folder / "enc.antq", commune, district),
            "signed": _write(folder / "plain.antq", commune, None)}


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store sitting next to the packages; its bytes must never change."""
    from antq_desktop.services.setup import profile
    from antq_desktop.storage.db import open_store

    path = tmp_path_factory.mktemp("fuzz-store") / "x.sqlite3"
    store = open_store(path)
    profile.initialise(store, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Nguyễn Văn An", password="mot cau rat dai")
    store.close()
    return path


def _fingerprint(path: Path) -> tuple[str, list[str]]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), sorted(p.name for p in path.parent.iterdir())


def _read(path: Path, lookup: Any, keys: Any) -> list[dict[str, Any]] | None:
    """The records if accepted; None if refused with PackageError. Anything else fails the test."""
    try:
        inspect(path)
    except PackageError:
        pass
    try:
        _, records = read_package(path, lookup, keys)
        return list(records)
    except PackageError as exc:
        assert exc.message_vi  # every refusal explains itself in Vietnamese
        return None


def test_the_untouched_packages_are_read(tmp_path: Path, packages: dict[str, bytes], lookup: Any,
                                         district_keys: Any) -> None:
    for name, data in packages.items():
        path = tmp_path / f"{name}.antq"
        path.write_bytes(data)
        records = _read(path, lookup, district_keys if name == "encrypted" else None)
        assert records is not None and len(records) == 12


MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=16)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 300)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("duplicate"), st.integers(0, 10**6), st.integers(1, 200)),
)


def _mutate(data: bytes, ops: list[tuple[str, int, Any]]) -> bytes:
    buf = bytearray(data)
    for op, pos, arg in ops:
        pos %= len(buf) + 1
        if op == "flip" and pos < len(buf):
            buf[pos] ^= arg
        elif op == "insert":
            buf[pos:pos] = arg
        elif op == "delete":
            del buf[pos:pos + arg]
        elif op == "truncate":
            del buf[pos:]
        elif op == "duplicate":
            buf[pos:pos] = buf[pos:pos + arg]
    return bytes(buf)


@given(which=st.sampled_from(["encrypted", "signed"]), ops=st.lists(MUTATION, min_size=1, max_size=5))
def test_damaged_packages_are_refused(tmp_path: Path, packages: dict[str, bytes], lookup: Any, district_keys: Any,
                                      store_file: Path, which: str, ops: list[tuple[str, int, Any]]) -> None:
    before = _fingerprint(store_file)
    damaged = _mutate(packages[which], ops)
    path = tmp_path / "damaged.antq"
    path.write_bytes(damaged)
    result = _read(path, lookup, district_keys)
    if damaged != packages[which]:
        assert result is None, "a damaged package was accepted"
    assert _fingerprint(store_file) == before


@given(data=st.binary(max_size=4096), magic=st.booleans())
def test_random_bytes_are_refused(tmp_path: Path, lookup: Any, district_keys: Any, store_file: Path,
                                  data: bytes, magic: bool) -> None:
    before = _fingerprint(store_file)
    path = tmp_path / "random.antq"
    path.write_bytes((b"ANTQPKG\x00\x00\x01" if magic else b"") + data)
    assert _read(path, lookup, district_keys) is None
    assert _fingerprint(store_file) == before


def _resign(package: bytes, payload: bytes, signer: Unit) -> bytes:
    """Put a new payload behind a *valid* signature: the reader's own checks must catch everything."""
    header_len = decode_prefix(package[:PREFIX_LEN])
    header = parse_header(package[PREFIX_LEN:PREFIX_LEN + header_len])
    header = replace(header, payload_size=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
    raw = header.encode()
    body = encode_prefix(len(raw)) + raw + payload
    with signer.unlock() as keys:
        return body + keys.sign(signed_message(hashlib.sha256(body).digest()))


def canonical_dumps_safe(value: Any) -> bytes:
    try:
        return canonical_dumps(value)
    except Exception:  # noqa: BLE001 - values the writer refuses still make good hostile lines
        return repr(value).encode("utf-8", "surrogatepass")


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(lines=st.lists(st.one_of(JSONISH.map(canonical_dumps_safe), st.binary(max_size=64)),
                      max_size=8),
       keep_manifest=st.booleans(), compress=st.booleans())
def test_signed_garbage_payloads_are_refused_or_read(tmp_path: Path, packages: dict[str, bytes], commune: Unit,
                                                     lookup: Any, store_file: Path, lines: list[bytes],
                                                     keep_manifest: bool, compress: bool) -> None:
    """Validly signed but hostile content (bad JSON, wrong manifest, no compression): PackageError only."""
    original = packages["signed"]
    header_len = decode_prefix(original[:PREFIX_LEN])
    plain = zlib.decompress(original[PREFIX_LEN + header_len:-SIGNATURE_LEN])
    manifest = plain.split(b"\n", 1)[0] + b"\n"
    body = (manifest if keep_manifest else b"") + b"\n".join(lines) + (b"\n" if lines else b"")
    payload = zlib.compress(body) if compress else body
    path = tmp_path / "garbage.antq"
    path.write_bytes(_resign(original, payload, commune))
    before = _fingerprint(store_file)
    records = _read(path, lookup, None)
    if records is not None:  # only a package whose manifest still matches its records may pass
        assert all(isinstance(r, dict) for r in records)
    assert _fingerprint(store_file) == before

