"""Demo household members and review meetings, added after everything else `antq demo` makes.

Drawn last from the demo's own generator, so the records it made before are exactly what they
were (same seed, same store: same ids), and these are deterministic per seed too.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from antq_desktop.domain import catalog as catalogs

_RELATIONS = ("vo", "con", "con", "con", "cha", "me", "chau", "em")
# Remarks, not verdicts: whether a criterion is met comes from the assessment, printed beside them
# (a random "Chưa đạt" here contradicted a met criterion on the minutes).
_FINDINGS = ("Các hộ thực hiện tốt, cần duy trì.", "Cần phổ biến thêm cho các hộ mới đến ở.",
             "Đề nghị tổ tự quản theo dõi thường xuyên hơn.")


_FEMALE_ONLY, _MALE_ONLY = {"Thị", "Thu", "Hồng"}, {"Văn", "Đức", "Hữu", "Quang", "Công", "Xuân"}
# Who is of which gender, and who carries the head's family name when the head is the father.
_MALE_RELATIONS, _FEMALE_RELATIONS, _HEADS_NAME = {"chong", "cha"}, {"vo", "me"}, {"con", "chau"}


def _head_is_female(name: str) -> bool:
    """From the middle name where it tells ("Thị" a woman, "Văn" a man); a man where it does not."""
    words = name.split()
    return len(words) > 2 and words[1] in _FEMALE_ONLY


def _member_name(gen: Any, relation: str, father: str | None) -> str:
    male = True if relation in _MALE_RELATIONS else False if relation in _FEMALE_RELATIONS else None
    name = gen.person(male)
    if relation in _HEADS_NAME and father:
        name = " ".join([father.split()[0], *name.split()[1:]])  # children take their father's family name
    return name


def members(gen: Any, households: list[dict[str, Any]], ids: list[str]) -> list[dict[str, Any]]:
    """The head (with the household's ID number), then the rest of the declared count: the head's
    spouse first (a husband for a woman head), children under the father's family name."""
    rows = []
    for hh_id, hh in zip(ids, households, strict=True):
        head_year = gen.rng.randint(1950, 1995)
        rows.append({"household_id": hh_id, "full_name": hh["head_name"], "birth_year": head_year,
                     "relation": "chu_ho", "citizen_id": hh.get("citizen_id")})
        female_head = _head_is_female(hh["head_name"])
        father = None if female_head else hh["head_name"]  # a woman head's husband, once drawn
        for index in range(hh["members"] - 1):
            relation = "vo" if index == 0 else gen.rng.choice(_RELATIONS[1:])
            born = {"cha": head_year - 25, "me": head_year - 23, "vo": head_year + gen.rng.randint(-3, 5)}.get(
                relation, head_year + gen.rng.randint(20, 40) if relation == "chau" else head_year + 25)
            if relation == "vo" and female_head:
                relation = "chong"
            name = _member_name(gen, relation, father)
            father = name if relation == "chong" else father
            rows.append({"household_id": hh_id, "full_name": name, "relation": relation,
                         "birth_year": max(1920, min(born + gen.rng.randint(-2, 2), gen.today.year))})
    return rows


def meetings(gen: Any, area_ids: list[str], area_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A review meeting (họp bình xét) for about two areas in three, with the area head chairing."""
    criteria = [c.code for c in catalogs.get_catalog().criteria("area")]
    rows = []
    for area_id, area in zip(area_ids, area_rows, strict=True):
        if gen.rng.random() >= 0.67:
            continue
        invited = gen.rng.randint(25, 60)
        present = invited - gen.rng.randint(0, 6)
        against = gen.rng.randint(0, 2)
        start = gen.rng.choice((time(8, 0), time(14, 0), time(19, 30)))
        rows.append({
            "kind": "binh_xet", "subject_kind": "area", "area_id": area_id, "year": gen.year,
            "held_on": gen.day(date(gen.year, 11, 5), date(gen.year, 12, 5)),
            "start_time": start.strftime("%H:%M"), "end_time": f"{start.hour + 2:02d}:{start.minute:02d}",
            "place": f"Nhà văn hóa {area['name']}", "chair": area["head_name"], "secretary": gen.person(),
            "invited": invited, "present": present, "absent": invited - present,
            "votes_for": present - against, "votes_against": against,
            "discussion": {code: gen.rng.choice(_FINDINGS) for code in gen.rng.sample(criteria, min(3, len(criteria)))},
            "conclusion": f"Hội nghị nhất trí đề nghị xét công nhận {area['name']} đạt tiêu chuẩn "
                          f"“An toàn về an ninh, trật tự” năm {gen.year}.",
        })
    return rows
