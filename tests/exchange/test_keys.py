from __future__ import annotations

import json
import re
import unicodedata

import pytest

from antq_desktop.exchange.errors import PackageError
from antq_desktop.exchange.keys import fingerprint, key_id, read_public_key_file
from antq_desktop.exchange.keystore import DEFAULT_KDF, KdfParams, KeyStore

from .conftest import FAST_KDF, PASSWORD, Unit


def test_default_kdf_is_not_lowered() -> None:
    assert DEFAULT_KDF == KdfParams(time_cost=3, memory_cost_kib=65536, parallelism=1)
    assert KeyStore().kdf == DEFAULT_KDF


def test_key_id_and_fingerprint_shapes(commune: Unit) -> None:
    rec = commune.record
    assert re.fullmatch(r"[0-9a-f]{32}", rec.signing_key_id)
    assert rec.signing_key_id == key_id(rec.signing_public)
    assert re.fullmatch(r"([0-9A-F]{4}-){4}[0-9A-F]{4}", rec.fingerprint)
    assert fingerprint(rec.receiving_public, rec.signing_public) != rec.fingerprint


def test_key_file_round_trip_and_canonical(commune: Unit) -> None:
    with commune.unlock():
        pass
    data = KeyStore(FAST_KDF).export_public_key_file(
        commune.blob, PASSWORD, "00004", "Phường Ba Đình", "commune", "2026-01-01T00:00:00Z"
    )
    record = read_public_key_file(data)
    assert record.unit_name == "Phường Ba Đình"
    assert record.fingerprint == commune.record.fingerprint
    obj = json.loads(data)
    assert data == (json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")


def test_key_file_every_byte_flip_refused(commune: Unit) -> None:
    data = KeyStore(FAST_KDF).export_public_key_file(commune.blob, PASSWORD, "00004", "Phường Ba Đình", "commune")
    for i in range(len(data) - 1):  # the final LF is not part of the signed content
        bad = bytearray(data)
        bad[i] ^= 0x01
        with pytest.raises(PackageError):
            read_public_key_file(bytes(bad))


def test_key_file_field_tampering(commune: Unit) -> None:
    obj = json.loads(commune_key_file(commune))
    for change in ({"extra": 1}, {"unit_name": "Xã Khác"}, {"fingerprint": "0000-0000-0000-0000-0000"},
                   {"version": 1}, {"version": 3}, {"role": "district"}, {"unit_code": "00005"},
                   {"format": "other"}):  # fmt: skip
        tampered = json.dumps({**obj, **change}, sort_keys=True).encode()
        with pytest.raises(PackageError):
            read_public_key_file(tampered)
    with pytest.raises(PackageError) as info:
        read_public_key_file(b"x" * 20000)
    assert info.value.code == "TOO_LARGE"


def commune_key_file(commune: Unit) -> bytes:
    return KeyStore(FAST_KDF).export_public_key_file(commune.blob, PASSWORD, "00004", "Phường Ba Đình", "commune")


def test_export_refuses_bad_unit_text(commune: Unit) -> None:
    with pytest.raises(PackageError):
        KeyStore(FAST_KDF).export_public_key_file(commune.blob, PASSWORD, "00004", "Phường\u202eBa", "commune")


def test_keystore_unlock_sign_and_wrong_password(commune: Unit) -> None:
    store = KeyStore(FAST_KDF)
    sig = store.sign(commune.blob, PASSWORD, b"data")
    assert len(sig) == 64
    with pytest.raises(PackageError) as info:
        store.sign(commune.blob, PASSWORD + "x", b"data")
    assert info.value.code == "BAD_PASSWORD"
    with pytest.raises(PackageError) as info:
        KeyStore.unlock(commune.blob, "")
    assert info.value.code == "BAD_PASSWORD"


def test_password_is_nfc_normalised() -> None:
    store = KeyStore(FAST_KDF)
    blob, _ = store.create("Mật khẩu")
    KeyStore.unlock(blob, unicodedata.normalize("NFD", "Mật khẩu")).close()


def test_blob_is_json_and_holds_no_plaintext_key() -> None:
    store = KeyStore(FAST_KDF)
    blob, public = store.create(PASSWORD)
    text = json.dumps(blob)
    assert json.loads(text) == blob
    with KeyStore.unlock(blob, PASSWORD) as keys:
        from cryptography.hazmat.primitives import serialization as s

        raw = keys._signing.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption())
    import base64

    assert base64.b64encode(raw).decode() not in text
    assert blob["kdf"]["memory_cost_kib"] == 8 and len(base64.b64decode(blob["kdf"]["salt"])) == 16
    assert public.signing_key_id == blob["signing"]["key_id"]


def test_rewrap_changes_password_and_raises_cost() -> None:
    weak = KeyStore(FAST_KDF)
    blob, public = weak.create("cũ")
    stronger = KeyStore(KdfParams(time_cost=2, memory_cost_kib=16, parallelism=1))
    assert stronger.needs_upgrade(blob) and not weak.needs_upgrade(blob)
    new_blob = stronger.rewrap(blob, "cũ", "mới")
    assert new_blob["kdf"]["salt"] != blob["kdf"]["salt"]
    assert KeyStore.public_info(new_blob) == public
    assert not stronger.needs_upgrade(new_blob)
    KeyStore.unlock(new_blob, "mới").close()
    with pytest.raises(PackageError):
        KeyStore.unlock(new_blob, "cũ")


def test_swapped_or_tampered_blob_refused() -> None:
    store = KeyStore(FAST_KDF)
    blob, _ = store.create(PASSWORD)
    swapped = {**blob, "signing": blob["receiving"], "receiving": blob["signing"]}
    with pytest.raises(PackageError):
        KeyStore.unlock(swapped, PASSWORD)
    other, _ = store.create(PASSWORD)
    mixed = {**blob, "signing": {**blob["signing"], "public_key": other["signing"]["public_key"],
                                 "key_id": other["signing"]["key_id"]}}  # fmt: skip
    with pytest.raises(PackageError):
        KeyStore.unlock(mixed, PASSWORD)
    huge = {**blob, "kdf": {**blob["kdf"], "memory_cost_kib": 10**9}}
    with pytest.raises(PackageError) as info:
        KeyStore.unlock(huge, PASSWORD)
    assert info.value.code == "MALFORMED"
    for broken in ({}, {**blob, "version": 9}, {**blob, "kdf": None}, "x"):
        with pytest.raises(PackageError):
            KeyStore.unlock(broken, PASSWORD)  # type: ignore[arg-type]


def test_closed_keys_cannot_sign(commune: Unit) -> None:
    keys = commune.unlock()
    keys.close()
    with pytest.raises(PackageError):
        keys.sign(b"x")


def test_trusted_key_from_record(commune: Unit) -> None:
    from antq_desktop.exchange.keys import TrustedKey

    trusted = TrustedKey.from_record(commune.record)
    assert trusted == commune.trusted and not trusted.revoked
    assert TrustedKey.from_record(commune.record, revoked=True).revoked


def test_v2_fingerprint_covers_unit_and_role(commune: Unit) -> None:
    """Issue 12: a key file claiming another unit or role shows another fingerprint on paper."""
    store = KeyStore(FAST_KDF)
    made = {(unit, role): read_public_key_file(store.export_public_key_file(commune.blob, PASSWORD, unit, "Tên", role))
            for unit, role in (("00004", "commune"), ("00004", "district"), ("00005", "commune"))}
    assert len({r.fingerprint for r in made.values()}) == 3
    assert all(r.version == 2 and not r.legacy for r in made.values())
    assert len({r.signing_key_id for r in made.values()}) == 1  # same keys, different identities
