from datetime import date

import pytest
from sqlalchemy import func, select
from tests.conftest import ACTOR

from antq_desktop.domain.errors import ConflictError, PermissionDenied, ValidationError
from antq_desktop.services.records import writes as records
from antq_desktop.storage import audit
from antq_desktop.storage.models import AuditEntry, Household, Registration, ResidentialArea


def _area(store, name="Thôn Đông"):
    return records.create(store, "residential_area", {"name": name, "kind": "thon"}, actor=ACTOR)


def _household(store, area_id, name="Nguyễn Văn An", **extra):
    return records.create(store, "household", {"area_id": area_id, "head_name": name, **extra}, actor=ACTOR)


def _count(store, model):
    with store.session_factory() as s:
        return s.execute(select(func.count()).select_from(model)).scalar()


def test_create_sets_identity_origin_revision_and_audit(store):
    area = _area(store)
    row = records.get(store, "residential_area", area)
    assert len(row["id"]) == 36 and row["origin_unit"] == "00070" and row["revision"] == 1
    assert row["deleted"] is False and row["change_seq"] >= 1
    assert row["search_key"] == "thon dong"
    with store.session_factory() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.record_id == area)).scalar_one()
    assert (entry.action, entry.actor) == ("create", ACTOR)


def test_update_raises_revision_and_records_field_changes(store):
    area = _area(store)
    hh = _household(store, area)
    assert records.update(store, "household", hh, {"members": 5}, actor=ACTOR) == 2
    assert records.update(store, "household", hh, {"members": 5}, actor=ACTOR) == 2  # no change, no revision
    with store.session_factory() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.record_id == hh,
                                                   AuditEntry.action == "update")).scalar_one()
    assert '"members":[1,5]' in entry.details


def test_stale_edit_is_a_conflict(store):
    hh = _household(store, _area(store))
    records.update(store, "household", hh, {"members": 3}, actor=ACTOR)
    with pytest.raises(ConflictError):
        records.update(store, "household", hh, {"members": 4}, actor=ACTOR, expected_revision=1)


def test_invalid_input_saves_nothing(store):
    area = _area(store)
    before = _count(store, Household), _count(store, AuditEntry)
    with pytest.raises(ValidationError):
        _household(store, area, name="", citizen_id="123")
    assert (_count(store, Household), _count(store, AuditEntry)) == before


def test_unknown_area_is_refused(store):
    with pytest.raises(ValidationError, match="không tồn tại"):
        _household(store, "00000000-0000-4000-8000-000000000000")


def test_delete_is_a_tombstone_and_restore_undoes_it(store):
    hh = _household(store, _area(store))
    assert records.delete(store, "household", hh, actor=ACTOR) == 2
    row = records.get(store, "household", hh)
    assert row["deleted"] is True
    assert records.restore(store, "household", hh, actor=ACTOR) == 3
    assert records.get(store, "household", hh)["deleted"] is False


def test_area_with_households_cannot_be_deleted(store):
    area = _area(store)
    _household(store, area)
    with pytest.raises(PermissionDenied, match="hộ gia đình"):
        records.delete(store, "residential_area", area, actor=ACTOR)


def test_second_pledge_of_a_household_in_a_year_is_refused(store):
    hh = _household(store, _area(store))
    pledge = {"signer_kind": "household", "household_id": hh, "template_code": "household_pledge",
              "year": date.today().year, "signed_on": date.today()}
    first = records.create(store, "pledge", pledge, actor=ACTOR)
    with pytest.raises(ValidationError, match="đã có bản cam kết"):
        records.create(store, "pledge", pledge, actor=ACTOR)
    # After deleting the first, a new one is fine; restoring the first would then duplicate.
    records.delete(store, "pledge", first, actor=ACTOR)
    records.create(store, "pledge", pledge, actor=ACTOR)
    with pytest.raises(ValidationError):
        records.restore(store, "pledge", first, actor=ACTOR)


