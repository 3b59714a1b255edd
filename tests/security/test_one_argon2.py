"""Issue 18, point 3: one Argon2id derivation per command. `antq export` checks the password on the
account's own wrap of the unit's key and unlocks that wrap with the same derived key (docs/security.md,
section 4); everything the separate hash check refused is still refused, counted and audited."""

from __future__ import annotations

import base64
import json

import argon2.low_level
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from antq_desktop.cli.main import main
from antq_desktop.domain.errors import AuthError
from antq_desktop.exchange.keystore import KdfParams, KeyStore, derivations_remembered
from antq_desktop.services import accounts
from antq_desktop.services.accounts import login
from antq_desktop.services.demo import generate
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup import profile
from antq_desktop.storage.db import open_store
from antq_desktop.storage.models import AuditEntry, ExportRecord, KeyWrap, User

PASSWORD = "mot cau rat dai"
LOW = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)


class _Counting:
    """argon2's C binding with every derivation counted (hash, raw hash, verify)."""

    def __init__(self, real: object) -> None:
        self.real, self.calls = real, 0

    def __getattr__(self, name: str) -> object:
        value = getattr(self.real, name)
        if name not in ("argon2_hash", "argon2_verify", "argon2_ctx"):
            return value

        def counted(*args: object) -> object:
            self.calls += 1
            return value(*args)  # type: ignore[operator]
        return counted


@pytest.fixture
def counter(monkeypatch: pytest.MonkeyPatch) -> _Counting:
    counting = _Counting(argon2.low_level.lib)
    monkeypatch.setattr(argon2.low_level, "lib", counting)
    return counting


