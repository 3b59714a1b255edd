"""Invented but realistic Vietnamese data for samples, tests, benchmarks and GUI previews.

Names and places are made up; the fingerprint is not a real key.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

from antq_desktop.reports.form_data import (
    AnnualReportData,
    ClassifiedUnit,
    CovenantData,
    CriterionRow,
    Member,
    MinutesCriterion,
    MinutesData,
    Participant,
    PledgeData,
    RecognisedUnit,
    RecordRef,
    RegistrationData,
    SelfAssessmentData,
    SummaryData,
    SummaryRow,
    TargetRow,
    UnitInfo,
)

_FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương")
_MIDDLE_M = ("Văn", "Đức", "Quang", "Xuân", "Hữu", "Minh")
_MIDDLE_F = ("Thị", "Thị Thu", "Ngọc", "Thị Hồng", "Thanh")
_GIVEN_M = ("Hùng", "Dũng", "Thắng", "Cường", "Tuấn", "Khải", "Lộc", "Phước", "Quý", "Sơn")
_GIVEN_F = ("Hằng", "Lan", "Hương", "Nguyệt", "Thủy", "Yến", "Ánh", "Trâm", "Diệp", "Ngọc")

DEMO_FINGERPRINT = "3F9A 61C2 0B7E 44D1 9A0C 5E21 7788 AB12"


def demo_unit() -> UnitInfo:
    return UnitInfo(
        parent_body="CÔNG AN TỈNH THANH HÓA",
        issuing_body="CÔNG AN XÃ ĐÔNG SƠN",
        place="Đông Sơn",
        commune_name="xã Đông Sơn",
        key_fingerprint=DEMO_FINGERPRINT,
    )


def _name(i: int, female: bool) -> str:
    family = _FAMILY[i % len(_FAMILY)]
    if female:
        return f"{family} {_MIDDLE_F[i % 5]} {_GIVEN_F[(i * 7) % 10]}"
    return f"{family} {_MIDDLE_M[i % 6]} {_GIVEN_M[(i * 3) % 10]}"


def demo_pledge(i: int, area: str = "Thôn Đông Hòa") -> PledgeData:
    head = _name(i, False)
    members = [
        Member(head, 1960 + i % 25, "Chủ hộ"),
        Member(_name(i + 5, True), 1962 + i % 25, "Vợ"),
        Member(_name(i + 1, False), 1990 + i % 15, "Con"),
        Member(_name(i + 2, True), 1994 + i % 15, "Con"),
    ][: 2 + i % 3]
    return PledgeData(
        unit=demo_unit(),
        year=2026,
        area_name=area,
        household_head=head,
        address=f"Số {i % 97 + 1}, ngõ {i % 9 + 1}, {area[0].lower()}{area[1:]}, xã Đông Sơn, tỉnh Thanh Hóa",
        members=tuple(members),
        signed_on=dt.date(2026, 1, 5),
        area_head_name="Trịnh Xuân Trường",
        record=RecordRef(str(uuid.UUID(int=0xA17E0000 + i)), 1 + i % 3),
    )


def demo_area(n: int) -> Iterator[PledgeData]:
    """n households of one residential area, generated lazily (as a DB cursor would)."""
    return (demo_pledge(i) for i in range(n))


def demo_covenant() -> CovenantData:
    return CovenantData(
        unit=demo_unit(),
        year=2026,
        party_name="Trường Trung học cơ sở Đông Sơn",
        party_address="Thôn Đông Hòa, xã Đông Sơn, tỉnh Thanh Hóa",
        party_representative="Lê Thị Thu Hằng",
        party_position="Hiệu trưởng",
        police_representative="Phạm Quang Khải",
        venue="Hội trường Công an xã Đông Sơn",
        signed_on=dt.date(2026, 2, 9),
        record=RecordRef("5d1c7a3e-8b52-4f0e-9a61-0c2f4e8b9d17", 2),
    )


def demo_registration() -> RegistrationData:
    return RegistrationData(
        unit=demo_unit(),
        year=2026,
        registrant_name="Thôn Đông Hòa",
        registrant_kind="Khu dân cư",
        address="Thôn Đông Hòa, xã Đông Sơn, tỉnh Thanh Hóa",
        representative="Trịnh Xuân Trường",
        position="Trưởng thôn",
        households=312,
        population=1187,
        signed_on=dt.date(2026, 1, 12),
        record=RecordRef("b7e2d3c1-4a5f-4e6b-8c9d-1e2f3a4b5c6d", 1),
    )


def demo_criteria(filled: bool = True) -> tuple[CriterionRow, ...]:
    """Stand-in for the lead's criteria catalog (wording abridged, for layout only)."""
    rows = [
        (
            "1.1",
            "Không để xảy ra hoạt động xâm phạm an ninh quốc gia; không có khiếu kiện đông người, phức tạp kéo dài.",
            15,
            True,
            "",
        ),
        (
            "1.2",
            "Kiềm chế, làm giảm tội phạm và tệ nạn xã hội so với năm trước.",
            15,
            True,
            "Giảm 2 vụ",
        ),
        (
            "1.3",
            "Không để xảy ra cháy, nổ, tai nạn giao thông nghiêm trọng do lỗi chủ quan.",
            10,
            True,
            "",
        ),
        (
            "2.1",
            "100% hộ gia đình ký cam kết thực hiện phong trào Toàn dân bảo vệ an ninh Tổ quốc.",
            10,
            False,
            "Đạt 97,4% (304/312 hộ)",
        ),
        (
            "2.2",
            "Tổ chức tự quản về an ninh, trật tự hoạt động thường xuyên, có hiệu quả.",
            10,
            True,
            "",
        ),
        ("3.1", "Thực hiện đầy đủ đăng ký cư trú, thông báo lưu trú theo quy định.", 10, True, ""),
        ("3.2", "Không có người của đơn vị vi phạm pháp luật bị xử lý hình sự.", 15, True, ""),
        ("3.3", "Phong trào được xếp loại từ Khá trở lên.", 15, True, "Xếp loại Tốt"),
    ]
    return tuple(
        CriterionRow(code, text, pts, met if filled else None, note if filled else "")
        for code, text, pts, met, note in rows
    )


