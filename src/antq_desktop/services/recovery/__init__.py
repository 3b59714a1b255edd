"""Recovery after a lost or restored laptop (issue 14 point 4): the office sends a commune its records as
the office holds them; the commune previews, then takes them in, and its edits win again at the offices.

Office: `build_recovery` (services/recovery/build.py). Commune: `preview_recovery` (everything checked
and compared, nothing kept) and `apply_recovery` (services/recovery/apply.py). Refusals raise
`RecoveryError` with a Vietnamese message and a stable English code; nothing is written.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from antq_desktop.services.recovery.errors import RecoveryError
from antq_desktop.services.recovery.results import (
    RECORD_LABELS,
    RecoveryApplied,
    RecoveryBuildResult,
    RecoveryPreview,
    preview_lines,
)

if TYPE_CHECKING:
    from antq_desktop.services.merge.results import Cancel, Progress
    from antq_desktop.storage.db import Store

__all__ = ["RECORD_LABELS", "RecoveryApplied", "RecoveryBuildResult", "RecoveryError", "RecoveryPreview",
           "apply_recovery", "build_recovery", "is_recovery_file", "preview_lines", "preview_recovery"]


def build_recovery(store: Store, unit: str, dest: str | Path, *, password: str, actor: str,
                   progress: Progress | None = None, cancel: Cancel | None = None) -> RecoveryBuildResult:
    """At the office: the commune `unit`'s records as this office holds them, signed, encrypted to its key.

    `progress(fraction, message)` is told as the records are written; a set `cancel` stops it with
    RecoveryError CANCELLED, leaving no file and no record of it.
    """
    from antq_desktop.services.recovery import build

    return build.build(store, unit, dest, password=password, actor=actor, progress=progress, cancel=cancel)


def preview_recovery(store: Store, path: str | Path, *, password: str, actor: str = "",
                     progress: Progress | None = None, cancel: Cancel | None = None) -> RecoveryPreview:
    """At the commune: what taking the package in would change. Checks everything, writes nothing."""
    return _run(store, path, password=password, actor=actor, commit=False, progress=progress, cancel=cancel)


def apply_recovery(store: Store, path: str | Path, *, password: str, actor: str, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> RecoveryApplied:
    """At the commune: the office's version replaces this commune's own records, in one transaction.

    A set `cancel` before that transaction commits stops it with RecoveryError CANCELLED: nothing changed.
    """
    result = _run(store, path, password=password, actor=actor, commit=True, progress=progress, cancel=cancel)
    return RecoveryApplied(**dataclasses.asdict(result))


def _run(store: Store, path: str | Path, *, password: str, actor: str, commit: bool, progress: Progress | None,
         cancel: Cancel | None) -> RecoveryPreview:
    from antq_desktop.exchange.errors import PackageError
    from antq_desktop.services.recovery import apply

    try:
        return apply.run(store, path, password=password, actor=actor, commit=commit, progress=progress,
                         cancel=cancel)
    except PackageError as exc:
        raise RecoveryError(exc.message_vi, exc.code) from None


def is_recovery_file(path: str | Path) -> bool:
    """Does the file claim to be a recovery package (header only, unverified: to route a double-clicked file)?"""
    from antq_desktop.exchange import package_reader
    from antq_desktop.exchange.errors import PackageError

    try:
        return package_reader.inspect(Path(path)).kind == "recovery"
    except PackageError:
        return False
