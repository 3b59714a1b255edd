"""The only holder of private keys. Keys exist in plaintext only inside ``UnlockedKeys``.

Each installation has an Ed25519 signing key and an X25519 receiving key. At rest they are
wrapped with ChaCha20-Poly1305 under a key-encryption key derived from the officer's
password with Argon2id. The blob is a JSON-able dict so any storage (DB row, file) can hold
it; its KDF parameters and salt travel with it so they can be raised later (``rewrap``).
"""

from __future__ import annotations

import hmac
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from .errors import BAD_PASSWORD, DECRYPT_FAILED, MALFORMED, UNSUPPORTED_VERSION, PackageError
from .keys import (
    PublicKeyRecord,
    b64decode,
    b64encode,
    build_public_key_file,
    check_key_id,
    check_name,
    check_role,
    check_unit_code,
    check_utc_text,
    fingerprint,
    key_id,
    utc_now_text,
)
from .stream_crypto import HPKE_SUITE

BLOB_FORMAT = "antq-keystore"
BLOB_VERSION = 1
WRAP_AAD_TAG = b"ANTQ-KEYSTORE-v1\x00"
SIGNING = "signing"
RECEIVING = "receiving"
SALT_LEN = 16
NONCE_LEN = 12
# A new key pair handed over to the holders of the previous one (rotation): HPKE info prefix.
HANDOVER_INFO_TAG = b"ANTQ-KEY-HANDOVER-v1\x00"

