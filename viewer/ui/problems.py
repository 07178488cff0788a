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

from viewer.model.problems import Problem

CONTEXT_LINES = 2  # lines shown before and after the offending one
MAX_LINE_CHARS = 400


def problem_row(problem: Problem) -> str:
    """'12:5 unknown field …', or the message alone when the problem has no position."""
    if problem.line:
        return f"{problem.line}:{problem.column} {problem.message}"
    return problem.message


def line_context(path: Path, line: int, column: int) -> str:
    """The problem's line with a couple around it and a caret under the column; '' when unreadable."""
    if line <= 0:
        return ""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    if line > len(lines):
        return ""
    first = max(1, line - CONTEXT_LINES)
    last = min(len(lines), line + CONTEXT_LINES)
    width = len(str(last))
    out = []
    for number in range(first, last + 1):
        text = lines[number - 1][:MAX_LINE_CHARS].expandtabs(1)
        marker = ">" if number == line else " "
        out.append(f"{marker}{number:>{width}} | {text}")
        if number == line and column > 0:
            out.append(" " * (width + 4) + " " * (column - 1) + "^")
    return "\n".join(out)


class ProblemsPanel(QWidget):
    """A list of problems and, below it, the text of the chosen problem's line."""

    problemChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self.summary = QLabel()
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
        for problem in self._problems:
            item = QListWidgetItem(problem_row(problem))
            item.setToolTip(str(problem))
            self.list.addItem(item)
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
        text = line_context(problem.path, problem.line, problem.column) or str(problem)
        if problem.detail:  # a quote not in its source: the nearest passage and where the two part, first
            text = problem.detail + "\n\n" + text
        self.context.setPlainText(text)
        self.problemChosen.emit(row)
