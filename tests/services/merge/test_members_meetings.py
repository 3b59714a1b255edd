"""Issue 15 points 1 and 2: household members and review meetings are records that travel in packages,
merge at the office (both engines) and print: the pledge lists the members, the minutes the meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.conftest import ACTOR
from tests.reports.conftest import pdf_text_flat
from tests.security.store_state import assert_unchanged, capture

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import ValidationError
from antq_desktop.services import demo, forms
from antq_desktop.services.office import stats
from antq_desktop.services.records import writes as records
from antq_desktop.storage.models import Household, HouseholdMember, Meeting, Pledge, ResidentialArea

from .conftest import Commune, merge, trust

YEAR = 2026
TODAY = date(2026, 12, 3)
CITIZEN_ID = "001203004567"


def _household_with_pledge(store) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return session.execute(select(Household.id, Household.area_id).join(Pledge, Pledge.household_id == Household.id)
                               .where(Pledge.year == YEAR).order_by(Household.id).limit(1)).one()


def _fill(commune: Commune) -> dict[str, str]:
    demo.generate(commune.store, households=12, seed=7, year=YEAR, today=TODAY)
    household, area = _household_with_pledge(commune.store)
    member = records.create(commune.store, "household_member", {
        "household_id": household, "full_name": "Lương Thị Thủy", "birth_year": 1987, "relation": "con",
        "citizen_id": CITIZEN_ID}, actor=ACTOR)
    code = catalogs.get_catalog().criteria("area")[1].code
    with commune.store.session_factory() as session:  # the demo may have held this area's meeting already
        for old in session.execute(select(Meeting.id).where(Meeting.area_id == area)).scalars():
            records.delete(commune.store, "meeting", old, actor=ACTOR)
    meeting = records.create(commune.store, "meeting", {
        "kind": "xet_cong_nhan", "subject_kind": "area", "area_id": area, "year": YEAR, "held_on": date(YEAR, 11, 28),
        "start_time": "8h15", "end_time": "10:40", "place": "Hội trường nhà văn hóa số 7", "chair": "Đinh Văn Chủ",
        "secretary": "Mai Thị Ký", "invited": 45, "present": 42, "absent": 3, "votes_for": 40, "votes_against": 2,
        "discussion": {code: "Đã xây dựng quy ước riêng cho tổ."},
        "conclusion": "Nhất trí đề nghị công nhận tổ dân phố đạt chuẩn."}, actor=ACTOR)
    return {"household": household, "area": area, "member": member, "meeting": meeting, "code": code}


def test_members_and_meetings_travel_merge_and_print(upper, commune: Commune, tmp_path: Path) -> None:
    made = _fill(commune)
    trust(upper, commune)
    (result,) = merge(upper, commune.export(upper))
    assert result.status == "merged", result.message
    assert result.counts["household_member"]["new"] >= 13 and result.counts["meeting"]["new"] >= 1
    with upper.session_factory() as session, commune.store.session_factory() as own:
        assert stats.unit_stats(session, commune.code).digest == stats.unit_stats(own, commune.code).digest
        member = session.get(HouseholdMember, made["member"])
        assert (member.full_name, member.birth_year, member.relation, member.citizen_id) == (
            "Lương Thị Thủy", 1987, "con", CITIZEN_ID)
        meeting = session.get(Meeting, made["meeting"])
        assert (meeting.start_time, meeting.end_time, meeting.present, meeting.votes_for) == ("08:15", "10:40", 42, 40)
        assert made["code"] in meeting.discussion
    # What was stored and merged is what prints (at the commune that holds the pledge and the meeting).
    pledge = forms.render_form(commune.store, forms.FormRequest("pledge", YEAR, household_id=made["household"]),
                               tmp_path / "p.pdf")
    text = pdf_text_flat(pledge)
    assert "Lương Thị Thủy 1987 Con" in text and "Chủ hộ" in text
    minutes = pdf_text_flat(forms.render_form(commune.store, forms.FormRequest("minutes", YEAR, area_id=made["area"]),
                                              tmp_path / "m.pdf"))
    for fact in ("Vào hồi 08 giờ 15 phút, ngày 28 tháng 11 năm 2026", "tại Hội trường nhà văn hóa số 7",
                 "Số người được mời: 45 người", "Có mặt: 42 người", "Vắng mặt: 3 người", "Chủ trì: Đinh Văn Chủ",
                 "Thư ký: Mai Thị Ký", "Ý kiến thảo luận: Đã xây dựng quy ước riêng cho tổ.",
                 "40 / 42 ý kiến đồng ý, 2 ý kiến không đồng ý", "Tỷ lệ đồng ý: 95,2% số người có mặt",
                 "Nhất trí đề nghị công nhận tổ dân phố đạt chuẩn.", "kết thúc vào hồi 10 giờ 40 phút"):
        assert fact in minutes, fact


def test_a_deleted_household_takes_its_members_along_and_the_office_follows(upper, commune: Commune) -> None:
    made = _fill(commune)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    with commune.store.session_factory() as session:
        pledges = session.execute(select(Pledge.id).where(Pledge.household_id == made["household"])).scalars().all()
    for pledge in pledges:
        records.delete(commune.store, "pledge", pledge, actor=ACTOR)
    records.delete(commune.store, "household", made["household"], actor=ACTOR)
    (result,) = merge(upper, commune.export(upper, "incremental"))
    assert result.status == "merged", result.message
    with upper.session_factory() as session:
        live = session.execute(select(HouseholdMember.id).where(HouseholdMember.household_id == made["household"],
                                                                HouseholdMember.deleted.is_(False))).all()
    assert live == []


def test_a_meeting_on_an_unknown_criterion_is_refused_in_the_gui_and_in_a_package(upper, commune: Commune) -> None:
    made = _fill(commune)
    with pytest.raises(ValidationError) as refused:
        records.update(commune.store, "meeting", made["meeting"], {"discussion": {"XYZ-9": "?"}}, actor=ACTOR)
    assert "XYZ-9" in refused.value.message
    trust(upper, commune)
    record = next(r for r in commune.records(0) if r["id"] == made["meeting"])
    forged = {**record, "discussion": '{"XYZ-9":"?"}'}
    before = capture(upper)
    (result,) = merge(upper, commune.export(upper, records=[r if r["id"] != made["meeting"] else forged
                                                           for r in commune.records(0)]))
    assert result.status == "refused" and "XYZ-9" in result.message
    assert_unchanged(upper, before)


def test_a_members_household_must_be_a_live_household_and_its_name_clean(commune: Commune) -> None:
    """The GUI path: a member's household must exist and be live (the same rule the merge applies)."""
    demo.generate(commune.store, households=3, seed=2, year=YEAR, today=TODAY)
    with commune.store.session_factory() as session:
        area = session.execute(select(ResidentialArea.id).limit(1)).scalar()
    with pytest.raises(ValidationError):
        records.create(commune.store, "household_member", {"household_id": area, "full_name": "Ai Đó",
                                                           "relation": "con"}, actor=ACTOR)
    with pytest.raises(ValidationError):
        records.create(commune.store, "household_member", {"household_id": area, "full_name": "Ai\u200bĐó",
                                                           "relation": "ban"}, actor=ACTOR)


