"""Add to a .ts file the strings lupdate cannot see: calls of one-line translate helpers.

Modules define helpers such as `def tr_page(text): return QCoreApplication.translate("RecordPages", text)`
and call `tr_page("Xóa")`; lupdate does not know the helper's context, so those strings would never
be translated. This finds every such helper and every call of it with a literal string.

Usage: python extract_helpers.py SOURCE_DIR FILE.ts   (run by update.sh after lupdate)
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _helper_context(node: ast.FunctionDef) -> str | None:
    """The fixed context of `def f(text): return QCoreApplication.translate("Ctx", text)`, else None."""
    if len(node.body) != 1 or not isinstance(node.body[0], ast.Return):
        return None
    call = node.body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"
            and len(call.args) == 2 and isinstance(call.args[0], ast.Constant)):
        return None
    return call.args[0].value if isinstance(call.args[0].value, str) else None


def _helpers(trees: dict[Path, ast.Module]) -> tuple[dict[str, str], dict[tuple[Path, str], str]]:
    """Public helpers (importable, by name) and private ones (leading underscore, per module)."""
    public, private = {}, {}
    for path, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and (context := _helper_context(node)):
                if node.name.startswith("_"):
                    private[(path, node.name)] = context
                else:
                    public[node.name] = context
    return public, private


def _pass_through(trees: dict[Path, ast.Module], public: dict[str, str]) -> dict[str, tuple[int, str]]:
    """Functions that hand one of their parameters to a public helper, e.g. `_button(row, name, text)`
    doing `tr_page(text)`: name → (position of that argument at call sites, context)."""
    found = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            names = [a.arg for a in node.args.args]
            offset = 1 if names and names[0] in ("self", "cls") else 0
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in public
                        and call.args and isinstance(call.args[0], ast.Name) and call.args[0].id in names):
                    found[node.name] = (names.index(call.args[0].id) - offset, public[call.func.id])
    return found


def _called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


def collect(source_dir: Path) -> dict[str, set[str]]:
    """Context → source texts of every literal call of a translate helper (or of a pass-through)."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(source_dir.rglob("*.py"))}
    public, private = _helpers(trees)
    through = _pass_through(trees, public)
    found: dict[str, set[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _called_name(node)
            context = private.get((path, name)) or public.get(name) if isinstance(node.func, ast.Name) else None
            position = 0
            if context is None and name in through:
                position, context = through[name]
            if context is None or position >= len(node.args):
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.setdefault(context, set()).add(text.value)
    return found


def add_to_ts(ts_path: Path, found: dict[str, set[str]]) -> int:
    tree = ET.parse(ts_path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    added = 0
    for name in sorted(found):
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        present = {m.findtext("source") for m in context.iter("message")}
        for text in sorted(found[name] - present):
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="unfinished")
            added += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return added


if __name__ == "__main__":
    count = add_to_ts(Path(sys.argv[2]), collect(Path(sys.argv[1])))
    print(f"{count} string(s) added from translate helpers")
