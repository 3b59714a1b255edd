"""Fuzzing set-up: two units with cheap keys, and hypothesis profiles chosen by ANTQ_FUZZ_PROFILE.

    ANTQ_FUZZ_PROFILE=ci   (default)  a few hundred examples per test: part of `make test`
    ANTQ_FUZZ_PROFILE=long            tens of thousands per test: `make fuzz` (tests/fuzz/run_long.py)
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from tests.package_fixtures import Unit, lookup_of, make_unit, unlocked

__all__ = ["Unit"]

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
           "derandomize": False}
settings.register_profile("ci", max_examples=150, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)
settings.load_profile(os.environ.get("ANTQ_FUZZ_PROFILE", "ci"))


@pytest.fixture(scope="session")
def commune() -> Unit:
    return make_unit("00070", "Phường Hoàn Kiếm", "commune")


@pytest.fixture(scope="session")
def district() -> Unit:
    return make_unit("CUM-01", "Cụm công an khu vực 1", "district")


@pytest.fixture(scope="session")
def lookup(commune: Unit) -> Any:
    return lookup_of(commune)


@pytest.fixture(scope="session")
def district_keys(district: Unit) -> Any:
    yield from unlocked(district)
