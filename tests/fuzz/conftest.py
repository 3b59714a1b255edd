"""Fuzzing set-up: two units with cheap keys, and hypothesis profiles chosen by ANTQ_FUZZ_PROFILE.

    ANTQ_FUZZ_PROFILE=ci   (default)  a few hundred examples per test: part of `make test`
    ANTQ_FUZZ_PROFILE=long            tens of thousands per test: `make fuzz` (tests/fuzz/run_long.py)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from antq_desktop.exchange.keys import PublicKeyRecord, TrustedKey, read_public_key_file
from antq_desktop.exchange.keystore import KdfParams, KeyStore, UnlockedKeys
from antq_desktop.exchange.package_format import Producer

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
           "derandomize": False}
settings.register_profile("ci", max_examples=150, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)
settings.load_profile(os.environ.get("ANTQ_FUZZ_PROFILE", "ci"))

FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)  # tests only
KEY_PASSWORD = "Mật khẩu đủ dài 2026"


@dataclass
class Unit:
    code: str
    name: str
    role: str
    blob: dict[str, Any]
    record: PublicKeyRecord

    @property
    def producer(self) -> Producer:
        return Producer(self.code, self.name, self.role)

    def unlock(self) -> UnlockedKeys:
        return KeyStore.unlock(self.blob, KEY_PASSWORD)

    @property
    def trusted(self) -> TrustedKey:
        return TrustedKey(self.record.signing_key_id, self.code, self.record.signing_public)


def _unit(code: str, name: str, role: str) -> Unit:
    keystore = KeyStore(FAST_KDF)
    blob, _ = keystore.create(KEY_PASSWORD)
    record = read_public_key_file(keystore.export_public_key_file(blob, KEY_PASSWORD, code, name, role))
    return Unit(code, name, role, blob, record)


@pytest.fixture(scope="session")
def commune() -> Unit:
    return _unit("00070", "Phường Hoàn Kiếm", "commune")


@pytest.fixture(scope="session")
def district() -> Unit:
    return _unit("CUM-01", "Cụm công an khu vực 1", "district")


@pytest.fixture(scope="session")
def lookup(commune: Unit) -> Any:
    return {commune.record.signing_key_id: commune.trusted}.get


@pytest.fixture(scope="session")
def district_keys(district: Unit) -> Any:
    keys = district.unlock()
    yield keys
    keys.close()
