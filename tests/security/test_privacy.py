"""Masking ID numbers, who may see them, and the retention purge (tombstones that travel in packages)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from antq_desktop.domain.errors import ValidationError
from antq_desktop.services import check
from antq_desktop.services.accounts import login as accounts
from antq_desktop.services.accounts.login import UserInfo
from antq_desktop.services.records import privacy
from antq_desktop.storage.db import Store
from antq_desktop.storage.models import AuditEntry, Household, Pledge


@pytest.mark.parametrize("value, masked", [
    ("001203004567", "********4567"), ("079912345678", "********5678"), ("123456789", "*****6789"),
    ("1234", "****"), ("", ""), (None, ""), (" 001203004567 ", "********4567"),
])
def test_mask_citizen_id(value: str | None, masked: str) -> None:
    assert privacy.mask_citizen_id(value) == masked


@pytest.mark.parametrize("role, allowed", [("admin", True), ("officer", True), ("readonly", False)])
def test_who_sees_citizen_ids(role: str, allowed: bool) -> None:
    user = UserInfo("1", "u", "Người dùng", role)
    assert privacy.can_view_citizen_id(user) is allowed
    assert privacy.shown_citizen_id("001203004567", user) == ("001203004567" if allowed else "********4567")
    assert not privacy.can_view_citizen_id(None)


def _live(store: Store, model: type) -> int:
    with store.session_factory() as session:
        return session.execute(select(func.count()).select_from(model).where(model.deleted.is_(False))).scalar_one()


def _age(store: Store, table: str, n: int, when: str = "2015-03-01 00:00:00") -> None:
    with store.session() as session:
        session.execute(text(f"UPDATE {table} SET updated_at = :w WHERE id IN "
                             f"(SELECT id FROM {table} ORDER BY id LIMIT :n)"), {"w": when, "n": n})


def test_dry_run_counts_and_changes_nothing(store: Store, admin: accounts.UserInfo) -> None:
    _age(store, "households", 30)
    _age(store, "pledges", 10)
    result = privacy.purge_older_than(store, years=5, actor="admin", dry_run=True)
    assert result.counts == {"pledge": 10, "household": 30} and result.dry_run
    assert "Sẽ xóa" in result.summary() and "30 hộ gia đình" in result.summary()
    assert _live(store, Household) == 200


def test_purge_tombstones_through_the_records_service(store: Store, admin: accounts.UserInfo) -> None:
    with store.session() as session:  # old households whose pledges are old too
        session.execute(text("UPDATE households SET updated_at = '2015-01-01' WHERE id IN "
                             "(SELECT id FROM households ORDER BY id LIMIT 40)"))
        session.execute(text("UPDATE pledges SET updated_at = '2015-01-01' WHERE household_id IN "
                             "(SELECT id FROM households ORDER BY id LIMIT 20)"))
    pledges_before = _live(store, Pledge)
    result = privacy.purge_older_than(store, years=5, actor="admin")
    old_pledges = result.counts["pledge"]
    assert old_pledges >= 15 and _live(store, Pledge) == pledges_before - old_pledges
    # households 21..40 still have recent pledges: kept, not orphaned
    assert result.counts["household"] + result.skipped["household"] == 40
    assert result.skipped["household"] >= 15 and "Giữ lại" in result.summary()
    assert _live(store, Household) == 200 - result.counts["household"]
    with store.session_factory() as session:
        deletes = session.execute(select(func.count()).select_from(AuditEntry)
                                  .where(AuditEntry.action == "delete")).scalar_one()
        stamped = session.execute(select(func.min(Household.change_seq)).where(Household.deleted.is_(True))).scalar()
    assert deletes == result.total and stamped and stamped > 0  # audited, and will travel in the next package
    assert check.run_checks(store).ok


def test_purge_years_are_bounded() -> None:
    with pytest.raises(ValidationError):
        privacy.cutoff_for(0)
    assert privacy.cutoff_for(5, datetime(2028, 2, 29, 12)) == datetime(2023, 2, 28, 12)
