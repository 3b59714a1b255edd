"""PySide6 must not keep the source of every module imported after it.

PySide6's import hook (`shibokensupport.feature`, behind `from __feature__ import snake_case`) asks of
each module imported after PySide6 whether its source mentions "PySide6", through
`inspect.getsource`: that reads the file through `linecache`, which keeps every line for the life of
the process. With SQLAlchemy, Alembic, ReportLab and the app's own modules that was ~20–27 MiB of
the window's memory (issue 18). The answer only has to be the same, not the source kept: read the
file's bytes, answer, let them go. The app selects no feature, so nothing else changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401  # installs the hook whose check is replaced below

MARK = "_antq_reads_bytes"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Does the module's source file mention PySide6 (what the hook asks), without caching it."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)  # built-in, extension or frozen module: the hook's own answer
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def keep_no_module_source() -> bool:
    """Replace the hook's check (once); False when this PySide6 has no such hook (nothing to do)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False
    if getattr(original, MARK, False):
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(check, MARK, True)
    feature._mod_uses_pyside = check  # type: ignore[union-attr]
    return True
