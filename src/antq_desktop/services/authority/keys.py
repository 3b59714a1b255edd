"""Which KEY may do what: the one place that decides roles, announcements, forwards, vouching, revocation.

A signature proves which key signed; these rules decide what that key may speak for. Roles are
fixed by the RECEIVING office when it enrols a key (never read from a key file or an
announcement); an announcement changes keys, never unit or role; only a key this office enrolled
itself as an office signs forwards; a forward vouches only commune keys of the forwarding office's
own catchment (recorded here), never this office's own unit, another office, or a unit this
office enrolled itself; revoking a key also revokes the keys it announced (after ``since``).

Package paths raise ``PackageError(NOT_AUTHORISED)`` (the whole package is refused, nothing
written); the officer's own commands raise ``KeyProblem`` with a stable code.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from antq_desktop.domain.errors import KeyProblem
from antq_desktop.exchange.errors import NOT_AUTHORISED, PackageError
from antq_desktop.services.authority.table import COMMUNE, DISTRICT, PROVINCE, ROLES, Rule
from antq_desktop.storage.models import KnownKey, OfficeCatchment, UnitProfile, utcnow

OFFICE_ROLES = (DISTRICT, PROVINCE)
ROLE_NAMES = {COMMUNE: "xã/phường", DISTRICT: "cụm/huyện", PROVINCE: "tỉnh"}
ROLE_MISMATCH = "ROLE_MISMATCH"
OWN_UNIT_KEY = "OWN_UNIT"
BAD_ROLE = "BAD_ROLE"
NOT_IN_CATCHMENT = "NOT_IN_CATCHMENT"

_TEST = "tests/security/test_authority_keys.py"
KEY_RULES: tuple[Rule, ...] = (
    Rule("K1", "keys", "receiving office", "-", "-", "-",
         "services.authority.keys.enrolment_role",
         f"{_TEST}::test_trust_add_takes_the_role_from_the_clerk_not_the_file"),
    Rule("K2", "keys", "receiving office", "never enrols a key for its own unit code", "-", "-",
         "services.authority.keys.enrolment_role", f"{_TEST}::test_trust_add_refuses_the_offices_own_unit"),
    Rule("K3", "keys", "any unit", "key announcements: new keys only, never a new unit or role", "-", "-",
         "services.authority.keys.announced_identity",
         f"{_TEST}::test_commune_announcing_an_office_key_is_refused"),
    Rule("K4", "keys", "office", "forward packages, only signed by a key this office enrolled itself as an "
         "office (or announced by one)", "-", "-", "services.authority.keys.forward_signer",
         f"{_TEST}::test_forward_signed_by_a_commune_key_is_refused"),
    Rule("K5", "keys", "office (in a forward)", "vouched keys: role commune only, communes of its own catchment "
         "only; never this office's unit, an office's unit, or beside a key this office enrolled itself", "-", "-",
         "services.authority.keys.authorise_vouch",
         f"{_TEST}::test_cluster_vouching_for_the_province_is_refused"),
    Rule("K6", "keys", "-", "revoking a key revokes every key it announced (transitively) since the compromise",
         "-", "-", "services.authority.keys.revocation_cascade",
         f"{_TEST}::test_revocation_follows_announcements"),
    Rule("K7", "keys", "office (in a forward)", "a vouched key with a wrong role is refused as a role problem "
         "naming the unit, not as a damaged file", "-", "-", "services.authority.keys.authorise_vouch",
         f"{_TEST}::test_vouched_key_with_an_office_role_is_a_role_problem"),
)


def _refused(text: str, detail: str) -> PackageError:
    return PackageError(NOT_AUTHORISED, message_vi=text, detail=detail)


def _problem(text: str, code: str) -> Exception:
    return KeyProblem(text, code)


def own_unit(session: Session) -> str | None:
    profile = session.get(UnitProfile, 1)
    return profile.unit_code if profile is not None else None


# ---- enrolment (trust add) ----

def enrolment_role(session: Session, unit_code: str, claimed: str, chosen: str | None) -> str:
    """The role this office gives a key it enrols: the clerk's choice (default commune), never the file's."""
    if unit_code == own_unit(session):
        raise _problem(f"Tệp khóa ghi mã {unit_code}, là mã của chính đơn vị này: không đăng ký khóa của đơn vị "
                       "mình như một đơn vị gửi. Hãy kiểm tra lại tệp khóa được gửi đến.", OWN_UNIT_KEY)
    role = chosen or COMMUNE
    if role not in ROLES:
        raise _problem(f"Cấp “{role}” không hợp lệ; hãy chọn xã/phường, cụm/huyện hoặc tỉnh.", BAD_ROLE)
    if chosen is None and claimed != role:
        raise _problem(f"Tệp khóa của đơn vị {unit_code} tự ghi cấp “{ROLE_NAMES.get(claimed, claimed)}”, khác cấp "
                       "mặc định xã/phường. Cấp của một khóa do đơn vị nhận quyết định, không theo tệp khóa: hãy chọn "
                       "cấp rõ ràng (xã/phường hoặc cụm/huyện) sau khi xác minh với đơn vị đó.", ROLE_MISMATCH)
    return role


def catchment(session: Session, office_unit: str) -> list[str]:
    rows = session.execute(select(OfficeCatchment.commune_code).where(OfficeCatchment.office_unit == office_unit)
                           .order_by(OfficeCatchment.commune_code)).scalars()
    return list(rows)


def set_catchment(session: Session, office_unit: str, communes: Iterable[str], *, actor: str) -> list[str]:
    """Replace the list of communes ``office_unit`` may vouch for (this office's own record)."""
    from antq_desktop.exchange.keys import check_unit_code

    wanted = sorted({c.strip() for c in communes if c.strip()})
    mine = own_unit(session)
    for code in wanted:
        try:
            check_unit_code(code)
        except PackageError:
            raise _problem(f"Mã xã “{code}” không hợp lệ.", "BAD_UNIT") from None
        if code == mine or code == office_unit:
            raise _problem(f"Mã {code} không phải một xã thuộc địa bàn của {office_unit}.", NOT_IN_CATCHMENT)
    session.execute(delete(OfficeCatchment).where(OfficeCatchment.office_unit == office_unit))
    for code in wanted:
        session.add(OfficeCatchment(office_unit=office_unit, commune_code=code, added_by=actor))
    session.flush()
    return wanted


# ---- announcements ----

def announced_identity(signer: KnownKey, unit_code: str, claimed_role: str) -> tuple[str, str]:
    """(unit, role) of an announced key: the signer's. A different unit or role is refused, never taken."""
    if unit_code != signer.unit_code or claimed_role != signer.role:
        raise _refused(f"Gói của đơn vị {signer.unit_code} thông báo khóa mới ghi là của đơn vị {unit_code}, cấp "
                       f"“{ROLE_NAMES.get(claimed_role, claimed_role)}”; thông báo đổi khóa chỉ được thay khóa, không "
                       "được đổi đơn vị hay cấp. Không nhập gói này; hãy báo cho cán bộ phụ trách.",
                       f"announcement {signer.unit_code}/{signer.role} claims {unit_code}/{claimed_role}")
    return signer.unit_code, signer.role


# ---- forwards ----

def enrolment_root(session: Session, row: KnownKey) -> KnownKey | None:
    """The key this office enrolled itself that ``row`` descends from by announcements (None: vouched/unknown)."""
    seen: set[str] = set()
    while row.source == "announced" and row.replaces_key_id and row.key_id not in seen:
        seen.add(row.key_id)
        parent = session.execute(select(KnownKey).where(KnownKey.key_id == row.replaces_key_id)).scalar_one_or_none()
        if parent is None:
            return None
        row = parent
    return row if row.source == "enrolled" else None


def is_enrolled_office(session: Session, row: KnownKey | None) -> bool:
    if row is None or row.role not in OFFICE_ROLES:
        return False
    root = enrolment_root(session, row)
    return root is not None and root.role == row.role and root.unit_code == row.unit_code


def forward_signer(session: Session, key_id: str, producer_unit: str) -> KnownKey:
    """The office key that signed a forward, if this office enrolled it itself as an office."""
    row = session.execute(select(KnownKey).where(KnownKey.key_id == key_id)).scalar_one_or_none()
    if not is_enrolled_office(session, row) or row is None or row.unit_code != producer_unit:
        unit = row.unit_code if row is not None else producer_unit
        raise _refused(f"Gói chuyển tiếp ký bằng khóa của đơn vị {unit}, nhưng đơn vị này không được đăng ký ở đây "
                       "là công an cụm/huyện: chỉ khóa do chính đơn vị này đăng ký với cấp cụm/huyện mới được gửi gói "
                       "chuyển tiếp. Không nhập gói này; hãy báo cho cán bộ phụ trách.",
                       f"forward signer {key_id} is not an enrolled office")
    return row


def _units_enrolled_here(session: Session, unit_code: str) -> list[KnownKey]:
    """Keys of ``unit_code`` this office enrolled itself (directly or by announcement from such a key)."""
    rows = session.execute(select(KnownKey).where(KnownKey.unit_code == unit_code,
                                                  KnownKey.source.in_(("enrolled", "announced")))).scalars()
    return [row for row in rows if enrolment_root(session, row) is not None]


def authorise_vouch(session: Session, office_unit: str, vouched: dict[str, Any]) -> None:
    """A key vouched in ``office_unit``'s forward may be recorded here, or the forward is refused."""
    unit, role = str(vouched.get("unit_code")), vouched.get("role")
    head = f"Gói chuyển tiếp của {office_unit} bảo lãnh một khóa cho đơn vị {unit}"
    tail = " Không nhập gói này; hãy báo cho cán bộ phụ trách."
    if role != COMMUNE:
        raise _refused(f"{head} với cấp “{ROLE_NAMES.get(str(role), role)}”: cấp trên chỉ bảo lãnh khóa của xã. "
                       f"Hãy đề nghị {office_unit} đăng ký lại khóa của {unit} với cấp xã/phường rồi gửi lại.{tail}",
                       f"vouched role {role} for {unit}")
    if unit == own_unit(session):
        raise _refused(f"{head}, là mã của chính đơn vị này: không ai được bảo lãnh khóa thay đơn vị này.{tail}",
                       f"vouched own unit {unit}")
    if any(r.role in OFFICE_ROLES for r in _units_enrolled_here(session, unit)):
        raise _refused(f"{head}, nhưng {unit} được đăng ký ở đây là một cơ quan cấp trên, không phải xã.{tail}",
                       f"vouched office unit {unit}")
    if _units_enrolled_here(session, unit):
        raise _refused(f"{head}, nhưng đơn vị này đã tự đăng ký khóa của {unit}: khóa do cấp dưới bảo lãnh không "
                       f"thay hay thêm bên cạnh khóa đó.{tail}", f"vouched beside enrolled key for {unit}")
    if unit not in catchment(session, office_unit):
        raise _refused(f"{head}, nhưng {unit} không có trong danh sách xã thuộc địa bàn của {office_unit} đã ghi ở "
                       f"đây. Nếu đúng là xã của {office_unit}, hãy thêm vào danh sách địa bàn rồi nhập lại.{tail}",
                       f"vouched {unit} outside the catchment of {office_unit}")


# ---- revocation ----

def revocation_cascade(session: Session, row: KnownKey, since: datetime | None) -> list[KnownKey]:
    """Every key ``row`` announced (transitively) whose announcement was accepted at or after ``since``."""
    found: list[KnownKey] = []
    parents = [row.key_id]
    seen = {row.key_id}
    while parents:
        children = session.execute(select(KnownKey).where(KnownKey.source == "announced",
                                                          KnownKey.replaces_key_id.in_(parents))).scalars()
        parents = []
        for child in children:
            if child.key_id in seen or (since is not None and child.enrolled_at < since):
                continue
            seen.add(child.key_id)
            found.append(child)
            parents.append(child.key_id)
    return found


def revoke_row(row: KnownKey, *, actor: str, reason: str | None) -> None:
    row.revoked_at = utcnow()
    row.revoked_by = actor
    row.revoke_reason = reason
    row.is_recipient = False
