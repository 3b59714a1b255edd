"""Plausible activities for `antq demo`: models, the 19 August festival, briefings, commendations,
security force teams and their ratings.

Drawn from the demo generator's own random source AFTER every other record, so the records the
demo made before issue 20 stay exactly as they were for a given seed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

_MODELS = [
    ("Camera an ninh", "khu_dan_cu", "Phòng ngừa tội phạm"), ("Tổ tự quản về an ninh, trật tự", "khu_dan_cu",
                                                              "Tự quản an ninh, trật tự"),
    ("Dòng họ không có tội phạm và tệ nạn xã hội", "khu_dan_cu", "Phòng chống tệ nạn xã hội"),
    ("Xã an toàn về an ninh, trật tự", "xa", "Xây dựng phong trào"),
    ("Cổng trường an toàn giao thông", "truong_hoc", "An toàn giao thông"),
    ("Doanh nghiệp an toàn về phòng cháy, chữa cháy", "doanh_nghiep", "Phòng cháy, chữa cháy"),
    ("Cơ quan an toàn về an ninh, trật tự", "co_quan", "Bảo vệ nội bộ"),
]
_TOPICS = ["Quán triệt kế hoạch thực hiện phong trào năm {year}",
           "Phổ biến Luật Lực lượng tham gia bảo vệ ANTT ở cơ sở",
           "Tuyên truyền phòng chống lừa đảo trên không gian mạng", "Phổ biến quy định về phòng cháy, chữa cháy",
           "Tuyên truyền phòng chống ma túy trong học đường"]
_AUDIENCES = ["can_bo", "dang_vien", "hoi_vien", "hoc_sinh", "nhan_dan"]
_LEVELS = [("Giấy khen", "Chủ tịch UBND xã"), ("Giấy khen", "Trưởng Công an tỉnh"),
           ("Bằng khen", "Chủ tịch UBND tỉnh"), ("Thư khen", "Giám đốc Công an tỉnh")]
_RATINGS = ["hoan_thanh_xuat_sac", "hoan_thanh_tot", "hoan_thanh", "khong_hoan_thanh"]


class Generator(Protocol):
    """What services/demo.py's generator offers (kept as a protocol: no import back into demo)."""

    rng: Any
    year: int
    today: date
    profile: Any

    def day(self, start: date, end: date) -> date: ...
    def person(self) -> str: ...
    def insert(self, record_type: str, rows: list[dict[str, Any]], days: list[date],
               ids: list[str] | None = None) -> list[str]: ...


def make(gen: Generator, areas: list[tuple[str, str]], orgs: list[tuple[str, dict[str, Any]]]) -> int:
    """Every kind of activity for the new areas and organisations; returns how many records were added."""
    count = _models(gen, areas, orgs)
    count += _festivals(gen, areas, orgs)
    count += _briefings(gen, orgs)
    count += _commendations(gen, areas, orgs)
    return count + _teams(gen, areas)


def _models(gen: Generator, areas: list[tuple[str, str]], orgs: list[tuple[str, dict[str, Any]]]) -> int:
    rows, days = [], []
    for name, kind, field in gen.rng.sample(_MODELS, 3):
        started = gen.year - gen.rng.randint(0, 4)
        status = gen.rng.choices(["dang_hoat_dong", "da_cong_nhan", "dang_xay_dung", "ngung"], weights=[5, 3, 2, 1])[0]
        row: dict[str, Any] = {"name": f"Mô hình “{name}”", "kind": kind, "field_of_work": field,
                               "started_year": started, "status": status}
        if kind == "khu_dan_cu" and areas:
            row["area_id"] = gen.rng.choice(areas)[0]
        org_type = {"truong_hoc": "school", "doanh_nghiep": "enterprise", "co_quan": "agency"}.get(kind)
        matching = [o for o, r in orgs if r["org_type"] == org_type]
        if org_type and matching:
            row["organization_id"] = gen.rng.choice(matching)
        day = gen.day(date(started, 1, 10), date(started, 12, 20))
        if status == "da_cong_nhan":
            row.update(recognised_by=gen.rng.choice(["UBND xã", "Công an tỉnh", "Ban Chỉ đạo phong trào tỉnh"]),
                       recognised_on=gen.day(day, date(gen.year, 11, 30)))
        rows.append(row)
        days.append(day)
    return len(gen.insert("movement_model", rows, days))


