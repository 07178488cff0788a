"""The search field and its count of matches: a view of the search held by the `ViewState`.

Typing searches (`ViewState.search`); Enter and Shift+Enter step through the matches, which the timeline shows;
Escape clears the search, and a second Escape (or Tab, or Down) goes back to the timeline. The count says
"3 of 12" once a match is selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from viewer.viewstate import ViewState

SEARCH_PLACEHOLDER = "Search titles, summaries, tags, quotes, sources"


class SearchBar(QObject):
    """The field (`edit`) and the count (`count`), for a toolbar to hold."""

    def __init__(self, state: ViewState, step_match: Callable[[int], None], timeline: QWidget,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self._step_match = step_match
        self._timeline = timeline
        self.edit = QLineEdit()
        self.edit.setObjectName("search")
        self.edit.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Search")
        self.edit.setAccessibleDescription(SEARCH_PLACEHOLDER + "; Enter goes to the next match")
        self.edit.setMinimumWidth(320)
        self.edit.textChanged.connect(self._on_text)
        self.edit.installEventFilter(self)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName("Search matches")
        self.count.setMinimumWidth(90)
        state.search_changed.connect(self._show_count)

    def clear_quietly(self) -> None:
        """Empty the field without searching (a new chronology ends the search by itself)."""
        if self.edit.text():
            self.edit.blockSignals(True)
            self.edit.clear()
            self.edit.blockSignals(False)

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def _on_text(self, text: str) -> None:
        self.state.search(text)

    def _show_count(self) -> None:
        matches, position = self.state.matches, self.state.match_position
        if matches is None:
            self.count.setText("")
        elif not len(matches):
            self.count.setText("No matches")
        elif position is None:
            total = len(matches)
            self.count.setText(f"{total:,} match{'es' if total != 1 else ''}")
        else:
            self.count.setText(f"{position + 1:,} of {len(matches):,}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self._step_match(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                if self.edit.text():
                    self.edit.clear()  # the first Escape ends the search
                else:
                    self._timeline.setFocus(Qt.FocusReason.OtherFocusReason)  # the next goes back to the timeline
                return True
            if event.key() == Qt.Key.Key_Tab and not event.modifiers():
                self._timeline.setFocus(Qt.FocusReason.TabFocusReason)  # not through every toolbar button
                return True
            if event.key() == Qt.Key.Key_Down:
                self._timeline.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)
