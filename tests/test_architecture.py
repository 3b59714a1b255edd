"""Design rules that a test keeps honest."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "antq_desktop"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_the_ui_package_imports_qt():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for name in _imports(path))
    ]
    assert offenders == []


def test_logic_packages_do_not_import_the_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] in {"domain", "storage", "services", "exchange", "reports", "cli"}
        and any(name.startswith("antq_desktop.ui") for name in _imports(path))
    ]
    assert offenders == []


# ---- issue 13: services as feature packages, no cycles, ui/cli call fronts only ----

SERVICES = PACKAGE / "services"
# Modules ui/ and cli/ may import from services: each package's front, and the single-module features.
FEATURE_PACKAGES = sorted(p.name for p in SERVICES.iterdir() if (p / "__init__.py").is_file())
SINGLE_MODULES = sorted(p.stem for p in SERVICES.glob("*.py") if p.stem != "__init__")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, path: Path) -> set[str]:
    """The antq_desktop modules this one imports (at any depth, TYPE_CHECKING included), plus the
    packages whose __init__ those imports run (outside the importer's own package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, path, node)
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names)
    edges = set()
    for name in found:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if not name.startswith("antq_desktop"):
            continue
        parts = name.split(".")
        for depth in range(2, len(parts) + 1):
            target = ".".join(parts[:depth])
            if target in MODULES and target != module and not module.startswith(target + "."):
                edges.add(target)
    return edges


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_no_import_cycle_between_modules():
    graph = {module: _targets(module, path) for module, path in MODULES.items()}
    cycle = _find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_reports_a_cycle():
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def _front_offences(path: Path) -> list[str]:
    offences = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            pairs = [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            pairs = [(node.module, alias.name) for alias in node.names]
        else:
            continue
        for module, name in pairs:
            if module.startswith("antq_desktop.storage") and (module, name) != ("antq_desktop.storage.db", "Store"):
                offences.append(f"{module} {name or ''}".strip())
            if module == "antq_desktop.services" and name not in FEATURE_PACKAGES + SINGLE_MODULES:
                offences.append(f"{module}.{name}")
            elif module.startswith("antq_desktop.services."):
                feature = module.split(".")
                if len(feature) != 3 or feature[2] not in FEATURE_PACKAGES + SINGLE_MODULES:
                    offences.append(module)  # an inner module, not the front
                elif name is not None and (SERVICES / feature[2] / f"{name}.py").is_file():
                    offences.append(f"{module}.{name}")
    return offences


def test_ui_and_cli_call_only_service_fronts_and_the_store_type():
    offenders = {
        str(path.relative_to(PACKAGE)): offences
        for part in ("ui", "cli")
        for path in sorted((PACKAGE / part).rglob("*.py"))
        if (offences := _front_offences(path))
    }
    assert offenders == {}


def test_the_front_rule_catches_inner_modules_and_storage(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from antq_desktop.services.merge.pipeline import merge_one\n"
                      "from antq_desktop.services import merge_held\n"
                      "from antq_desktop.services.keys import registry\n"
                      "from antq_desktop.storage.models import KnownKey\n"
                      "from antq_desktop.storage.db import Store, open_store\n"
                      "from antq_desktop.services import keys, demo\n"
                      "from antq_desktop.services.merge import merge_packages\n", encoding="utf-8")
    assert _front_offences(sample) == [
        "antq_desktop.services.merge.pipeline", "antq_desktop.services.merge_held",
        "antq_desktop.services.keys.registry", "antq_desktop.storage.models KnownKey",
        "antq_desktop.storage.db open_store",
    ]


def test_ui_and_cli_open_no_database_session():
    pattern = re.compile(r"session_factory|Session\b|read_session")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for part in ("ui", "cli")
        for path in sorted((PACKAGE / part).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []


def test_no_front_name_hides_one_of_its_modules():
    """`from antq_desktop.services.accounts import login` must give the module, not a function of that name."""
    clashes = {}
    for feature in FEATURE_PACKAGES:
        tree = ast.parse((SERVICES / feature / "__init__.py").read_text(encoding="utf-8"))
        bound = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 for alias in node.names if node.module != f"antq_desktop.services.{feature}"}
        hidden = bound & {p.stem for p in (SERVICES / feature).glob("*.py")}
        if hidden:
            clashes[feature] = sorted(hidden)
    assert clashes == {}


@pytest.mark.parametrize("feature", FEATURE_PACKAGES + SINGLE_MODULES)
def test_each_service_imports_alone_in_a_fresh_interpreter(feature):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", f"import antq_desktop.services.{feature}"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
