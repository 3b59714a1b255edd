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
from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.errors import NOT_AUTHORISED, PackageError
from antq_desktop.services.authority.table import COMMUNE, DISTRICT, PROVINCE, ROLES, Rule, unit_skeleton
from antq_desktop.storage.models import KnownKey, LocalKey, OfficeCatchment, UnitProfile, utcnow

OFFICE_ROLES = (DISTRICT, PROVINCE)
ROLE_NAMES = {COMMUNE: "xã/phường", DISTRICT: "cụm/huyện", PROVINCE: "tỉnh"}
ROLE_MISMATCH = "ROLE_MISMATCH"
OWN_UNIT_KEY = "OWN_UNIT"
BAD_ROLE = "BAD_ROLE"
NOT_IN_CATCHMENT = "NOT_IN_CATCHMENT"
LOOKALIKE_UNIT = "LOOKALIKE_UNIT"
KEY_OF_ANOTHER_UNIT = "KEY_OF_ANOTHER_UNIT"

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
    Rule("K8", "keys", "office (vouched keys)", "a key an office vouched signs packages only while that office may "
         "vouch for the unit: no key of the unit enrolled here since, the unit still in its catchment, the office's "
         "key enrolled here and not revoked", "-", "-",
         "services.authority.keys.authorise_signer (merge_one; forward_import._authorise_inner_signers)",
         f"{_TEST}::test_a_vouched_key_stops_when_its_office_may_no_longer_vouch"),
    Rule("K9", "keys", "office (in a forward)", "never vouches a unit whose key this office enrolled, even revoked: "
         "the receiving office decides", "-", "-", "services.authority.keys.authorise_vouch",
         f"{_TEST}::test_a_commune_the_province_revoked_is_not_re_vouched"),
    Rule("K10", "keys", "anyone", "unit codes compared in one folded form (case, O/0, I/L/1): a look-alike of "
         "this office's code is its own code, a look-alike of a known unit is refused (trust add, catchment, "
         "vouch, package producer)", "-", "-",
         "services.authority.keys.is_own_unit, lookalike; services.authority.records.authorise_producers",
         f"{_TEST}::test_unit_codes_are_compared_in_one_form"),
    Rule("K11", "keys", "receiving office", "enrolling a key file never re-labels a key already known here under "
         "another unit (a vouched record carries no self-signature)", "-", "-",
         "services.authority.keys.enrolment_clash (trust_add)",
         f"{_TEST}::test_enrolling_a_key_known_under_another_unit_is_refused"),
    Rule("K12", "keys", "office (in a forward)", "key revocations it made: only commune keys of its own catchment "
         "that it vouched here (or unknown here); never this office's own unit or key, an office's key, a key "
         "vouched by another office, a key known under another unit or one this office enrolled itself and still "
         "trusts; else the whole forward is refused", "-", "-",
         "services.authority.keys.authorise_reported_revocation (merge.received_revocations.authorise)",
         f"{_TEST}::test_hostile_office_revocations_are_refused_and_change_nothing"),
    Rule("K13", "keys", "a commune key revoked on an office's report", "its packages only inside that office's "
         "forwards, and only those the office merged before revoking it (listed package ids, sequence up to the "
         "reported one, whatever the package's own date); direct packages refused (REVOKED_KEY)", "-", "-",
         "services.merge.received_revocations.check_inner; services.keys.registry.trusted_lookup",
         f"{_TEST}::test_lost_laptop_packages_are_refused_direct_and_forwarded"),
)


def _refused(text: str, detail: str) -> PackageError:
    return PackageError(NOT_AUTHORISED, message_vi=text, detail=detail)


def _problem(text: str, code: str) -> Exception:
    return KeyProblem(text, code)


def own_unit(session: Session) -> str | None:
    profile = session.get(UnitProfile, 1)
    return profile.unit_code if profile is not None else None


def is_own_unit(session: Session, unit_code: str) -> bool:
    """This office's own code, in any case or look-alike spelling ("cum-01", "CUM-O1" for CUM-01)."""
    mine = own_unit(session)
    return mine is not None and unit_skeleton(unit_code) == unit_skeleton(mine)


def lookalike(session: Session, unit_code: str) -> str | None:
    """A unit code known here (a key, a catchment) spelled differently but read the same, e.g. 0OO70 for 00070."""
    known = set(session.execute(select(KnownKey.unit_code)).scalars())
    known |= set(session.execute(select(OfficeCatchment.commune_code)).scalars())
    wanted = unit_skeleton(unit_code)
    return next((code for code in sorted(known) if code != unit_code and unit_skeleton(code) == wanted), None)


