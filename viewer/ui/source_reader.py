"""The source reader: a source's whole text, opened at a quoted passage with exactly that passage marked.

Quote offsets are Python string indices (code points); a QTextDocument counts UTF-16 code units, and turns
every line break into one block separator. `qt_position` converts, so a passage after an emoji or a
letter outside the Basic Multilingual Plane is still marked exactly. One reader window is reused for every
"Show in source".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.model.events import Source

HIGHLIGHT_LIGHT = "#FFE08A"
HIGHLIGHT_DARK = "#7A5C00"


def display_text(text: str) -> str:
    """The text as the document holds it: every CRLF and lone CR becomes one line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def qt_position(text: str, index: int) -> int:
    """Where code point `index` of `text` falls in a QTextDocument holding `display_text(text)`."""
    index = max(0, min(index, len(text)))
    head = text[:index]
    units = len(head.encode("utf-16-le")) // 2
    return units - head.count("\r\n")


class SourceReader(QDialog):
    """A non-modal window that shows one source at a time, scrolled to the passage asked for."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source")
        self.setModal(False)
        self.setAccessibleName("Source reader")
        self.resize(720, 640)
        self._source: Source | None = None
        self._range: tuple[int, int] | None = None
        self.byline = QLabel()
        self.byline.setTextFormat(Qt.TextFormat.PlainText)
        self.byline.setWordWrap(True)
        self.byline.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.byline.setAccessibleName("Source")
        font = self.byline.font()
        font.setBold(True)
        self.byline.setFont(font)
        self.address = QLabel()
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAccessibleName("Source address")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setAccessibleName("Source text")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close the source")
        layout = QVBoxLayout(self)
        layout.addWidget(self.byline)
        layout.addWidget(self.address)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

    def source(self) -> Source | None:
        return self._source

    def show_passage(self, source: Source, start: int, end: int) -> None:
        """Show `source`, mark text[start:end] and scroll it into view; then raise the window."""
        if self._source is not source:
            self._source = source
            self.setWindowTitle(f"{source.title} — Source")
            self.byline.setText(source.byline())
            self.address.setText(source.url or "No address is known for this source")
            self.text.setPlainText(display_text(source.text))
        start = max(0, min(start, len(source.text)))
        end = max(start, min(end, len(source.text)))
        self._range = (start, end)
        self._mark(qt_position(source.text, start), qt_position(source.text, end))
        self.show()
        self.raise_()
        self.activateWindow()
        self._scroll_to_passage()

    def _mark(self, q_start: int, q_end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(q_start)
        cursor.setPosition(q_end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        fmt.setBackground(QColor(HIGHLIGHT_DARK if dark else HIGHLIGHT_LIGHT))
        fmt.setForeground(self.palette().color(QPalette.ColorRole.Text))
        selection.format = fmt
        selection.cursor = cursor
        self.text.setExtraSelections([selection])
        # Leave the caret at the passage's start, so keyboard reading begins there.
        caret = QTextCursor(self.text.document())
        caret.setPosition(q_start)
        self.text.setTextCursor(caret)

    def _scroll_to_passage(self) -> None:
        """Bring the passage to the middle of the view (its start, if it is longer than the view)."""
        selections = self.text.extraSelections()
        if not selections:
            return
        marked = selections[0].cursor
        end = QTextCursor(self.text.document())
        end.setPosition(marked.selectionEnd())
        start = QTextCursor(self.text.document())
        start.setPosition(marked.selectionStart())
        self.text.setTextCursor(end)
        self.text.centerCursor()
        self.text.setTextCursor(start)
        self.text.ensureCursorVisible()

    def highlighted_text(self) -> str:
        """The marked text, as the document holds it ('' when nothing is marked)."""
        selections = self.text.extraSelections()
        if not selections:
            return ""
        return selections[0].cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def passage_visible(self) -> bool:
        """True when the start of the marked passage is inside the visible part of the text."""
        selections = self.text.extraSelections()
        if not selections:
            return False
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(selections[0].cursor.selectionStart())
        rect = self.text.cursorRect(cursor)
        return self.text.viewport().rect().intersects(rect)
