"""Hash-chained audit log: each entry's hash covers the previous hash, so edits to the past show.

Two link formulas (docs/security.md section 5). Version 1, entries written before audit continuity:
``hash = SHA-256(canonical [prev_hash, at, actor, action, record_type, record_id, details])``.
Version 2, every entry written now: ``content = SHA-256(canonical [at, actor, record_type, record_id,
details])`` and ``hash = SHA-256(canonical ["antq-audit-v2", prev_hash, action, content])``, so a package
can carry each entry's action and content digest (no personal data) and the upper office can recompute
every link from the head it holds. The tag keeps the two formulas apart; a chain switches from version 1
to version 2 once and never back, which `verify_chain` enforces (that is the per-entry version marker:
which formula reproduces the stored hash, in that order).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from antq_desktop.storage.canonical import canonical_bytes, canonical_json, to_json_value
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import AuditEntry, utcnow

GENESIS = "0" * 64
V2_TAG = "antq-audit-v2"


def _sha(value: Any) -> str:
    return hashlib.sha256(canonical_bytes(value)).hexdigest()


def _entry_hash_v1(prev_hash: str, at: str, actor: str, action: str, record_type: str | None,
                   record_id: str | None, details: str) -> str:
    return _sha([prev_hash, at, actor, action, record_type, record_id, details])


def content_digest(at: str, actor: str, record_type: str | None, record_id: str | None, details: str) -> str:
    """What a package carries instead of the entry's content (which may name citizens)."""
    return _sha([at, actor, record_type, record_id, details])


def link_hash(prev_hash: str, action: str, digest: str) -> str:
    """Version 2 link: recomputable from the previous hash, the action and the content digest alone."""
    return _sha([V2_TAG, prev_hash, action, digest])


def _entry_hash(prev_hash: str, at: str, actor: str, action: str, record_type: str | None,
                record_id: str | None, details: str) -> str:
    return link_hash(prev_hash, action, content_digest(at, actor, record_type, record_id, details))


def chain_head(session: Session, *, lock: bool = False) -> str:
    """The newest entry's hash; with lock=True, other writers wait until this transaction ends."""
    if lock:
        locked_counter(session, "audit_chain")
    last = session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).scalar()
    return last or GENESIS


def append(session: Session, *, actor: str, action: str, record_type: str | None = None,
           record_id: str | None = None, details: dict[str, Any] | None = None) -> AuditEntry:
    """Add one entry inside the caller's transaction (it commits or rolls back with the change)."""
    prev = chain_head(session, lock=True)
    at = utcnow()
    text = canonical_json({k: to_json_value(v) for k, v in (details or {}).items()})
    entry = AuditEntry(at=at, actor=actor, action=action, record_type=record_type, record_id=record_id,
                       details=text, prev_hash=prev,
                       hash=_entry_hash(prev, to_json_value(at), actor, action, record_type, record_id, text))
    session.add(entry)
    session.flush()
    return entry


def append_many(session: Session, entries: list[dict[str, Any]], *, actor: str) -> None:
    """Chain a batch of entries (keys: action, record_type, record_id, details) in one insert."""
    prev = chain_head(session, lock=True)
    at = utcnow()
    rows = []
    for entry in entries:
        text = canonical_json({k: to_json_value(v) for k, v in (entry.get("details") or {}).items()})
        digest = _entry_hash(prev, to_json_value(at), actor, entry["action"], entry.get("record_type"),
                             entry.get("record_id"), text)
        rows.append({"at": at, "actor": actor, "action": entry["action"], "record_type": entry.get("record_type"),
                     "record_id": entry.get("record_id"), "details": text, "prev_hash": prev, "hash": digest})
        prev = digest
    if rows:
        session.execute(insert(AuditEntry), rows)


def entry_link(entry: AuditEntry) -> dict[str, Any]:
    """The entry as a package carries it: version 2 gives action and content digest (the office recomputes
    the hash), version 1 only its claimed hash (its formula needs the content, which does not travel)."""
    digest = content_digest(to_json_value(entry.at), entry.actor, entry.record_type, entry.record_id, entry.details)
    if link_hash(entry.prev_hash, entry.action, digest) == entry.hash:
        return {"v": 2, "action": entry.action, "digest": digest}
    return {"v": 1, "hash": entry.hash}


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    message: str


def _version(entry: AuditEntry, prev: str) -> int:
    """Which formula reproduces the entry's hash from `prev` (0: neither)."""
    args = (to_json_value(entry.at), entry.actor, entry.action, entry.record_type, entry.record_id, entry.details)
    if entry.hash == _entry_hash(prev, *args):
        return 2
    return 1 if entry.hash == _entry_hash_v1(prev, *args) else 0


def verify_chain(session: Session) -> list[ChainProblem]:
    """Recompute every hash with either formula (version 1 only before the first version 2 entry);
    report the entries whose content or link was altered."""
    problems: list[ChainProblem] = []
    prev, seen_v2 = GENESIS, False
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        version = _version(entry, prev)
        if entry.prev_hash != prev:
            problems.append(ChainProblem(entry.id, f"Nhật ký #{entry.id}: mắt xích trước đã bị xóa hoặc sửa."))
        elif version == 0 or (version == 1 and seen_v2):
            problems.append(ChainProblem(entry.id, f"Nhật ký #{entry.id}: nội dung đã bị sửa sau khi ghi."))
        seen_v2 = seen_v2 or version == 2
        prev = entry.hash
    return problems
