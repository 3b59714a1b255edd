"""Packages written by format version 1 must stay readable by every later version.

The files in ``data/`` were produced once by the v1 writer. The key store in there holds
throw-away test keys under the password "golden" (Argon2 at its minimum cost).
Never regenerate these files to make a failing test pass: a failure means that
packages already sitting on officers' USB sticks would be refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from antq_desktop.exchange.keys import TrustedKey, read_public_key_file
from antq_desktop.exchange.keystore import KeyStore
from antq_desktop.exchange.package_reader import read_package

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "golden-records.json").read_text(encoding="utf-8"))


def _sender() -> TrustedKey:
    record = read_public_key_file((DATA / "golden-sender.antqkey").read_bytes())
    assert record.unit_code == "00070" and record.unit_name == "Phường Hoàn Kiếm"
    return TrustedKey(record.signing_key_id, record.unit_code, record.signing_public)


def test_golden_encrypted_package_still_reads() -> None:
    sender = _sender()
    blob = json.loads((DATA / "golden-recipient-keystore.json").read_text())
    with KeyStore.unlock(blob, "golden") as keys:
        package, records = read_package(DATA / "golden-v1.antq", {sender.key_id: sender}.get, keys)
        assert list(records) == EXPECTED
    header = package.header
    assert header.package_id == "0b7e9a52-3f0c-4c47-9d4e-1a2b3c4d5e6f"
    assert (header.sequence, header.kind, header.period) == (7, "incremental", "2026")
    assert header.previous_package_sha256 == "ab" * 32
    assert header.audit_head == "audit:42:deadbeef"
    assert header.created_at == "2026-11-21T00:00:00Z"
    assert header.encrypted and header.chunk_size == 128


def test_golden_plain_package_still_reads() -> None:
    sender = _sender()
    package, records = read_package(DATA / "golden-v1-plain.antq", {sender.key_id: sender}.get)
    assert list(records) == EXPECTED
    assert not package.header.encrypted


def test_golden_v1_key_file_still_reads_as_legacy() -> None:
    record = read_public_key_file((DATA / "golden-sender.antqkey").read_bytes())
    assert record.version == 1 and record.legacy and record.fingerprint == "3941-CCB7-16D8-9B4A-E0C0"


def test_golden_v2_key_file_pins_unit_role_and_fingerprint() -> None:
    """Version 2 (issue 12): the fingerprint covers unit code and role; these bytes must keep reading."""
    data = (DATA / "golden-v2-office.antqkey").read_bytes()
    record = read_public_key_file(data)
    assert (record.version, record.unit_code, record.role) == (2, "CUM-01", "district")
    assert record.fingerprint == "FE40-B615-8442-699D-542A"
    blob = json.loads((DATA / "golden-recipient-keystore.json").read_text())
    again = KeyStore().export_public_key_file(blob, "golden", "CUM-01", "Cụm công an khu vực 1", "district",
                                              "2026-12-03T00:00:00Z")
    assert again == data  # Ed25519 is deterministic: the writer still produces exactly these bytes
