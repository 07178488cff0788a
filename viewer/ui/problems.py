"""The problems panel: what is wrong with the file, one row per problem, and the offending line below.

A load that fails never replaces what is on screen; this panel says why, with the line and column a
person needs, and shows the text of the chosen problem's line so it can be fixed without hunting.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from viewer.model.escaping import for_terminal
from viewer.model.lines import split_lines
from viewer.model.problems import Problem
from viewer.model.safe_read import NotReadable, read_regular
from viewer.model.yamltree import MAX_FILE_BYTES
from viewer.ui.plain import plain_label, plain_tooltip

CONTEXT_LINES = 2  # lines shown before and after the offending one
MAX_LINE_CHARS = 400
MAX_ROWS = 300  # rows listed; a file with 100,000 problems would hold the window for seconds, and nobody reads
# past the first few hundred before fixing them (the count of the rest is the last row)


def problem_row(problem: Problem) -> str:
    """'12:5 unknown field …', or the message alone when the problem has no position."""
    if problem.line:
        return f"{problem.line}:{problem.column} {for_terminal(problem.message)}"
    return for_terminal(problem.message)


def line_context(path: Path, line: int, column: int) -> str:
    """The problem's line with a couple around it and a caret under the column; '' when unreadable."""
    if line <= 0:
        return ""
    try:  # a regular file only, never blocking: the file may have become a named pipe since it was loaded
        lines = split_lines(read_regular(path, MAX_FILE_BYTES).decode("utf-8", errors="replace"))
    except NotReadable:
        return ""
    if line > len(lines):
        return ""
    first = max(1, line - CONTEXT_LINES)
    last = min(len(lines), line + CONTEXT_LINES)
    width = len(str(last))
    out = []
    for number in range(first, last + 1):
        # Lines split as the reader splits them (LF, CR, CRLF), shown one line each: a form feed, U+2028 and
        # other controls are escaped (QPlainTextEdit would break a line at U+2028), and the caret follows.
        raw = lines[number - 1]
        text = for_terminal(raw[:MAX_LINE_CHARS].replace("\t", " "))
        marker = ">" if number == line else " "
        out.append(f"{marker}{number:>{width}} | {text}")
        if number == line and column > 0:
            before = for_terminal(raw[: column - 1][:MAX_LINE_CHARS].replace("\t", " "))
            out.append(" " * (width + 4) + " " * len(before) + "^")
    return "\n".join(out)


class ProblemsPanel(QWidget):
    """A list of problems and, below it, the text of the chosen problem's line."""

    problemChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self.summary = plain_label(QLabel())
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName("Problems summary")
        self.list = QListWidget()
        self.list.setAccessibleName("Problems")
        self.list.setAccessibleDescription("One row per problem: line, column and what is wrong")
        self.list.setWordWrap(True)
        self.context = QPlainTextEdit()
        self.context.setReadOnly(True)
        self.context.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.context.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.context.setAccessibleName("Offending line")
        self.context.setPlaceholderText("Choose a problem to see its line.")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list)
        splitter.addWidget(self.context)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.list.currentRowChanged.connect(self._on_row)

    def set_problems(self, problems: Sequence[Problem], summary: str = "") -> None:
        self._problems = list(problems)
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))
        self.list.clear()
        self.context.clear()
        self.list.setUpdatesEnabled(False)
        for problem in self._problems[:MAX_ROWS]:
            item = QListWidgetItem(problem_row(problem))
            item.setToolTip(plain_tooltip(for_terminal(str(problem))))
            self.list.addItem(item)
        hidden = len(self._problems) - MAX_ROWS
        if hidden > 0:
            more = QListWidgetItem(f"… and {hidden:,} more problem{'s' if hidden != 1 else ''} "
                                   f"(timeline-viewer check lists them all)")  # fmt: skip
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        self.list.setUpdatesEnabled(True)
        if self._problems:
            self.list.setCurrentRow(0)

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def rows(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def context_text(self) -> str:
        return self.context.toPlainText()

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self._problems):
            self.context.clear()
            return
        problem = self._problems[row]
        text = line_context(problem.path, problem.line, problem.column) or for_terminal(str(problem))
        if problem.detail:  # a quote not in its source: the nearest passage and where the two part, first
            text = problem.detail + "\n\n" + text
        self.context.setPlainText(text)
        self.problemChosen.emit(row)
