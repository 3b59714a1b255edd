"""What the upper office has received, per commune: for the import page and `antq merge` users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from antq_desktop.domain import units
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import HeldPackage, KnownKey, ProducerState


@dataclass(frozen=True)
class ReceivedRow:
    unit_code: str
    unit_name: str
    last_sequence: int | None
    last_merged_at: datetime | None
    held_sequences: tuple[int, ...]

    @property
    def status(self) -> str:
        if self.held_sequences:
            waiting = ", ".join(f"#{s}" for s in self.held_sequences)
            missing = (self.last_sequence or 0) + 1
            return f"Đang chờ gói #{missing} (đã giữ {waiting})"
        return "Đã nhập đủ" if self.last_sequence else "Chưa nhập gói nào"


def _name(code: str, known: dict[str, str]) -> str:
    commune = units.find_commune(code) if code.isdigit() else None
    return commune.name if commune else known.get(code, code)


def received(store: Store) -> list[ReceivedRow]:
    """One row per producing unit that was merged or has packages waiting, by unit code."""
    with store.session_factory() as session:
        states = {s.producer_unit: s for s in session.execute(select(ProducerState)).scalars()}
        held: dict[str, list[int]] = {}
        for unit, sequence in session.execute(select(HeldPackage.producer_unit, HeldPackage.sequence)
                                              .order_by(HeldPackage.sequence)):
            held.setdefault(unit, []).append(sequence)
        known = {code: name for code, name in session.execute(select(KnownKey.unit_code, KnownKey.unit_name))}
    rows = []
    for code in sorted(set(states) | set(held)):
        state = states.get(code)
        rows.append(ReceivedRow(code, _name(code, known), state.last_sequence if state else None,
                                state.last_merged_at if state else None, tuple(held.get(code, ()))))
    return rows
