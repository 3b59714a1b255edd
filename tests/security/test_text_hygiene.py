"""Issue 12, point 7: text hygiene and the smaller trust gaps found by the attacks.

Each test is an attack that succeeded before: look-alike and invisible characters in user names and
record names (typed, and arriving in a signed package), unbounded text, a failed sign-in writing any
name into the audit log, a read-only account that could not change its own password, a store file
readable by every account. The backup attacks (Argon2 cost, another unit's backup) are in test_backup.py.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from antq_desktop.cli.main import main
from antq_desktop.domain.errors import AuthError, ValidationError
from antq_desktop.domain.text_hygiene import MAX_USERNAME, invisible_characters
from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts import users
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.services.records import rules as record_rules
from antq_desktop.services.records import writes as records
from antq_desktop.storage.db import Store, open_store
from antq_desktop.storage.models import AuditEntry, Household, ResidentialArea, User

from .conftest import PASSWORD

LAN = "cau dai cua lan"
CYRILLIC_A, GREEK_O = "\u0430", "\u03bf"
HIDDEN = {"soft hyphen": "\u00ad", "zero-width space": "\u200b", "zero-width joiner": "\u200d",
          "right-to-left override": "\u202e", "tag letter": "\U000e0041", "byte order mark": "\ufeff",
          "hangul filler": "\u3164", "private use": "\ue000", "bell": "\x07"}


def _usernames(store: Store) -> set[str]:
    with store.session_factory() as session:
        return set(session.execute(select(User.username)).scalars())


# ---- 1. user names ----

@pytest.mark.parametrize("name", [f"{CYRILLIC_A}dmin", f"{GREEK_O}fficer", "\u0430\u0441\u0435",  # аdmin, οfficer, асе
                                  "\u0251dmin", *(f"ad{ch}min" for ch in HIDDEN.values())])
def test_look_alike_or_invisible_user_name_is_refused(store: Store, admin: UserInfo, name: str) -> None:
    before = _usernames(store)
    with pytest.raises(ValidationError) as caught:
        users.add(store, admin, username=name, full_name="Trần Thị Lan", role="admin", password=LAN)
    assert caught.value.for_field("username")
    assert _usernames(store) == before


def test_user_names_are_nfkc_folded_and_vietnamese_letters_stay_fine(store: Store, admin: UserInfo) -> None:
    made = users.add(store, admin, username="ＬＡＮ", full_name="Trần Thị Lan", role="officer", password=LAN)
    assert made.username == "lan"  # full-width letters fold to the same account, not a second "lan"
    with pytest.raises(ValidationError, match="đã có"):
        users.add(store, admin, username="lan", full_name="Lan khác", role="officer", password=LAN)
    assert accounts.sign_in(store, username="ＬＡＮ", password=LAN).username == "lan"
    assert users.add(store, admin, username="Nguyễn.Đức-2", full_name="Nguyễn Văn Đức", role="readonly",
                     password=LAN).username == "nguyễn.đức-2"


@pytest.mark.parametrize("full_name", [f"Trần Thị L{CYRILLIC_A}n", "Trần\u200bThị Lan", "x" * 201])
def test_look_alike_hidden_or_endless_officer_name_is_refused(store: Store, admin: UserInfo, full_name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        users.add(store, admin, username="lan", full_name=full_name, role="officer", password=LAN)
    assert caught.value.for_field("full_name")
    assert "lan" not in _usernames(store)


# ---- 2. record names ----

_NAMED_FIELDS = [  # (record type, field, label in the message, the other values the record needs)
    ("residential_area", "name", "Tên khu dân cư", {}),
    ("residential_area", "head_name", "Tên trưởng thôn", {"name": "Thôn 1"}),
    ("organization", "name", "Tên cơ quan", {"org_type": "school"}),
    ("organization", "head_name", "Tên thủ trưởng", {"name": "Trường THCS", "org_type": "school"}),
    ("household", "head_name", "Họ tên chủ hộ", {"area_id": "0" * 8 + "-0000-0000-0000-" + "0" * 12}),
    ("pledge", "person_name", "Họ tên người ký", {"signer_kind": "person", "template_code": "household_pledge",
                                                  "year": 2026}),
]


@pytest.mark.parametrize(("record_type", "field", "label", "others"), _NAMED_FIELDS)
@pytest.mark.parametrize("bad", [f"Nguy{CYRILLIC_A}n V{CYRILLIC_A}n An", f"Ph{GREEK_O}ng", "Lê\u00adVăn",
                                 "Lê\U000e0020Văn", "Văn \u202eAn"])
def test_record_names_refuse_look_alikes_and_hidden_characters(record_type: str, field: str, label: str,
                                                               others: dict, bad: str) -> None:
    with pytest.raises(ValidationError) as caught:
        record_rules.validate(record_type, {**others, field: bad})
    message = caught.value.for_field(field)
    assert message and message.startswith(label)  # Vietnamese, naming the field


def test_vietnamese_names_with_every_diacritic_stay_fine() -> None:
    for name in ("Nguyễn Thị Ánh Tuyết", "Đặng Quốc Hưng", "Ấp Phú Hữu 3", "Bản Nà Ngần", "Phum Sóc Ruộng",
                 "Trường THCS Lê Quý Đôn (cơ sở 2)", "Ngô Thị Thuỷ-Thúy", "Y Bhơ Niê"):
        assert record_rules.validate("residential_area", {"name": name, "head_name": name})["name"] == name


def test_hidden_characters_refused_in_addresses_and_notes() -> None:
    for field in ("address", "note"):
        with pytest.raises(ValidationError) as caught:
            record_rules.validate("residential_area", {"name": "Thôn 1", field: "Số 5\u202e ngõ 3"})
        assert caught.value.for_field(field)


def test_a_typed_household_with_a_cyrillic_letter_is_not_saved(store: Store) -> None:
    with store.session_factory() as session:
        area = session.execute(select(ResidentialArea.id).limit(1)).scalar_one()
        count = session.execute(select(func.count()).select_from(Household)).scalar_one()
    with pytest.raises(ValidationError, match="Họ tên chủ hộ"):
        records.create(store, "household", {"area_id": area, "head_name": f"Nguyễn V{CYRILLIC_A}n An"}, actor="admin")
    with store.session_factory() as session:
        assert session.execute(select(func.count()).select_from(Household)).scalar_one() == count


@pytest.mark.parametrize("bad", [f"Nguyễn V{CYRILLIC_A}n An", "Nguyễn\u00adVăn An", "Nguyễn Văn\U000e0041 An"])
def test_a_package_with_a_look_alike_name_is_refused_and_changes_nothing(tmp_path: Path, bad: str) -> None:
    """The merge validates each incoming record with the same function as the GUI: refused whole."""
    from tests.services.merge.conftest import assert_only_logged, dump, make_upper, merge, new_commune, trust

    upper = make_upper(str(tmp_path / "upper.sqlite3"))
    commune = new_commune(tmp_path, "00004", "Phường Ba Đình")
    try:
        demo.generate(commune.store, households=5, seed=3)
        trust(upper, commune)
        rows = commune.records(0)
        next(r for r in rows if r["type"] == "household")["head_name"] = bad
        before = dump(upper)
        (result,) = merge(upper, commune.export(upper, records=rows, name="look-alike.antq"))
        assert result.status == "refused" and result.code == "VALIDATION_ERROR", (result.code, result.message)
        assert "Họ tên chủ hộ" in result.message
        assert_only_logged(before, dump(upper))
    finally:
        commune.store.close()
        upper.close()


# ---- 3. bounded lengths ----

_TEXT_FIELDS = {  # every one-line and free text field of every record type the validators accept
    "residential_area": ["name", "head_name", "address", "note"],
    "organization": ["name", "head_name", "address", "note"],
    "household": ["head_name", "address", "note"],
    "pledge": ["person_name", "template_code", "note"],
    "registration": ["note"],
    "assessment": ["catalog_code", "assessor", "note"],
    "plan": ["title", "document_ref", "note"],
    "plan_target": ["note"],
}


@pytest.mark.parametrize(("record_type", "field"), [(t, f) for t, fields in _TEXT_FIELDS.items() for f in fields])
def test_every_text_field_has_a_maximum_length(record_type: str, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        record_rules.validate(record_type, {field: "a" * 5000})
    assert "dài quá" in (caught.value.for_field(field) or "")


def test_a_failed_sign_in_stores_a_bounded_visible_name(store: Store) -> None:
    typed = "=HYPERLINK(\u202e" + "x" * 100_000
    with pytest.raises(AuthError):
        accounts.sign_in(store, username=typed, password="bat ky")
    with store.session_factory() as session:
        entry = session.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    assert entry.action == "login_failed"
    assert len(entry.actor) <= MAX_USERNAME and not invisible_characters(entry.actor)
    assert entry.actor.startswith("=hyperlink(?x")


# ---- 6. the store is private ----

@pytest.mark.skipif(os.name == "nt", reason="Windows has no owner/group/other mode bits")
def test_store_wal_and_folder_are_created_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask, under which SQLite made the store 0644
    try:
        path = tmp_path / "moi" / "antq.sqlite3"
        store = open_store(path)
        try:
            with store.session() as session:  # a write keeps the -wal and -shm files in place
                session.add(User(username="x", full_name="X", role="readonly", password_hash="-"))
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir()}
        finally:
            store.close()
    finally:
        os.umask(old)
    # Every file the store makes beside itself (the migration lock file too) is owner-only.
    assert {"antq.sqlite3", "antq.sqlite3-wal", "antq.sqlite3-shm"} <= set(modes)
    assert modes == dict.fromkeys(modes, 0o600)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name == "nt", reason="Windows has no owner/group/other mode bits")
def test_an_older_world_readable_store_is_narrowed_when_opened(db_path: Path) -> None:
    db_path.chmod(0o644)
    open_store(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


# ---- 7. every account changes its own password ----

@pytest.fixture
def reader(store: Store, admin: UserInfo) -> UserInfo:
    return users.add(store, admin, username="xem", full_name="Lê Văn Xem", role="readonly", password=LAN)


def test_a_read_only_account_changes_its_own_password_on_the_command_line(
        reader: UserInfo, store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("ANTQ_PASSWORD", LAN)
    monkeypatch.setenv("ANTQ_NEW_PASSWORD", "cau moi cua nguoi xem")
    assert main(["--db", str(db_path), "--user", "xem", "user", "passwd"]) == 0, capsys.readouterr().err
    assert accounts.sign_in(store, username="xem", password="cau moi cua nguoi xem").role == "readonly"
    monkeypatch.setenv("ANTQ_PASSWORD", "cau moi cua nguoi xem")
    assert main(["--db", str(db_path), "--user", "xem", "user", "passwd", "admin"]) == 1  # not someone else's
    assert "quản trị" in capsys.readouterr().err
    assert accounts.sign_in(store, username="admin", password=PASSWORD)
    assert main(["--db", str(db_path), "--user", "xem", "purge", "--older-than", "5"]) == 1  # still read-only


def test_a_read_only_account_changes_its_own_password_in_the_window(qtbot, reader: UserInfo,  # type: ignore[no-untyped-def]
                                                                   store: Store) -> None:
    from PySide6.QtWidgets import QPushButton

    from antq_desktop.ui import main_window
    from antq_desktop.ui.pages.users_page import UsersPage

    spec = next(p for p in main_window.PAGES if p.key == "users")
    assert spec.roles is None and spec.factory is not None  # the page is in every unit's navigation
    page = UsersPage(store, reader)
    qtbot.addWidget(page)
    button = next(b for b in page.findChildren(QPushButton) if b.text().startswith("Đổi mật khẩu của tôi"))
    assert button.isEnabled() and not button.isHidden()
    assert page.change_own_password(LAN, "cau moi cua nguoi xem")
    assert accounts.sign_in(store, username="xem", password="cau moi cua nguoi xem")


def test_hidden_characters_refused_in_assessment_answers() -> None:
    with pytest.raises(ValidationError) as caught:
        record_rules.validate("assessment", {"subject_kind": "commune", "year": 2026, "catalog_code": "tt124",
                                             "assessed_on": "2026-01-05",
                                             "answers": {"1.1": {"met": True, "note": "Đạt\u200b"}}})
    assert "ký tự ẩn" in (caught.value.for_field("answers") or "")


def test_account_passwords_have_a_maximum_length(store: Store, admin: UserInfo) -> None:
    with pytest.raises(ValidationError, match="dài quá"):
        users.add(store, admin, username="lan", full_name="Trần Thị Lan", role="officer", password="a" * 257)
    with pytest.raises(ValidationError, match="dài quá"):
        users.change_own_password(store, "admin", PASSWORD, "b" * 100_000)
    assert "lan" not in _usernames(store)