def _lookalike_text(unit_code: str, other: str) -> str:
    return (f"Mã đơn vị “{unit_code}” trông giống mã {other} đã có ở đây (khác chữ hoa/thường hoặc chữ O/số 0, chữ "
            f"I/L/số 1): hai mã dễ nhầm không được dùng cho hai đơn vị.")


# ---- enrolment (trust add) ----

def enrolment_role(session: Session, unit_code: str, claimed: str, chosen: str | None) -> str:
    """The role this office gives a key it enrols: the clerk's choice (default commune), never the file's."""
    other = lookalike(session, unit_code)
    if other is not None:
        raise _problem(_lookalike_text(unit_code, other) + " Hãy kiểm tra lại tệp khóa với đơn vị đó.", LOOKALIKE_UNIT)
    if is_own_unit(session, unit_code):
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


def enrolment_clash(existing: KnownKey | None, unit_code: str) -> None:
    """A key already known here under another unit (say vouched by an office for a commune of its catchment,
    without the key's own signature) is never re-labelled by enrolling the real key file: the clerk must
    revoke the wrong entry first."""
    if existing is not None and existing.unit_code != unit_code:
        raise _problem(f"Khóa trong tệp (đơn vị {unit_code}) đã có ở đây dưới tên đơn vị {existing.unit_code} "
                       f"(nguồn: {existing.source}{' ' + existing.enrolled_by if existing.enrolled_by else ''}). Một "
                       f"khóa chỉ thuộc một đơn vị: hãy thu hồi khóa đang ghi cho {existing.unit_code} và xác minh "
                       f"với hai đơn vị trước khi đăng ký.", KEY_OF_ANOTHER_UNIT)


def catchment(session: Session, office_unit: str) -> list[str]:
    rows = session.execute(select(OfficeCatchment.commune_code).where(OfficeCatchment.office_unit == office_unit)
                           .order_by(OfficeCatchment.commune_code)).scalars()
    return list(rows)


def set_catchment(session: Session, office_unit: str, communes: Iterable[str], *, actor: str) -> list[str]:
    """Replace the list of communes ``office_unit`` may vouch for (this office's own record)."""
    from antq_desktop.exchange.keys import check_unit_code

    wanted = sorted({c.strip() for c in communes if c.strip()})
    skeletons = [unit_skeleton(code) for code in wanted]
    twins = [code for code, sk in zip(wanted, skeletons, strict=True) if skeletons.count(sk) > 1]
    if twins:
        raise _problem(f"Các mã {', '.join(twins)} trông như một (khác chữ hoa/thường hoặc chữ O/số 0, chữ I/L/số 1): "
                       "hãy nhập đúng mã của từng xã.", LOOKALIKE_UNIT)
    for code in wanted:
        try:
            check_unit_code(code)
        except PackageError:
            raise _problem(f"Mã xã “{code}” không hợp lệ.", "BAD_UNIT") from None
        if is_own_unit(session, code) or unit_skeleton(code) == unit_skeleton(office_unit):
            raise _problem(f"Mã {code} không phải một xã thuộc địa bàn của {office_unit}.", NOT_IN_CATCHMENT)
        other = lookalike(session, code)
        if other is not None and other not in wanted:
            raise _problem(_lookalike_text(code, other) + " Hãy nhập đúng mã xã.", LOOKALIKE_UNIT)
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
    if is_own_unit(session, unit):
        raise _refused(f"{head}, là mã của chính đơn vị này: không ai được bảo lãnh khóa thay đơn vị này.{tail}",
                       f"vouched own unit {unit}")
    other = lookalike(session, unit)
    if other is not None:
        raise _refused(f"{head}. {_lookalike_text(unit, other)}{tail}", f"vouched look-alike {unit} of {other}")
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


# ---- every package's signer ----

def authorise_signer(session: Session, key_id: str, producer_unit: str) -> None:
    """A key an office vouched for speaks only while that office may vouch for the unit: no key of the unit
    enrolled here since (the receiving office's own enrolment wins), the unit still in the office's
    catchment, and the office still holding a live key enrolled here as an office. Keys enrolled here
    (or announced by such keys) are not concerned."""
    row = session.execute(select(KnownKey).where(KnownKey.key_id == key_id)).scalar_one_or_none()
    root = _vouched_root(session, row) if row is not None else None
    if root is None:
        return
    office = root.enrolled_by or ""
    why = None
    if [r for r in _units_enrolled_here(session, producer_unit) if r.key_id != key_id]:
        why = f"đơn vị này đã tự đăng ký khóa của {producer_unit}; khóa do {office} bảo lãnh không còn được dùng"
    elif producer_unit not in catchment(session, office):
        why = f"{producer_unit} không còn trong danh sách xã thuộc địa bàn của {office} ghi ở đây"
    elif not any(r.revoked_at is None and is_enrolled_office(session, r) for r in _office_keys(session, office)):
        why = f"khóa của {office} đăng ký ở đây đã bị thu hồi hoặc không còn là khóa cơ quan cấp trên"
    if why is not None:
        raise _refused(f"Gói của đơn vị {producer_unit} ký bằng khóa do {office} bảo lãnh, nhưng {why}. Không nhập gói "
                       f"này; hãy đề nghị {producer_unit} gửi gói ký bằng khóa đã đăng ký ở đây, hoặc báo cho cán bộ "
                       "phụ trách.", f"vouched key {key_id} of {producer_unit} by {office} no longer authorised")


