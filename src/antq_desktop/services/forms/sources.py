"""Store → form data for pledges, covenants and registrations, streamed for 500+ page runs.

Queries are Core selects: the ids in print order first (small), then the rows in chunks, each
chunk on a short-lived connection, so a long render never holds a read transaction open and
memory stays flat. Rows become the reports' frozen dataclasses; no ORM object leaves here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, case, func, literal, or_, select, true, union_all

from antq_desktop.domain import catalog as catalogs
from antq_desktop.domain.catalog import CatalogError, CriteriaCatalog
from antq_desktop.domain.pledge_templates import default_template, pledge_templates
from antq_desktop.domain.validation import ORG_TYPES
from antq_desktop.reports import render_records, unit_forms
from antq_desktop.reports.batch import CancelFlag, ProgressFn
from antq_desktop.reports.form_data import CovenantData, Member, PledgeData, RecordRef, RegistrationData, UnitInfo
from antq_desktop.reports.form_texts import FormText, FormTextError, load_form_text
from antq_desktop.reports.forms import covenant, pledge, registration
from antq_desktop.reports.forms.common import mark_for
from antq_desktop.reports.text import number
from antq_desktop.services import scan
from antq_desktop.services.forms.request import FormRequest, kind_word, localise, localise_line
from antq_desktop.services.records import members
from antq_desktop.services.setup.profile import get_profile
from antq_desktop.storage import household_links
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Household, Organization, Pledge, Registration, ResidentialArea

A, H, O = ResidentialArea.__table__, Household.__table__, Organization.__table__  # noqa: E741
P, R = Pledge.__table__, Registration.__table__
CHUNK = 200
@dataclass
class Batch:
    """Documents to print: how many, the lazy records, and how to render them into one PDF."""

    total: int
    records: Iterable[Any]
    render: Callable[..., Path]

    def write(self, output: Path, progress: ProgressFn | None = None, cancel: CancelFlag | None = None) -> Path:
        return self.render(Path(output), self.records, total=self.total, progress=progress, cancel=cancel)


def stream(store: Store, ids: list[str], details: Callable[[list[str]], Select[Any]], key: Any) -> Iterator[Any]:
    """Rows for `ids`, in that order, fetched CHUNK at a time (`key` is the id column of `details`)."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        with store.engine.connect() as conn:
            rows = {row["_id"]: row for row in conn.execute(details(chunk).add_columns(key.label("_id"))).mappings()}
        yield from (rows[i] for i in chunk if i in rows)


def ordered_ids(store: Store, stmt: Select[Any]) -> list[str]:
    with store.engine.connect() as conn:
        return [str(v) for v in conn.execute(stmt).scalars()]


def matches(value: str | None, column: Any) -> Any:
    """`column == value`, or no condition when the request leaves it open (None)."""
    return true() if value is None else column == value


def subject_text(kind: str, template_code: str, word: str) -> FormText:
    """The pledge's own form text (its template_code), else the signer kind's default; ward-localised."""
    code = template_code if template_code in pledge_templates() else default_template(kind)
    try:
        text = load_form_text(code)
    except FormTextError:
        text = load_form_text(default_template(kind))
    return localise(text, word)


def _word(store: Store) -> str:
    return kind_word(get_profile(store))


# ---------------------------------------------------------------- household pledges

def _with_count(text: FormText, members: int | None) -> FormText:
    if not members:
        return text
    label = f"{text.labels['members']} ({number(members)} người)"
    return replace(text, labels={**text.labels, "members": label})


def _pledge_data(row: Any, unit: UnitInfo, year: int, record: bool, word: str = "xã",
                 stored: tuple[Member, ...] = ()) -> PledgeData:
    # The household's stored members by name, year of birth and relation (the head first, added when
    # not entered as a member); then blank rows up to the declared count, as many as fit on the page.
    head = row["head_name"] or row.get("person_name")
    people = members.printed(head, stored)
    return PledgeData(
        unit, year=year, area_name=row["area_name"], household_head=head, address=row["address"],
        members=people, member_count=max(row["members"] or 0, len(people)) or None,
        signed_on=row.get("signed_on"),
        area_head_title=unit_forms.load_unit_types().area_head(row["area_kind"], word),
        area_head_name=row["area_head"],
        record=RecordRef(row["pledge_id"], row["revision"]) if record else None)


