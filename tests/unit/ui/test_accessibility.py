"""The window as a screen reader meets it: Qt's accessibility tree, walked through its public entry point."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface

from viewer.ui.main_window import MainWindow


def walk(node: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every visible node under `node` (itself included)."""
    if node.state().invisible:
        return
    yield node
    if depth > 40:
        return
    for number in range(node.childCount()):
        child = node.child(number)
        if child is not None:
            yield from walk(child, depth + 1)


def describe(node: QAccessibleInterface) -> str:
    obj = node.object()
    return f"{node.role().name} {type(obj).__name__ if obj is not None else '(no object)'}"


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window(size=(1400, 850))


def test_no_part_of_the_window_is_unnamed(window: MainWindow, qtbot) -> None:
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None
    nodes = list(walk(root))
    assert len(nodes) > 30
    unnamed = [describe(node) for node in nodes if not node.text(QAccessible.Text.Name).strip()]
    assert unnamed == [], unnamed


def test_no_part_is_unnamed_with_the_problems_panel_open(window: MainWindow, tmp_path, qtbot) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("events: [\n", encoding="utf-8")
    window.open_file(broken)
    qtbot.waitUntil(lambda: window.problems_dock.isVisible(), timeout=5000)
    unnamed = [describe(n) for n in walk(QAccessible.queryAccessibleInterface(window))
               if not n.text(QAccessible.Text.Name).strip()]  # fmt: skip
    assert unnamed == [], unnamed
