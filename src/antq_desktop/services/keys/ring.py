"""Keys for a merge run: the trust registry as the reader's lookup, and this office's
receiving keys (active or retired) unlocked at most once per run."""

from __future__ import annotations

from collections.abc import Callable

from antq_desktop.exchange.errors import NO_RECIPIENT, WRONG_RECIPIENT, PackageError
from antq_desktop.exchange.keys import TrustedKey
from antq_desktop.exchange.keystore import KeyStore, UnlockedKeys
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.exchange.package_reader import PayloadKeyOpener
from antq_desktop.services.keys import registry as store_keys
from antq_desktop.storage.db import Store

TrustedLookup = Callable[[str], "TrustedKey | None"]

NEED_PASSWORD = ("Gói dữ liệu đã được mã hóa; cần mật khẩu của người giữ khóa đơn vị để mở. "
                 "Hãy đăng nhập bằng tài khoản đã thiết lập máy rồi nhập lại.")


def trusted_lookup(store: Store) -> TrustedLookup:
    """A snapshot of the trust registry (B1's `services.keys.registry.trusted_lookup`)."""
    with store.session_factory() as session:
        return store_keys.trusted_lookup(session)


class KeyRing:
    """Opens the payload key of packages addressed to this office.

    Argon2 makes unlocking slow on purpose, so each of our keys is unlocked once per run;
    `close()` wipes them.
    """

    def __init__(self, store: Store, password: str | None = None, keys: PayloadKeyOpener | None = None) -> None:
        self.store, self.password, self.fixed = store, password, keys
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
            blob = store_keys.blob_for_receiving_key(session, recipient)
        if blob is None:
            raise PackageError(WRONG_RECIPIENT, detail=f"for {recipient}")
        if self.password is None:
            raise PackageError(NO_RECIPIENT, message_vi=NEED_PASSWORD)
        try:
            return KeyStore.unlock(blob, self.password)
        except PackageError as exc:
            raise PackageError(exc.code, message_vi=store_keys.unlock_message(exc), detail=exc.detail) from None

    def close(self) -> None:
        for unlocked in self._open.values():
            unlocked.close()
        self._open.clear()
