"""Copy every synced row from one store into another, as a merge would leave them (for upper-office tests)."""

from sqlalchemy import insert, select

from antq_desktop.storage.models import SYNCED_MODELS


def copy_synced_rows(src, dst) -> None:  # type: ignore[no-untyped-def]
    with src.engine.connect() as read, dst.session() as write:
        for model in SYNCED_MODELS:
            rows = [dict(r) for r in read.execute(select(model.__table__)).mappings()]
            if rows:
                write.execute(insert(model), rows)
