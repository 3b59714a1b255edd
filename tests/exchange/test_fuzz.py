"""Random damage and random files: the reader answers with PackageError, nothing else."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import read_public_key_file
from antq_desktop.exchange.package_reader import inspect, read_package
from antq_desktop.exchange.strict_json import loads_strict

from .conftest import Unit, write_sample

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def good_package(tmp_path_factory: pytest.TempPathFactory, commune: Unit, district: Unit) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "good.antq"
    write_sample(path, commune, district, n=8, chunk_size=48)
    return path.read_bytes()


@pytest.fixture(scope="module")
def district_keys(district: Unit) -> Any:
    keys = district.unlock()
    yield keys
    keys.close()


def read_or_refuse(path: Path, lookup: Any, keys: Any) -> None:
    try:
        inspect(path)
    except PackageError:
        pass
    try:
        _, records = read_package(path, lookup, keys)
        for _ in records:
            pass
    except PackageError:
        return
    raise AssertionError("a damaged package was accepted")


mutation = st.one_of(
    st.tuples(st.just("set"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 64)),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0)),
)


def apply(data: bytes, ops: list[tuple[str, int, Any]]) -> bytes:
    buf = bytearray(data)
    for op, pos, arg in ops:
        pos = pos % (len(buf) + 1)
        if op == "set" and pos < len(buf):
            buf[pos] = arg if buf[pos] != arg else arg ^ 0xFF
        elif op == "insert":
            buf[pos:pos] = arg
        elif op == "delete":
            del buf[pos : pos + arg]
        elif op == "truncate":
            del buf[pos:]
    return bytes(buf)


@SETTINGS
@given(ops=st.lists(mutation, min_size=1, max_size=4))
def test_random_mutations(tmp_path: Path, good_package: bytes, lookup: Any, district_keys: Any,
                          ops: list[tuple[str, int, Any]]) -> None:  # fmt: skip
    mutated = apply(good_package, ops)
    if mutated == good_package:
        return
    path = tmp_path / "m.antq"
    path.write_bytes(mutated)
    read_or_refuse(path, lookup, district_keys)


@SETTINGS
@given(data=st.binary(max_size=4096))
def test_random_bytes(tmp_path: Path, lookup: Any, district_keys: Any, data: bytes) -> None:
    path = tmp_path / "r.antq"
    path.write_bytes(data)
    read_or_refuse(path, lookup, district_keys)


@SETTINGS
@given(header=st.binary(max_size=2048), tail=st.binary(max_size=512))
def test_random_header_after_valid_prefix(tmp_path: Path, lookup: Any, district_keys: Any,
                                          header: bytes, tail: bytes) -> None:  # fmt: skip
    path = tmp_path / "h.antq"
    path.write_bytes(struct.pack(">8sHI", b"ANTQPKG\x00", 1, len(header)) + header + tail)
    read_or_refuse(path, lookup, district_keys)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(), kids, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(value=json_values, noise=st.binary(max_size=8))
def test_strict_json_only_raises_package_error(value: Any, noise: bytes) -> None:
    import json

    text = json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")
    for data in (text, text + noise, noise + text, text[: len(text) // 2]):
        try:
            loads_strict(data)
        except PackageError:
            pass


@SETTINGS
@given(data=st.binary(max_size=1024))
def test_key_file_random_bytes(data: bytes) -> None:
    try:
        read_public_key_file(data)
    except PackageError:
        return
    raise AssertionError("random bytes accepted as a key file")