@pytest.fixture
def low_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash and key wraps at the same (minimum) Argon2id cost, as at the defaults (64 MiB, t=3 both)."""
    monkeypatch.setattr(login, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    monkeypatch.setattr(keys, "KEYSTORE", KeyStore(LOW))


@pytest.fixture
def commune(tmp_path, low_cost, monkeypatch):  # type: ignore[no-untyped-def]
    office = open_store(tmp_path / "office.sqlite3")
    profile.initialise(office, role="district", unit_code="CUM-01", name="Cụm công an khu vực 1",
                       officer_name="Trần Văn Bình", password=PASSWORD)
    store = open_store(tmp_path / "commune.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    generate(store, households=15, seed=4)
    with office.session_factory() as session:
        office_key = keys.public_key_file(session, PASSWORD)
    with store.session() as session:
        keys.set_recipient(session, office_key, actor="admin")
    office.close()
    store.close()
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    return tmp_path / "commune.sqlite3"


def _export(db, out, capsys):  # type: ignore[no-untyped-def]
    code = main(["--db", str(db), "export", "--full", "--out", str(out)])
    return code, capsys.readouterr().err


def _admin(db):  # type: ignore[no-untyped-def]
    store = open_store(db)
    try:
        with store.session_factory() as session:
            user = session.execute(select(User).where(User.username == "admin")).scalar_one()
            failures = [e.actor for e in session.execute(select(AuditEntry).where(
                AuditEntry.action == "login_failed")).scalars()]
            exports = session.execute(select(ExportRecord)).scalars().all()
            return user.failed_attempts, user.locked_until, failures, len(exports)
    finally:
        store.close()


def test_one_export_command_derives_once(commune, counter, capsys, tmp_path):
    code, err = _export(commune, tmp_path / "one.antq", capsys)
    assert code == 0, err
    assert counter.calls == 1  # before: the hash check at sign-in, then the key unlock
    assert _admin(commune)[3] == 1


def test_a_wrong_password_is_refused_as_before_and_counted_toward_the_lockout(commune, counter, capsys, tmp_path,
                                                                               monkeypatch):
    monkeypatch.setenv("ANTQ_PASSWORD", "not the password at all")
    for attempt in range(1, login.MAX_FAILED_ATTEMPTS):
        code, err = _export(commune, tmp_path / "no.antq", capsys)
        assert code == 1 and AuthError().message in err
        failed, locked_until, failures, exported = _admin(commune)
        assert failed == attempt and locked_until is None and failures == ["admin"] * attempt and exported == 0
    code, err = _export(commune, tmp_path / "no.antq", capsys)  # the fifth: locked for 5 minutes
    assert _admin(commune)[1] is not None
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    code, err = _export(commune, tmp_path / "no.antq", capsys)  # even the right one, while locked
    assert code == 1 and "Đăng nhập sai quá nhiều lần" in err
    assert not (tmp_path / "no.antq").exists()


def test_the_right_password_resets_the_failures(commune, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("ANTQ_PASSWORD", "not the password at all")
    _export(commune, tmp_path / "no.antq", capsys)
    assert _admin(commune)[0] == 1
    monkeypatch.setenv("ANTQ_PASSWORD", PASSWORD)
    code, err = _export(commune, tmp_path / "yes.antq", capsys)
    assert code == 0, err
    assert _admin(commune)[0] == 0 and (tmp_path / "yes.antq").exists()


def _tamper_wrap(db):  # type: ignore[no-untyped-def]
    store = open_store(db)
    try:
        with store.session() as session:
            wrap = session.execute(select(KeyWrap).where(KeyWrap.kind == "account")).scalar_one()
            blob = json.loads(wrap.blob)
            sealed = bytearray(base64.b64decode(blob["signing"]["wrapped"]))
            sealed[3] ^= 0x01
            blob["signing"]["wrapped"] = base64.b64encode(bytes(sealed)).decode("ascii")
            wrap.blob = json.dumps(blob)
    finally:
        store.close()


def test_a_tampered_key_wrap_is_still_refused(commune, counter, capsys, tmp_path):
    _tamper_wrap(commune)
    code, err = _export(commune, tmp_path / "t.antq", capsys)
    # The right password: the hash (the account's password of record) signs the officer in, the
    # damaged wrap then refuses to unlock; nothing is written.
    assert code == 1 and "[BAD_PASSWORD]" in err and "không mở được khóa" in err
    assert not (tmp_path / "t.antq").exists()
    failed, _locked, failures, exported = _admin(commune)
    assert (failed, failures, exported) == (0, [], 0)


def test_a_tampered_wrap_and_a_wrong_password_are_refused_and_counted(commune, capsys, tmp_path, monkeypatch):
    _tamper_wrap(commune)
    monkeypatch.setenv("ANTQ_PASSWORD", "not the password at all")
    code, err = _export(commune, tmp_path / "t.antq", capsys)
    assert code == 1 and AuthError().message in err
    assert _admin(commune)[0] == 1


def test_a_wrap_cheaper_than_the_hash_is_not_the_check(tmp_path, monkeypatch):
    """The wrap stands in for the hash only at no lower Argon2 cost: else the hash decides, as before."""
    monkeypatch.setattr(login, "_HASHER", PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    monkeypatch.setattr(keys, "KEYSTORE", KeyStore(LOW))
    store = open_store(tmp_path / "c.sqlite3")
    profile.initialise(store, role="commune", unit_code="00070", officer_name="Nguyễn Văn An", password=PASSWORD)
    verified: list[str] = []
    real_verify = login._verify
    monkeypatch.setattr(login, "_verify", lambda user, password: verified.append(password) or real_verify(
        user, password))
    assert accounts.sign_in(store, username="admin", password=PASSWORD).username == "admin"
    assert verified == [PASSWORD]
    store.close()


def test_the_derived_key_is_kept_only_for_its_command(commune, counter):
    """Outside a command's context (GUI, services) the sign-in and the unlock derive separately, as before;
    inside one, a second unlock of the same wrap with the same password derives nothing more, and a
    different password derives anew (and is refused)."""
    store = open_store(commune)
    try:
        accounts.sign_in(store, username="admin", password=PASSWORD)
        with store.session_factory() as session:
            blob = keys.active_blob(session, "admin")
        calls = counter.calls
        KeyStore.unlock(blob, PASSWORD).close()
        assert counter.calls == calls + 1
        with derivations_remembered():
            KeyStore.unlock(blob, PASSWORD).close()
            KeyStore.unlock(blob, PASSWORD).close()
            assert counter.calls == calls + 2
            with pytest.raises(Exception, match="cannot unwrap"):
                KeyStore.unlock(blob, PASSWORD + "x")
            assert counter.calls == calls + 3
    finally:
        store.close()
