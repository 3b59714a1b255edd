"""The packages an office holds back, waiting for an earlier one of the same unit (`antq held list`,
the import page's "Gói đang chờ"): who sent it, its number, which number it waits for, since when,
and where its copy is kept (in the database; a file only for a copy an older version kept in a PC's data
folder and that PC has not moved in yet). Holding and releasing are in `services/merge/held.py`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from antq_desktop.domain import units
from antq_desktop.services.merge import legacy_copies
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import Blob, HeldPackage, ImportAttempt, KnownKey, ProducerState


@dataclass(frozen=True)
class HeldRow:
    package_id: str
    producer_unit: str
    producer_name: str
    sequence: int
    waiting_for: int  # the number that must be merged first
    since: datetime
    file: str  # an older version's copy in a data folder; "" when the copy is in the database
    file_present: bool  # the copy can be read from here (in the database, or the file exists on this PC)
    in_database: bool = False
    via_office: str = ""  # the office whose forward carried it (kept with that forward); "" when sent directly

    @property
    def hint(self) -> str:
        """What the officer does: ask whoever can send the missing package. A package that came inside a
        forward waits for the forwarding office's earlier (or full) forward: the unit itself sends to that
        office, not here."""
        if self.via_office:
            return (f"Gói này đến trong gói chuyển tiếp của {self.via_office}. Nếu còn gói chuyển tiếp trước đó của "
                    f"{self.via_office} chưa nhập, hãy nhập nó; nếu không, hãy xin {self.via_office} gửi lại gói "
                    "chuyển tiếp đầy đủ. Gói này sẽ tự động được nhập sau đó.")
        return (f"Hãy đề nghị {self.producer_name} gửi lại gói số {self.waiting_for} (hoặc một gói đầy đủ); "
                "gói này sẽ tự động được nhập sau đó.")


def _name(code: str, known: dict[str, str]) -> str:
    commune = units.find_commune(code) if code.isdigit() else None
    return commune.name if commune else known.get(code, code)


def held_packages(store: Store) -> list[HeldRow]:
    """Every held package, by unit then number (first moving an older version's copies on this PC into the
    database)."""
    legacy_copies.move_into_database(store)
    with store.read_session() as session:
        held = list(session.execute(select(HeldPackage).order_by(HeldPackage.producer_unit, HeldPackage.sequence))
                    .scalars())
        last = dict(session.execute(select(ProducerState.producer_unit, ProducerState.last_sequence)).all())
        known = dict(session.execute(select(KnownKey.unit_code, KnownKey.unit_name)).all())
        via = _forwarding_offices(session, held)
    return [HeldRow(h.package_uuid, h.producer_unit, _name(h.producer_unit, known), h.sequence,
                    int(last.get(h.producer_unit) or 0) + 1, h.received_at, h.stored_path or "",
                    h.blob_id is not None or Path(h.stored_path or "").is_file(), h.blob_id is not None,
                    _via_name(via.get(h.package_uuid), known))
            for h in held]


def _forwarding_offices(session: Session, held: list[HeldPackage]) -> dict[str, str]:
    """Held package id -> the code of the office whose forward it came in ("" when that forward's import is not
    logged here); packages sent directly are not in it. A hold from inside a forward keeps the forward itself
    (pipeline._kept_for_hold), so its copy's hash is not the package's own; the forward's import-log row, found
    by that hash, names its office."""
    kept = dict(session.execute(select(Blob.id, Blob.sha256).where(
        Blob.id.in_([h.blob_id for h in held if h.blob_id is not None]))).all()) if held else {}
    carriers = {h.package_uuid: kept[h.blob_id] for h in held
                if h.blob_id in kept and kept[h.blob_id] != h.file_sha256}
    if not carriers:
        return {}
    offices = dict(session.execute(select(ImportAttempt.file_sha256, ImportAttempt.producer_unit).where(
        ImportAttempt.file_sha256.in_(set(carriers.values())), ImportAttempt.kind == "forward")).all())
    return {uuid: offices.get(sha) or "" for uuid, sha in carriers.items()}


def _via_name(office: str | None, known: dict[str, str]) -> str:
    if office is None:
        return ""
    return f"{_name(office, known)} ({office})" if office else "văn phòng đã chuyển tiếp gói"


def as_dict(row: HeldRow) -> dict[str, Any]:
    return {"package_id": row.package_id, "producer": row.producer_unit, "producer_name": row.producer_name,
            "sequence": row.sequence, "waiting_for": row.waiting_for, "since": row.since.isoformat(),
            "file": row.file, "file_present": row.file_present, "in_database": row.in_database,
            "via_office": row.via_office}
