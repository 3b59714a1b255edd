"""Recovery as long work: progress for the GUI's dialog, and "Hủy" at any step keeps everything as it was.

At the commune, a cancel seen at any of the work's check points — the last one just before the commit
included — leaves the store exactly as before; never set, the package is taken in. At the office, a
cancelled package leaves no file, no audit entry and the numbering where it was.
"""

from __future__ import annotations

import pytest
from tests.conftest import ACTOR, PASSWORD
from tests.office_year.test_recovery import A, World, a_household, build, send, world  # noqa: F401
from tests.security.store_state import assert_unchanged, capture

from antq_desktop.exchange.errors import CANCELLED
from antq_desktop.services import recovery
from antq_desktop.services.records import writes as records


class CancelAt:
    """A cancel flag the officer sets at its `at`-th look (never, when None); counts the looks."""

    def __init__(self, at: int | None = None) -> None:
        self.at, self.looks = at, 0

    def is_set(self) -> bool:
        self.looks += 1
        return self.at is not None and self.looks > self.at


@pytest.fixture
def package(world: World):  # type: ignore[no-untyped-def]  # noqa: F811
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = build(world)
    records.update(world.a, "household", a_household(world.a), {"head_name": "Lê Văn Khác"}, actor=ACTOR)
    return out


def test_the_preview_reports_progress_forward_to_the_end(world: World, package) -> None:  # noqa: F811
    told: list[tuple[float, str]] = []
    recovery.preview_recovery(world.a, package, password=PASSWORD, progress=lambda f, m: told.append((f, m)))
    fractions = [f for f, _ in told]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] <= 1
    assert fractions[-1] >= 0.9 and all(message for _, message in told)


def test_a_cancel_at_any_step_changes_nothing(world: World, package) -> None:  # noqa: F811
    counting = CancelAt()
    recovery.preview_recovery(world.a, package, password=PASSWORD, cancel=counting)
    looks = counting.looks
    assert looks >= 3  # between reading, each record type, and before the commit
    before = capture(world.a)
    for at in sorted({0, looks // 2, looks - 1}):  # the last look is the one just before the commit
        with pytest.raises(recovery.RecoveryError) as refused:
            recovery.apply_recovery(world.a, package, password=PASSWORD, actor=ACTOR, cancel=CancelAt(at))
        assert refused.value.code == CANCELLED and "không thay đổi" in refused.value.message
        assert_unchanged(world.a, before, max_log_rows=0, max_audit_rows=0)
    assert recovery.apply_recovery(world.a, package, password=PASSWORD, actor=ACTOR, cancel=CancelAt()).applied


def test_a_cancelled_recovery_package_leaves_no_file_and_no_trace(world: World) -> None:  # noqa: F811
    assert [r.status for r in send(world, world.a, "full")] == ["merged"]
    out = world.folder / "huy.antq"
    before = capture(world.office)
    told: list[float] = []
    with pytest.raises(recovery.RecoveryError) as refused:
        recovery.build_recovery(world.office, A, out, password=PASSWORD, actor=ACTOR, cancel=CancelAt(0),
                                progress=lambda f, _m: told.append(f))
    assert refused.value.code == CANCELLED and not out.exists()
    assert_unchanged(world.office, before, max_log_rows=0, max_audit_rows=0)
    result = recovery.build_recovery(world.office, A, out, password=PASSWORD, actor=ACTOR,
                                     progress=lambda f, _m: told.append(f))
    assert result.sequence == 1 and out.exists()  # the cancelled one took no number
    assert told and told == sorted(told) and told[-1] == 1.0
