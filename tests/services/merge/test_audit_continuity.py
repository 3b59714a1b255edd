"""Audit continuity (issue 12 point 8): a package carries the digests of the audit entries since a base
head, the office recomputes the links from the head it holds. A log cut back and continued, or another
store's log, is refused with the store unchanged; a restore from an older backup is merged with a
warning; an old-format package still merges; `antq check` accepts both link formulas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from antq_desktop.exchange import package_reader
from antq_desktop.exchange.package_format import AUDIT_BASE_TYPE, AUDIT_LINK_TYPE
from antq_desktop.services import demo
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys.ring import KeyRing, trusted_lookup
from antq_desktop.services.merge import audit_head as merge_audit
from antq_desktop.services.records import writes as records
from antq_desktop.storage import audit
from antq_desktop.storage.models import AuditEntry, ExportRecord, Household, ProducerState

from .conftest import ACTOR, PASSWORD, Commune, assert_only_logged, dump, merge, trust


@pytest.fixture
def linked(upper, commune: Commune):  # type: ignore[no-untyped-def]
    demo.generate(commune.store, households=10, seed=41)
    trust(upper, commune)
    with upper.session_factory() as session:
        office_key = keys.public_key_file(session, PASSWORD)
    with commune.store.session() as session:
        keys.set_recipient(session, office_key, actor=ACTOR)
    return upper, commune


def _export(commune: Commune, name: str, kind: str = "incremental") -> Path:
    dest = commune.folder / name
    export.export_package(commune.store, dest, password=PASSWORD, actor=ACTOR, kind=kind)
    return dest


def _touch(commune: Commune, members: int) -> None:
    with commune.store.session_factory() as session:
        first = session.execute(select(Household.id).order_by(Household.id).limit(1)).scalar_one()
    records.update(commune.store, "household", first, {"members": members}, actor=ACTOR)


def _merged(upper, path: Path) -> str:  # type: ignore[no-untyped-def]
    (result,) = merge(upper, path)
    assert result.status == "merged", (result.code, result.message)
    return result.message


def _verdicts(upper) -> list[str]:  # type: ignore[no-untyped-def]
    with upper.session_factory() as session:
        stmt = select(AuditEntry.details).where(AuditEntry.action == merge_audit.CONTINUITY_ACTION)
        return [json.loads(text)["verdict"] for text in session.execute(stmt.order_by(AuditEntry.id)).scalars()]


def _refused(upper, path: Path, code: str):  # type: ignore[no-untyped-def]
    before = dump(upper)
    (result,) = merge(upper, path)
    assert result.status == "refused" and result.code == code, (result.code, result.message)
    assert_only_logged(before, dump(upper))
    return result


def _entry_after(store, head: str, steps: int = 0) -> int:  # type: ignore[no-untyped-def]
    """The id of the entry `steps` entries after the one whose prev_hash is `head`."""
    with store.session_factory() as session:
        first = session.execute(select(AuditEntry.id).where(AuditEntry.prev_hash == head)).scalar_one()
        return first + steps


def test_honest_incrementals_prove_continuity(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    _touch(commune, 5)
    assert "Lưu ý" not in _merged(upper, _export(commune, "2.antq"))
    _touch(commune, 6)
    _touch(commune, 7)
    _merged(upper, _export(commune, "3.antq"))
    assert _verdicts(upper) == ["first", "proven", "proven"]


def test_the_package_carries_digests_not_details(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    path = _export(commune, "1.antq", "full")
    package = package_reader.verify(path, trusted_lookup(upper))
    ring = KeyRing(upper, PASSWORD, None)
    try:
        lines = [r for r in package_reader.iter_records(package, ring.opener(package.header))
                 if r["type"] in (AUDIT_BASE_TYPE, AUDIT_LINK_TYPE)]
    finally:
        ring.close()
    with commune.store.session_factory() as session:
        entries = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
        assert lines[0] == {"type": AUDIT_BASE_TYPE, "base": audit.GENESIS, "bounded": False}
        assert len(lines) == len(entries)  # the base, then every entry but the export's own (written after)
        assert all(set(line) in ({"type", "v", "action", "digest"}, {"type", "v", "hash"}) for line in lines[1:])
        assert not any(e.details in json.dumps(lines, ensure_ascii=False) for e in entries if len(e.details) > 2)
    with upper.session_factory() as session:
        assert session.get(ProducerState, commune.code) is None  # reading the links wrote nothing


def test_a_log_cut_between_two_exports_and_continued_is_refused(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    with commune.store.session_factory() as session:
        sent = session.execute(select(ExportRecord.audit_head)).scalar_one()
    _touch(commune, 8)
    _touch(commune, 9)
    _merged(upper, _export(commune, "2.antq"))
    # cut back to just after package 1's export entry and the first change (before package 2's head)
    cut_from = _entry_after(commune.store, sent, steps=2)
    with commune.store.session() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id >= cut_from))
    _touch(commune, 10)  # work continues on the shortened log: a head the office has never seen
    result = _refused(upper, _export(commune, "3.antq"), merge_audit.AUDIT_CHAIN_BROKEN)
    assert "không liền mạch" in result.message and "antq check" in result.message


def test_a_cut_right_after_the_held_head_is_refused(linked) -> None:  # type: ignore[no-untyped-def]
    """Cut exactly at the head the office holds (the export's own entry lost), then continued."""
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    _touch(commune, 11)
    _merged(upper, _export(commune, "2.antq"))
    with upper.session_factory() as session:
        held = session.get(ProducerState, commune.code).last_audit_head
    with commune.store.session() as session:
        session.execute(delete(AuditEntry).where(AuditEntry.id >= _entry_after(commune.store, held)))
    _touch(commune, 12)
    result = _refused(upper, _export(commune, "3.antq"), merge_audit.AUDIT_CHAIN_BROKEN)
    assert "xuất gói" in result.message


def test_a_swapped_store_is_refused(linked) -> None:  # type: ignore[no-untyped-def]
    """Another log (same keys, same records): even with a `restore` entry it shares no head with the office."""
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    with commune.store.session() as session:
        session.execute(delete(AuditEntry))
        audit.append(session, actor=ACTOR, action="init", details={"unit": commune.code})
        audit.append(session, actor=ACTOR, action="restore", details={"file": "khac.antqbak"})
    _touch(commune, 13)
    _refused(upper, _export(commune, "2.antq", "full"), merge_audit.AUDIT_CHAIN_BROKEN)


def test_a_restore_from_an_older_backup_is_flagged_and_converges(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    with commune.store.session_factory() as session:
        backup_at = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    _touch(commune, 14)
    _merged(upper, _export(commune, "2.antq"))
    with commune.store.session() as session:  # the backup taken after package 1 comes back
        session.execute(delete(AuditEntry).where(AuditEntry.id > backup_at))
        session.execute(delete(ExportRecord).where(ExportRecord.sequence == 2))
        audit.append(session, actor=ACTOR, action="restore", details={"file": "sao-luu.antqbak"})
    assert merge(upper, _export(commune, "2b.antq"))[0].code == "REPLAY"
    message = _merged(upper, _export(commune, "3.antq", "full"))
    assert "khôi phục từ bản sao lưu" in message
    _touch(commune, 15)
    assert "Lưu ý" not in _merged(upper, _export(commune, "4.antq"))
    assert _verdicts(upper) == ["first", "proven", "branch", "proven"]


def test_an_old_format_package_still_merges(upper, commune: Commune) -> None:  # type: ignore[no-untyped-def]
    trust(upper, commune)
    demo.generate(commune.store, households=3, seed=42)
    (result,) = merge(upper, commune.export(upper, "full"))  # hand-written, no audit links
    assert result.status == "merged" and "chưa chứng minh được" in result.message
    assert _verdicts(upper) == []


def test_check_verifies_both_link_formulas(store) -> None:  # type: ignore[no-untyped-def]
    """Entries written before the change keep the old formula; `antq check` accepts them, then only new ones."""
    def old_entry(session, action: str, details: str) -> None:  # type: ignore[no-untyped-def]
        prev = audit.chain_head(session)
        at = audit.utcnow()
        digest = audit._entry_hash_v1(prev, audit.to_json_value(at), ACTOR, action, None, None, details)
        session.add(AuditEntry(at=at, actor=ACTOR, action=action, details=details, prev_hash=prev, hash=digest))
        session.flush()

    with store.session() as session:
        session.execute(delete(AuditEntry))
        old_entry(session, "init", "{}")
        old_entry(session, "login", '{"ip":"x"}')
        audit.append(session, actor=ACTOR, action="login", details={"n": 1})
    with store.session() as session:
        assert audit.verify_chain(session) == []
        old_entry(session, "logout", "{}")  # the old formula after a new entry: never written by the app
    with store.session() as session:
        problems = audit.verify_chain(session)
        assert len(problems) == 1 and "nội dung" in problems[0].message
        session.execute(delete(AuditEntry).where(AuditEntry.action == "logout"))
        second = session.execute(select(AuditEntry).where(AuditEntry.details == '{"ip":"x"}')).scalar_one()
        second.details = '{"ip":"y"}'  # editing an old-formula entry still shows
    with store.session() as session:
        assert [p.entry_id for p in audit.verify_chain(session)] == [second.id]


def test_an_out_of_order_package_is_checked_when_applied_in_sequence(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    _touch(commune, 16)
    second = _export(commune, "2.antq")
    _touch(commune, 17)
    third = _export(commune, "3.antq")
    assert merge(upper, third)[0].status == "held"
    results = merge(upper, second)  # 2, then the held 3 released after it
    assert [r.status for r in results] == ["merged", "merged"], [r.message for r in results]
    assert _verdicts(upper) == ["first", "proven", "proven"]


def test_a_list_shortened_by_the_cap_is_a_warning(linked, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    _merged(upper, _export(commune, "1.antq", "full"))
    for members in (18, 19, 20, 21):
        _touch(commune, members)
    monkeypatch.setattr(export, "MAX_AUDIT_LINKS", 3)  # the held head is older than the newest 3 entries
    message = _merged(upper, _export(commune, "2.antq", "full"))
    assert "chưa chứng minh được là liền mạch" in message
    assert _verdicts(upper) == ["first", "unprovable"]


def _chain(base: str, links: list[tuple]) -> merge_audit._Chain:  # type: ignore[type-arg]
    """Recompute a carried list as the office does: ("v2", action) lines or ("v1", claimed hash) lines."""
    chain = merge_audit._Chain(base, False, [base])
    for kind, value in links:
        prev = chain.hashes[-1]
        if kind == "v2":
            chain.hashes.append(audit.link_hash(prev, value, "ee" * 32))
            chain.versions.append(2)
            chain.actions.append(value)
        else:
            chain.hashes.append(value)
            chain.versions.append(1)
            chain.actions.append(None)
    return chain


def test_the_verdicts_alone(store) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.exchange.errors import PackageError
    from antq_desktop.exchange.package_format import Producer

    held = "a1" * 32
    state = ProducerState(producer_unit="00004", last_sequence=4, last_audit_head=held)

    def verdict(chain) -> str:  # type: ignore[no-untyped-def]
        class Header:
            producer, sequence, package_id = Producer("00004", "Phường Ba Đình", "commune"), 5, "p"
            audit_head = chain.hashes[-1]
        with store.session_factory() as session:
            return merge_audit._verdict(session, Header, state, chain)

    def broken(chain) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(PackageError) as info:
            verdict(chain)
        assert info.value.code == merge_audit.AUDIT_CHAIN_BROKEN

    assert verdict(_chain(held, [("v2", "export"), ("v2", "update")])) == "proven"
    assert verdict(_chain(audit.GENESIS, [("v1", held), ("v2", "export")])) == "proven"  # all after it recomputed
    assert verdict(_chain(held, [("v1", "b3" * 32), ("v2", "export")])) == "claimed"  # before the upgrade
    broken(_chain(audit.GENESIS, [("v2", "init"), ("v2", "update")]))  # another log
    broken(_chain(held, [("v2", "export"), ("v1", "b2" * 32)]))  # old formula after a new one
    with store.session() as session:  # the package that brought `held` came with links
        audit.append(session, actor=ACTOR, action=merge_audit.CONTINUITY_ACTION, record_type="package",
                     details={"producer": "00004", "sequence": 4, "verdict": "proven", "head": held, "links": 3})
    broken(_chain(held, [("v2", "update")]))  # cut right after the held head: its export entry is gone
    broken(_chain(held, [("v1", "b4" * 32), ("v2", "export")]))  # a claimed link after a linked head
    assert verdict(_chain(held, [("v2", "export")])) == "proven"
    known = "c5" * 32  # the head of an earlier merged package: a restore branching after it is flagged
    with store.session() as session:
        audit.append(session, actor=ACTOR, action="merge", record_type="package",
                     details={"producer": "00004", "sequence": 3, "audit_head": known})
    assert verdict(_chain(known, [("v2", "export"), ("v2", "restore"), ("v2", "update")])) == "branch"
    broken(_chain(known, [("v2", "export"), ("v2", "update")]))  # no restore entry: a cut, not a restore
    broken(_chain(audit.GENESIS, [("v2", "init"), ("v2", "restore")]))  # no head this office knows
