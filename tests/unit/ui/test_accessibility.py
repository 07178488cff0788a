"""The window as a screen reader meets it: Qt's accessibility tree, walked through its public entry point."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface

from viewer.model.dates import parse_date
from viewer.ui.main_window import MainWindow


def walk(node: QAccessibleInterface, depth: int = 0) -> Iterator[QAccessibleInterface]:
    """Every visible node under `node` (itself included).

    A node with no area on screen is passed over: the only one is the corner button Qt's table interface
    reports (0×0 while the row numbers are hidden), whose text Qt fixes as empty."""
    if node.state().invisible:
        return
    if node.rect().isEmpty() and node.object() is None and node.role() == QAccessible.Role.Pane:
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


CORPUS = Path(__file__).resolve().parents[2] / "corpus"


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


def test_no_part_is_unnamed_with_the_events_table_open(window: MainWindow, qtbot) -> None:
    window.table_toggle.trigger()
    qtbot.waitUntil(window.table_dock.isVisible)
    window.events_table.selectRow(2)
    nodes = list(walk(QAccessible.queryAccessibleInterface(window)))
    assert any(n.role() == QAccessible.Role.Table and n.text(QAccessible.Text.Name) == "Events table" for n in nodes)
    unnamed = [describe(n) for n in nodes if not n.text(QAccessible.Text.Name).strip()]
    assert unnamed == [], unnamed


# -- the timeline's children -----------------------------------------------------------------------------
def timeline_node(win_or_view) -> QAccessibleInterface:
    view = win_or_view.view if isinstance(win_or_view, MainWindow) else win_or_view
    view.repaint()
    node = QAccessible.queryAccessibleInterface(view)
    assert node is not None
    return node


def children(node: QAccessibleInterface) -> list[QAccessibleInterface]:
    return [node.child(n) for n in range(node.childCount())]


def test_the_timeline_has_one_child_per_event_it_shows(window: MainWindow) -> None:
    store = window.store()
    window.view.set_range(parse_date("2018-04").start_seconds, parse_date("2019-03").end_seconds)
    node = timeline_node(window)
    assert node.text(QAccessible.Text.Name) == "Timeline"
    shown = sorted(glyph.index for glyph in window.view.painter().scene.events)
    kids = children(node)
    events = [kid for kid in kids if kid.role() == QAccessible.Role.ListItem and kid.text(QAccessible.Text.Help)]
    assert len(events) == len(shown) > 5
    assert [kid.text(QAccessible.Text.Name) for kid in events] == [store.title_at(i) for i in shown]
    for kid, index in zip(events, shown, strict=True):
        assert kid.text(QAccessible.Text.Description).startswith(store.date_words_at(index))
        assert kid.parent() is node or kid.parent().object() is window.view
        assert node.indexOfChild(kid) == kids.index(kid)
        assert kid.isValid()
    whole = node.rect()
    for kid in events:
        assert whole.intersects(kid.rect())
    # what is under a point is the event drawn there
    first = events[0]
    centre = first.rect().center()
    found = node.childAt(centre.x(), centre.y())
    assert found is not None and found.text(QAccessible.Text.Name) == first.text(QAccessible.Text.Name)
    hanoi = next(k for k in events if k.text(QAccessible.Text.Name) == "Second Trump–Kim summit in Hanoi")
    assert hanoi.text(QAccessible.Text.Description) == "27–28 February 2019; a range of days"


def test_marks_precision_and_uncited_are_in_the_description() -> None:
    from viewer.model.dates import EventDate
    from viewer.model.events import Event
    from viewer.model.store import Store
    from viewer.ui.timeline_access import event_description

    store = Store([Event("a", "A", EventDate(parse_date("~1986")), quotes=()),
                   Event("b", "B", EventDate(parse_date("2019-02-28?")))])  # fmt: skip
    assert event_description(store, 0) == "about 1986; known to the year; approximate; uncited"
    assert event_description(store, 1) == "28 February 2019?; known to the day; uncertain; uncited"


def test_clusters_are_children_too(qtbot) -> None:
    from viewer import synthetic
    from viewer.ui.timeline_view import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_store(synthetic.store(3_000, seed=5))
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    node = timeline_node(view)
    scene = view.accessible_scene()
    assert scene is not None and scene.clusters, "the synthetic chronology should be too dense to label at Fit All"
    names = [kid.text(QAccessible.Text.Name) for kid in children(node)]
    assert node.childCount() == len(scene.events) + len(scene.clusters)
    cluster_names = [name for name in names if re.fullmatch(r"[\d,]+ events?, .+", name)]
    assert len(cluster_names) == len(scene.clusters)
    total = sum(int(name.split(" ")[0].replace(",", "")) for name in cluster_names)
    assert total + len(scene.events) >= 3_000 * 0.5


def test_cluster_names_say_how_many_and_when() -> None:
    from viewer.ui.timeline_access import cluster_name

    start = parse_date("2019-03-03").start_seconds
    assert cluster_name(14, start, parse_date("2019-03-09").start_seconds) == "14 events, 3–9 March 2019"
    assert cluster_name(1, start, start) == "1 event, 3 March 2019"


def test_tab_announces_each_event_it_selects(window: MainWindow, qtbot, monkeypatch) -> None:
    told: list[tuple[QAccessible.Event, str, bool]] = []

    def record(event) -> None:
        target = event.accessibleInterface()
        name = target.text(QAccessible.Text.Name) if target is not None else ""
        told.append((event.type(), name, target.state().focused if target is not None else False))

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))  # as with a screen reader running
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    store = window.store()
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        title = store.title_at(window.state.selected)
        assert (QAccessible.Event.Focus, title, True) in told
        assert (QAccessible.Event.Selection, title, True) in told
        node = timeline_node(window)
        focused = node.focusChild()
        assert focused is not None and focused.text(QAccessible.Text.Name) == title
        assert focused.state().selected and focused.state().focused
    # a selection made elsewhere (the table, a click) while the timeline has the focus is told as well
    told.clear()
    window.view.select(store.index_of("hanoi-summit"))
    assert (QAccessible.Event.Focus, "Second Trump–Kim summit in Hanoi", True) in told


def test_a_replaced_chronology_leaves_no_live_children_behind(window: MainWindow, qtbot) -> None:
    node = timeline_node(window)
    old = children(node)
    assert old and all(kid.isValid() for kid in old)
    window.open_file(CORPUS / "valid.yaml")  # one event
    qtbot.waitUntil(lambda: window.store() is not None and len(window.store()) == 1, timeout=5000)
    assert not any(kid.isValid() for kid in old)
    kids = children(timeline_node(window))
    assert [kid.text(QAccessible.Text.Name) for kid in kids] == ["Summit in Hanoi"]


def test_tab_order_is_search_timeline_table(window: MainWindow, qtbot) -> None:
    window.table_toggle.trigger()
    window.activateWindow()
    window.search_edit.setFocus()
    qtbot.waitUntil(window.search_edit.hasFocus)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Tab)
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # leaves the timeline
    assert window.events_table.hasFocus()


def test_nothing_is_announced_without_a_screen_reader(window: MainWindow, qtbot, monkeypatch) -> None:
    told = []
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(told.append))
    assert not QAccessible.isActive()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.state.selected is not None
    assert told == []


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_window_palette_reads_at_4_5_to_1(name: str, qapp) -> None:
    from PySide6.QtGui import QPalette

    from viewer.render.contrast import TEXT_AA, contrast
    from viewer.render.theme import THEMES
    from viewer.ui.theme_choice import palette_for

    palette = palette_for(THEMES[name])
    role = QPalette.ColorRole
    pairs = [
        (role.WindowText, role.Window), (role.Text, role.Base), (role.Text, role.AlternateBase),
        (role.ButtonText, role.Button), (role.ToolTipText, role.ToolTipBase), (role.HighlightedText, role.Highlight),
        (role.PlaceholderText, role.Base), (role.Link, role.Base),
    ]  # fmt: skip
    for ink, ground in pairs:
        ratio = contrast(palette.color(ink).name(), palette.color(ground).name())
        assert ratio >= TEXT_AA, f"{name}: {ink.name} on {ground.name} is {ratio:.2f}:1"
    disabled = palette.color(QPalette.ColorGroup.Disabled, role.WindowText).name()
    assert contrast(disabled, palette.color(role.Window).name()) >= TEXT_AA