def demo_self_assessment() -> SelfAssessmentData:
    return SelfAssessmentData(
        unit=demo_unit(),
        criteria=demo_criteria(),
        year=2026,
        assessed_unit="Thôn Đông Hòa",
        score=90,
        max_score=100,
        outcome="Đạt",
        level="Khá",
        signed_on=dt.date(2026, 11, 20),
        preparer="Đỗ Thị Ngọc Ánh",
        head="Trịnh Xuân Trường",
        record=RecordRef("0e4b2a9c-7d31-4c58-b6f0-3a9e1d2c4b57", 4),
    )


def demo_minutes() -> MinutesData:
    chair = Participant("Phạm Quang Khải", "Trưởng Công an xã")
    secretary = Participant("Vũ Thị Hồng Yến", "Cán bộ Công an xã")
    return MinutesData(
        unit=demo_unit(),
        year=2026,
        reviewed_unit="thôn Đông Hòa",
        number="07",
        meeting_date=dt.date(2026, 12, 3),
        start_time=dt.time(8, 30),
        end_time=dt.time(10, 45),
        venue="Nhà văn hóa thôn Đông Hòa",
        participants=(
            chair,
            Participant("Bùi Văn Lộc", "Phó Chủ tịch Ủy ban nhân dân xã"),
            Participant("Trịnh Xuân Trường", "Trưởng thôn Đông Hòa"),
            Participant("Hồ Thị Thu Trâm", "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
            secretary,
        ),
        chair=chair,
        secretary=secretary,
        criteria=tuple(
            MinutesCriterion(c.code, c.text, "Đạt." if c.met else f"Chưa đạt: {c.note}.") for c in demo_criteria()
        ),
        votes_for=5,
        votes_against=0,
        votes_total=5,
        conclusion="Thôn Đông Hòa đạt 7/8 tiêu chí, tổng 90/100 điểm; đề nghị Chủ tịch Ủy ban nhân "
        "dân xã công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm 2026.",
        record=RecordRef("7c9d2e1f-0a3b-4c5d-8e6f-9a0b1c2d3e4f", 1),
    )


def demo_annual_report() -> AnnualReportData:
    return AnnualReportData(
        unit=demo_unit(),
        year=2026,
        number="125",
        report_date=dt.date(2026, 12, 15),
        recipient="Kính gửi: Công an tỉnh Thanh Hóa (qua Phòng Tham mưu)",
        situation=(
            "Năm 2026, tình hình an ninh, trật tự trên địa bàn xã Đông Sơn cơ bản ổn định; không "
            "xảy ra vụ việc phức tạp. Công an xã đã tham mưu Đảng ủy, Ủy ban nhân dân xã triển "
            "khai phong trào Toàn dân bảo vệ an ninh Tổ quốc đến 9/9 thôn.",
        ),
        targets=(
            TargetRow("Tỷ lệ hộ gia đình ký cam kết", "≥ 95%", "97,4%", True),
            TargetRow("Tỷ lệ khu dân cư đăng ký phấn đấu đạt tiêu chuẩn", "100%", "100%", True),
            TargetRow(
                "Tỷ lệ khu dân cư được công nhận “An toàn về an ninh, trật tự”",
                "≥ 70%",
                "66,7%",
                False,
            ),
            TargetRow("Tỷ lệ phong trào xếp loại Khá trở lên", "≥ 80%", "88,9%", True),
        ),
        recognised=tuple(
            RecognisedUnit(f"Thôn {n}", "Khu dân cư", "QĐ số 214/QĐ-UBND ngày 22/12/2026")
            for n in ("Đông Hòa", "Đông Thịnh", "Phú Xá", "Văn Châu", "Tân Lập", "Hòa Bình")
        ),
        classification=tuple(
            ClassifiedUnit(f"Thôn {n}", "Khu dân cư", level)
            for n, level in (
                ("Đông Hòa", "Tốt"),
                ("Đông Thịnh", "Khá"),
                ("Phú Xá", "Khá"),
                ("Văn Châu", "Tốt"),
                ("Tân Lập", "Khá"),
                ("Hòa Bình", "Khá"),
                ("Yên Trường", "Khá"),
                ("Cao Lũng", "Khá"),
                ("Quyết Thắng", "Trung bình"),
            )
        ),
        proposals=("Đề nghị Công an tỉnh tiếp tục hỗ trợ kinh phí cho tổ bảo vệ an ninh, trật tự ở cơ sở.",),
        signer_name="Phạm Quang Khải",
        recipients=("Như trên;", "Đảng ủy, UBND xã (để b/c);", "Lưu: VT, CAX."),
        record=RecordRef("e1d2c3b4-a5f6-4789-8abc-def012345678", 1),
    )


def demo_summary() -> SummaryData:
    communes = (
        "Đông Sơn",
        "Đông Tiến",
        "Đông Thanh",
        "Đông Khê",
        "Đông Hoàng",
        "Đông Ninh",
        "Đông Hòa",
        "Đông Quang",
        "Đông Văn",
        "Đông Minh",
        "Đông Phú",
        "Đông Nam",
    )
    rows = tuple(
        SummaryRow(
            commune=f"Xã {name}",
            areas=6 + i % 7,
            registered_pct=100.0 if i % 4 else 91.7,
            recognised_pct=None if i == 5 else 55 + (i * 7) % 40,
            classified_good_pct=None if i == 5 else 70 + (i * 5) % 30,
            pledge_coverage_pct=88 + (i * 3) % 12,
            last_package=None if i == 9 else dt.date(2026, 11, 1 + i),
            missing_targets=i in (5, 9),
            models=1 + i % 3,
            festivals=0 if i == 9 else 1 + i % 4,
            commendations=(i * 5) % 7,
            briefed_pct=None if i == 9 else 86 + (i * 4) % 14,
            teams_completed_pct=None if i == 5 else 75 + (i * 6) % 25,
        )
        for i, name in enumerate(communes)
    )
    return SummaryData(
        parent_body="CÔNG AN TỈNH THANH HÓA",
        issuing_body="PHÒNG THAM MƯU",
        place="Thanh Hóa",
        year=2026,
        rows=rows,
        report_date=dt.date(2026, 11, 21),
    )
