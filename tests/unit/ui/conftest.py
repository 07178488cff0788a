"""Every UI test gets a throwaway settings scope, so tests never read or write the user's real settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def throwaway_settings(tmp_path: Path, qapp) -> Path:
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("timeline-viewer-tests")
    QCoreApplication.setApplicationName("timeline-viewer-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    return folder


@pytest.fixture
def open_window(qtbot):
    """Makes main windows on a chronology, shown at a given size, closed with the test."""
    from viewer.resources import SHIPPED_CHRONOLOGY
    from viewer.ui.main_window import MainWindow

    def make(path: Path = SHIPPED_CHRONOLOGY, size: tuple[int, int] | None = None) -> MainWindow:
        window = MainWindow(path)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make
