"""Realistic Vietnamese demo data for the own unit, reproducible for a given seed.

Same seed on a fresh store gives the same records (UUIDs and timestamps included); on a store that
already has data, the generator is seeded by what is there too, so it adds new records as officers do.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from faker import Faker
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.errors import ValidationError
from antq_desktop.services import demo_people
from antq_desktop.services.activities import demo as activities_demo
from antq_desktop.services.records.writes import insert_batch
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, Plan, Registration, ResidentialArea, UnitProfile

Progress = Callable[[float, str], None]

_PLACE_WORDS = ["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Yên Phú", "Phú Lộc", "An Bình", "Hòa Lạc",
                "Tân Lập", "Quyết Tiến", "Đoàn Kết", "Thắng Lợi", "Hưng Thịnh", "Phúc Hậu", "Vĩnh An", "Đồng Tâm",
                "Kim Sơn", "Ngọc Lâm", "Bình Minh", "Hồng Phong", "Thanh Xuân", "Cầu Đá", "Bến Đò", "Làng Mới"]
_MALE_MIDDLE = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Xuân", "Thanh", "Ngọc"]
_FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng"]
_CCCD_PROVINCES = ["001", "024", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
                   "044", "045", "046", "048", "049", "051", "052", "079", "092", "096"]
_AGENCIES = ["Ủy ban nhân dân", "Trạm Y tế", "Bưu điện văn hóa", "Kho bạc Nhà nước khu vực", "Chi cục Thuế khu vực",
             "Ngân hàng Chính sách xã hội - Phòng giao dịch", "Ban Chỉ huy quân sự"]
_SCHOOLS = [("Trường Trung học cơ sở", True), ("Trường Trung học phổ thông", True), ("Trường Tiểu học", False),
            ("Trường Mầm non", False)]
_COMPANY_WORDS = ["Thành Công", "Phát Đạt", "Hưng Long", "Minh Khang", "An Phát", "Việt Tiến", "Hoàng Gia", "Đại Dương"]


@dataclass(frozen=True)
class DemoResult:
    residential_areas: int
    organizations: int
    households: int
    pledges: int
    registrations: int
    assessments: int
    plans: int
    members: int = 0
    meetings: int = 0
    activities: int = 0  # models, festival days, briefings, commendations, security teams and ratings
    covenants: int = 0  # emulation covenants (giao ước thi đua) signed by in-scope organisations


class _Generator:
    def __init__(self, session: Session, profile: UnitProfile, seed: int, year: int, today: date) -> None:
        existing = session.execute(select(func.count()).select_from(ResidentialArea)).scalar() or 0
        existing_h = session.execute(select(func.count()).select_from(Household)).scalar() or 0
        self.rng = random.Random(f"{seed}:{profile.unit_code}:{year}:{existing}:{existing_h}")
        self.faker = Faker("vi_VN")
        self.faker.seed_instance(self.rng.getrandbits(32))
        self.session, self.profile, self.year, self.today = session, profile, year, today
        self.area_offset = int(existing)
        # The commune police officer who fills in the self-assessments (a person, not the unit's name).
        # Its own generator: drawing from self.rng would change every record generated after it.
        pick = random.Random(f"officer:{seed}:{profile.unit_code}").choice
        family, given = pick(("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng")), pick(("Hùng", "Dũng", "Quang", "Thành"))
        self.officer = f"{family} Văn {given}"

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day(self, start: date, end: date) -> date:
        end = min(end, self.today)
        start = min(start, end)
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def stamp(self, day: date) -> datetime:
        return datetime.combine(day, time(self.rng.randint(7, 17), self.rng.randint(0, 59)))

    def person(self, male: bool | None = None) -> str:
        """A Vietnamese full name; `male` chooses the gender without changing how many draws are made
        (so a seed's later records stay the same)."""
        drawn = self.rng.random() < 0.6
        male = drawn if male is None else male
        middle = self.rng.choice(_MALE_MIDDLE if male else _FEMALE_MIDDLE)
        given = self.faker.first_name_male() if male else self.faker.first_name_female()
        return f"{self.faker.last_name()} {middle} {given}"

    def citizen_id(self) -> str | None:
        if self.rng.random() < 0.25:
            return None
        birth = self.rng.randint(1945, 2005)
        century_digit = (birth // 100 - 19) * 2 + self.rng.randint(0, 1)
        return f"{self.rng.choice(_CCCD_PROVINCES)}{century_digit}{birth % 100:02d}{self.rng.randint(0, 999999):06d}"

    def insert(self, record_type: str, rows: list[dict[str, Any]], days: list[date],
               ids: list[str] | None = None) -> list[str]:
        ids = ids or [self.uuid() for _ in rows]
        return insert_batch(self.session, record_type, rows, actor="demo", ids=ids,
                            stamps=[self.stamp(d) for d in days])


def _quarter1(gen: _Generator) -> date:
    return gen.day(date(gen.year, 1, 5), date(gen.year, 3, 31))


def _areas(gen: _Generator, count: int) -> list[dict[str, Any]]:
    urban = gen.profile.unit_name.startswith("Phường")
    rows = []
    for i in range(count):
        number = gen.area_offset + i + 1
        # The name's word follows the kind: a "bản" named "Thôn …" printed "TRƯỞNG BẢN" under "Thôn …".
        # (Same random draws in the same order as before, so a seed still gives the same store.)
        place = None if urban else gen.rng.choice(_PLACE_WORDS)
        kind = "to_dan_pho" if urban else gen.rng.choice(["thon", "thon", "ban"])
        name = f"Tổ dân phố số {number}" if urban else f"{'Bản' if kind == 'ban' else 'Thôn'} {place} {number}"
        rows.append({"name": name, "kind": kind,
                     "head_name": gen.person(), "head_phone": f"09{gen.rng.randint(10_000_000, 99_999_999)}",
                     "population": 0, "households_declared": 0})
    return rows


def _organizations(gen: _Generator, count: int, area_ids: list[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    place = gen.profile.unit_name
    for _ in range(count):
        kind = gen.rng.choices(["agency", "enterprise", "school"], weights=[3, 4, 2])[0]
        in_scope = True
        if kind == "agency":
            name = f"{gen.rng.choice(_AGENCIES)} {place}"
        elif kind == "enterprise":
            name = f"Công ty TNHH {gen.rng.choice(_COMPANY_WORDS)} {gen.faker.last_name()}"
            in_scope = gen.rng.random() < 0.6  # small and micro enterprises are outside the standard
        else:
            prefix, in_scope = gen.rng.choice(_SCHOOLS)
            name = f"{prefix} {gen.rng.choice(_PLACE_WORDS)}"
        rows.append({"name": f"{name} ({len(rows) + 1})", "org_type": kind, "in_scope": in_scope,
                     "area_id": gen.rng.choice(area_ids), "head_name": gen.person(),
                     "address": f"Số {gen.rng.randint(1, 300)} đường {gen.faker.street_name()}",
                     "staff_count": gen.rng.randint(8, 400)})
    return rows


def _households(gen: _Generator, count: int, areas: list[tuple[str, str]]) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        area_id, area_name = areas[i % len(areas)]
        rows.append({"area_id": area_id, "head_name": gen.person(), "citizen_id": gen.citizen_id(),
                     "address": f"Số {gen.rng.randint(1, 250)}, ngõ {gen.rng.randint(1, 60)}, {area_name}",
                     "members": gen.rng.choices(range(1, 9), weights=[6, 14, 20, 24, 17, 10, 6, 3])[0]})
    return rows


def _answers(gen: _Generator, unit_type: str, quality: float) -> dict[str, dict[str, Any]]:
    catalog = catalogs.get_catalog()
    return {c.code: {"met": gen.rng.random() < (quality if c.required else quality - 0.25)}
            for c in catalog.criteria(unit_type)}


def _subject_rows(gen: _Generator, subjects: list[tuple[str, str | None, str]]) -> tuple[list, list, list, list]:
    """Registrations and assessments for (kind, id, unit type) subjects."""
    registrations, reg_days, assessments, ass_days = [], [], [], []
    submitted = gen.today >= date(gen.year, 11, 1) or gen.year < gen.today.year
    for kind, subject_id, unit_type in subjects:
        key = "area_id" if kind == "area" else "organization_id"
        ref = {key: subject_id} if subject_id else {}
        if gen.rng.random() < 0.95:
            day = _quarter1(gen)
            registrations.append({"subject_kind": kind, **ref, "year": gen.year, "registered_on": day})
            reg_days.append(day)
        quality = gen.rng.choice([0.99, 0.97, 0.9, 0.8])
        day = gen.day(date(gen.year, 10, 15), date(gen.year, 11, 25))
        assessments.append({"subject_kind": kind, **ref, "year": gen.year,
                            "catalog_code": catalogs.DEFAULT_CATALOG_CODE,
                            "answers": _answers(gen, unit_type, quality), "assessor": gen.officer,
                            "assessed_on": day,
                            "status": "submitted" if submitted or gen.rng.random() < 0.5 else "draft"})
        ass_days.append(day)
    return registrations, reg_days, assessments, ass_days


def _plan(gen: _Generator) -> int:
    exists = gen.session.execute(select(func.count()).select_from(Plan).where(
        Plan.year == gen.year, Plan.origin_unit == gen.profile.unit_code, Plan.deleted.is_(False))).scalar()
    if exists:
        return 0
    template = catalogs.load_plan_templates()["thanh-hoa-2025"]
    issued = gen.day(date(gen.year, 2, 1), date(gen.year, 3, 15))
    plan_ids = gen.insert("plan", [{"year": gen.year, "title": template.title.format(year=gen.year),
                                    "document_ref": template.document_ref, "issued_on": issued}], [issued])
    targets = [{"plan_id": plan_ids[0], "indicator": t.indicator, "comparator": t.comparator,
                "threshold": t.threshold, "note": t.note or None} for t in template.targets]
    gen.insert("plan_target", targets, [issued] * len(targets))
    return 1


def generate(store: Store, *, households: int = 2000, seed: int = 1, year: int | None = None,
             today: date | None = None, progress: Progress | None = None) -> DemoResult:
    """Add demo data for the own unit in one transaction (all or nothing)."""
    today = today or date.today()
    year = year or today.year
    if year > today.year or households < 1 or households > 1_000_000:
        raise ValidationError("Năm không được ở tương lai và số hộ phải từ 1 đến 1.000.000.")
    report = progress or (lambda _f, _m: None)
    with store.session() as session:
        profile = session.get(UnitProfile, 1)
        if profile is None:
            from antq_desktop.domain.errors import NotInitialisedError
            raise NotInitialisedError()
        result = _fill(_Generator(session, profile, seed, year, today), households, report)
    # Statistics taken on the empty store would make searches pick slow plans until the app closes.
    store.refresh_statistics()
    return result


def _fill(gen: _Generator, household_count: int, report: Progress) -> DemoResult:
    n_areas = max(3, min(40, round(household_count / 300)))
    report(0.05, "Đang tạo khu dân cư…")
    area_rows = _areas(gen, n_areas)
    area_ids = [gen.uuid() for _ in area_rows]
    hh_rows = _households(gen, household_count, list(zip(area_ids, (a["name"] for a in area_rows), strict=True)))
    _set_area_totals(area_rows, area_ids, hh_rows)
    gen.insert("residential_area", area_rows, [_quarter1(gen) for _ in area_rows], area_ids)
    report(0.15, "Đang tạo cơ quan, doanh nghiệp, trường học…")
    org_rows = _organizations(gen, max(2, min(80, household_count // 250)), area_ids)
    org_ids = gen.insert("organization", org_rows, [_quarter1(gen) for _ in org_rows])
    report(0.25, "Đang tạo hộ gia đình…")
    hh_ids = gen.insert("household", hh_rows, [_quarter1(gen) for _ in hh_rows])
    report(0.6, "Đang tạo bản cam kết…")
    pledges, days = [], []
    for hh_id in hh_ids:
        if gen.rng.random() < 0.93:
            day = _quarter1(gen)
            pledges.append({"signer_kind": "household", "household_id": hh_id, "template_code": "household_pledge",
                            "year": gen.year, "signed_on": day, "status": "signed"})
            days.append(day)
    gen.insert("pledge", pledges, days)
    report(0.8, "Đang tạo đăng ký và tự đánh giá…")
    subjects: list[tuple[str, str | None, str]] = [("area", a, "area") for a in area_ids]
    subjects += [("organization", o, r["org_type"]) for o, r in zip(org_ids, org_rows, strict=True) if r["in_scope"]]
    if not _commune_registered(gen):
        subjects.append(("commune", None, "commune"))
    regs, reg_days, asses, ass_days = _subject_rows(gen, subjects)
    gen.insert("registration", regs, reg_days)
    gen.insert("assessment", asses, ass_days)
    plans = _plan(gen)
    report(0.9, "Đang tạo nhân khẩu và biên bản họp…")
    # Last, so every record made above is the same as before these existed.
    member_rows = demo_people.members(gen, hh_rows, hh_ids)
    gen.insert("household_member", member_rows, [_quarter1(gen) for _ in member_rows])
    meeting_rows = demo_people.meetings(gen, area_ids, area_rows)
    gen.insert("meeting", meeting_rows, [m["held_on"] for m in meeting_rows])
    report(0.95, "Đang tạo mô hình, ngày hội, buổi phổ biến, khen thưởng…")
    made = activities_demo.make(gen, list(zip(area_ids, (a["name"] for a in area_rows), strict=True)),
                                list(zip(org_ids, org_rows, strict=True)))
    covenants = _covenants(gen, [o for o, r in zip(org_ids, org_rows, strict=True) if r["in_scope"]])
    report(1.0, "Đã tạo xong dữ liệu mẫu.")
    return DemoResult(len(area_ids), len(org_ids), len(hh_ids), len(pledges), len(regs), len(asses), plans,
                      len(member_rows), len(meeting_rows), made, covenants)


def _covenants(gen: _Generator, org_ids: list[str]) -> int:
    """Most in-scope organisations sign the year's covenant, the first always (so `antq form covenant --all`
    prints one); drawn after everything else, so the records made before are the same for a seed."""
    signers = [o for i, o in enumerate(org_ids) if i == 0 or gen.rng.random() < 0.85]
    days = [_quarter1(gen) for _ in signers]
    gen.insert("pledge", [{"signer_kind": "organization", "organization_id": o, "template_code": "covenant",
                           "year": gen.year, "signed_on": day, "status": "signed"}
                          for o, day in zip(signers, days, strict=True)], days)
    return len(signers)


def _commune_registered(gen: _Generator) -> bool:
    return bool(gen.session.execute(select(func.count()).select_from(Registration).where(
        Registration.subject_kind == "commune", Registration.year == gen.year,
        Registration.origin_unit == gen.profile.unit_code, Registration.deleted.is_(False))).scalar())


def _set_area_totals(area_rows: list[dict[str, Any]], area_ids: list[str],
                     households: list[dict[str, Any]]) -> None:
    """Declared household and population totals of each new area match the households generated."""
    index = {area_id: row for area_id, row in zip(area_ids, area_rows, strict=True)}
    for household in households:
        area = index[household["area_id"]]
        area["households_declared"] += 1
        area["population"] += household["members"]
