"""Shared test fixtures: paths to the shared corpora and one Prefect test harness per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from corpus_paths import SEED

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
# newsetl's cache of rule gates (newsetl.regex_gate.gates_for): the suite's own, gone when it ends
_CACHE = tempfile.TemporaryDirectory(prefix="newsetl-test-cache-")
os.environ.setdefault("NEWSETL_CACHE_DIR", _CACHE.name)


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for flow tests (started once: it costs 10-20 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seed_bytes() -> bytes:
    return SEED.read_bytes()
