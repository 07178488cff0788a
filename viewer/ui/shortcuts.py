"""The Keyboard Shortcuts dialog: every key the menus bind and the keys the timeline handles itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

# Keys the timeline itself handles, for the Keyboard Shortcuts dialog (the menus list their own).
VIEW_KEYS = (
    ("Tab / Shift+Tab", "Select the next / previous event in time (the matches, when searching)"),
    ("Home / End", "Go to the first / last event"),
    ("Left / Right", "Move back / forward in time"),
    ("Page Up / Page Down", "Move by a screen"),
    ("+ / −", "Zoom in / out about the centre"),
    ("Escape", "Clear the selection"),
    ("Ctrl+Tab", "Leave the timeline"),
    ("Wheel, pinch", "Zoom about the pointer"),
    ("Drag, Shift+wheel", "Move in time"),
    ("Click", "Select an event and read its quotes; a count of events zooms in on them"),
    ("Enter / Shift+Enter in search", "Next / previous match"),
    ("Escape in search", "Clear the search"),
)


def standard_keys(standard: QKeySequence.StandardKey | None, *fallback: str) -> list[QKeySequence]:
    """The platform's standard keys for an action, then our own, without repeats."""
    keys: list[QKeySequence] = list(QKeySequence.keyBindings(standard)) if standard is not None else []
    for text in fallback:
        sequence = QKeySequence(text)
        if sequence not in keys:
            keys.append(sequence)
    return keys


_MEDIA_KEYS = {Qt.Key.Key_Open, Qt.Key.Key_ZoomIn, Qt.Key.Key_ZoomOut, Qt.Key.Key_Refresh, Qt.Key.Key_Reload,
               Qt.Key.Key_Find, Qt.Key.Key_Help, Qt.Key.Key_Close, Qt.Key.Key_Search, Qt.Key.Key_Exit}  # fmt: skip


def is_media_key(sequence: QKeySequence) -> bool:
    """Keys like 'Open' or 'Zoom In' found on some keyboards: bound, but not worth listing."""
    if sequence.count() != 1:
        return False
    combination = sequence[0]
    return combination.keyboardModifiers() == Qt.KeyboardModifier.NoModifier and combination.key() in _MEDIA_KEYS


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut: the menus' and the timeline's."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.table = QTableWidget(len(rows), 2)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, does) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(does))
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        # Wide enough for every row whole (no horizontal scrolling), as far as the screen allows.
        columns = self.table.columnWidth(0) + self.table.columnWidth(1)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width() + 32
        screen = self.screen().availableGeometry().width() if self.screen() is not None else 1280
        self.resize(min(max(560, columns + frame), int(screen * 0.9)), 560)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text()) for r in range(self.table.rowCount())]
