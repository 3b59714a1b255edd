"""Alembic environment: the engine comes from the caller (see storage/migrate.py), never from an ini file."""

from alembic import context

from antq_desktop.storage.models import Base
from antq_desktop.storage.search import is_engine_specific

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        raise RuntimeError("migrations must be run through antq_desktop.storage.migrate")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
            compare_type=True,
            # Engine-specific search indexes have no ORM model.
            include_name=lambda name, type_, _parent: not is_engine_specific(name, type_),
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
