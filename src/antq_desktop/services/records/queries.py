"""Read-only lists for tables and the command line: search, filters, Vietnamese order, paging in SQL.

Rows are plain dicts. Filtering and sorting happen in SQL on stored folded/sort keys, because a
Qt proxy model over 200,000 rows takes seconds per sort (see docs/performance notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, and_, case, func, literal, or_, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from antq_desktop.domain import units
from antq_desktop.domain.text import fold
from antq_desktop.services.records import activity_lists
from antq_desktop.storage import household_links
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import (
    Assessment,
    Household,
    Meeting,
    Organization,
    Plan,
    PlanTarget,
    Pledge,
    Registration,
    ResidentialArea,
)

A, H, ORGS = ResidentialArea.__table__, Household.__table__, Organization.__table__


@dataclass(frozen=True)
class ListQuery:
    """What a table view asks for. `filters` keys: area_id, org_type, status, subject_kind, plan_id, and
    the dashboard's to-do lists: unregistered_in (areas; a year), unpledged_in (households; a year)."""

    search: str = ""
    year: int | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    order_by: str | None = None
    descending: bool = False
    include_deleted: bool = False
    origin_unit: str | None = None


# Records about a subject (an area, an organisation or the commune itself), listed with its name.
SUBJECT_RECORDS = ("registration", "assessment", "meeting")


def _like(column: ColumnElement[Any], needle: str) -> ColumnElement[bool]:
    return column.like(f"%{needle}%", escape="\\")


def _escaped(text: str) -> str:
    return fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _subject_columns(table: Any) -> tuple[Select[Any], ColumnElement[Any], ColumnElement[Any]]:
    """Joins a registration/assessment/meeting to its subject; returns (select, name, sort key)."""
    area, org = A.alias("subject_area"), ORGS.alias("subject_org")
    joined = table.outerjoin(area, table.c.area_id == area.c.id).outerjoin(org, table.c.organization_id == org.c.id)
    name = case((table.c.subject_kind == "commune", literal("Xã/phường (toàn đơn vị)")),
                else_=func.coalesce(area.c.name, org.c.name))
    sort = func.coalesce(area.c.sort_key, org.c.sort_key, literal(""))
    base = select(table, name.label("subject_name")).select_from(joined)
    return base, sort, func.coalesce(area.c.search_key, org.c.search_key, literal(""))


def _base(record_type: str, q: ListQuery) -> tuple[Select[Any], Any, ColumnElement[Any], ColumnElement[Any]]:
    """(select, main table, default sort expression, search expression) per record type."""
    if record_type == "residential_area":
        live_households = select(func.count()).where(H.c.area_id == A.c.id, H.c.deleted.is_(False))
        return (select(A, live_households.scalar_subquery().label("household_count")), A, A.c.sort_key,
                A.c.search_key)
    if record_type == "organization":
        area = A.alias("org_area")
        joined = ORGS.outerjoin(area, ORGS.c.area_id == area.c.id)
        stmt = select(ORGS, area.c.name.label("area_name")).select_from(joined)
        return stmt, ORGS, ORGS.c.sort_key, ORGS.c.search_key
    if record_type == "household":
        columns: list[Any] = [H, A.c.name.label("area_name")]
        if q.year is not None:
            pledged = select(func.count()).where(
                household_links.of_row(Pledge, H), Pledge.year == q.year, Pledge.deleted.is_(False),
                Pledge.status == "signed")
            columns.append(pledged.scalar_subquery().label("pledged"))
        stmt = select(*columns).select_from(H.join(A, H.c.area_id == A.c.id))
        return stmt, H, H.c.sort_key, H.c.search_key
    if record_type == "pledge":
        P = Pledge.__table__
        area = A.alias("pledge_area")
        joined = P.outerjoin(H, household_links.of_row(P, H)).outerjoin(ORGS, P.c.organization_id == ORGS.c.id) \
            .outerjoin(area, H.c.area_id == area.c.id)
        name = func.coalesce(H.c.head_name, ORGS.c.name, P.c.person_name)
        stmt = select(P, name.label("signer_name"), area.c.name.label("area_name"),
                      area.c.id.label("signer_area_id")).select_from(joined)
        search: ColumnElement[Any] = func.coalesce(H.c.search_key, ORGS.c.search_key, P.c.search_key)
        return stmt, P, func.coalesce(H.c.sort_key, ORGS.c.sort_key, literal("")), search
    if record_type in SUBJECT_RECORDS:
        table = {"registration": Registration, "assessment": Assessment, "meeting": Meeting}[record_type].__table__
        stmt, sort, search = _subject_columns(table)
        return stmt, table, sort, search
    if record_type == "plan":
        P = Plan.__table__
        return select(P), P, P.c.year.desc(), func.lower(P.c.title)
    if record_type == "plan_target":
        T = PlanTarget.__table__
        return select(T), T, T.c.indicator, T.c.indicator
    activity = activity_lists.base(record_type, q.year)  # the movement's activities (issue 20)
    if activity is not None:
        return activity
    raise ValueError(record_type)


