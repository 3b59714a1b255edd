"""The sheet code: its format, its per-unit key, and every outcome of one scan (no PDF needed here)."""

from __future__ import annotations

import base64
from datetime import date

import segno
from sqlalchemy import func, select
from tests.conftest import make_store

from antq_desktop.services import records, scan
from antq_desktop.storage.models import AuditEntry, Pledge, Setting

YEAR = date.today().year
HOUSEHOLD = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"


def _household(store, name="Trần Văn Bình"):  # type: ignore[no-untyped-def]
    # One area per unit under one name (issue 16): a second household goes into the same area.
    found = records.list_rows(store, "residential_area", records.ListQuery(search="Thôn Tây"))
    area = found[0]["id"] if found else records.create(store, "residential_area", {"name": "Thôn Tây", "kind": "thon"},
                                                         actor="admin")
    return records.create(store, "household", {"area_id": area, "head_name": name, "members": 4}, actor="admin")


def _code(store, household_id, year=YEAR):  # type: ignore[no-untyped-def]
    return scan.sheet_coder(store)(household_id, year, "2026.1")


def test_code_round_trip_is_small_alphanumeric_and_tolerates_case_and_spaces() -> None:
    code = scan.make_code(b"k" * 32, "00070", HOUSEHOLD, 2026, "2026.1")
    assert code.startswith("ANTQ1P.00070.") and ".2026.2026-1." in code
    parsed = scan.parse_code(f"  {code.lower()} \n")
    assert (parsed.unit, parsed.household_id, parsed.year, parsed.template_version) == ("00070", HOUSEHOLD, 2026,
                                                                                       "2026.1")
    assert scan.is_genuine(b"k" * 32, parsed)
    assert not scan.is_genuine(b"x" * 32, parsed)
    qr = segno.make_qr(code, error="m")
    assert qr.mode == "alphanumeric" and qr.version <= 4  # 33 modules: ~3 px each at 150 dpi on 19 mm


def test_a_changed_digit_breaks_the_tag() -> None:
    code = scan.make_code(b"k" * 32, "00070", HOUSEHOLD, 2026, "2026.1")
    parts = code.split(".")
    parts[2] = parts[2][:-1] + ("1" if parts[2][-1] != "1" else "2")  # the household's last digit
    forged = ".".join(parts)
    parsed = scan.parse_code(forged)
    assert parsed is not None and not scan.is_genuine(b"k" * 32, parsed)
    assert scan.parse_code("ANTQ1|pledge|" + HOUSEHOLD + "|r1|ABCD") is None  # a filled form's QR
    assert scan.parse_code("") is None


def test_the_key_is_made_once_per_store_and_kept_in_settings(tmp_path) -> None:
    store, other = make_store(tmp_path / "a.sqlite3"), make_store(tmp_path / "b.sqlite3")
    try:
        assert scan.sheet_key(store, create=False) is None
        key = scan.sheet_key(store)
        assert len(key) == 32 and scan.sheet_key(store) == key == scan.sheet_key(store, create=False)
        with store.session_factory() as session:
            assert base64.b64decode(session.get(Setting, scan.KEY_SETTING).value) == key
        assert scan.sheet_key(other) != key  # random per store, nothing derived from the unit or its keys
    finally:
        store.close()
        other.close()


def _pledge_count(store) -> int:  # type: ignore[no-untyped-def]
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Pledge).where(Pledge.deleted.is_(False)))


def test_every_outcome_of_one_scan(store, tmp_path) -> None:
    household = _household(store)
    code = _code(store, household)
    before = _pledge_count(store)
    signed = date(YEAR, 1, 15)

    first = scan.record_scan(store, code, year=YEAR, signed_on=signed, actor="admin")
    assert first.outcome == scan.Outcome.RECORDED and first.taken
    assert (first.household_name, first.area_name) == ("Trần Văn Bình", "Thôn Tây")
    pledge = records.get(store, "pledge", first.pledge_id)
    assert (pledge["household_id"], pledge["year"], pledge["signed_on"], pledge["status"]) == (household, YEAR,
                                                                                             signed, "signed")
    with store.session_factory() as session:
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.record_id == first.pledge_id)).all()
    assert audited == ["create"]

    again = scan.record_scan(store, code.lower(), year=YEAR, signed_on=signed, actor="admin")
    assert again.outcome == scan.Outcome.ALREADY_SIGNED and again.taken

    other_year = scan.record_scan(store, _code(store, household, YEAR - 1), year=YEAR, signed_on=signed,
                                  actor="admin")
    assert other_year.outcome == scan.Outcome.OTHER_YEAR and not other_year.taken
    assert str(YEAR - 1) in other_year.message

    foreign = make_store(tmp_path / "other.sqlite3", unit_code="00073")
    try:
        other_unit = scan.record_scan(store, _code(foreign, household), year=YEAR, signed_on=signed, actor="admin")
    finally:
        foreign.close()
    assert other_unit.outcome == scan.Outcome.OTHER_UNIT and "00073" in other_unit.message

    gone = _household(store, "Hộ Đã Xóa")
    gone_code = _code(store, gone)
    records.delete(store, "household", gone, actor="admin")
    assert scan.record_scan(store, gone_code, year=YEAR, signed_on=signed,
                            actor="admin").outcome == scan.Outcome.UNKNOWN_HOUSEHOLD

    guessed = scan.make_code(b"g" * 32, "00070", gone, YEAR, "2026.1")  # right unit, typed guess of the tag
    for text in ("xin chao", guessed):
        assert scan.record_scan(store, text, year=YEAR, signed_on=signed,
                                actor="admin").outcome == scan.Outcome.UNREADABLE
    assert _pledge_count(store) == before + 1  # only the first scan wrote


def test_a_withdrawn_pledge_is_not_overwritten_by_a_scan(store) -> None:
    household = _household(store)
    records.create(store, "pledge", {"signer_kind": "household", "household_id": household, "year": YEAR,
                                     "template_code": "household_pledge", "status": "withdrawn"}, actor="admin")
    result = scan.record_scan(store, _code(store, household), year=YEAR, signed_on=None, actor="admin")
    assert result.outcome == scan.Outcome.ALREADY_SIGNED and "rút cam kết" in result.message