def _vouched_root(session: Session, row: KnownKey) -> KnownKey | None:
    """The vouched key ``row`` is (or descends from by announcements), or None for keys enrolled here."""
    seen: set[str] = set()
    while row.source == "announced" and row.replaces_key_id and row.key_id not in seen:
        seen.add(row.key_id)
        parent = session.execute(select(KnownKey).where(KnownKey.key_id == row.replaces_key_id)).scalar_one_or_none()
        if parent is None:
            return None
        row = parent
    return row if row.source == "vouched" else None


def _office_keys(session: Session, office_unit: str) -> list[KnownKey]:
    return list(session.execute(select(KnownKey).where(KnownKey.unit_code == office_unit)).scalars())


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


# ---- revocations an office reports up in its forward (issue 14, point 3) ----

APPLY, NOTHING_HERE = "apply", "nothing_here"


def authorise_reported_revocation(session: Session, office_unit: str, key_id: str, unit_code: str) -> str:
    """May ``office_unit`` revoke this key here? APPLY; NOTHING_HERE (this office decides that unit's keys
    itself and already revoked this one, or never accepted it); or the whole forward is refused."""
    row = session.execute(select(KnownKey).where(KnownKey.key_id == key_id)).scalar_one_or_none()
    head = f"Gói chuyển tiếp của {office_unit} báo thu hồi khóa của đơn vị {unit_code}"
    tail = " Không nhập gói này; hãy báo cho cán bộ phụ trách."
    why = _revocation_refusal(session, office_unit, key_id, unit_code, row)
    if why is not None:
        raise _refused(f"{head}, nhưng {why}{tail}", f"reported revocation of {key_id} ({unit_code}) by {office_unit}")
    if row is None:  # unknown here: a key of a unit this office enrolled itself is never taken from a report
        return NOTHING_HERE if _units_enrolled_here(session, unit_code) else APPLY
    if enrolment_root(session, row) is not None:
        if row.revoked_at is None:
            raise _refused(f"{head}, là khóa do chính đơn vị này đăng ký: chỉ đơn vị này thu hồi được. Hãy xác minh "
                           f"với {office_unit}; nếu đúng, thu hồi khóa đó " + _revoke_hint(row) + " rồi nhập lại.",
                           f"reported revocation of {key_id} enrolled here")
        return NOTHING_HERE
    return APPLY


def _revocation_refusal(session: Session, office_unit: str, key_id: str, unit_code: str,
                        row: KnownKey | None) -> str | None:
    if is_own_unit(session, unit_code) or session.execute(select(LocalKey.id).where(LocalKey.key_id == key_id)).first():
        return "đó là khóa hoặc mã của chính đơn vị này: không ai được thu hồi thay đơn vị này."
    if row is not None and row.unit_code != unit_code:
        return f"khóa đó được ghi ở đây là của đơn vị {row.unit_code}."
    if row is not None and (row.role in OFFICE_ROLES or row.source == "recipient"):
        return "đó là khóa của một cơ quan cấp trên/cấp cụm: cơ quan cấp dưới không thu hồi được."
    if any(r.role in OFFICE_ROLES for r in _units_enrolled_here(session, unit_code)):
        return f"{unit_code} được đăng ký ở đây là một cơ quan, không phải xã."
    other = lookalike(session, unit_code)
    if other is not None:
        return _lookalike_text(unit_code, other)
    if unit_code not in catchment(session, office_unit):
        return (f"{unit_code} không có trong danh sách xã thuộc địa bàn của {office_unit} ghi ở đây: cơ quan chỉ "
                "thu hồi khóa của xã thuộc địa bàn mình.")
    root = _vouched_root(session, row) if row is not None else None
    if root is not None and root.enrolled_by != office_unit:
        return f"khóa đó do {root.enrolled_by} bảo lãnh, không phải {office_unit}."
    return None


def _revoke_hint(row: KnownKey) -> str:
    return hint(gui="ở trang Khóa tin cậy các xã", cli=f"bằng “antq trust revoke {row.fingerprint}”")