def _festival_year(gen: Generator) -> int:
    """The year's festival, or last year's when 19 August has not come yet."""
    return gen.year if date(gen.year, 8, 19) <= gen.today else gen.year - 1


def _festivals(gen: Generator, areas: list[tuple[str, str]], orgs: list[tuple[str, dict[str, Any]]]) -> int:
    year = _festival_year(gen)
    place = f"Nhà văn hóa {gen.rng.choice(areas)[1]}" if areas else "Hội trường UBND xã"
    rows = [{"held_on": gen.day(date(year, 8, 12), date(year, 8, 19)), "place": place,
             "participants": gen.rng.randint(150, 600),
             "content": "Báo cáo kết quả phong trào; biểu dương tập thể, cá nhân tiêu biểu; văn nghệ, thể thao.",
             "outcome": "Tổ chức an toàn, đúng kế hoạch; nhân dân hưởng ứng tích cực."}]
    for org_id, org in orgs:
        if org["in_scope"] and gen.rng.random() < 0.7:
            rows.append({"held_on": gen.day(date(year, 8, 5), date(year, 8, 25)), "place": f"Hội trường {org['name']}",
                         "participants": gen.rng.randint(20, min(400, 20 + org.get("staff_count", 50))),
                         "organization_id": org_id, "content": "Lồng ghép sinh hoạt chuyên đề về an ninh, trật tự."})
    return len(gen.insert("festival_day", rows, [r["held_on"] for r in rows]))


def _briefings(gen: Generator, orgs: list[tuple[str, dict[str, Any]]]) -> int:
    rows = []
    for _ in range(gen.rng.randint(3, 5)):
        invited = gen.rng.randint(20, 300)
        row = {"held_on": gen.day(date(gen.year, 1, 15), date(gen.year, 10, 30)),
               "audience_kind": gen.rng.choice(_AUDIENCES), "invited": invited,
               "present": invited - gen.rng.choice([0, 0, 0, gen.rng.randint(1, max(1, invited // 10))]),
               "topic": gen.rng.choice(_TOPICS).format(year=gen.year)}
        if orgs and gen.rng.random() < 0.4:
            row["organization_id"] = gen.rng.choice(orgs)[0]
        rows.append(row)
    return len(gen.insert("briefing", rows, [r["held_on"] for r in rows]))


def _commendations(gen: Generator, areas: list[tuple[str, str]], orgs: list[tuple[str, dict[str, Any]]]) -> int:
    year = _festival_year(gen)  # handed out at the festival
    rows = []
    for index in range(gen.rng.randint(2, 4)):
        level, by = gen.rng.choice(_LEVELS)
        row: dict[str, Any] = {"level": level, "awarded_by": by, "awarded_on": date(year, 8, 19),
                               "reason": "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc."}
        if index == 0 and areas:
            area_id, area_name = gen.rng.choice(areas)
            row.update(subject_kind="unit", subject_name=f"Nhân dân và cán bộ {area_name}", area_id=area_id)
        else:
            row.update(subject_kind="person", subject_name=gen.person())
        rows.append(row)
    return len(gen.insert("commendation", rows, [r["awarded_on"] for r in rows]))


def _teams(gen: Generator, areas: list[tuple[str, str]]) -> int:
    start = date(gen.year, 1, 5)
    teams = [{"area_id": area_id, "name": f"Tổ bảo vệ an ninh, trật tự {area_name}", "members": gen.rng.randint(3, 7)}
             for area_id, area_name in areas]
    team_ids = gen.insert("security_team", teams, [gen.day(start, date(gen.year, 3, 31)) for _ in teams])
    rated = date(gen.year, 11, 15) <= gen.today
    ratings = [{"team_id": team_id, "year": gen.year if rated else gen.year - 1,
                "rating": gen.rng.choices(_RATINGS, weights=[2, 5, 3, 1])[0]} for team_id in team_ids]
    days = [gen.day(date(r["year"], 11, 15), date(r["year"], 12, 10)) for r in ratings]
    return len(team_ids) + len(gen.insert("security_team_rating", ratings, days))
