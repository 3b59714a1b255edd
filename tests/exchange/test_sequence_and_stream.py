from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.package_reader import inspect
from antq_desktop.exchange.sequence import check_continuity
from antq_desktop.exchange.stream_crypto import (
    StreamDecryptor,
    StreamEncryptor,
    chunk_layout,
    chunk_nonce,
)

from .conftest import Unit, write_sample


def test_chunk_nonce_layout() -> None:
    assert chunk_nonce(0, False) == bytes(12)
    assert chunk_nonce(1, True) == bytes(10) + b"\x01\x01"
    assert len(chunk_nonce(2**88 - 1, True)) == 12
    with pytest.raises(PackageError):
        chunk_nonce(2**88, False)


@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 32, 33, 100])
def test_stream_round_trip_and_layout(size: int) -> None:
    key, aad, plain = os.urandom(32), b"aad", os.urandom(size)
    enc = StreamEncryptor(key, aad, 16)
    sealed = b"".join(enc.feed(plain[:7])) + b"".join(enc.feed(plain[7:])) + enc.finish()
    dec = StreamDecryptor(key, aad)
    out, pos = b"", 0
    for index, length, last in chunk_layout(len(sealed), 16):
        out += dec.open(index, sealed[pos : pos + length], last)
        pos += length
    assert out == plain and pos == len(sealed)


def test_invalid_layouts() -> None:
    for size in (0, 15, 32 + 5, 32 + 16):  # too short, partial tag, empty non-first chunk
        with pytest.raises(PackageError):
            list(chunk_layout(size, 16))


def test_stream_detects_wrong_flag_index_and_aad() -> None:
    key = os.urandom(32)
    enc = StreamEncryptor(key, b"a", 16)
    chunks = list(enc.feed(os.urandom(40))) + [enc.finish()]
    dec = StreamDecryptor(key, b"a")
    with pytest.raises(PackageError) as info:
        dec.open(0, chunks[0], True)
    assert info.value.code == "DECRYPT_FAILED"
    with pytest.raises(PackageError):
        dec.open(1, chunks[0], False)
    with pytest.raises(PackageError):
        StreamDecryptor(key, b"b").open(0, chunks[0], False)


def test_continuity_rules(tmp_path: Path, commune: Unit) -> None:
    write_sample(tmp_path / "a.antq", commune, None, n=1)
    full = inspect(tmp_path / "a.antq")
    check_continuity(full, None, None)
    check_continuity(replace(full, sequence=5), 2, "a" * 64)

    def code(header: object, *args: object, **kw: object) -> str:
        with pytest.raises(PackageError) as info:
            check_continuity(header, *args, **kw)  # type: ignore[arg-type]
        return info.value.code

    assert code(full, None, None, {full.package_id}) == "REPLAY"
    assert code(replace(full, sequence=3), 3, "a" * 64) == "REPLAY"
    assert code(replace(full, sequence=2), 3, "a" * 64) == "REPLAY"
    assert code(replace(full, sequence=20_000), 1, "a" * 64) == "SEQUENCE_JUMP"
    inc = replace(full, kind="incremental", sequence=4, previous_package_sha256="b" * 64)
    check_continuity(inc, 3, "b" * 64)
    assert code(inc, 2, "b" * 64) == "GAP"
    assert code(inc, None, None) == "GAP"
    assert code(inc, 3, "c" * 64) == "CHAIN_BROKEN"