def test_records_of_another_unit_are_read_only(store):
    area = _area(store)
    with store.session() as s:
        s.get(ResidentialArea, area).origin_unit = "00073"  # as if merged from another commune
    with pytest.raises(PermissionDenied, match="đơn vị khác"):
        records.update(store, "residential_area", area, {"name": "Thôn Tây"}, actor=ACTOR)


def test_create_many_is_all_or_nothing(store):
    area = _area(store)
    rows = [{"area_id": area, "head_name": f"Trần Văn {i}"} for i in range(50)]
    rows[37]["citizen_id"] = "12"
    with pytest.raises(ValidationError):
        records.create_many(store, "household", rows, actor=ACTOR)
    assert _count(store, Household) == 0
    del rows[37]["citizen_id"]
    ids = records.create_many(store, "household", rows, actor=ACTOR)
    assert len(ids) == 50
    # the front also says what it changed (issue 13): 50 households, ids kept since they are few enough
    assert ids.changes.count("household") == 50 and set(ids.changes.ids) == set(ids) and ids.changes.kinds == {
        "household"}


def test_assessment_outcome_is_computed_not_trusted(store):
    area = _area(store)
    answers = {"KDC-1": True, "KDC-2": True, "KDC-3": True, "KDC-4": True, "KDC-5": True}
    aid = records.create(store, "assessment", {
        "subject_kind": "area", "area_id": area, "year": date.today().year, "catalog_code": "TT124-2021/TT48-2025",
        "answers": answers, "assessed_on": date.today(), "outcome": "chua_dat", "score": 3, "level": "yeu",
        "status": "submitted"}, actor=ACTOR)
    row = records.get(store, "assessment", aid)
    assert (row["outcome"], row["score"], row["level"]) == ("dat", 85, "kha")
    with pytest.raises(PermissionDenied, match="đã nộp"):
        records.update(store, "assessment", aid, {"note": "sửa"}, actor=ACTOR)
    records.update(store, "assessment", aid, {"status": "draft"}, actor=ACTOR)
    records.update(store, "assessment", aid, {"answers": {**answers, "KDC-6": True}}, actor=ACTOR)
    assert records.get(store, "assessment", aid)["score"] == 90


def test_audit_chain_verifies(store):
    area = _area(store)
    _household(store, area)
    with store.session_factory() as s:
        assert audit.verify_chain(s) == []


def test_every_audit_action_written_by_the_code_has_a_vietnamese_label():
    """The audit page shows labels, not codes: a new action without a label would show English."""
    import re
    from pathlib import Path

    from antq_desktop.services.accounts.audit_log import ACTION_LABELS

    src = Path(__file__).resolve().parents[2] / "src" / "antq_desktop"
    written = set()
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if "audit" in text:
            written |= set(re.findall(r'action="([a-z_]+)"', text)) - {"store_true", "append", "version"}
    assert written - set(ACTION_LABELS) == set()


def test_a_communes_merged_registration_does_not_block_the_units_own(store):
    """Uniqueness is per unit: a merged record of another unit with the same key never blocks our own."""
    with store.session() as s:
        s.add(Registration(origin_unit="00073", revision=1, subject_kind="commune", year=2026,
                           registered_on=date(2026, 2, 1)))
    values = {"subject_kind": "commune", "year": 2026, "registered_on": date(2026, 2, 3)}
    own = records.create(store, "registration", values, actor=ACTOR)
    assert records.get(store, "registration", own)["origin_unit"] == "00070"
    with pytest.raises(ValidationError):  # our own second one is still refused
        records.create(store, "registration", values, actor=ACTOR)


def test_every_record_type_has_a_vietnamese_label_in_the_audit_log():
    """Issue 20: the audit page names each record type (activities included) in Vietnamese."""
    from antq_desktop.services.accounts import RECORD_TYPE_LABELS
    from antq_desktop.storage.models import MODEL_BY_TYPE

    assert set(MODEL_BY_TYPE) <= set(RECORD_TYPE_LABELS)
    assert all(label and label != code for code, label in RECORD_TYPE_LABELS.items())
