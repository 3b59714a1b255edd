"""The festival report's records: one report per festival day of the year (of one area: its own and
the commune's), one stored day (`record_id`), or one blank report to fill by hand."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from antq_desktop.reports.form_data import RecordRef, UnitInfo
from antq_desktop.reports.forms.festival_report import FORM_ID, FestivalReportData, render_festival_reports
from antq_desktop.services.forms.request import kind_word
from antq_desktop.services.forms.sources import Batch, localise_form
from antq_desktop.services.setup.profile import get_profile
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import FestivalDay, Organization, ResidentialArea

if TYPE_CHECKING:
    from antq_desktop.services.forms.request import FormRequest

F, AREAS, ORGS = FestivalDay.__table__, ResidentialArea.__table__, Organization.__table__


def _where(request: FormRequest) -> Any:
    conditions = [F.c.deleted.is_(False), F.c.year == request.year]
    if request.record_id:
        conditions = [F.c.deleted.is_(False), F.c.id == request.record_id]
    elif request.area_id:  # an area's own festival and the commune's, which it takes part in
        conditions.append(or_(F.c.area_id == request.area_id, and_(F.c.area_id.is_(None),
                                                                   F.c.organization_id.is_(None))))
    return and_(*conditions)


def _lines(value: str | None) -> tuple[str, ...]:
    return tuple(line for line in (value or "").splitlines() if line.strip())


def _data(row: Any, unit: UnitInfo, word: str, commune_word: str, recipient: str | None) -> FestivalReportData:
    organiser = row["org_name"] or row["area_name"] or commune_word
    return FestivalReportData(unit, row["year"], date.today(), organiser, row["held_on"], row["place"],
                              row["participants"], _lines(row["content"]), _lines(row["outcome"]),
                              f"TRƯỞNG CÔNG AN {word.upper()}", RecordRef(row["id"], row["revision"]), recipient)


def festival_reports(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    profile = get_profile(store)
    word = kind_word(profile)
    # Sent to the office the commune reports to ("Nơi nhận: Như trên" names it)
    recipient = f"Kính gửi: {unit.upper_name}" if unit.upper_name else None
    text = localise_form(FORM_ID, word)  # "Công an xã" of the wording as a ward says it
    render = partial(render_festival_reports, text=text)
    if request.blank:
        return Batch(1, [FestivalReportData(unit, request.year, signer_authority=f"TRƯỞNG CÔNG AN {word.upper()}",
                                            recipient=recipient)], render)
    stmt = (select(F, ORGS.c.name.label("org_name"), AREAS.c.name.label("area_name"))
            .select_from(F.outerjoin(ORGS, F.c.organization_id == ORGS.c.id)
                         .outerjoin(AREAS, F.c.area_id == AREAS.c.id))
            .where(_where(request)).order_by(F.c.held_on, F.c.id))
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(stmt).mappings()]
    commune_word = text.label("commune").format(word=word)
    return Batch(len(rows), [_data(r, unit, word, commune_word, recipient) for r in rows], render)
