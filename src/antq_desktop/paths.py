"""Where resources and user data live, in a source checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

from antq_desktop import APP_ID

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_root() -> Path:
    """The folder holding fonts, catalogs, templates and translations."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_base:
        candidates.append(Path(frozen_base) / "antq_desktop" / "resources")
    # An installed wheel carries resources inside the package; a source checkout keeps them
    # at the repository's top level.
    candidates += [_PACKAGE_DIR / "resources", _PACKAGE_DIR.parents[1] / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Không tìm thấy thư mục tài nguyên (resources) của chương trình.")


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. resource_path("catalogs", "tt124.json")."""
    return resources_root().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder (database, backups, logs); ANTQ_HOME overrides it."""
    override = os.environ.get("ANTQ_HOME")
    path = Path(override) if override else Path(user_data_dir(APP_ID, appauthor=False))
    # Owner-only when we create it: it holds the store, its backups and logs (ignored on Windows).
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "antq.sqlite3"


def log_dir() -> Path:
    override = os.environ.get("ANTQ_HOME")
    path = Path(override) / "logs" if override else Path(user_log_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path
