"""Issue 17, "Done when" 1 in the GUI: the admin adds a second office account on the users page (typing
their own password once to grant the unit's keys); that account merges an encrypted package on the
import page with its OWN password."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import PASSWORD

from antq_desktop.services import demo
from antq_desktop.services.accounts import login as accounts
from antq_desktop.ui import password_prompt
from antq_desktop.ui.context import make_context
from antq_desktop.ui.pages import users_page

from .conftest import Commune, trust

B_PASSWORD = "con meo vang ngu tren mai nha"


def _fill_and_accept(dialog: users_page.AddUserDialog) -> int:
    dialog.username.setText("b")
    dialog.full_name.setText("Lê Thị Cúc")
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    dialog.password.setText(B_PASSWORD)
    dialog.again.setText(B_PASSWORD)
    return 1


def _add_b_on_the_users_page(qtbot, upper, monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    admin = accounts.sign_in(upper, username="admin", password=PASSWORD)
    asked: list[str] = []

    def admin_types_own_password(_parent, reason=None, *_a):  # type: ignore[no-untyped-def]
        asked.append(reason or "")
        return PASSWORD

    monkeypatch.setattr(users_page.AddUserDialog, "exec", _fill_and_accept)
    monkeypatch.setattr(password_prompt, "ask_password", admin_types_own_password)
    page = users_page.UsersPage.from_context(make_context(upper, admin))
    qtbot.addWidget(page)
    page._ask_add()
    assert "Đã tạo tài khoản b" in page.status.text(), page.status.text()
    assert [r.holds_keys for r in page.rows if r.username == "b"] == [True]
    return asked


def _import_page_as(qtbot, upper, username: str, password: str, monkeypatch):  # type: ignore[no-untyped-def]
    from antq_desktop.ui.pages.import_page import ImportPage

    user = accounts.sign_in(upper, username=username, password=password)
    context = make_context(upper, user)
    page = ImportPage(context)
    qtbot.addWidget(page)
    return page


def test_second_account_merges_on_the_import_page_with_its_own_password(  # type: ignore[no-untyped-def]
        qtbot, upper_sqlite, commune: Commune, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    demo.generate(commune.store, households=12, seed=17)
    trust(upper_sqlite, commune)
    package = commune.export(upper_sqlite)
    asked = _add_b_on_the_users_page(qtbot, upper_sqlite, monkeypatch)
    assert len(asked) == 1 and "mật khẩu của chính bạn" in asked[0]  # one prompt, the admin's own password

    page = _import_page_as(qtbot, upper_sqlite, "b", B_PASSWORD, monkeypatch)
    # B typing the admin's password (the old "key holder" rule) opens nothing: each account has its own.
    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, *_a: PASSWORD)
    page.add_files([package])
    with qtbot.waitSignal(page.merged, timeout=60_000):
        page.run(dry_run=True)
    assert page.files.item(0, 4).text() == "Từ chối" and "BAD_PASSWORD" in page.files.item(0, 9).text()

    monkeypatch.setattr(password_prompt, "ask_password", lambda _parent, *_a: B_PASSWORD)
    with qtbot.waitSignal(page.merged, timeout=60_000):
        page.run(dry_run=False)
    assert page.files.item(0, 4).text() == "Đã nhập", page.files.item(0, 9).text()
    assert "Đã nhập 1 gói" in page.summary.text()
    page.context.jobs.wait()
