"""The installation's own unit: which commune or upper office this store belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import units
from antq_desktop.domain.catalog import DEFAULT_CATALOG_CODE
from antq_desktop.domain.errors import AntqError, AuthError, NotInitialisedError, PermissionDenied, ValidationError
from antq_desktop.domain.text import nfc
from antq_desktop.domain.text_hygiene import text_problem
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.changes import Changes
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.keys import rotation as key_rotation
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import SYNCED_MODELS, ExportRecord, UnitProfile, User

ROLES = {"commune": "Công an cấp xã", "district": "Cấp trên (cụm, khu vực)", "province": "Công an cấp tỉnh"}
_OFFICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,15}$")


class AlreadyInitialisedError(AntqError):
    """Cơ sở dữ liệu này đã được thiết lập cho một đơn vị. Muốn thiết lập lại, quản trị viên hãy vào Cài đặt."""


@dataclass(frozen=True)
class ProfileInfo:
    role: str
    unit_code: str
    unit_name: str
    province_code: str | None
    parent_name: str | None
    catalog_code: str

    @property
    def is_commune(self) -> bool:
        return self.role == "commune"

    @property
    def police_name(self) -> str:
        """Issuing body as printed on forms, e.g. "Công an phường Hoàn Kiếm"."""
        if self.role == "commune":
            kind, _, rest = self.unit_name.partition(" ")
            return f"Công an {kind.lower()} {rest}"
        if self.role == "province":
            return f"Công an {self.unit_name[0].lower()}{self.unit_name[1:]}"
        return self.unit_name


def resolve_unit(role: str, unit_code: str, name: str | None) -> tuple[str, str, str | None, str | None]:
    """(code, name, province code, parent name) for a role; official codes come from the catalog."""
    if role == "commune":
        commune = units.find_commune(unit_code)
        if commune is None:
            raise ValidationError(f"Mã xã “{unit_code}” không có trong danh mục đơn vị hành chính (5 chữ số, "
                                  "ví dụ 00070 là Phường Hoàn Kiếm).", "unit_code")
        province = units.find_province(commune.province_code)
        return commune.code, commune.name, commune.province_code, province.name if province else None
    if role == "province":
        province = units.find_province(unit_code) if unit_code.strip().isdigit() else None
        if province is None:
            raise ValidationError(f"Mã tỉnh “{unit_code}” không có trong danh mục (2 chữ số, ví dụ 01 là Hà Nội).",
                                  "unit_code")
        return province.code, province.name, province.code, None
    if role == "district":
        code = unit_code.strip().upper()
        if not _OFFICE_CODE.match(code) or code.isdigit():
            raise ValidationError("Mã đơn vị cấp trên gồm 2–16 ký tự chữ in hoa, chữ số hoặc gạch ngang và "
                                  "không được trùng dạng mã xã/tỉnh (ví dụ CUM-01).", "unit_code")
        if not name or not nfc(name):
            raise ValidationError("Hãy nhập tên đơn vị cấp trên (ví dụ “Cụm công an khu vực 1”).", "name")
        problem = text_problem("Tên đơn vị", nfc(name)) or (
            "Tên đơn vị dài quá 200 ký tự." if len(nfc(name)) > 200 else None)
        if problem:
            raise ValidationError(problem, "name")
        return code, nfc(name), None, None
    raise ValidationError("Vai trò phải là commune, district hoặc province.", "role")


def initialise(store: Store, *, role: str, unit_code: str, name: str | None = None, officer_name: str,
               username: str = "admin", password: str) -> ProfileInfo:
    """Create the unit profile, the first admin account and the unit's keys in one step (nothing is kept on error)."""
    if store.is_initialised():
        raise AlreadyInitialisedError()
    code, unit_name, province_code, parent_name = resolve_unit(role, unit_code, name)
    with store.session() as session:
        session.add(UnitProfile(id=1, role=role, unit_code=code, unit_name=unit_name, province_code=province_code,
                                parent_name=parent_name, catalog_code=DEFAULT_CATALOG_CODE))
        session.flush()
        audit.append(session, actor=username, action="init", details={"role": role, "unit_code": code})
        accounts.add_user(session, username=username, full_name=officer_name, role="admin", password=password,
                          actor=username)
        # The unit's signing and receiving keys, wrapped under the admin's password (same transaction).
        keys.create_local_keys(session, password, actor=username)
    return get_profile(store)


def get_profile(store: Store) -> ProfileInfo:
    p = store.profile()
    return ProfileInfo(p.role, p.unit_code, p.unit_name, p.province_code, p.parent_name, p.catalog_code)


