"""The year's activities as the commune report prints them: cells and sentences, wording in Vietnamese
built from the numbers (the section's headings are data: resources/forms/annual_report.json)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from antq_desktop.reports.form_data import ActivityLines
from antq_desktop.reports.text import number, pct
from antq_desktop.services.activities.year import YearActivities, year_activities


def _day(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else ""


def _festival(acts: YearActivities, word: str) -> tuple[str, ...]:
    own = [f for f in acts.festivals if not f.by_organization]
    by_orgs = [f for f in acts.festivals if f.by_organization]
    lines = [f"Ngày {_day(f.held_on)}, tổ chức Ngày hội tại {f.place} với {number(f.participants)} người tham gia."
             for f in own]
    if by_orgs:
        lines.append(f"{number(len(by_orgs))} cơ quan, doanh nghiệp, trường học trên địa bàn {word} tổ chức Ngày hội, "
                     f"tổng cộng {number(sum(f.participants for f in by_orgs))} người tham gia.")
    return tuple(lines)


def _briefings(acts: YearActivities) -> tuple[str, ...]:
    if not acts.briefings:
        return ()
    share = pct(100.0 * acts.present / acts.invited) if acts.invited else "-"
    audiences = ", ".join(a.lower() for a in acts.audiences)
    return (f"Tổ chức {number(acts.briefings)} buổi phổ biến, quán triệt cho {audiences}: "
            f"{number(acts.present)}/{number(acts.invited)} người được mời tham dự ({share}).",)


def _security_force(acts: YearActivities) -> tuple[str, ...]:
    if not acts.teams:
        return ()
    lines = [f"Có {number(acts.teams)} tổ bảo vệ an ninh, trật tự với {number(acts.team_members)} thành viên."]
    if acts.ratings:
        lines.append("Kết quả xếp loại năm " + str(acts.year) + ": "
                     + "; ".join(f"{label.lower()}: {number(n)} tổ" for label, n in acts.ratings.items()) + ".")
    return tuple(lines)


def activity_lines(session: Session, year: int, word: str = "xã") -> ActivityLines:
    """The commune's own activities of `year` for its annual report."""
    acts = year_activities(session, year)
    return ActivityLines(
        models=tuple((m.name, m.kind, m.status, m.recognised) for m in acts.models),
        festival=_festival(acts, word), briefings=_briefings(acts),
        commendations=tuple((c.subject, f"{c.level} của {c.awarded_by}", _day(c.awarded_on))
                            for c in acts.commendations),
        security_force=_security_force(acts),
    )
