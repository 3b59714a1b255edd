"""A second reader written only from docs/package-format.md, using bare primitives.

If this test and the library disagree, either the spec or the code is wrong.
"""

from __future__ import annotations

import base64
import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .conftest import Unit, sample_records, write_sample


def spec_read(data: bytes, signer_public: bytes, receiving_private: Any) -> list[dict[str, Any]]:
    magic, version, h = struct.unpack(">8sHI", data[:14])
    assert magic == b"ANTQPKG\x00" and version == 1 and 1 <= h <= 65536
    raw = data[14 : 14 + h]
    header = json.loads(raw)
    assert raw == json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    p = header["payload_size"]
    assert len(data) == 14 + h + p + 64
    payload = data[14 + h : 14 + h + p]
    digest = hashlib.sha256(data[: 14 + h + p]).digest()
    Ed25519PublicKey.from_public_bytes(signer_public).verify(data[-64:], b"ANTQ-PACKAGE-SIG-v1\x00" + digest)
    assert hashlib.sha256(payload).hexdigest() == header["payload_sha256"]
    assert hashlib.sha256(signer_public).digest()[:16].hex() == header["signer_key_id"]
    if header["encrypted"]:
        zdata = spec_decrypt(header, payload, receiving_private)
    else:
        zdata = payload
    text = zlib.decompress(zdata)
    assert text.endswith(b"\n")
    lines = [json.loads(line) for line in text[:-1].split(b"\n")]
    assert lines[0] == {
        "type": "manifest",
        "format_version": 1,
        "package_id": header["package_id"],
        "producer_unit_code": header["producer"]["unit_code"],
        "signer_key_id": header["signer_key_id"],
    }
    return lines[1:]


def spec_decrypt(header: dict[str, Any], payload: bytes, receiving_private: Any) -> bytes:
    info = b"ANTQ-PACKAGE-KEY-v1\x00" + b"\x00".join(
        s.encode("ascii")
        for s in (
            header["package_id"],
            header["producer"]["unit_code"],
            header["signer_key_id"],
            header["recipient_key_id"],
        )
    )
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
    key = suite.decrypt(base64.b64decode(header["wrapped_key"]), receiving_private, info=info)
    aead = ChaCha20Poly1305(key)
    aad = b"ANTQ-PAYLOAD-v1\x00" + header["package_id"].encode("ascii")
    c = header["chunk_size"] + 16
    n = -(-len(payload) // c)
    out = b""
    for i in range(n):
        nonce = i.to_bytes(11, "big") + (b"\x01" if i == n - 1 else b"\x00")
        out += aead.decrypt(nonce, payload[i * c : (i + 1) * c], aad)
    return out


def test_independent_reader_matches(tmp_path: Path, commune: Unit, district: Unit) -> None:
    for recipient, chunk in ((district, 64), (district, 65536), (None, 64)):
        path = tmp_path / "a.antq"
        write_sample(path, commune, recipient, n=200, chunk_size=chunk)
        with district.unlock() as keys:
            records = spec_read(path.read_bytes(), commune.record.signing_public, keys._receiving)
        assert records == list(sample_records(200))


def test_key_file_matches_spec(commune: Unit) -> None:
    from antq_desktop.exchange.keystore import KeyStore

    from .conftest import FAST_KDF, PASSWORD

    data = KeyStore(FAST_KDF).export_public_key_file(commune.blob, PASSWORD, "00004", "Phường Ba Đình", "commune")
    assert data.endswith(b"}\n")
    obj = json.loads(data)
    sig = base64.b64decode(obj.pop("self_signature"))
    canonical = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    sign_pub = base64.b64decode(obj["signing_public_key"])
    recv_pub = base64.b64decode(obj["receiving_public_key"])
    assert obj["version"] == 2
    Ed25519PublicKey.from_public_bytes(sign_pub).verify(sig, b"ANTQ-PUBKEY-SIG-v2\x00" + canonical.encode("utf-8"))
    # Version 2 fingerprint (docs/package-format.md): unit code and role are covered, 0x00-separated.
    fp = hashlib.sha256(b"ANTQ-FINGERPRINT-v2\x00" + b"00004\x00commune\x00" + sign_pub + recv_pub).hexdigest()
    assert obj["fingerprint"] == "-".join(fp.upper()[i : i + 4] for i in range(0, 20, 4))
    assert obj["receiving_key_id"] == hashlib.sha256(recv_pub).digest()[:16].hex()


def test_version_1_key_file_matches_spec() -> None:
    """Version 1 files (fingerprint over the two keys only) are still read: the golden one, checked by hand."""
    data = (Path(__file__).parent / "data" / "golden-sender.antqkey").read_bytes()
    obj = json.loads(data)
    sig = base64.b64decode(obj.pop("self_signature"))
    canonical = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    sign_pub = base64.b64decode(obj["signing_public_key"])
    recv_pub = base64.b64decode(obj["receiving_public_key"])
    assert obj["version"] == 1
    Ed25519PublicKey.from_public_bytes(sign_pub).verify(sig, b"ANTQ-PUBKEY-SIG-v1\x00" + canonical.encode("utf-8"))
    fp = hashlib.sha256(sign_pub + recv_pub).hexdigest().upper()[:20]
    assert obj["fingerprint"] == "-".join(fp[i : i + 4] for i in range(0, 20, 4))
