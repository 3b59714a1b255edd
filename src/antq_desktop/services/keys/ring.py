"""Keys for a merge run: the trust registry as the reader's lookup, and this office's
receiving keys (active or retired) unlocked at most once per run."""

from __future__ import annotations

from collections.abc import Callable

from antq_desktop.domain.errors import KeyProblem
from antq_desktop.exchange.errors import NO_RECIPIENT, NOT_AUTHORISED, WRONG_RECIPIENT, PackageError
from antq_desktop.exchange.keys import TrustedKey
from antq_desktop.exchange.keystore import KeyStore, UnlockedKeys
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.exchange.package_reader import PayloadKeyOpener
from antq_desktop.services.keys import registry as store_keys
from antq_desktop.services.keys import wraps
from antq_desktop.storage.db import Store

TrustedLookup = Callable[[str], "TrustedKey | None"]

NEED_PASSWORD = ("Gói dữ liệu đã được mã hóa; cần mật khẩu của một tài khoản quản trị hoặc cán bộ giữ khóa "
                 "đơn vị để mở. Hãy đăng nhập rồi nhập lại mật khẩu của chính bạn.")


def trusted_lookup(store: Store) -> TrustedLookup:
    """A snapshot of the trust registry (B1's `services.keys.registry.trusted_lookup`)."""
    with store.session_factory() as session:
        return store_keys.trusted_lookup(session)


class KeyRing:
    """Opens the payload key of packages addressed to this office.

    Argon2 makes unlocking slow on purpose, so each of our keys is unlocked once per run;
    `close()` wipes them. ``actor``: the signed-in account whose own wrap (and ``password``) opens them
    (None: the keys' only holder).
    """

    def __init__(self, store: Store, password: str | None = None, keys: PayloadKeyOpener | None = None, *,
                 actor: str | None = None) -> None:
        self.store, self.password, self.fixed, self.actor = store, password, keys, actor
        self._open: dict[str, UnlockedKeys] = {}

    def opener(self, header: PackageHeader) -> PayloadKeyOpener | None:
        if not header.encrypted:
            return None
        recipient = header.recipient_key_id or ""
        if self.fixed is not None:
            if self.fixed.receiving_key_id != recipient:
                raise PackageError(WRONG_RECIPIENT, detail=f"for {recipient}")
            return self.fixed
        if recipient not in self._open:
            self._open[recipient] = self._unlock(recipient)
        return self._open[recipient]

    def _unlock(self, recipient: str) -> UnlockedKeys:
        with self.store.session_factory() as session:
            row = store_keys.local_key_for_receiving_key(session, recipient)
            if row is None:
                raise PackageError(WRONG_RECIPIENT, detail=f"for {recipient}")
            if self.password is None:
                raise PackageError(NO_RECIPIENT, message_vi=NEED_PASSWORD)
            try:
                blob = wraps.wrapped_blob(session, self.actor, row)
            except KeyProblem as exc:
                raise PackageError(NOT_AUTHORISED, message_vi=exc.message, detail=exc.code) from None
        try:
            return KeyStore.unlock(blob, self.password)
        except PackageError as exc:
            raise PackageError(exc.code, message_vi=store_keys.unlock_message(exc), detail=exc.detail) from None

    def close(self) -> None:
        for unlocked in self._open.values():
            unlocked.close()
        self._open.clear()
