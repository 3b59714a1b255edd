"""Printing filled forms from the store: what to print (FormRequest), who issues it (UnitInfo), and
one entry point per document that streams records to the Qt-free renderers in `reports`.

The GUI calls these from a worker thread (progress, cancel); the CLI calls them directly.
Queries live in `form_sources` / `form_assessments` / `form_reports`; this module only dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from antq_desktop.domain import units
from antq_desktop.domain.errors import AntqError
from antq_desktop.reports.form_data import UnitInfo
from antq_desktop.reports.form_texts import FormText
from antq_desktop.services.keys import registry as keys
from antq_desktop.services.setup.profile import ProfileInfo, get_profile
from antq_desktop.storage.db import Store

FORM_KINDS: dict[str, str] = {
    "pledge": "Bản cam kết hộ gia đình",
    "covenant": "Giao ước thi đua (cơ quan, doanh nghiệp, trường học)",
    "registration": "Bản đăng ký phấn đấu",
    "assessment": "Phiếu tự đánh giá",
    "minutes": "Biên bản họp xét công nhận",
    "festival_report": "Báo cáo kết quả Ngày hội toàn dân bảo vệ ANTQ",
}


class FormError(AntqError):
    """Không in được biểu mẫu. Hãy kiểm tra lựa chọn rồi thử lại."""


@dataclass(frozen=True)
class FormRequest:
    """What to print. No area and no record means the whole unit ("tất cả")."""

    kind: str
    year: int
    area_id: str | None = None
    household_id: str | None = None  # pledges of one household
    record_id: str | None = None  # one stored record (pledge, registration or assessment)
    blank: bool = False  # a form to fill by hand
    names: bool = False  # blank forms for every household/organisation in scope, names printed
    household_ids: tuple[str, ...] = ()  # pledges of these households (the GUI's selection, --household …)
    unsigned: bool = False  # pledges: one prefilled page per household without a signed pledge this year


# ---------------------------------------------------------------- issuing unit

def key_fingerprint(store: Store) -> str:
    """The unit's active signing-key fingerprint (the one packages are signed with), "" without a key."""
    with store.session_factory() as session:
        row = keys.active_local_key(session)
        return row.fingerprint if row is not None else ""


def kind_word(profile: ProfileInfo) -> str:
    """"xã", "phường" or "đặc khu": how the commune calls itself in sentences and titles."""
    commune = units.find_commune(profile.unit_code) if profile.is_commune else None
    if commune is not None:
        return commune.kind
    return profile.unit_name.split(" ")[0].lower() if profile.is_commune else "xã"


def _place(profile: ProfileInfo) -> str:
    finder = units.find_commune if profile.is_commune else units.find_province
    official = finder(profile.unit_code) if profile.role != "district" else None
    return official.short_name if official else profile.unit_name


def unit_info_for(profile: ProfileInfo, fingerprint: str = "") -> UnitInfo:
    """Header lines per ND30: parent police body over the issuing one, both in capitals."""
    issuing = profile.police_name.upper()
    province, upper = "", (profile.parent_name or "")  # a cluster office: neither is in its profile
    if profile.role == "commune":
        province = province_title(profile.parent_name or "")
        parent = f"Công an {province}".upper() if province else "BỘ CÔNG AN"
        commune, upper = f"{kind_word(profile)} {_place(profile)}", (f"Công an {province}" if province else "")
    elif profile.role == "province":
        province = province_title(profile.unit_name)
        parent, commune, upper = "BỘ CÔNG AN", profile.unit_name, "Bộ Công an"
        issuing = f"CÔNG AN {province.upper()}"
    else:
        parent, commune = (profile.parent_name or "").upper(), profile.unit_name
    return UnitInfo(parent_body=parent, issuing_body=issuing, place=_place(profile), commune_name=commune,
                    key_fingerprint=fingerprint, province=province, upper_name=upper)


def province_title(name: str) -> str:
    """The province as a sentence names it: "thành phố Hà Nội"; the catalog writes "Thanh Hóa" for
    "tỉnh Thanh Hóa" (only cities carry their prefix)."""
    if not name:
        return ""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return prefix.lower() + name[len(prefix):]
    return f"tỉnh {name}"


def unit_info(store: Store) -> UnitInfo:
    return unit_info_for(get_profile(store), key_fingerprint(store))


def localise_line(line: str, word: str) -> str:
    """One sentence of a text written for a xã ("Công an xã tham mưu…") as the ward or special zone says it."""
    if word == "xã":
        return line
    return line.replace("CÔNG AN XÃ", f"CÔNG AN {word.upper()}").replace("Công an xã", f"Công an {word}")


def localise(text: FormText, word: str) -> FormText:
    """Bundled texts say "Công an xã"; a ward prints "Công an phường" (titles and sentences alike)."""
    if word == "xã":
        return text

    def swap(s: str) -> str:
        return localise_line(s, word)

    return replace(text, intro=swap(text.intro), closing=swap(text.closing), items=tuple(swap(i) for i in text.items),
                   signers=tuple(swap(s) for s in text.signers),
                   labels={k: swap(v) for k, v in text.labels.items()})