def _pledge_columns() -> list[Any]:
    return [H.c.id.label("household_id"), H.c.head_name, H.c.address, H.c.members, A.c.name.label("area_name"),
            A.c.kind.label("area_kind"),
            A.c.head_name.label("area_head")]


class PledgeItem(NamedTuple):
    """One pledge to print with the text it was signed on and the household's real member count."""

    data: PledgeData
    signer_kind: str = "household"
    template_code: str = pledge.FORM_ID
    members: int | None = None
    sheet_code: str | None = None  # an unsigned sheet: the code scanned back once signed


def _pledge_render(word: str) -> Callable[..., Path]:
    texts: dict[tuple[str, str], FormText] = {}  # a handful of templates, loaded once per run

    def build(item: PledgeItem) -> tuple[Any, list[Any]]:
        key = (item.signer_kind, item.template_code)
        if key not in texts:
            texts[key] = subject_text(*key, word)
        text = _with_count(texts[key], item.members)
        mark = mark_for(texts[key].form_id, item.data.unit, item.data.record)
        if item.sheet_code:
            mark = replace(mark, sheet_code=item.sheet_code)
        return mark, pledge.pledge_flowables(item.data, text)

    def render(output: Path, records: Iterable[PledgeItem], **kw: Any) -> Path:
        return render_records(output, records, build, title="Bản cam kết", **kw)

    return render


def household_scope(request: FormRequest) -> tuple[str, ...]:
    """The households a request names (--household, repeated or listed); () = no restriction."""
    return request.household_ids or ((request.household_id,) if request.household_id else ())


def _in_households(request: FormRequest, column: Any) -> Any:
    ids = household_scope(request)
    return true() if not ids else column.in_(ids)


def _pledges_of_scope(request: FormRequest) -> Any:
    ids = household_scope(request)
    return true() if not ids else household_links.of_ids(P, ids)


