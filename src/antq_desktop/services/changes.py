"""Changes: what a call that writes data changed, in one value the GUI redraws from.

As Anki's operations return `OpChanges` and its main window redraws from it, a front function that
changes data says what it touched; the GUI passes the value to ONE hook (`AppContext.apply_changes`)
and each page decides from it whether to redraw. No Qt and no database here: this module is light.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

# Past this many ids a Changes keeps only the counts: a page redraws a whole list anyway.
MAX_IDS = 50

_FLAGS = ("export_made", "keys_changed", "trust_changed", "accounts_changed", "profile_changed",
          "plans_changed", "everything")


@dataclass(frozen=True)
class Changes:
    """Record kinds touched (with counts, and ids while few) and flags for what is not a record."""

    counts: tuple[tuple[str, int], ...] = ()  # (record kind, rows touched), sorted by kind
    ids: tuple[str, ...] = ()  # empty when more than MAX_IDS were touched
    export_made: bool = False
    keys_changed: bool = False
    trust_changed: bool = False
    accounts_changed: bool = False
    profile_changed: bool = False
    plans_changed: bool = False
    everything: bool = False  # a restore or a redo of setup: every view redraws

    @classmethod
    def records(cls, kind: str, count: int = 1, ids: Iterable[str] = ()) -> Changes:
        """`count` rows of one record kind were created, updated, deleted or restored."""
        id_list = tuple(ids)
        return cls(counts=((kind, count),) if count else (), ids=id_list if len(id_list) <= MAX_IDS else ())

    @classmethod
    def of_counts(cls, counts: Mapping[str, int]) -> Changes:
        """Rows touched per kind (a merge, an Excel import); kinds with 0 rows are left out."""
        return cls(counts=tuple(sorted((k, n) for k, n in counts.items() if n)))

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(kind for kind, _count in self.counts)

    def count(self, kind: str) -> int:
        return dict(self.counts).get(kind, 0)

    def touches(self, kind: str) -> bool:
        """True when a view of `kind` must redraw (always after a restore or a redo of setup)."""
        return self.everything or kind in self.kinds

    def __bool__(self) -> bool:
        return bool(self.counts) or any(getattr(self, flag) for flag in _FLAGS)

    def __or__(self, other: object) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        totals = dict(self.counts)
        for kind, n in other.counts:
            totals[kind] = totals.get(kind, 0) + n
        ids = self.ids + tuple(i for i in other.ids if i not in self.ids)
        lost_ids = (bool(self.counts) and not self.ids) or (bool(other.counts) and not other.ids)
        flags = {flag: getattr(self, flag) or getattr(other, flag) for flag in _FLAGS}
        return replace(Changes.of_counts(totals), ids=() if lost_ids or len(ids) > MAX_IDS else ids, **flags)


class WrittenIds(list[str]):
    """The ids of rows a front call created (a list, as its callers always read it) and their Changes."""

    def __init__(self, kind: str, ids: Iterable[str] = ()) -> None:
        super().__init__(ids)
        self.changes = Changes.records(kind, len(self), self)


class WrittenId(str):
    """The id of the one row a front call created (still a plain id to its callers) and its Changes."""

    changes: Changes

    def __new__(cls, kind: str, record_id: str) -> WrittenId:
        written = super().__new__(cls, record_id)
        written.changes = Changes.records(kind, ids=[record_id])
        return written

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)  # a copy (dataclasses.asdict deep-copies) is the plain id


class WrittenRevision(int):
    """The revision a front call left a row at (still a plain int to its callers) and its Changes.

    `count` is 0 when the call changed nothing (an edit with the same values, a second delete).
    """

    changes: Changes

    def __new__(cls, kind: str, record_id: str, revision: int, count: int = 1) -> WrittenRevision:
        written = super().__new__(cls, revision)
        written.changes = Changes.records(kind, count, ids=[record_id])
        return written

    def __reduce__(self) -> tuple[type[int], tuple[int]]:
        return int, (int(self),)  # a copy is the plain revision


class WrittenCount(int):
    """How many rows a batch front call changed (still a plain int to its callers) and its Changes."""

    changes: Changes

    def __new__(cls, kind: str, count: int, ids: Iterable[str] = ()) -> WrittenCount:
        written = super().__new__(cls, count)
        written.changes = Changes.records(kind, count, ids)
        return written

    def __reduce__(self) -> tuple[type[int], tuple[int]]:
        return int, (int(self),)  # a copy is the plain count


NO_CHANGES = Changes()
EVERYTHING = Changes(everything=True)

__all__ = ["EVERYTHING", "MAX_IDS", "NO_CHANGES", "Changes", "WrittenCount", "WrittenId", "WrittenIds",
           "WrittenRevision"]
