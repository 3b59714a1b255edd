"""The installation's own unit: which commune or upper office this store belongs to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from antq_desktop.domain import units
from antq_desktop.domain.catalog import DEFAULT_CATALOG_CODE
from antq_desktop.domain.errors import AntqError, ValidationError
from antq_desktop.domain.text import nfc
from antq_desktop.services import accounts, keys
from antq_desktop.storage import audit
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import UnitProfile

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
