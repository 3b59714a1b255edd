"""What ui/ and cli/ do with keys: each function takes the Store, runs one transaction (or one
read), and returns plain frozen dataclasses, never ORM rows.

Thin wrappers over the session-taking functions in `registry` and `rotation`, which other
services call inside their own transactions (export, merge, setup).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.keys import registry, reported, rotation
from antq_desktop.services.keys.registry import LocalKeyInfo
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import KnownKey


@dataclass(frozen=True)
class KnownKeyInfo:
    """One entry of the trust registry (another unit's key) as plain values."""

    key_id: str
    unit_code: str
    unit_name: str
    role: str
    fingerprint: str
    source: str  # enrolled | announced | vouched | recipient
    is_trusted: bool
    is_recipient: bool
    enrolled_at: datetime | None
    enrolled_by: str | None
    revoked_at: datetime | None
    note: str | None
    role_label: str  # "xã/phường", "cụm/huyện", "tỉnh"
    source_label: str  # where this office got the key ("bảo lãnh bởi …" names who vouched)
    legacy: bool  # from a version 1 key file: the fingerprint covers the two public keys only
    reported_by: str | None = None  # revoked because this office reported it up in a forward (issue 14)
    reported_state: str | None = None  # "thu hồi — do CUM-01 báo lên, ngày 03/12/2026"
    changes: Changes = field(default=NO_CHANGES, compare=False)  # what the call that returned it wrote


@dataclass(frozen=True)
class RevocationInfo:
    """A revoked key and the keys revoked with it because it had announced them."""

    key: KnownKeyInfo
    also: list[KnownKeyInfo]
    changes: Changes = field(default=NO_CHANGES, compare=False)


class CatchmentList(list[str]):
    """The communes an office may vouch for (a list, as callers read it) and the Changes of setting it."""

    changes = Changes(trust_changed=True)


# The trust registry's entries changed; the recipient is also the key exports encrypt to.
TRUST = Changes(trust_changed=True)
RECIPIENT = Changes(trust_changed=True, keys_changed=True)
OWN_KEY = Changes(keys_changed=True)


def known_key_info(row: KnownKey, report: reported.Report | None = None) -> KnownKeyInfo:
    """``report``: an office's reported revocation of this key (shown as such while the key is revoked)."""
    shown = report if report is not None and row.revoked_at is not None else None
    return KnownKeyInfo(row.key_id, row.unit_code, row.unit_name, row.role, row.fingerprint, row.source,
                        bool(row.is_trusted), bool(row.is_recipient), row.enrolled_at, row.enrolled_by,
                        row.revoked_at, row.note, registry.role_label(row), registry.source_label(row),
                        registry.is_legacy_fingerprint(row), shown.office_unit if shown else None,
                        reported.state_label(shown) if shown else None)


# ---- this unit's own key ----

def own_key(store: Store) -> LocalKeyInfo | None:
    """The active key (the one packages are signed with), or None before one was created."""
    with store.session_factory() as session:
        row = registry.active_local_key(session)
        return registry.local_key_info(row) if row is not None else None


def require_own_key(store: Store) -> LocalKeyInfo:
    """The active key; KeyProblem [NO_KEY] (saying what to do) when there is none."""
    with store.session_factory() as session:
        return registry.local_key_info(registry.require_local_key(session))


def own_fingerprint(store: Store) -> str | None:
    """The paper fingerprint of this unit's active key (version 2: unit, role and keys), None without a key."""
    with store.session_factory() as session:
        row = registry.active_local_key(session)
        return registry.paper_fingerprint(session, row) if row is not None else None


def announcement_pending(store: Store) -> bool:
    """A new key not yet announced to the upper office (the next export carries the announcement)."""
    with store.session_factory() as session:
        return rotation.pending_announcement(session) is not None


def public_key_file(store: Store, password: str, username: str | None = None) -> bytes:
    """The .antqkey file of this unit, signed with the key opened by ``username``'s own password
    (without a name: the key's only holder)."""
    with store.session() as session:
        return registry.public_key_file(session, password, username)


def rotate(store: Store, password: str, *, actor: str, new_enrolment: bool = False) -> LocalKeyInfo:
    with store.session() as session:
        info = registry.local_key_info(rotation.rotate(session, password, actor=actor, new_enrolment=new_enrolment))
        return replace(info, changes=OWN_KEY)


# ---- the upper office's key (recipient) ----

def recipient(store: Store) -> KnownKeyInfo | None:
    with store.session_factory() as session:
        row = registry.recipient(session)
        return known_key_info(row) if row is not None else None


def set_recipient(store: Store, data: bytes, *, actor: str) -> KnownKeyInfo:
    with store.session() as session:
        return replace(known_key_info(registry.set_recipient(session, data, actor=actor)), changes=RECIPIENT)


# ---- the trust registry ----

def trust_list(store: Store) -> list[KnownKeyInfo]:
    """Every key this unit knows, by unit code then enrolment time, read in one snapshot."""
    with store.read_session() as session:
        reports = reported.reports(session)
        return [known_key_info(row, reports.get(row.key_id)) for row in registry.list_known(session)]


def trust_add(store: Store, data: bytes, *, actor: str, **options: Any) -> KnownKeyInfo:
    """Enrol a unit's key after the officer compared the fingerprint (options: see registry.trust_add)."""
    with store.session() as session:
        return replace(known_key_info(registry.trust_add(session, data, actor=actor, **options)), changes=TRUST)


def trust_revoke(store: Store, fingerprint: str, *, actor: str, reason: str | None = None,
                 since: datetime | None = None) -> RevocationInfo:
    """Revoke a key and the keys it announced (at or after `since`); see registry.trust_revoke."""
    with store.session() as session:
        done = registry.trust_revoke(session, fingerprint, actor=actor, reason=reason, since=since)
        return RevocationInfo(known_key_info(done.row), [known_key_info(k) for k in done.also], TRUST)


def set_catchment(store: Store, office_unit: str, communes: list[str], *, actor: str) -> CatchmentList:
    """The communes an enrolled office may vouch keys for (replaces the list; audited)."""
    with store.session() as session:
        return CatchmentList(registry.set_catchment(session, office_unit, communes, actor=actor))


def catchment(store: Store, office_unit: str) -> list[str]:
    with store.read_session() as session:
        return registry.catchment(session, office_unit)
