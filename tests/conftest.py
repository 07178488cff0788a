"""Test configuration shared by every test.

Qt is told to draw offscreen here, before anything imports it, so no test needs a display and no one has to
remember to set QT_QPA_PLATFORM by hand. Model tests import no Qt at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
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


@pytest.fixture(scope="session", autouse=True)
def _clipboard_emptied_before_exit() -> Iterator[None]:
    """Empty the clipboard while the application still lives.

    On the offscreen platform, a QMimeData made in Python and handed to the clipboard (Copy quote with
    citation as Markdown sets text/markdown) makes the process crash as it exits (SIGSEGV after every test
    has passed, which fails the run); clearing the clipboard first avoids it. Real platforms (xcb was tried)
    exit cleanly, so the program itself keeps what the user copied.
    """
    yield
    if "PySide6.QtGui" in sys.modules:  # only when a test used Qt: model-only runs import none of it
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.instance() is not None:
            QGuiApplication.clipboard().clear()
