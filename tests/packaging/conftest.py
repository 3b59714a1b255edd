"""The packaging tests import installer/bundle_manifest.py, the spec's single source of truth."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def load_manifest() -> ModuleType:
    path = REPO / "installer" / "bundle_manifest.py"
    spec = importlib.util.spec_from_file_location("bundle_manifest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_manifest", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def manifest() -> ModuleType:
    return load_manifest()