# ---- redoing the setup (Cài đặt → Thiết lập lại đơn vị) ----
#
# Every record carries its unit code (``origin_unit``) and every package sent up is signed with
# the unit's key and names that code. Relabelling the store would make its records claim to come
# from another commune and would break the upper office's view of what it already merged. So the
# unit and the role change only while the store holds no records and nothing was ever exported;
# otherwise the officer starts a new data file for the other unit (NEW_DATA_FILE_HINT).

NEW_DATA_FILE_HINT = ("Muốn làm việc cho đơn vị khác, hãy dùng một tệp dữ liệu mới: đóng chương trình rồi mở lại "
                      "với tùy chọn --db và tên tệp mới (ví dụ: --db xa-moi.sqlite3); trình thiết lập ban đầu sẽ "
                      "hiện cho tệp mới, tệp dữ liệu hiện tại giữ nguyên.")


class UnitLockedError(AntqError):
    """Không đổi được cấp hoặc đơn vị vì tệp dữ liệu này đã có dữ liệu của đơn vị."""


@dataclass(frozen=True)
class SetupSnapshot:
    """What the redo wizard opens with."""

    profile: ProfileInfo
    username: str
    officer_name: str
    own_fingerprint: str | None
    recipient: str | None  # "Name (code) — fingerprint" of the upper office's key, or None
    unit_lock: str | None  # why the unit and role cannot change (Vietnamese), or None


@dataclass(frozen=True)
class RedoResult:
    profile: ProfileInfo
    officer_name: str
    changes: dict[str, tuple[Any, Any]]  # field -> (before, after); empty: nothing changed
    new_fingerprint: str | None  # the unit's new key, when one was made

    @property
    def unit_changed(self) -> bool:
        return "role" in self.changes or "unit_code" in self.changes

    @property
    def app_changes(self) -> Changes:
        """What the GUI redraws (`changes` above predates services.changes and lists the fields)."""
        if not self.changes and self.new_fingerprint is None:
            return Changes(profile_changed=True)  # the officer's name may still have changed
        return Changes(profile_changed=True, keys_changed=self.new_fingerprint is not None,
                       everything=self.unit_changed)


def _unit_lock(session: Session, unit_code: str) -> str | None:
    """Why this store's unit and role must stay as they are (Vietnamese, with what to do), or None."""
    exported = session.scalar(select(func.count()).select_from(ExportRecord)) or 0
    if exported:
        reason = (f"Đơn vị đã xuất {exported} gói dữ liệu; các gói đó đã ký bằng khóa của đơn vị và mang mã "
                  f"{unit_code}.")
    elif own := sum(session.scalar(select(func.count()).select_from(m).where(m.origin_unit == unit_code)) or 0
                    for m in SYNCED_MODELS):
        reason = (f"Tệp dữ liệu đang có {own} bản ghi của đơn vị {unit_code} (kể cả bản ghi đã xóa), mỗi bản ghi "
                  "mang mã đơn vị này.")
    elif any(session.scalar(select(exists().where(m.origin_unit != unit_code))) for m in SYNCED_MODELS):
        reason = "Tệp dữ liệu đang có bản ghi nhận từ các đơn vị khác."  # an upper office that merged packages
    else:
        return None
    return f"{reason} Vì vậy không đổi được cấp hoặc đơn vị. {NEW_DATA_FILE_HINT}"


def unit_lock_reason(store: Store) -> str | None:
    """None if the unit and role may still change (no records, nothing exported), else why not."""
    with store.read_session() as session:
        return _unit_lock(session, store.profile().unit_code)


def setup_snapshot(store: Store, username: str) -> SetupSnapshot:
    info = get_profile(store)
    with store.read_session() as session:
        user = _user(session, username)
        own = keys.active_local_key(session)
        upper = keys.recipient(session)
        upper_text = f"{upper.unit_name} ({upper.unit_code}) — mã vân tay {upper.fingerprint}" if upper else None
        return SetupSnapshot(info, user.username if user else username, user.full_name if user else "",
                             keys.paper_fingerprint(session, own) if own else None, upper_text,
                             _unit_lock(session, info.unit_code))


def _user(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == nfc(username).casefold())).scalar_one_or_none()


def _require_admin(session: Session, username: str, password: str) -> User:
    """Checked against the store, not the caller's idea of the role (an account may have been re-roled)."""
    user = _user(session, username)
    if user is None or user.disabled or user.role != "admin":
        raise PermissionDenied("Chỉ quản trị viên mới được thiết lập lại đơn vị. Hãy nhờ quản trị viên của đơn vị "
                               "đăng nhập và làm việc này.")
    if not accounts.verify_password(user.password_hash, password):
        raise AuthError("Mật khẩu xác nhận không đúng nên chưa có gì thay đổi. Hãy nhập đúng mật khẩu bạn dùng "
                        "để đăng nhập.")
    return user


