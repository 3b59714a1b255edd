"""Signing units with cheap keys for package-level tests (tests/exchange, tests/fuzz).

Each unit is a keystore blob plus its public key record, as `antq key export` would give the
other side; no database. Argon2 runs at its minimum cost here only (passed explicitly, so the
library defaults stay high).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from antq_desktop.exchange.keys import PublicKeyRecord, TrustedKey, read_public_key_file
from antq_desktop.exchange.keystore import KdfParams, KeyStore, UnlockedKeys
from antq_desktop.exchange.package_format import Producer

FAST_KDF = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)  # tests only
PASSWORD = "Mật khẩu đủ dài 2026"


@dataclass
class Unit:
    code: str
    name: str
    role: str
    blob: dict[str, Any]
    record: PublicKeyRecord
    password: str = PASSWORD

    @property
    def producer(self) -> Producer:
        return Producer(self.code, self.name, self.role)

    def unlock(self) -> UnlockedKeys:
        return KeyStore.unlock(self.blob, self.password)

    @property
    def trusted(self) -> TrustedKey:
        return TrustedKey(self.record.signing_key_id, self.code, self.record.signing_public)


def make_unit(code: str, name: str, role: str) -> Unit:
    keystore = KeyStore(FAST_KDF)
    blob, _ = keystore.create(PASSWORD)
    record = read_public_key_file(keystore.export_public_key_file(blob, PASSWORD, code, name, role))
    return Unit(code, name, role, blob, record)


def lookup_of(*units: Unit) -> Any:
    """A `package_reader.verify` lookup that trusts exactly these units' signing keys."""
    return {u.record.signing_key_id: u.trusted for u in units}.get


def unlocked(unit: Unit) -> Iterator[UnlockedKeys]:
    """For a fixture: the unit's keys, unlocked once and closed after the last test using them."""
    keys = unit.unlock()
    yield keys
    keys.close()
