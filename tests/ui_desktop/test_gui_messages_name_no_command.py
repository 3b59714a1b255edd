"""Messages the GUI can show say what to do in the GUI (which page, which button), never "run antq …".

Services raise the same errors for the window and for `antq`; a message naming a command must give
the GUI its own words through `domain.fronts.hint(gui=..., cli=...)`. This walks every string the
GUI can show (services, exchange, storage, domain and ui) for a command outside a `cli=` hint.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from antq_desktop.domain import fronts
from antq_desktop.services import export

SRC = Path(__file__).resolve().parents[2] / "src" / "antq_desktop"
COMMAND = re.compile(r"(?<![.\w/])antq (?:[a-z]|--)")
# Never shown in the window: the command line itself, and the SQL script `antq db roles` prints.
CLI_ONLY = {"cli", "storage/roles.py", "storage/migrations", "services/authority/table.py"}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _cli_hints(tree: ast.AST) -> set[int]:
    """Every string inside a `cli=` keyword of a hint(...) call."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "hint":
            for keyword in node.keywords:
                if keyword.arg == "cli":
                    inside |= {id(n) for n in ast.walk(keyword.value)}
    return inside


def _commands_shown(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _cli_hints(tree)
    return [f"{path.relative_to(SRC)}:{node.lineno}: {node.value[:80]}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and COMMAND.search(node.value)]


def test_no_message_the_gui_can_show_tells_the_officer_to_run_a_command() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if not any(relative == c or relative.startswith(c + "/") for c in CLI_ONLY):
            found += _commands_shown(path)
    assert found == []


@pytest.fixture
def front():  # type: ignore[no-untyped-def]
    before = fronts.current_front()
    yield fronts.use_front
    fronts.use_front(before)


def test_each_front_gets_its_own_words(store, tmp_path, front) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PASSWORD

    from antq_desktop.domain.errors import AntqError

    front(fronts.GUI)
    with pytest.raises(AntqError) as in_window:
        export.export_package(store, tmp_path / "x.antq", actor="admin", password=PASSWORD)
    assert "antq" not in in_window.value.message.replace(".antq", "")
    assert "trang Gửi – nhận dữ liệu" in in_window.value.message and "Nhập khóa của cấp trên" in in_window.value.message
    front(fronts.CLI)
    with pytest.raises(AntqError) as on_command_line:
        export.export_package(store, tmp_path / "x.antq", actor="admin", password=PASSWORD)
    assert "antq recipient set" in on_command_line.value.message
