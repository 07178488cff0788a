"""Test configuration shared by every test.

Qt is told to draw offscreen here, before anything imports it, so no test needs a display and no one has to
remember to set QT_QPA_PLATFORM by hand. Model tests import no Qt at all.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")

from viewer.model.loader import load  # imported after the environment is set
from viewer.model.store import Store
from viewer.resources import SHIPPED_CHRONOLOGY


@pytest.fixture(scope="session")
def shipped_store() -> Store:
    """The chronology that ships, loaded once; it must load cleanly."""
    result = load(SHIPPED_CHRONOLOGY)
    assert result.ok, [str(p) for p in result.problems]
    assert result.store is not None
    return result.store


@pytest.fixture
def shipped_path() -> Path:
    return SHIPPED_CHRONOLOGY
