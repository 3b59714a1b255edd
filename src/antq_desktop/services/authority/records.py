"""The record side of the authority table (table.py rows A1-A8), enforced before anything is written.

The merge (services/merge/pipeline.py, every inner package of a forward included) and the plan import
(services/plans/receive.py) call these; a refusal is a PackageError with a stable code, a Vietnamese
message naming the units, and nothing written but the import log and its audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.exchange.errors import NOT_AUTHORISED, OWN_UNIT, PackageError
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.services.authority.table import REFERENCE_COLUMNS, unit_skeleton
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import MODEL_BY_TYPE, KnownKey, Plan, Setting, UnitProfile

CHUNK = 500  # ids per IN (...) query: under SQLite's bound-parameter limit
_LABELS = {"residential_area": "khu dân cư", "organization": "cơ quan, doanh nghiệp, trường học",
           "household": "hộ gia đình", "plan": "kế hoạch", "security_team": "tổ bảo vệ an ninh, trật tự"}
_REPORT = "Không nhập gói này; hãy báo cho cán bộ phụ trách và đề nghị đơn vị {unit} kiểm tra dữ liệu rồi xuất lại gói."


def own_unit(session: Session) -> str | None:
    profile = session.get(UnitProfile, 1)
    return profile.unit_code if profile is not None else None


def authorise_producer(session: Session, header: PackageHeader) -> None:
    """A5/A6: an office never accepts its own unit code from outside (directly or inside a forward)."""
    authorise_producers(session, [header.producer.unit_code])


DATA_KINDS = ("full", "incremental")


def authorise_data_kind(header: PackageHeader) -> None:
    """A10: a merge writes only data packages; a plan or forward (say inside a forward) is never data."""
    if header.kind not in DATA_KINDS:
        unit = header.producer.unit_code
        raise PackageError(NOT_AUTHORISED, message_vi=(
            f"Gói số {header.sequence} của đơn vị {unit} là gói loại “{header.kind}”, không phải gói dữ liệu; chỉ gói "
            "dữ liệu (đầy đủ hoặc bổ sung) được nhập vào dữ liệu của đơn vị gửi. " + _REPORT.format(unit=unit)),
            detail=f"kind {header.kind} merged as data")


def authorise_producers(session: Session, producers: Iterable[str]) -> None:
    """`authorise_producer` for several claimed producers at once (a forward's inner packages, before any merge)."""
    mine = own_unit(session)
    if mine is not None and unit_skeleton(mine) in {unit_skeleton(code) for code in producers}:  # "cum-01" too
        raise PackageError(OWN_UNIT, message_vi=(
            f"Gói dữ liệu ghi là của đơn vị {mine}, tức chính đơn vị này, nhưng lại được nhập từ bên ngoài. Không đơn "
            f"vị nào khác được gửi dữ liệu dưới mã {mine}; dữ liệu của đơn vị này chỉ được nhập trên chính máy này. "
            "Không nhập gói này; hãy báo cho cán bộ phụ trách (khóa ký gói có thể đã bị lộ)."),
            detail=f"producer {mine} is this office's own unit")


def authorise_inner(store: Store, producers: list[str]) -> None:
    """A6: a forward whose inner packages include one "from" this office is refused whole, before any is merged."""
    with store.session_factory() as session:
        authorise_producers(session, producers)


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


def _foreign(session: Session, ref_type: str, ids: set[str], producer: str) -> tuple[str, str] | None:
    """The first of `ids` stored with another origin than `producer`, as (id, origin); None if all are its own."""
    model = MODEL_BY_TYPE[ref_type]
    for chunk in _chunks(sorted(ids)):
        stmt = select(model.id, model.origin_unit).where(model.id.in_(chunk), model.origin_unit != producer)
        found = session.execute(stmt.order_by(model.id).limit(1)).first()
        if found is not None:
            return str(found[0]), str(found[1])
    return None


@cache
def reference_columns(record_type: str) -> tuple[tuple[str, str], ...]:
    """The reference columns a record type has (a column it lacks is never stored, so never points anywhere):
    a household member is checked for its household alone, not for four columns it cannot carry."""
    model = MODEL_BY_TYPE.get(record_type)
    names = set(model.__table__.columns.keys()) if model is not None else set(REFERENCE_COLUMNS)
    return tuple((column, ref_type) for column, ref_type in REFERENCE_COLUMNS.items() if column in names)


def authorise_references(session: Session, record_type: str, rows: list[dict[str, Any]], producer: str,
                         known_own: dict[str, set[str]] | None = None) -> None:
    """A2-A4, A7: every reference (area_id, organization_id, household_id, plan_id) of every row, live or
    tombstone, written or not, points at a record of the producer's own origin.

    Records earlier in the same package are already written in this transaction, so one look-up in
    the store sees both (or `known_own` names them: ids of the producer's own records, no look-up);
    a reference to nothing at all is left to `merge_plan.check_references`.
    """
    for column, ref_type in reference_columns(record_type):
        wanted = {value for row in rows if isinstance(value := row.get(column), str)}
        if known_own:  # ids this package already proved to be the producer's own (merge: earlier batches)
            wanted -= known_own.get(ref_type, set())
        clash = _foreign(session, ref_type, wanted, producer) if wanted else None
        if clash is None:
            continue
        ref_id, other = clash
        row = next(r for r in rows if r.get(column) == ref_id)
        raise PackageError(NOT_AUTHORISED, message_vi=(
            f"Gói của đơn vị {producer} có bản ghi {record_type} {row['id']} tham chiếu tới {_LABELS[ref_type]} "
            f"{ref_id} của đơn vị {other}. Một đơn vị chỉ được tham chiếu tới dữ liệu của chính mình. "
            + _REPORT.format(unit=producer)),
            detail=f"{record_type}.{column} -> {ref_type} of {other}")


CHAIN_KEY = "plan.chain"  # {office: its upper office}: whose plan came inside the office's plan package


def plan_units(session: Session) -> list[str]:
    """A8: the units whose plans may set this store's targets: its own, then its CURRENT upper office's
    (the unit of the recipient key in use), then the office above that one whose plan the upper office
    passed down inside its own signed plan package (A7c); never a unit below it nor an office it no longer
    reports to (whose stored plan, stamped by that office's own clock, could otherwise stay "the newest")."""
    mine = own_unit(session)
    above = session.execute(select(KnownKey.unit_code).where(KnownKey.is_recipient.is_(True),
                                                             KnownKey.revoked_at.is_(None)).distinct()).scalars()
    units = [mine] if mine is not None else []
    offices = sorted(code for code in set(above) if code != mine)
    row = session.get(Setting, CHAIN_KEY)
    chain = json.loads(row.value) if row is not None else {}
    uppers = sorted({chain[o] for o in offices if o in chain} - set(offices) - set(units))
    return units + offices + uppers


def measuring_plans(session: Session, year: int) -> tuple[list[Plan], Plan | None]:
    """The plans that set this year's targets, highest office first, and the unit's own plan when it is
    only an extra. A commune is measured against its offices' plans (the province's, then what its
    cluster added: issue 14) and its own plan adds only extras; an office's own plan adds its targets to
    those of the office above (its communes are measured against both); a unit with no plan from above is
    measured by its own. A commune's or a cluster's plan merged at an office never sets that office's targets.
    """
    units = plan_units(session)
    if not units:
        return [], None
    plans = session.execute(select(Plan).where(Plan.year == year, Plan.deleted.is_(False),
                                               Plan.origin_unit.in_(units))
                            .order_by(Plan.updated_at.desc(), Plan.id)).scalars().all()
    newest: dict[str, Plan] = {}
    for plan in plans:
        newest.setdefault(plan.origin_unit, plan)
    above = [newest[u] for u in reversed(units[1:]) if u in newest]  # the province, then the cluster
    own = newest.get(units[0])
    if own is None or not above:
        return above or ([own] if own else []), None
    profile = session.get(UnitProfile, 1)
    if profile is not None and profile.role != "commune":
        return above + [own], None
    return above, own


def year_plan(session: Session, year: int) -> Plan | None:
    """The plan that sets this year's targets: the highest office's (see `measuring_plans`)."""
    measuring, _ = measuring_plans(session, year)
    return measuring[0] if measuring else None
