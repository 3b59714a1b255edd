"""Payload encryption: HPKE wraps a random payload key; STREAM seals the payload in chunks.

Composition (all standard parts, nothing invented):
* HPKE base mode (RFC 9180), DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305,
  single-shot: seals the 32-byte payload key to the recipient. ``info`` binds package id,
  producer, signer key id and recipient key id, so a wrapped key cannot be moved to
  another package header.
* STREAM (Hoang-Reyhanitabar-Rogaway-Vizar 2015, as used by age and Tink): chunk i is
  ChaCha20-Poly1305(payload_key, nonce = i as 11-byte big-endian || last_flag, aad).
  A flag of 1 marks the final chunk, so truncation at a chunk boundary, dropping,
  duplicating or reordering chunks all fail authentication.
"""

from __future__ import annotations

from collections.abc import Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .errors import DECRYPT_FAILED, MALFORMED, PackageError

HPKE_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)
WRAPPED_KEY_LEN = 32 + 32 + 16  # encapsulated key || sealed 32-byte key || tag
PAYLOAD_KEY_LEN = 32
TAG_LEN = 16
KEY_INFO_TAG = b"ANTQ-PACKAGE-KEY-v1\x00"
CHUNK_AAD_TAG = b"ANTQ-PAYLOAD-v1\x00"
MAX_COUNTER = 2**88 - 1


def payload_key_info(package_id: str, producer_unit_code: str, signer_key_id: str, recipient_key_id: str) -> bytes:
    """HPKE ``info``: fields are ASCII-restricted by the header rules, so NUL separates safely."""
    parts = (package_id, producer_unit_code, signer_key_id, recipient_key_id)
    return KEY_INFO_TAG + b"\x00".join(p.encode("ascii") for p in parts)


def chunk_aad(package_id: str) -> bytes:
    return CHUNK_AAD_TAG + package_id.encode("ascii")


def wrap_payload_key(payload_key: bytes, recipient_public: bytes, info: bytes) -> bytes:
    sealed = HPKE_SUITE.encrypt(payload_key, X25519PublicKey.from_public_bytes(recipient_public), info=info)
    assert len(sealed) == WRAPPED_KEY_LEN
    return sealed


def chunk_nonce(counter: int, last: bool) -> bytes:
    if not 0 <= counter <= MAX_COUNTER:
        raise PackageError(MALFORMED, detail="STREAM counter overflow")
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


class StreamEncryptor:
    """Feed plaintext of any size; sealed chunks come out. Holds at most one chunk + input."""

    def __init__(self, key: bytes, aad: bytes, chunk_size: int) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._aad = aad
        self._size = chunk_size
        self._buf = bytearray()
        self._counter = 0
        self._done = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._buf += data
        # Strictly greater: the final chunk must stay buffered until we know it is final.
        while len(self._buf) > self._size:
            yield self._seal(bytes(self._buf[: self._size]), last=False)
            del self._buf[: self._size]

    def finish(self) -> bytes:
        if self._done:
            raise PackageError(MALFORMED, detail="STREAM already finished")
        self._done = True
        return self._seal(bytes(self._buf), last=True)

    def _seal(self, plaintext: bytes, last: bool) -> bytes:
        sealed = self._aead.encrypt(chunk_nonce(self._counter, last), plaintext, self._aad)
        self._counter += 1
        return sealed


def chunk_layout(payload_size: int, chunk_size: int) -> Iterator[tuple[int, int, bool]]:
    """(index, sealed length, is_last) of each chunk implied by the sizes in the header.

    All chunks but the last are ``chunk_size + 16`` bytes; the last holds 1..chunk_size
    plaintext bytes, or 0 only when it is the only chunk (empty payload).
    """
    sealed_full = chunk_size + TAG_LEN
    if payload_size < TAG_LEN:
        raise PackageError(MALFORMED, detail="encrypted payload shorter than one tag")
    count = -(-payload_size // sealed_full)
    last_len = payload_size - (count - 1) * sealed_full
    if last_len < TAG_LEN or (count > 1 and last_len == TAG_LEN):
        raise PackageError(MALFORMED, detail="payload size is not a valid chunk layout")
    for index in range(count - 1):
        yield index, sealed_full, False
    yield count - 1, last_len, True


class StreamDecryptor:
    def __init__(self, key: bytes, aad: bytes) -> None:
        self._aead = ChaCha20Poly1305(key)
        self._aad = aad

    def open(self, index: int, sealed: bytes, last: bool) -> bytes:
        try:
            return self._aead.decrypt(chunk_nonce(index, last), sealed, self._aad)
        except InvalidTag:
            raise PackageError(DECRYPT_FAILED, detail=f"chunk {index} failed authentication") from None
