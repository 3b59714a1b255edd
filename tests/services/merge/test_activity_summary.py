"""Issue 20: the upper office's summary (PDF and xlsx) has the movement's activity columns, each
commune's figures computed from its merged packages (SQLite and PostgreSQL), the totals row summing
counts and pooling ratios — what stays out of a year (a stopped model, last year's festival or
commendation, a deleted one, next year's model) stays out of the summary too."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from tests.conftest import ACTOR
from tests.reports.conftest import pdf_text_flat, pdf_words
from tests.services.conftest import enrol_recipient

from antq_desktop.reports.forms.summary import HEADER, summary_totals
from antq_desktop.services.forms import reports as form_reports
from antq_desktop.services.records import writes as records

from .conftest import Commune, merge, trust
from .test_activities_merge import YEAR, officer_export, seed_activities

ACTIVITY_COLUMNS = ("Mô hình, điển hình đang hoạt động", "Ngày hội 19/8 đã tổ chức", "Được phổ biến, quán triệt (%)",
                    "Khen thưởng", "Tổ bảo vệ ANTT hoàn thành nhiệm vụ trở lên (%)")


def more_activities(store) -> None:  # type: ignore[no-untyped-def]
    """Beside seed_activities: what counts in YEAR and what must not."""
    ids = seed_activities(store)
    area = ids["area"]
    create = records.create
    create(store, "movement_model", {"name": "Mô hình đã ngừng", "kind": "xa", "started_year": 2023,
                                     "status": "ngung"}, actor=ACTOR)
    create(store, "movement_model", {"name": "Mô hình năm sau", "kind": "xa", "started_year": YEAR + 1,
                                     "status": "dang_hoat_dong"}, actor=ACTOR)
    create(store, "movement_model", {"name": "Tổ liên gia tự quản", "kind": "khu_dan_cu", "area_id": area,
                                     "started_year": YEAR, "status": "dang_xay_dung"}, actor=ACTOR)
    create(store, "movement_model", {"name": "Cổng trường an toàn", "kind": "truong_hoc",
                                     "organization_id": ids["organization"], "started_year": YEAR - 1,
                                     "status": "dang_hoat_dong"}, actor=ACTOR)
    create(store, "festival_day", {"held_on": date(YEAR - 1, 8, 19), "place": "Sân vận động",
                                   "participants": 900}, actor=ACTOR)
    create(store, "briefing", {"held_on": date(YEAR, 5, 6), "audience_kind": "hoc_sinh", "invited": 60,
                               "present": 50, "topic": "Phòng chống ma túy"}, actor=ACTOR)
    for day, name in ((date(YEAR, 9, 2), "Tổ dân phố số 1"), (date(YEAR - 1, 9, 2), "Ông Lê Văn Cường")):
        create(store, "commendation", {"subject_kind": "unit", "subject_name": name, "awarded_by": "UBND phường",
                                       "level": "Giấy khen", "awarded_on": day}, actor=ACTOR)
    gone = create(store, "commendation", {"subject_kind": "person", "subject_name": "Nhập nhầm",
                                          "awarded_by": "UBND phường", "level": "Giấy khen",
                                          "awarded_on": date(YEAR, 9, 3)}, actor=ACTOR)
    records.delete(store, "commendation", gone, actor=ACTOR)
    team = create(store, "security_team", {"area_id": area, "name": "Tổ bảo vệ ANTT số 2", "members": 4}, actor=ACTOR)
    create(store, "security_team_rating", {"team_id": team, "year": YEAR, "rating": "khong_hoan_thanh"}, actor=ACTOR)


def _row_words(pdf, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The words printed right of a commune's name, on its table row, left to right."""
    words = pdf_words(pdf)
    last = name.split()[-1]
    anchor = next(w for w in words if w[5] == last and w[1] < 200)  # in the commune column
    top, bottom = anchor[2] - 3, anchor[4] + 3  # one line: the names here do not wrap
    row = [w for w in words if w[0] == anchor[0] and top < (w[2] + w[4]) / 2 < bottom and w[1] > anchor[3]]
    return [w[5] for w in sorted(row, key=lambda w: w[1])]


def test_summary_activity_columns_from_merged_communes(upper, commune: Commune, commune2: Commune,
                                                       tmp_path) -> None:
    seed_activities(commune.store)
    more_activities(commune2.store)
    for c in (commune, commune2):
        enrol_recipient(c.store, upper)
        trust(upper, c)
        (result,) = merge(upper, officer_export(c))
        assert result.status == "merged", result.message
    data, _ = form_reports.summary_data(upper, YEAR)
    rows = {r.commune: r for r in data.rows}
    first, second = rows["Phường Ba Đình"], rows["Phường Bạch Mai"]
    # seed_activities: a recognised model, the commune's and a school's festival, 38 of 40 briefed, a
    # commendation, one team rated "hoàn thành tốt".
    assert (first.models, first.festivals, first.commendations) == (1, 2, 1)
    assert first.briefed_pct == 95.0 and first.teams_completed_pct == 100.0
    # and: a working school model (a stopped one, one still being built and next year's do not count),
    # 50 of 60 more briefed, one more commendation of the year, a second team not completing its task.
    assert (second.models, second.festivals, second.commendations) == (2, 2, 2)
    assert second.briefed_pct == 88.0 and second.teams_completed_pct == 50.0
    total = summary_totals(data.rows)
    assert (total.models, total.festivals, total.commendations) == (3, 4, 3)
    assert total.briefed_pct == pytest.approx(100 * 126 / 140) and total.teams_completed_pct == pytest.approx(
        100 * 2 / 3)

    pdf = form_reports.render_summary(upper, YEAR, tmp_path / "s.pdf")
    text = pdf_text_flat(pdf)
    assert "Hoạt động của phong trào" in text and "Ngày hội 19/8" in text and "Mô hình — số mô hình" in text
    # area count, four standard percentages, then models, festivals, briefed, commendations, teams
    assert _row_words(pdf, "Phường Bạch Mai")[5:10] == ["2", "2", "88,0%", "2", "50,0%"]
    assert _row_words(pdf, "Phường Ba Đình")[5:10] == ["1", "2", "95,0%", "1", "100,0%"]
    assert _row_words(pdf, "Tổng cộng")[5:10] == ["3", "4", "90,0%", "3", "66,7%"]

    sheet = load_workbook(form_reports.render_summary(upper, YEAR, tmp_path / "s.xlsx"))["Tổng hợp"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(values) if row[0] == "STT")
    header = values[header_at]
    assert tuple(header) == HEADER
    columns = [header.index(label) for label in ACTIVITY_COLUMNS]
    by_name = {row[1]: row for row in values[header_at + 1:] if row[1]}
    assert [by_name["Phường Bạch Mai"][i] for i in columns] == [2, 2, pytest.approx(0.88), 2, pytest.approx(0.5)]
    assert [by_name["Tổng cộng"][i] for i in columns] == [3, 4, pytest.approx(0.9), 3, pytest.approx(2 / 3)]
    assert sheet.cell(header_at + 2, columns[2] + 1).number_format == "0.0%"
