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


def collect(source_dir: Path) -> dict[str, set[str]]:
    """Context → source texts of every literal call of a translate helper."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(source_dir.rglob("*.py"))}
    public, private = _helpers(trees)
    found: dict[str, set[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            context = private.get((path, node.func.id)) or public.get(node.func.id)
            text = node.args[0]
            if context and isinstance(text, ast.Constant) and isinstance(text.value, str):
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
