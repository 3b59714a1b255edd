"""Names of live areas and organisations for pick lists, in Vietnamese order.

Lighter than `queries.list_rows`, which also counts each area's households: a pick list needs
only id and name, and it is filled every time a form or a filter opens.
"""

from __future__ import annotations

from sqlalchemy import select

from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Organization, ResidentialArea, SecurityTeam

_MODELS: dict[str, type[ResidentialArea] | type[Organization] | type[SecurityTeam]] = {
    "residential_area": ResidentialArea, "organization": Organization, "security_team": SecurityTeam}


def names(store: Store, record_type: str, *, limit: int = 5000) -> dict[str, str]:
    """{id: name} of live records of this type ("residential_area" or "organization")."""
    model = _MODELS[record_type]
    stmt = (select(model.id, model.name).where(model.deleted.is_(False))
            .order_by(getattr(model, "sort_key", model.name), model.id).limit(limit))
    with store.session_factory() as session:
        return {row.id: row.name for row in session.execute(stmt)}


def area_ids(store: Store, value: str) -> list[str]:
    """Live areas whose id or exact name is `value` (the CLI accepts either; more than one means ambiguous)."""
    table = ResidentialArea.__table__
    stmt = select(table.c.id).where(table.c.deleted.is_(False), (table.c.id == value) | (table.c.name == value))
    with store.engine.connect() as conn:
        return [str(v) for v in conn.execute(stmt).scalars()]
