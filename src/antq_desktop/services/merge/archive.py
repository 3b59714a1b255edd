"""A copy of every merged package, kept in the data folder.

A district/cluster office forwards the ORIGINAL, still-signed commune packages to the province
(``services/forward/build.py``); the USB stick they came on is gone by then, so the merge keeps a
copy. The copy is made after the merge committed; a failed copy never undoes a merge, it only
means that package cannot be forwarded (the forward says so).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from antq_desktop.paths import data_dir
from antq_desktop.services.merge.results import PackageResult
from antq_desktop.storage.db import Store

NOT_KEPT = " (Không lưu được bản sao của gói để chuyển tiếp lên cấp trên; hãy giữ lại tệp gốc.)"


def archive_dir(store: Store) -> Path:
    """Next to the SQLite file, else in the user data folder (one folder per PostgreSQL database)."""
    if store.sqlite_path is not None:
        folder = store.sqlite_path.parent / "merged-packages"
    else:
        folder = data_dir() / "merged-packages" / hashlib.sha256(store.url.encode()).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def archived_path(store: Store, package_uuid: str) -> Path:
    return archive_dir(store) / f"{package_uuid}.antq"


def keep(store: Store, path: Path, result: PackageResult) -> None:
    """Copy a merged package (atomically: a half-copied file never carries the final name)."""
    if result.status != "merged" or not result.package_uuid:
        return
    try:
        target = archived_path(store, result.package_uuid)
        if target.exists():
            return
        partial = target.with_suffix(".part")
        shutil.copyfile(path, partial)
        os.replace(partial, target)
    except OSError:
        result.message += NOT_KEPT
