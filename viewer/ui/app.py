"""Starting the window: check that one can open, make the application, show the main window, run.

High-DPI needs nothing here: Qt 6 scales by the screen's device pixel ratio by default, and the timeline
paints in logical pixels through the same painter as the exports.
"""

from __future__ import annotations

import sys
from pathlib import Path

from viewer import qtenv
from viewer.resources import SHIPPED_CHRONOLOGY

APPLICATION_NAME = "Timeline Viewer"
ORGANIZATION_NAME = "timeline-viewer"
DESKTOP_FILE_NAME = "timeline-viewer"


def run_window(path: Path | None) -> int:
    """Open the window on `path` (or the shipped chronology) and run until it closes; the exit code."""
    problem = qtenv.window_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication  # Qt only once we know a window can open

    from viewer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationDisplayName(APPLICATION_NAME)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    from viewer import __version__

    app.setApplicationVersion(__version__)
    from PySide6.QtGui import QIcon

    from viewer.resources import ASSETS_DIR

    app.setWindowIcon(QIcon(str(ASSETS_DIR / "timeline-viewer.svg")))
    from PySide6.QtWidgets import QMessageBox

    from viewer.ui.crash import CrashHandler, configure_logging

    configure_logging()
    window = MainWindow(Path(path) if path is not None else SHIPPED_CHRONOLOGY)
    handler = CrashHandler(lambda title, text: QMessageBox.critical(window, title, text))
    handler.install()
    window.show()
    try:
        return int(app.exec())
    finally:
        handler.uninstall()