def redo_setup(store: Store, *, actor: str, password: str, role: str | None = None, unit_code: str | None = None,
               unit_name: str | None = None, officer_name: str | None = None,
               recipient_key_file: bytes | None = None, rotate_keys: bool = False) -> RedoResult:
    """Change the setup in one transaction (an error anywhere leaves everything as it was), admins only.

    ``None`` keeps a value. ``officer_name`` is the admin's own full name; ``unit_name`` only
    counts for an upper office with its own code (official names come from the catalog).
    The role or the unit changes only while ``unit_lock_reason`` is None, and then the unit
    gets a new key pair (a key file the upper office may hold names the old unit). A plain
    ``rotate_keys`` uses ``key_rotation.rotate``: the old key stays to verify old packages and
    signs the announcement of the new one in the next export. One ``setup_redo`` audit entry
    lists every change (the key and recipient steps add their own entries too).
    """
    with store.session() as session:
        user = _require_admin(session, actor, password)
        current = session.get(UnitProfile, 1)
        if current is None:
            raise NotInitialisedError()
        changes: dict[str, tuple[Any, Any]] = {}
        old_key = keys.active_local_key(session)  # its paper fingerprint names the unit and role before the change
        old_paper = keys.paper_fingerprint(session, old_key) if old_key is not None else None
        new_role = role or current.role
        if unit_name is None and new_role == current.role == "district":
            unit_name = current.unit_name
        resolved = resolve_unit(new_role, unit_code or current.unit_code, unit_name)
        unit_changed = (new_role, resolved[0]) != (current.role, current.unit_code)
        if unit_changed and (reason := _unit_lock(session, current.unit_code)):
            raise UnitLockedError(reason)
        for field_name, value in zip(("role", "unit_code", "unit_name", "province_code", "parent_name"),
                                     (new_role, *resolved), strict=True):
            if getattr(current, field_name) != value:
                changes[field_name] = (getattr(current, field_name), value)
                setattr(current, field_name, value)
        if officer_name is not None:
            _set_officer_name(user, officer_name, changes)
        session.flush()
        new_fingerprint = _keys_step(session, password, actor, rotate=rotate_keys or unit_changed,
                                     enrolment=unit_changed, changes=changes, old_paper=old_paper)
        _recipient_step(session, recipient_key_file, actor, changes)
        if changes:
            audit.append(session, actor=user.username, action="setup_redo", record_type="unit_profile",
                         record_id="1", details={"changes": {k: list(v) for k, v in changes.items()}})
        full_name = user.full_name
    return RedoResult(get_profile(store), full_name, changes, new_fingerprint)


def _set_officer_name(user: User, officer_name: str, changes: dict[str, tuple[Any, Any]]) -> None:
    name = nfc(officer_name)
    if not name:
        raise ValidationError("Họ tên cán bộ không được để trống. Hãy nhập họ tên của bạn.", "full_name")
    problem = accounts.full_name_problem(name)  # the same rules as a new account's name
    if problem:
        raise ValidationError(problem, "full_name")
    if name != user.full_name:
        changes["officer_name"] = (user.full_name, name)
        user.full_name = name


def _keys_step(session: Session, password: str, actor: str, *, rotate: bool, enrolment: bool,
               changes: dict[str, tuple[Any, Any]], old_paper: str | None) -> str | None:
    """The new key's paper fingerprint (version 2: unit, role and keys), the one its key file shows."""
    if not rotate:
        return None
    old = keys.active_local_key(session)
    # A new unit: nothing was exported, so nothing to announce; the office enrols the new key file.
    new = key_rotation.rotate(session, password, actor=actor, new_enrolment=enrolment or old is None)
    paper = keys.paper_fingerprint(session, new)
    changes["key"] = (old_paper, paper)
    return paper


def _recipient_step(session: Session, data: bytes | None, actor: str, changes: dict[str, tuple[Any, Any]]) -> None:
    before = keys.recipient(session)
    if data is not None:
        row = keys.set_recipient(session, data, actor=actor)
        if before is None or before.key_id != row.key_id:
            changes["recipient"] = (before.fingerprint if before else None, row.fingerprint)
    elif before is not None and before.unit_code == session.get(UnitProfile, 1).unit_code:  # type: ignore[union-attr]
        raise keys.KeyProblem("Khóa cấp trên đang dùng mang đúng mã của đơn vị mới chọn. Hãy chọn lại đơn vị, hoặc "
                              "nhập tệp khóa của cấp trên trong cùng lần thiết lập lại này.", "OWN_KEY")
