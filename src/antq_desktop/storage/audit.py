"""Hash-chained audit log: each entry's hash covers the previous hash, so edits to the past show."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from antq_desktop.storage.canonical import canonical_json, to_json_value
from antq_desktop.storage.locks import locked_counter
from antq_desktop.storage.models import AuditEntry, utcnow

GENESIS = "0" * 64


def _entry_hash(prev_hash: str, at: str, actor: str, action: str, record_type: str | None,
                record_id: str | None, details: str) -> str:
    payload = canonical_json([prev_hash, at, actor, action, record_type, record_id, details])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    message: str


def verify_chain(session: Session) -> list[ChainProblem]:
    """Recompute every hash; report the first entries whose content or link was altered."""
    problems: list[ChainProblem] = []
    prev = GENESIS
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        expected = _entry_hash(prev, to_json_value(entry.at), entry.actor, entry.action,
                               entry.record_type, entry.record_id, entry.details)
        if entry.prev_hash != prev:
            problems.append(ChainProblem(entry.id, f"Nhật ký #{entry.id}: mắt xích trước đã bị xóa hoặc sửa."))
        elif entry.hash != expected:
            problems.append(ChainProblem(entry.id, f"Nhật ký #{entry.id}: nội dung đã bị sửa sau khi ghi."))
        prev = entry.hash
    return problems