def _household_tombstone(commune: Commune, household: str) -> dict:  # type: ignore[type-arg]
    row = next(r for r in commune.records(0) if r["id"] == household)
    return {**row, "deleted": True, "revision": row["revision"] + 1}


@pytest.mark.parametrize("members_in_package", [False, True], ids=["members-stored", "members-in-package"])
def test_a_household_deleted_without_its_members_is_refused(upper, commune: Commune,
                                                             members_in_package: bool) -> None:
    """The commune's GUI deletes a household with its members; a package (a valid key) that deletes only the
    household would leave live members pointing at it: refused, store unchanged, whether the members were
    merged before or come live in the same package (issue 18: the end-state check starts from the package's
    deleted rows)."""
    made = _fill(commune)
    trust(upper, commune)
    first = commune.records(0)
    assert merge(upper, commune.export(upper, records=[r for r in first if r["type"] != "household_member"]
                                       if members_in_package else None))[0].status == "merged"
    tombstone = _household_tombstone(commune, made["household"])
    sent = [tombstone, *(r for r in first if r["type"] == "household_member" and r["household_id"] == made["household"]
                         and members_in_package)]
    before = capture(upper)
    (result,) = merge(upper, commune.export(upper, records=sent, advance=False))
    assert result.status == "refused" and result.code == "VALIDATION_ERROR", result.message
    assert "hộ gia đình" in result.message.lower()  # the end-state check, or check_references in the package
    assert_unchanged(upper, before)


def test_a_broken_link_already_stored_does_not_block_another_package(upper, commune: Commune) -> None:
    """Only what a package changes is its to answer for: a live member already pointing at a deleted household
    (a store damaged by hand) does not refuse a package that touches neither."""
    made = _fill(commune)
    trust(upper, commune)
    assert merge(upper, commune.export(upper))[0].status == "merged"
    with upper.session_factory() as session, session.begin():
        session.get(Household, made["household"]).deleted = True
    area = next(r for r in commune.records(0) if r["type"] == "residential_area")
    renamed = {**area, "name": area["name"] + " mới", "revision": area["revision"] + 1}
    (result,) = merge(upper, commune.export(upper, records=[renamed], advance=False))
    assert result.status == "merged", result.message
