"""What merging a file produced (PackageResult), how to merge (MergeOptions), and the statuses.

Its own module so that the pipeline, the held packages, the archive and forwarded packages can all
speak of results without importing one another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from antq_desktop.domain.fronts import hint
from antq_desktop.exchange.package_format import PackageHeader
from antq_desktop.exchange.package_reader import DEFAULT_LIMITS, Limits
from antq_desktop.exchange.sequence import DEFAULT_MAX_JUMP
from antq_desktop.services.changes import NO_CHANGES, Changes
from antq_desktop.services.keys.ring import KeyRing, TrustedLookup

CANCELLED_MESSAGE = "Đã hủy nhập gói; chưa có gì được ghi vào cơ sở dữ liệu. Có thể nhập lại gói này bất cứ lúc nào."

Progress = Callable[[float, str], None]


class MergeStatus(StrEnum):
    """str-valued, so logs, JSON and comparisons with the plain words keep working."""

    MERGED = "merged"
    DUPLICATE = "duplicate"
    HELD = "held"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    DRY_RUN = "dry_run"


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass
class PackageResult:
    """What happened to one file. `status`: a MergeStatus (merged, duplicate, held, refused, cancelled, dry_run)."""

    file_name: str
    status: str
    message: str = ""
    code: str | None = None
    producer_unit: str | None = None
    producer_name: str | None = None
    sequence: int | None = None
    kind: str | None = None
    package_uuid: str | None = None
    file_sha256: str = ""
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    released_from_hold: bool = False
    finished_holds: list[str] = field(default_factory=list, repr=False)  # held copies to delete after commit
    header: PackageHeader | None = field(default=None, repr=False)

    @property
    def refused(self) -> bool:
        return self.status in (MergeStatus.REFUSED, MergeStatus.CANCELLED)

    @property
    def changes(self) -> Changes:
        """Rows written per record kind (new or newer revisions); nothing unless the package was merged."""
        if self.status != MergeStatus.MERGED:
            return NO_CHANGES
        written = {kind: c.get("new", 0) + c.get("updated", 0) for kind, c in self.counts.items()}
        # a forward may also record vouched keys and apply its office's revocations (the trust registry)
        return Changes.of_counts(written) | Changes(plans_changed=self.kind == "plan",
                                                    trust_changed=self.kind == "forward")


class MergeRun(list[PackageResult]):
    """What merge_packages returns: the results in order (a list, as callers always read it) and `changes`."""

    @property
    def changes(self) -> Changes:
        combined = NO_CHANGES
        for result in self:
            combined = combined | result.changes
        return combined


@dataclass(frozen=True)
class ForwardSource:
    """The forward an inner package arrived in (services/merge/forward_order.py). If the inner package is held,
    the forward is kept in its place: only the forward, encrypted to this office, carries the payload key that
    opens a commune package encrypted to the cluster, and its signature is checked again on release."""

    path: Path
    office_code: str
    office_name: str

    def held_message(self, sequence: int, producer: str, waiting_for: int) -> str:
        office = f"{self.office_name} ({self.office_code})"
        return (f"Gói số {sequence} của đơn vị {producer} (trong gói chuyển tiếp của {office}) đến trước gói số "
                f"{waiting_for} của đơn vị đó nên được giữ lại chờ, cùng gói chuyển tiếp. Nếu còn gói chuyển tiếp "
                f"trước đó của {office} chưa nhập, hãy nhập nó; nếu không có, hãy xin văn phòng {office} gửi lại "
                + hint(gui="gói chuyển tiếp đầy đủ.",
                       cli="gói chuyển tiếp đầy đủ (“antq forward” không có --since-last).")
                + " Gói này sẽ tự động được nhập khi gói còn thiếu đến.")


@dataclass
class MergeOptions:
    actor: str
    dry_run: bool = False
    ring: KeyRing | None = None
    lookup: TrustedLookup | None = None
    limits: Limits = DEFAULT_LIMITS
    max_jump: int = DEFAULT_MAX_JUMP
    cancel: Cancel | None = None
    report: Callable[[float, str], None] = lambda _f, _m: None
    forward: ForwardSource | None = None  # set for a package inside a forward
    # read and check records in a child process while this one writes: None decides by size and CPUs
    # (services/merge/record_feed.py; the ANTQ_MERGE_WORKER environment variable forces it for tests)
    worker: bool | None = None
    # the command's next file, which that child may start reading while this package ends (run.read_ahead)
    upcoming: Callable[[], None] | None = None
