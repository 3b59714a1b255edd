"""The commune's audit chain head across its packages (issue 6): a head that comes back, or an emptied
log, refuses the package and changes nothing; honest exports, restores and head-less packages pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select, text

from antq_desktop.exchange.errors import PackageError
from antq_desktop.services import demo
from antq_desktop.services.export import build as export
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.merge import audit_head as merge_audit
from antq_desktop.services.records import writes as records
from antq_desktop.storage import audit
from antq_desktop.storage.models import AuditEntry, ExportRecord, Household, ProducerState

from .conftest import ACTOR, PASSWORD, Commune, assert_only_logged, dump, merge, trust


@pytest.fixture
def linked(upper, commune: Commune):  # type: ignore[no-untyped-def]
    """A commune that exports with the real export service (the head it really has) to `upper`."""
    demo.generate(commune.store, households=20, seed=31)
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


def _head(store) -> str:  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return audit.chain_head(session)


def _stored_head(upper, code: str) -> str | None:  # type: ignore[no-untyped-def]
    with upper.session_factory() as session:
        return session.get(ProducerState, code).last_audit_head


def _touch(commune: Commune, members: int) -> None:
    with commune.store.session_factory() as session:
        first = session.execute(select(Household.id).order_by(Household.id).limit(1)).scalar_one()
    records.update(commune.store, "household", first, {"members": members}, actor=ACTOR)


def _refused(upper, path: Path, code: str, **kw):  # type: ignore[no-untyped-def]
    before = dump(upper)
    (result,) = merge(upper, path, **kw)
    assert result.status == "refused" and result.code == code, (result.code, result.message)
    assert result.message and "\n" not in result.message
    assert_only_logged(before, dump(upper), audit=0 if kw.get("dry_run") else 1)
    return result


def test_honest_exports_move_the_head_on_and_the_office_keeps_it(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    head_before_first = _head(commune.store)
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    assert _stored_head(upper, commune.code) == head_before_first
    _touch(commune, 7)
    head_before_second = _head(commune.store)
    assert merge(upper, _export(commune, "2.antq"))[0].status == "merged"
    assert head_before_second != head_before_first  # the export's own entry moved it on
    assert _stored_head(upper, commune.code) == head_before_second
    # with nothing changed in between, the previous export's audit entry still moves the head on
    assert merge(upper, _export(commune, "3.antq"))[0].status == "merged"


def test_a_cut_tail_back_to_the_last_export_is_refused(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    sent = _stored_head(upper, commune.code)
    _touch(commune, 8)
    # someone deletes every audit entry written since the last export (that export's own entry too)
    with commune.store.session() as session:
        cut_from = session.execute(select(AuditEntry.id).where(AuditEntry.prev_hash == sent)).scalar_one()
        session.execute(delete(AuditEntry).where(AuditEntry.id >= cut_from))
    assert _head(commune.store) == sent
    path = _export(commune, "2.antq")
    preview = _refused(upper, path, merge_audit.AUDIT_HEAD_REPEATED, dry_run=True)
    result = _refused(upper, path, merge_audit.AUDIT_HEAD_REPEATED)
    assert preview.message == result.message
    assert "đã bị cắt bớt" in result.message and "gói số 1" in result.message
    assert f"antq audit --expect-head {sent[:16]}" in result.message
    assert _stored_head(upper, commune.code) == sent  # still the head to compare with


def test_an_emptied_log_is_refused(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    _touch(commune, 9)
    with commune.store.session() as session:
        session.execute(text("DELETE FROM audit_log"))
    assert _head(commune.store) == audit.GENESIS
    result = _refused(upper, _export(commune, "2.antq"), merge_audit.AUDIT_LOG_EMPTY)
    assert "trống hoàn toàn" in result.message


def test_an_emptied_log_is_refused_in_a_first_package_too(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    with commune.store.session() as session:
        session.execute(text("DELETE FROM audit_log"))
    _refused(upper, _export(commune, "1.antq", "full"), merge_audit.AUDIT_LOG_EMPTY)


def test_a_restore_from_an_older_backup_is_not_refused(linked) -> None:  # type: ignore[no-untyped-def]
    """The legitimate case a descent check would trip on: the commune goes back to an older state
    (here: the export history and audit tail of package 2 lost, as with a backup taken before it),
    exports again (refused as a replay by its sequence), then a full package - accepted."""
    upper, commune = linked
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    with commune.store.session_factory() as session:
        state_head = audit.chain_head(session)
        backup_at = session.execute(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    _touch(commune, 19)
    assert merge(upper, _export(commune, "2.antq"))[0].status == "merged"
    with commune.store.session() as session:  # "restore": back to the state after package 1
        session.execute(delete(AuditEntry).where(AuditEntry.id > backup_at))
        session.execute(delete(ExportRecord).where(ExportRecord.sequence == 2))
        audit.append(session, actor=ACTOR, action="restore", details={"file": "sao-luu.antqbak"})
    with commune.store.session_factory() as session:
        chain = set(session.execute(select(AuditEntry.hash)).scalars())
    assert state_head in chain and _stored_head(upper, commune.code) not in chain  # no descent from it
    assert merge(upper, _export(commune, "2b.antq"))[0].code == "REPLAY"
    (result,) = merge(upper, _export(commune, "3.antq", "full"))
    assert result.status == "merged", result.message


def test_a_package_without_a_head_keeps_the_last_known_one(linked) -> None:  # type: ignore[no-untyped-def]
    upper, commune = linked
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    sent = _stored_head(upper, commune.code)
    commune.sequence = 1
    headless = commune.export(upper, "full", name="2-headless.antq")  # the format allows audit_head = null
    assert merge(upper, headless)[0].status == "merged"
    assert _stored_head(upper, commune.code) == sent
    with commune.store.session() as session:  # keep the history in step with the hand-made package 2
        session.add(ExportRecord(package_uuid="00000000-0000-4000-8000-000000000002", sequence=2, kind="full",
                                 actor=ACTOR, file_name="2-headless.antq", file_sha256="0" * 64, file_size=1))
        cut_from = session.execute(select(AuditEntry.id).where(AuditEntry.prev_hash == sent)).scalar_one()
        session.execute(delete(AuditEntry).where(AuditEntry.id >= cut_from))
    _refused(upper, _export(commune, "3.antq", "full"), merge_audit.AUDIT_HEAD_REPEATED)


def test_a_cut_back_to_an_earlier_package_is_refused_too(linked) -> None:  # type: ignore[no-untyped-def]
    """Not only the last head: the office's merge entries remember every merged package's head."""
    upper, commune = linked
    assert merge(upper, _export(commune, "1.antq", "full"))[0].status == "merged"
    first = _stored_head(upper, commune.code)
    _touch(commune, 21)
    assert merge(upper, _export(commune, "2.antq"))[0].status == "merged"
    assert _stored_head(upper, commune.code) != first
    with commune.store.session() as session:  # everything since export 1 deleted, export 2's entry too
        cut_from = session.execute(select(AuditEntry.id).where(AuditEntry.prev_hash == first)).scalar_one()
        session.execute(delete(AuditEntry).where(AuditEntry.id >= cut_from))
    result = _refused(upper, _export(commune, "3.antq"), merge_audit.AUDIT_HEAD_REPEATED)
    assert "trùng với gói số 1 " in result.message


def test_the_check_alone(store) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.exchange.package_format import Producer

    class Header:
        producer, sequence = Producer("00004", "Phường Ba Đình", "commune"), 5
        audit_head = "a" * 64

    state = ProducerState(producer_unit="00004", last_sequence=4, last_audit_head="b" * 64)
    with store.session_factory() as session:
        merge_audit.check_audit_head(session, Header, state)  # moved on: fine
        merge_audit.check_audit_head(session, Header, None)  # first package: fine
        state.last_audit_head = "a" * 64
        with pytest.raises(PackageError) as info:
            merge_audit.check_audit_head(session, Header, state)
        assert info.value.code == merge_audit.AUDIT_HEAD_REPEATED and "gói số 4" in info.value.message_vi
        Header.audit_head = "%"  # opaque heads are compared, never used as a LIKE pattern
        merge_audit.check_audit_head(session, Header, None)
        Header.audit_head = None
        merge_audit.check_audit_head(session, Header, state)
    assert merge_audit.next_head(Header, state) == "a" * 64