_RAW = serialization.Encoding.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_NO_ENC = serialization.NoEncryption()


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Defaults follow OWASP (64 MiB, t=3); tests pass lower values explicitly."""

    time_cost: int = 3
    memory_cost_kib: int = 64 * 1024
    parallelism: int = 1

    def check(self) -> KdfParams:
        # Upper bounds stop a tampered blob from freezing the machine; lower bounds are
        # Argon2's own minimums (tests rely on them being low).
        ok = (
            1 <= self.time_cost <= 64
            and 8 * self.parallelism <= self.memory_cost_kib <= 4 * 1024 * 1024
            and 1 <= self.parallelism <= 16
        )
        if not ok:
            raise PackageError(MALFORMED, detail="key store KDF parameters out of range")
        return self


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class PublicKeys:
    """What may be shown or exported without a password."""

    signing_public: bytes
    receiving_public: bytes

    @property
    def signing_key_id(self) -> str:
        return key_id(self.signing_public)

    @property
    def receiving_key_id(self) -> str:
        return key_id(self.receiving_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public, self.receiving_public)


def _password_bytes(password: str) -> bytes:
    # NFC: Vietnamese IMEs may type "ệ" composed or decomposed; both must open the keys.
    if not isinstance(password, str) or not password:
        raise PackageError(BAD_PASSWORD, detail="empty password")
    return unicodedata.normalize("NFC", password).encode("utf-8")


# KEKs derived during one command (see ``remember_derivations``): (salt, cost) -> (password bytes, KEK).
_DERIVED: ContextVar[dict[tuple[bytes, KdfParams], tuple[bytes, bytes]] | None] = ContextVar(
    "antq_derived_keks", default=None)


def remember_derivations() -> None:
    """From now on in this context (the CLI runs each command in its own, cli/main.py), a KEK derived from
    a password, salt and cost is kept in memory and reused when the same wrap is opened again with the same
    password: a command that checks the password on the account's wrap and then unlocks that wrap derives
    once. Argon2 is deterministic, so a reused KEK is exactly the one a second derivation would give; a
    different password (compared in constant time) derives anew. The KEK lives as long as the typed
    password the command already holds, and no longer than the context (docs/security.md, section 4)."""
    if _DERIVED.get() is None:
        _DERIVED.set({})


@contextmanager
def derivations_remembered() -> Iterator[None]:
    """``remember_derivations`` for a block only (tests, tools); forgotten when the block ends."""
    token = _DERIVED.set({})
    try:
        yield
    finally:
        memo = _DERIVED.get()
        if memo is not None:
            memo.clear()
        _DERIVED.reset(token)


def _derive_kek(password: str, salt: bytes, params: KdfParams) -> bytes:
    secret = _password_bytes(password)
    memo = _DERIVED.get()
    seen = memo.get((salt, params)) if memo is not None else None
    if seen is not None and hmac.compare_digest(seen[0], secret):
        return seen[1]
    kek = hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )
    if memo is not None:
        memo[(salt, params)] = (secret, kek)
    return kek


def _aad(kind: str, kid: str) -> bytes:
    # Binds each wrapped key to its role and id: the two blobs cannot be swapped.
    return WRAP_AAD_TAG + kind.encode("ascii") + b"\x00" + kid.encode("ascii")


def _wrap(kek: bytes, kind: str, private_raw: bytes, public_raw: bytes) -> dict[str, str]:
    kid = key_id(public_raw)
    nonce = os.urandom(NONCE_LEN)
    sealed = ChaCha20Poly1305(kek).encrypt(nonce, private_raw, _aad(kind, kid))
    return {
        "key_id": kid,
        "public_key": b64encode(public_raw),
        "nonce": b64encode(nonce),
        "wrapped": b64encode(sealed),
    }


def _kdf_from_blob(blob: dict[str, Any]) -> tuple[KdfParams, bytes]:
    kdf = blob.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("alg") != "argon2id":
        raise PackageError(MALFORMED, detail="key store KDF missing")
    try:
        params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_cost_kib"]), int(kdf["parallelism"]))
    except (KeyError, TypeError, ValueError):
        raise PackageError(MALFORMED, detail="key store KDF parameters invalid") from None
    return params.check(), b64decode(kdf.get("salt"), SALT_LEN, "salt")


def kdf_of(blob: dict[str, Any]) -> KdfParams:
    """The Argon2id cost a blob was wrapped with (checked against the caps): a copy for another
    account is wrapped at the same cost."""
    return _kdf_from_blob(_check_blob(blob))[0]


def _check_blob(blob: Any) -> dict[str, Any]:
    if not isinstance(blob, dict) or blob.get("format") != BLOB_FORMAT:
        raise PackageError(MALFORMED, detail="not an ANTQ key store blob")
    if blob.get("version") != BLOB_VERSION:
        raise PackageError(UNSUPPORTED_VERSION, detail="key store version")
    for kind in (SIGNING, RECEIVING):
        if not isinstance(blob.get(kind), dict):
            raise PackageError(MALFORMED, detail=f"key store lacks {kind} key")
    return blob


def _public_raw(entry: dict[str, Any], kind: str) -> bytes:
    raw = b64decode(entry.get("public_key"), 32, f"{kind}.public_key")
    if check_key_id(entry.get("key_id"), f"{kind}.key_id") != key_id(raw):
        raise PackageError(MALFORMED, detail=f"{kind} key id does not match its public key")
    return raw


def _unwrap(kek: bytes, blob: dict[str, Any], kind: str) -> bytes:
    entry = blob[kind]
    public_raw = _public_raw(entry, kind)
    nonce = b64decode(entry.get("nonce"), NONCE_LEN, f"{kind}.nonce")
    sealed = b64decode(entry.get("wrapped"), 32 + 16, f"{kind}.wrapped")
    try:
        return ChaCha20Poly1305(kek).decrypt(nonce, sealed, _aad(kind, key_id(public_raw)))
    except InvalidTag:
        # Wrong password and a corrupted blob look the same; the password is far likelier.
        raise PackageError(BAD_PASSWORD, detail=f"cannot unwrap {kind} key") from None


class UnlockedKeys:
    """Private keys in memory for one operation. Use as a context manager; do not keep it."""

    def __init__(self, signing: Ed25519PrivateKey, receiving: X25519PrivateKey) -> None:
        self._signing: Ed25519PrivateKey | None = signing
        self._receiving: X25519PrivateKey | None = receiving
        self.public = PublicKeys(
            signing.public_key().public_bytes(_RAW, _RAW_PUB),
            receiving.public_key().public_bytes(_RAW, _RAW_PUB),
        )

    @property
    def signing_key_id(self) -> str:
        return self.public.signing_key_id

    @property
    def receiving_key_id(self) -> str:
        return self.public.receiving_key_id

    def sign(self, message: bytes) -> bytes:
        if self._signing is None:
            raise PackageError(BAD_PASSWORD, detail="keys already closed")
        return self._signing.sign(message)

    def open_payload_key(self, wrapped: bytes, info: bytes) -> bytes:
        """HPKE-open a package's payload key addressed to this installation."""
        if self._receiving is None:
            raise PackageError(BAD_PASSWORD, detail="keys already closed")
        try:
            return HPKE_SUITE.decrypt(wrapped, self._receiving, info=info)
        except (InvalidTag, ValueError):
            raise PackageError(DECRYPT_FAILED, detail="HPKE open failed") from None

    def close(self) -> None:
        # Python cannot wipe memory reliably; dropping references is the best available.
        self._signing = None
        self._receiving = None

    def __enter__(self) -> UnlockedKeys:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class KeyStore:
    """Create, unlock and re-protect an installation's key pair. Storage-agnostic."""

    def __init__(self, kdf: KdfParams = DEFAULT_KDF) -> None:
        self.kdf = kdf.check()

    def create(self, password: str) -> tuple[dict[str, Any], PublicKeys]:
        """New random key pair, wrapped under ``password``. Returns (blob, public keys)."""
        signing = Ed25519PrivateKey.generate()
        receiving = X25519PrivateKey.generate()
        blob = self._seal(password, signing, receiving, utc_now_text())
        return blob, self.public_info(blob)

    def _seal(
        self,
        password: str,
        signing: Ed25519PrivateKey,
        receiving: X25519PrivateKey,
        created_at: str,
    ) -> dict[str, Any]:
        salt = os.urandom(SALT_LEN)
        kek = _derive_kek(password, salt, self.kdf)
        return {
            "format": BLOB_FORMAT,
            "version": BLOB_VERSION,
            "kdf": {"alg": "argon2id", **asdict(self.kdf), "salt": b64encode(salt)},
            SIGNING: _wrap(
                kek,
                SIGNING,
                signing.private_bytes(_RAW, _RAW_PRIV, _NO_ENC),
                signing.public_key().public_bytes(_RAW, _RAW_PUB),
            ),
            RECEIVING: _wrap(
                kek,
                RECEIVING,
                receiving.private_bytes(_RAW, _RAW_PRIV, _NO_ENC),
                receiving.public_key().public_bytes(_RAW, _RAW_PUB),
            ),
            "created_at": created_at,
        }

    @staticmethod
    def public_info(blob: dict[str, Any]) -> PublicKeys:
        blob = _check_blob(blob)
        return PublicKeys(_public_raw(blob[SIGNING], SIGNING), _public_raw(blob[RECEIVING], RECEIVING))

    @staticmethod
    def unlock(blob: dict[str, Any], password: str) -> UnlockedKeys:
        """Derive the KEK (slow, on purpose) and return the private keys. BAD_PASSWORD if wrong."""
        blob = _check_blob(blob)
        params, salt = _kdf_from_blob(blob)
        kek = _derive_kek(password, salt, params)
        signing = Ed25519PrivateKey.from_private_bytes(_unwrap(kek, blob, SIGNING))
        receiving = X25519PrivateKey.from_private_bytes(_unwrap(kek, blob, RECEIVING))
        keys = UnlockedKeys(signing, receiving)
        # A blob whose public half was swapped must not sign under someone else's key id.
        if keys.public != KeyStore.public_info(blob):
            raise PackageError(MALFORMED, detail="private keys do not match stored public keys")
        return keys

    def sign(self, blob: dict[str, Any], password: str, data: bytes) -> bytes:
        with self.unlock(blob, password) as keys:
            return keys.sign(data)

    def decrypt_package_key(self, blob: dict[str, Any], password: str, wrapped: bytes, info: bytes) -> bytes:
        with self.unlock(blob, password) as keys:
            return keys.open_payload_key(wrapped, info)

    def rewrap(self, blob: dict[str, Any], old_password: str, new_password: str) -> dict[str, Any]:
        """Same keys, new password, fresh salt, and this store's (possibly higher) KDF cost."""
        _password_bytes(new_password)
        with self.unlock(blob, old_password) as keys:
            assert keys._signing is not None and keys._receiving is not None
            return self._seal(new_password, keys._signing, keys._receiving, blob["created_at"])

    def seal_unlocked(self, keys: UnlockedKeys, password: str, created_at: str) -> dict[str, Any]:
        """The same private keys wrapped under another password (another account's): fresh salt, this cost."""
        _password_bytes(password)
        if keys._signing is None or keys._receiving is None:
            raise PackageError(BAD_PASSWORD, detail="keys already closed")
        return self._seal(password, keys._signing, keys._receiving, created_at)

    @staticmethod
    def public_only(blob: dict[str, Any]) -> dict[str, Any]:
        """The blob without its wrapped halves: what may stay readable to every account."""
        blob = _check_blob(blob)
        kept = {kind: {"key_id": blob[kind]["key_id"], "public_key": blob[kind]["public_key"]}
                for kind in (SIGNING, RECEIVING)}
        return {"format": BLOB_FORMAT, "version": BLOB_VERSION, **kept, "created_at": blob.get("created_at")}

    @staticmethod
    def hand_over(keys: UnlockedKeys, to_receiving_public: bytes) -> bytes:
        """Seal a (new) key pair's private halves to an (older) receiving key: whoever holds that one takes it over."""
        if keys._signing is None or keys._receiving is None:
            raise PackageError(BAD_PASSWORD, detail="keys already closed")
        raw = keys._signing.private_bytes(_RAW, _RAW_PRIV, _NO_ENC) + keys._receiving.private_bytes(
            _RAW, _RAW_PRIV, _NO_ENC)
        info = HANDOVER_INFO_TAG + keys.signing_key_id.encode("ascii")
        return HPKE_SUITE.encrypt(raw, X25519PublicKey.from_public_bytes(to_receiving_public), info=info)

    @staticmethod
    def take_over(sealed: bytes, holder: UnlockedKeys, signing_key_id: str) -> UnlockedKeys:
        """Open what ``hand_over`` sealed to ``holder``'s receiving key; the pair must be ``signing_key_id``'s."""
        raw = holder.open_payload_key(sealed, HANDOVER_INFO_TAG + signing_key_id.encode("ascii"))
        if len(raw) != 64:
            raise PackageError(MALFORMED, detail="handed-over keys have the wrong length")
        keys = UnlockedKeys(Ed25519PrivateKey.from_private_bytes(raw[:32]),
                            X25519PrivateKey.from_private_bytes(raw[32:]))
        if keys.signing_key_id != signing_key_id:
            keys.close()
            raise PackageError(MALFORMED, detail="handed-over keys are not the announced pair")
        return keys

    def needs_upgrade(self, blob: dict[str, Any]) -> bool:
        """True when the blob's Argon2 cost is below this store's: call ``rewrap`` at login."""
        params, _ = _kdf_from_blob(_check_blob(blob))
        return params.time_cost < self.kdf.time_cost or params.memory_cost_kib < self.kdf.memory_cost_kib

    def export_public_key_file(
        self,
        blob: dict[str, Any],
        password: str,
        unit_code: str,
        unit_name: str,
        role: str,
        created_at: str | None = None,
    ) -> bytes:
        """Bytes of the self-signed ``.antqkey`` file to hand to the upper office."""
        public = self.public_info(blob)
        record = PublicKeyRecord(
            unit_code=check_unit_code(unit_code),
            unit_name=check_name(unit_name),
            role=check_role(role),
            signing_public=public.signing_public,
            receiving_public=public.receiving_public,
            created_at=check_utc_text(created_at or utc_now_text(), "created_at"),
        )
        with self.unlock(blob, password) as keys:
            return build_public_key_file(record, keys)