def pledges(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    """Signed pledges of households (and persons) of the year; blank: one per household, names printed;
    unsigned: one prefilled page per household without a signed pledge this year."""
    if request.unsigned:
        return _unsigned_pledges(store, request, unit)
    if request.blank:
        return _blank_pledges(store, request, unit)
    word = _word(store)
    joined = P.outerjoin(H, household_links.of_row(P, H)).outerjoin(A, H.c.area_id == A.c.id)
    where = and_(P.c.deleted.is_(False), P.c.year == request.year, P.c.status == "signed",
                 P.c.signer_kind.in_(("household", "person")),
                 or_(H.c.id.is_(None), H.c.deleted.is_(False)),
                 matches(request.area_id, H.c.area_id),
                 _pledges_of_scope(request),
                 matches(request.record_id, P.c.id))
    ids = ordered_ids(store, select(P.c.id).select_from(joined).where(where)
                      .order_by(func.coalesce(A.c.sort_key, ""), func.coalesce(H.c.sort_key, P.c.search_key), P.c.id))

    def details(chunk: list[str]) -> Select[Any]:
        return select(P.c.id.label("pledge_id"), P.c.revision, P.c.signed_on, P.c.person_name, P.c.signer_kind,
                      P.c.template_code, *_pledge_columns()).select_from(joined).where(P.c.id.in_(chunk))

    def records() -> Iterator[Any]:
        for row, people in members.with_members(store, stream(store, ids, details, P.c.id)):
            yield PledgeItem(_pledge_data(row, unit, request.year, True, word, people), row["signer_kind"],
                             row["template_code"], max(row["members"] or 0, len(people)) or None)

    return Batch(len(ids), records(), _pledge_render(word))


def _blank_pledges(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    word = _word(store)
    if request.area_id is None and not household_scope(request) and not request.names:
        # One form to copy by hand, signed by the head of the commune's usual kind of area (a phường: tổ).
        title = unit_forms.load_unit_types().area_head(None, word)
        return Batch(1, [PledgeItem(PledgeData(unit, year=request.year, area_head_title=title))],
                     _pledge_render(word))
    return _household_pages(store, request, unit, true())


def _household_pages(store: Store, request: FormRequest, unit: UnitInfo, extra: Any) -> Batch:
    """One prefilled, unsigned page per live household of the scope that also satisfies `extra`."""
    word = _word(store)
    joined = H.join(A, H.c.area_id == A.c.id)
    where = and_(H.c.deleted.is_(False), matches(request.area_id, H.c.area_id),
                 _in_households(request, H.c.id), extra)
    ids = ordered_ids(store, select(H.c.id).select_from(joined).where(where).order_by(A.c.sort_key, H.c.sort_key,
                                                                                      H.c.id))

    def details(chunk: list[str]) -> Select[Any]:
        return select(*_pledge_columns()).select_from(joined).where(H.c.id.in_(chunk))

    def records() -> Iterator[Any]:
        code = scan.sheet_coder(store)  # on the first page, not when the GUI only counts the pages
        version = subject_text("household", pledge.FORM_ID, word).version
        for row, people in members.with_members(store, stream(store, ids, details, H.c.id)):
            data = _pledge_data({**row, "pledge_id": None, "revision": 0}, unit, request.year, False, word, people)
            yield PledgeItem(data, members=max(row["members"] or 0, len(people)) or None,
                             sheet_code=code(row["_id"], request.year, version))

    return Batch(len(ids), records(), _pledge_render(word))


def signed_this_year(year: int) -> Any:
    """Households with a live signed pledge of the year (the indicator's definition of "pledged")."""
    return select(P.c.household_id).where(P.c.deleted.is_(False), P.c.year == year, P.c.status == "signed",
                                          P.c.household_id.is_not(None))


def _unsigned_pledges(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    return _household_pages(store, request, unit, H.c.id.not_in(signed_this_year(request.year)))


def households_without_pledge(store: Store, request: FormRequest) -> list[str]:
    """"Head — address" of the requested households that have no signed pledge of the year."""
    ids = household_scope(request)
    if not ids:
        return []
    stmt = select(H.c.head_name, H.c.address).where(H.c.id.in_(ids), H.c.deleted.is_(False),
                                                   H.c.id.not_in(signed_this_year(request.year)))
    with store.engine.connect() as conn:
        return [f"{head}" + (f" ({address})" if address else "") for head, address in conn.execute(stmt)]


# ---------------------------------------------------------------- covenants (organisations)

def _covenant_data(row: Any, unit: UnitInfo, year: int, word: str, record: bool) -> CovenantData:
    """Bên B's own wording: an agency's staff, an enterprise's workers, a school's pupils."""
    own = unit_forms.load_unit_types().get(row.get("org_type") or "agency").covenant
    items = tuple(localise_line(i, word) for i in own.get("items", ())) or None
    return CovenantData(
        unit, year=year, party_name=row["name"], party_address=row["address"],
        party_representative=row["head_name"], party_position=own.get("position"), police_representative=None,
        police_position=f"Trưởng Công an {word}", signed_on=row.get("signed_on") if record else None,
        record=RecordRef(row["pledge_id"], row["revision"]) if record else None, items=items,
        party_signer=own.get("signer"))


def _covenant_render(word: str) -> Callable[..., Path]:
    text = localise_form(covenant.FORM_ID, word)

    def render(output: Path, records: Iterable[CovenantData], **kw: Any) -> Path:
        return covenant.render_covenants(output, records, text=text, **kw)

    return render


def localise_form(form_id: str, word: str) -> FormText:
    return localise(load_form_text(form_id), word)


def covenants(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    """Organisations' pledges of the year (covenant template); blank: every in-scope organisation."""
    word = _word(store)
    in_area = matches(request.area_id, O.c.area_id)
    if request.blank:
        if request.area_id is None and not request.names:
            return Batch(1, [CovenantData(unit, year=request.year, police_position=None)], _covenant_render(word))
        where = and_(O.c.deleted.is_(False), O.c.in_scope.is_(True), in_area)
        ids = ordered_ids(store, select(O.c.id).where(where).order_by(O.c.sort_key, O.c.id))
        rows = stream(store, ids, lambda c: select(O).where(O.c.id.in_(c)), O.c.id)
        return Batch(len(ids), (_covenant_data(r, unit, request.year, word, False) for r in rows),
                     _covenant_render(word))
    joined = P.join(O, P.c.organization_id == O.c.id)
    where = and_(P.c.deleted.is_(False), P.c.year == request.year, P.c.status == "signed",
                 P.c.signer_kind == "organization", O.c.deleted.is_(False), in_area,
                 matches(request.record_id, P.c.id))
    ids = ordered_ids(store, select(P.c.id).select_from(joined).where(where).order_by(O.c.sort_key, P.c.id))

    def details(chunk: list[str]) -> Select[Any]:
        return select(P.c.id.label("pledge_id"), P.c.revision, P.c.signed_on, O.c.name, O.c.address,
                      O.c.head_name, O.c.org_type).select_from(joined).where(P.c.id.in_(chunk))

    rows = stream(store, ids, details, P.c.id)
    return Batch(len(ids), (_covenant_data(r, unit, request.year, word, True) for r in rows), _covenant_render(word))


# ---------------------------------------------------------------- registrations

REGISTRANT_KINDS = {"area": "Khu dân cư", "commune": "Xã, phường", **ORG_TYPES}
# The commune registers as its People's Committee: header "ỦY BAN NHÂN DÂN / PHƯỜNG …", not "UBND PHƯỜNG …"
# over its own name again.
COMMUNE_HEADER = "ỦY BAN NHÂN DÂN"


def subject_type(row: Any) -> str:
    """The catalog's unit type of a subject: area, commune, or the organisation's type."""
    kind = row["subject_kind"]
    return (row["org_type"] or "agency") if kind == "organization" else kind


def head_title(row: Any, word: str) -> str:
    """Who signs for the subject: "TỔ TRƯỞNG TỔ DÂN PHỐ", "TRƯỞNG THÔN", "GIÁM ĐỐC", "HIỆU TRƯỞNG"…"""
    types = unit_forms.load_unit_types()
    utype = subject_type(row)
    if utype == "area":
        return types.area_head(row.get("area_kind"), word)
    return types.get(utype).registration["signers"][-1].split("\n")[-1]


@dataclass(frozen=True)
class Subject:
    """A registering / assessed unit as the forms print it: its type's wording and its stored facts."""

    utype: str
    text: unit_forms.UnitTypeText
    values: dict[str, str]
    name: str | None
    parent: str
    facts: dict[str, Any]


def subject_of(row: Any, unit: UnitInfo, year: int | None, commune: str, word: str,
               totals: dict[str, int] | None = None) -> Subject:
    utype = subject_type(row)
    text = unit_forms.load_unit_types().get(utype)
    title = head_title(row, word)
    values = unit_forms.context(unit, year, title)
    is_area, is_org = utype == "area", row["subject_kind"] == "organization"
    name = row.get("area_name") if is_area else row.get("org_name") if is_org else commune
    facts: dict[str, Any] = {
        "name": name, "address": row.get("area_address") if is_area else row.get("org_address"),
        "representative": row.get("area_head") if is_area else row.get("org_head") if is_org else None,
        "households": row.get("households"), "population": row.get("population"),
        "phone": row.get("org_phone"), "staff": row.get("staff_count"), **(totals or {})}
    parent = COMMUNE_HEADER if utype == "commune" else unit_forms.header_parent(text, name, values)
    return Subject(utype, text, values, name or None, parent, facts)


def _fact_value(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return number(value) if isinstance(value, int | float) else str(value)


def _registration_items(subject: Subject, catalog_code: str | None) -> tuple[str, ...]:
    """The binding criteria of the unit type's catalog, then the extra items of unit_types.json."""
    criteria = catalog_or_default(catalog_code).criteria(subject.utype)
    extra = subject.text.registration.get("extra_items", ())
    word = subject.values["commune"].split(" ")[0] if subject.values["commune"] else "xã"
    return tuple(localise_line(c.text, word) for c in criteria if c.required) + tuple(
        unit_forms.expand(e, subject.values) for e in extra)


def _registration_data(row: Any, unit: UnitInfo, year: int, commune: str, record: bool, word: str = "xã",
                       totals: dict[str, int] | None = None, catalog_code: str | None = None) -> RegistrationData:
    subject = subject_of(row, unit, year, commune, word, totals if row["subject_kind"] == "commune" else None)
    reg, values = subject.text.registration, subject.values
    facts = tuple((unit_forms.expand(label, values), _fact_value(subject.facts.get(key)))
                  for label, key in reg["facts"])
    signers = tuple((unit_forms.expand(t, values), subject.facts["representative"] if i == len(reg["signers"]) - 1
                     else None) for i, t in enumerate(reg["signers"]))
    return RegistrationData(
        unit, year=year, registrant_name=subject.name, header_parent=subject.parent,
        registrant_kind=subject.text.label, address=subject.facts["address"],
        representative=subject.facts["representative"], households=row.get("households"),
        population=row.get("population"), items=_registration_items(subject, catalog_code),
        signed_on=row.get("registered_on") if record else None,
        record=RecordRef(row["record_id"], row["revision"]) if record else None,
        recipient=unit_forms.expand(reg["recipient"], values), facts=facts,
        intro=unit_forms.expand(reg["intro"], values), items_heading=unit_forms.expand(reg["items_heading"], values),
        closing=unit_forms.expand(reg["closing"], values), signers=signers)


def commune_totals(store: Store) -> dict[str, int]:
    """The commune's own facts for its registration: areas, live households, declared population, units."""
    with store.engine.connect() as conn:
        areas, population = conn.execute(select(func.count(), func.coalesce(func.sum(A.c.population), 0))
                                          .where(A.c.deleted.is_(False))).one()
        households = conn.execute(select(func.count()).where(H.c.deleted.is_(False))).scalar() or 0
        orgs = conn.execute(select(func.count()).where(O.c.deleted.is_(False), O.c.in_scope.is_(True))).scalar()
    return {"areas": int(areas), "population": int(population), "households": int(households),
            "organizations": int(orgs or 0)}


def subject_join(table: Any) -> Any:
    return table.outerjoin(A, table.c.area_id == A.c.id).outerjoin(O, table.c.organization_id == O.c.id)


def subject_columns() -> list[Any]:
    live = select(func.count()).where(H.c.area_id == A.c.id, H.c.deleted.is_(False)).scalar_subquery()
    return [A.c.name.label("area_name"), A.c.address.label("area_address"), A.c.head_name.label("area_head"),
            A.c.kind.label("area_kind"), A.c.population, live.label("households"), O.c.name.label("org_name"),
            O.c.org_type, O.c.address.label("org_address"), O.c.head_name.label("org_head"),
            O.c.phone.label("org_phone"), O.c.staff_count]


def subject_where(table: Any, request: FormRequest) -> Any:
    """Records of the year in scope: an area means the area itself and organisations located in it."""
    scope = true() if request.area_id is None else or_(table.c.area_id == request.area_id,
                                                       O.c.area_id == request.area_id)
    live = or_(table.c.subject_kind == "commune", A.c.deleted.is_(False), O.c.deleted.is_(False))
    one = true() if request.record_id is None else table.c.id == request.record_id
    return and_(table.c.deleted.is_(False), table.c.year == request.year, scope, live, one)


def subject_order(table: Any) -> list[Any]:
    # The commune's own record first ("commune" > "area" > "organization"), then by name.
    rank = case((table.c.subject_kind == "commune", 0), (table.c.subject_kind == "area", 1), else_=2)
    return [rank, func.coalesce(A.c.sort_key, O.c.sort_key, ""), table.c.id]


def registrations(store: Store, request: FormRequest, unit: UnitInfo) -> Batch:
    """Registrations of the year (area, organisation, commune); blank: one empty, or one per subject."""
    profile = get_profile(store)
    word, commune = _word(store), profile.unit_name
    render = _registration_render(word)
    totals = commune_totals(store) if profile.is_commune else None

    def data(row: Any, record: bool) -> RegistrationData:
        return _registration_data(row, unit, request.year, commune, record, word, totals, profile.catalog_code)

    if request.blank:
        if request.area_id is None and not request.names:
            return Batch(1, [_blank_area_registration(unit, request.year, word, profile.catalog_code)], render)
        total, subjects = blank_subjects(store, request)
        return Batch(total, (data(s, False) for s in subjects), render)
    joined = subject_join(R)
    ids = ordered_ids(store, select(R.c.id).select_from(joined).where(subject_where(R, request))
                      .order_by(*subject_order(R)))

    def details(chunk: list[str]) -> Select[Any]:
        return select(R.c.id.label("record_id"), R.c.revision, R.c.subject_kind, R.c.registered_on,
                      *subject_columns()).select_from(joined).where(R.c.id.in_(chunk))

    rows = stream(store, ids, details, R.c.id)
    return Batch(len(ids), (data(r, True) for r in rows), render)


BLANK_AREA: dict[str, Any] = {"subject_kind": "area", "org_type": None, "area_name": None, "org_name": None,
                              "area_address": None, "org_address": None, "area_head": None, "org_head": None,
                              "area_kind": None, "population": None, "households": None, "catalog_code": None,
                              "name": ""}


def _blank_area_registration(unit: UnitInfo, year: int, word: str, catalog: str | None) -> RegistrationData:
    """The hand-filled form of a residential area (the commonest registrant), signed by the area's head."""
    return _registration_data(BLANK_AREA, unit, year, "", False, word, None, catalog)


def _registration_render(word: str) -> Callable[..., Path]:
    text = localise_form(registration.FORM_ID, word)

    def render(output: Path, records: Iterable[RegistrationData], **kw: Any) -> Path:
        return registration.render_registrations(output, records, text=text, **kw)

    return render


# ---------------------------------------------------------------- subjects for blank forms and reports

def unit_type(row: Any) -> str:
    """The catalog's unit type of a subject: area, commune, or the organisation's type."""
    return subject_type(row)


def subject_name(row: Any, commune: str) -> str:
    kind = row["subject_kind"]
    return row["area_name"] if kind == "area" else row["org_name"] if kind == "organization" else commune


def catalog_or_default(code: str | None) -> CriteriaCatalog:
    try:
        return catalogs.get_catalog(code or catalogs.DEFAULT_CATALOG_CODE)
    except CatalogError:
        return catalogs.get_catalog()  # an unknown catalog still prints the current criteria, unticked


def blank_subjects(store: Store, request: FormRequest) -> tuple[int, Iterator[dict[str, Any]]]:
    """Areas and in-scope organisations of the scope (and the commune itself for --all), as rows."""
    commune = get_profile(store).unit_name
    area_scope = true() if request.area_id is None else A.c.id == request.area_id
    org_scope = true() if request.area_id is None else O.c.area_id == request.area_id
    areas = select(literal("area").label("subject_kind"), A.c.id.label("subject_id"), A.c.sort_key) \
        .where(A.c.deleted.is_(False), area_scope)
    orgs = select(literal("organization").label("subject_kind"), O.c.id.label("subject_id"), O.c.sort_key) \
        .where(O.c.deleted.is_(False), O.c.in_scope.is_(True), org_scope)
    union = union_all(areas, orgs).subquery()
    rank = case((union.c.subject_kind == "area", 0), else_=1)
    with store.engine.connect() as conn:
        keys = [(k, i) for k, i in conn.execute(select(union.c.subject_kind, union.c.subject_id)
                                                .order_by(rank, union.c.sort_key, union.c.subject_id))]
    head = [("commune", "")] if request.area_id is None else []
    return len(head) + len(keys), _subject_rows(store, head + keys, commune)


def _subject_rows(store: Store, keys: list[tuple[str, str]], commune: str) -> Iterator[dict[str, Any]]:
    for start in range(0, len(keys), 200):
        chunk = keys[start:start + 200]
        ids = [i for _, i in chunk if i]
        with store.engine.connect() as conn:
            areas = {r["id"]: r for r in conn.execute(select(A).where(A.c.id.in_(ids))).mappings()}
            orgs = {r["id"]: r for r in conn.execute(select(O).where(O.c.id.in_(ids))).mappings()}
        for kind, subject_id in chunk:
            yield _subject_dict(kind, areas.get(subject_id), orgs.get(subject_id), commune)


def _subject_dict(kind: str, area: Any, org: Any, commune: str) -> dict[str, Any]:
    row: dict[str, Any] = {"subject_kind": kind, "org_type": None, "area_name": None, "org_name": None,
                           "area_address": None, "org_address": None, "area_head": None, "org_head": None,
                           "area_kind": None, "population": None, "households": None, "catalog_code": None,
                           "org_phone": None, "staff_count": None}
    if area is not None:
        row.update(area_name=area["name"], area_address=area["address"], area_head=area["head_name"],
                   area_kind=area["kind"], population=area["population"], households=area["households_declared"])
    if org is not None:
        row.update(org_type=org["org_type"], org_name=org["name"], org_address=org["address"],
                   org_head=org["head_name"], org_phone=org["phone"], staff_count=org["staff_count"])
    row["name"] = subject_name(row, commune)
    return row