def _conditions(record_type: str, q: ListQuery, table: Any, search: ColumnElement[Any]) -> list[Any]:
    conditions: list[Any] = [] if q.include_deleted else [table.c.deleted.is_(False)]
    if q.search.strip() and fold(q.search):
        conditions.append(_like(search, _escaped(q.search.strip())))
    if q.year is not None and "year" in table.c:
        conditions.append(table.c.year == q.year)
    if q.origin_unit:
        conditions.append(table.c.origin_unit == q.origin_unit)
    for key, value in q.filters.items():
        if value in (None, ""):
            continue
        if key == "area_id" and record_type == "pledge":
            conditions.append(H.c.area_id == value)
        elif key == "unregistered_in" and record_type == "residential_area":
            conditions.append(A.c.id.not_in(registered_area_ids(value)))
        elif key == "unpledged_in" and record_type == "household":
            conditions.append(~signed_pledge_exists(H, value))
        elif key in table.c:
            conditions.append(table.c[key] == value)
    return conditions


def registered_area_ids(year: int) -> Select[Any]:
    """Areas with a live registration for `year` (the dashboard's "not registered" is the rest)."""
    R = Registration.__table__
    return select(R.c.area_id).where(R.c.deleted.is_(False), R.c.year == year, R.c.subject_kind == "area",
                                     R.c.area_id.is_not(None))


def signed_pledge_exists(household: Any, year: int) -> Any:
    """Whether `household`'s row has a live signed pledge for `year` (as the households_pledged indicator)."""
    P = Pledge.__table__
    return select(P.c.id).where(household_links.of_row(P, household), P.c.year == year, P.c.deleted.is_(False),
                                P.c.status == "signed").exists()


def _filtered(record_type: str, q: ListQuery) -> tuple[Select[Any], Any, ColumnElement[Any]]:
    stmt, table, sort, search = _base(record_type, q)
    conditions = _conditions(record_type, q, table, search)
    return stmt.where(and_(*conditions)) if conditions else stmt, table, sort


# Lists whose search key and filters are columns of their own table: counted without the joins
# and display columns (which made each keystroke's count ~20x slower than the page itself).
_SELF_CONTAINED = ("residential_area", "organization", "household", "plan", "plan_target")


def count_rows(store: Store, record_type: str, query: ListQuery | None = None) -> int:
    q = query or ListQuery()
    if record_type in _SELF_CONTAINED:
        _, table, _, search = _base(record_type, q)
        stmt = select(func.count()).select_from(table).where(*_conditions(record_type, q, table, search))
    else:
        filtered, table, _ = _filtered(record_type, q)
        ids = filtered.with_only_columns(table.c.id, maintain_column_froms=True)
        stmt = select(func.count()).select_from(ids.subquery())
    with store.engine.connect() as conn:
        return int(conn.execute(stmt).scalar() or 0)


def list_rows(store: Store, record_type: str, query: ListQuery | None = None, *, offset: int = 0,
              limit: int | None = None, after: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One page of rows in Vietnamese alphabetical order (or by `order_by`), ids as tie-breaker.

    `after` (the last row of the previous page) continues a list ordered by the stored sort key
    from where that row was, through the index, instead of skipping `offset` rows: the 200,000th
    household costs what the first does. Other orders page with `offset`.
    """
    q = query or ListQuery()
    stmt, table, sort = _filtered(record_type, q)
    descending = False
    if q.order_by and q.order_by in stmt.selected_columns:
        column = stmt.selected_columns[q.order_by]
        if q.order_by in ("name", "head_name") and "sort_key" in table.c:
            column = table.c.sort_key
        sort, descending = (column.desc() if q.descending else column.asc()), q.descending
        keyed = column is table.c.get("sort_key")
    else:
        keyed = sort is table.c.get("sort_key")
    if keyed and after is not None and after.get("sort_key") is not None and after.get("id") is not None:
        stmt = stmt.where(_after(table, after, descending))
    else:
        stmt = stmt.offset(offset)
    stmt = stmt.order_by(sort, table.c.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.engine.connect() as conn:
        rows = [dict(row) for row in conn.execute(stmt).mappings()]
    return _name_commune_subjects(rows) if record_type in SUBJECT_RECORDS else rows


def _after(table: Any, row: dict[str, Any], descending: bool) -> ColumnElement[bool]:
    """Rows that come after `row` in (sort key, id) order; ids stay ascending within equal keys."""
    key, row_id = table.c.sort_key, table.c.id
    if not descending:
        return tuple_(key, row_id) > tuple_(literal(row["sort_key"]), literal(row["id"]))
    return or_(key < row["sort_key"], and_(key == row["sort_key"], row_id > row["id"]))


def _name_commune_subjects(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A commune's own registration, assessment or meeting is named after the commune (from the official catalog)."""
    for row in rows:
        if row.get("subject_kind") == "commune":
            commune = units.find_commune(row.get("origin_unit") or "")
            if commune is not None:
                row["subject_name"] = f"{commune.name} (toàn đơn vị)"
    return rows


def search_any(store: Store, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Quick global search (Ctrl+F): areas, organisations and households whose name matches."""
    results: list[dict[str, Any]] = []
    for record_type in ("residential_area", "organization", "household"):
        for row in list_rows(store, record_type, ListQuery(search=text), limit=limit):
            results.append({"record_type": record_type, **row})
    return results[:limit]
