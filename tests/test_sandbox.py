"""The test suite never writes under the real home, not even from module-scoped fixtures."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from tests.conftest import REAL_APP_DIRS, SANDBOX
from tuireader.core.base import paths


def app_locations() -> dict[str, Path]:
    return {
        "cache": paths.cache_dir(),
        "data": paths.data_dir(),
        "config": paths.config_dir(),
        "log": paths.log_dir(),
        "documents": Path(platformdirs.user_documents_dir()),
        "home": Path.home(),
    }


@pytest.fixture(scope="module")
def module_locations() -> dict[str, Path]:
    """Where a module-scoped fixture (set up before the per-test dirs) would write."""
    return app_locations()


def test_module_scoped_fixtures_write_inside_the_sandbox(module_locations):
    for name, location in module_locations.items():
        assert location.is_relative_to(SANDBOX), (name, location)
        assert not any(location.is_relative_to(real) for real in REAL_APP_DIRS), name


def test_each_test_writes_inside_the_sandbox():
    for name, location in app_locations().items():
        assert location.is_relative_to(SANDBOX) or "pytest-of-" in str(location), (name, location)
