"""GUI tests over a real temporary store; QSettings go to a temporary folder, never the user's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui.context import AppContext, make_context


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    QCoreApplication.setOrganizationName("ANTQ-tests")
    QCoreApplication.setApplicationName("ANTQ Desktop tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


def admin_of(store) -> accounts.UserInfo:  # type: ignore[no-untyped-def]
    return next(u for u in accounts.list_users(store) if u.username == "admin")


@pytest.fixture
def context(store) -> AppContext:  # type: ignore[no-untyped-def]
    ctx = make_context(store, admin_of(store))
    yield ctx
    ctx.jobs.wait()


@pytest.fixture
def demo_context(demo_store) -> AppContext:  # type: ignore[no-untyped-def]
    ctx = make_context(demo_store, admin_of(demo_store))
    yield ctx
    ctx.jobs.wait()
