"""The events table as a reader meets it: sorted by true time, in step with the timeline, copied, exported; and
its model over a million-row columnar store, answering without building a single event."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from viewer.model.dates import EventDate, Precision, parse_date
from viewer.model.events import Event, Quote
from viewer.model.store import Marks, Store
from viewer.ui.events_table import COLUMNS, HEADERS, UNCITED, Column, EventsTable, EventsTableModel
from viewer.ui.main_window import MainWindow
from viewer.viewstate import SearchMode, ViewState


def event(event_id: str, start: str, end: str | None = None, *, tags: tuple[str, ...] = (), quotes: int = 1,
          ongoing: bool = False, title: str = "") -> Event:  # fmt: skip
    when = EventDate(parse_date(start), parse_date(end) if end else None)
    return Event(event_id, title or event_id, when, "", tags, tuple(Quote("src", f"q{n}") for n in range(quotes)),
                 ongoing=ongoing)  # fmt: skip


# Written out of order, with every precision; alphabetical order of the date words is not time order.
MIXED = Store([
    event("february", "2019-02", title="Talks in February", tags=("Vietnam",)),
    event("year", "2019", title="A year of summits", tags=("United States", "North Korea")),
    event("decade", "1980s", title="Doi Moi", quotes=0),
    event("day", "2019-02-27", title="Hanoi summit opens", quotes=3, tags=("North Korea",)),
    event("range", "2019-02-27", "2019-02-28", title="Hanoi summit", quotes=2),
    event("old", "~1986", title="Reforms begin"),
    event("ongoing", "1976", "2019-02-06", ongoing=True, title="One-party rule"),
    event("doubt", "2019-02-28?", title="Talks collapse"),
])


def column(model: EventsTableModel, which: Column) -> list[str]:
    number = COLUMNS.index(which)
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def ids(model: EventsTableModel) -> list[str]:
    return [MIXED.id_at(model.store_index(row)) for row in range(model.rowCount())]


# -- the model alone -------------------------------------------------------------------------------------
def test_rows_are_in_true_time_order_across_precisions(qapp) -> None:
    model = EventsTableModel(MIXED)
    assert ids(model) == ["ongoing", "decade", "old", "year", "february", "day", "range", "doubt"]
    assert column(model, Column.DATE) == [
        "1976 – ongoing as of 6 February 2019", "the 1980s", "about 1986", "2019", "February 2019",
        "27 February 2019", "27–28 February 2019", "28 February 2019?",
    ]  # fmt: skip
    assert sorted(column(model, Column.DATE)) != column(model, Column.DATE)  # a text sort would get it wrong
    model.sort(COLUMNS.index(Column.DATE), Qt.SortOrder.DescendingOrder)
    assert ids(model) == ["doubt", "range", "day", "february", "year", "old", "decade", "ongoing"]


def test_every_column_sorts_with_ties_in_time_order(qapp) -> None:
    model = EventsTableModel(MIXED)
    model.sort(COLUMNS.index(Column.TITLE))
    assert column(model, Column.TITLE) == sorted(column(model, Column.TITLE), key=str.casefold)
    model.sort(COLUMNS.index(Column.QUOTES))
    assert ids(model) == ["decade", "ongoing", "old", "year", "february", "doubt", "range", "day"]
    assert column(model, Column.QUOTES)[0] == UNCITED
    model.sort(COLUMNS.index(Column.QUOTES), Qt.SortOrder.DescendingOrder)
    assert ids(model)[:2] == ["day", "range"]
    assert ids(model)[2:] == ["ongoing", "old", "year", "february", "doubt", "decade"]  # ties still in time order
    model.sort(COLUMNS.index(Column.PRECISION))
    assert column(model, Column.PRECISION) == [
        "day", "day", "range of days", "month", "year", "year", "range of years", "decade",
    ]  # fmt: skip
    model.sort(COLUMNS.index(Column.TAGS))
    assert column(model, Column.TAGS)[:5] == ["", "", "", "", ""]
    assert column(model, Column.TAGS)[5:] == ["North Korea", "United States, North Korea", "Vietnam"]
    model.sort(COLUMNS.index(Column.MARKS), Qt.SortOrder.DescendingOrder)
    assert column(model, Column.MARKS)[:3] == ["ongoing", "uncertain", "approximate"]


def test_cells_say_uncited_marks_and_precision(qapp) -> None:
    model = EventsTableModel(MIXED)
    rows = {MIXED.id_at(model.store_index(r)): r for r in range(model.rowCount())}
    cell = lambda event_id, which: model.data(model.index(rows[event_id], COLUMNS.index(which)))  # noqa: E731
    assert cell("decade", Column.QUOTES) == "uncited"
    assert cell("day", Column.QUOTES) == "3"
    assert cell("old", Column.MARKS) == "approximate"
    assert cell("doubt", Column.MARKS) == "uncertain"
    assert cell("ongoing", Column.MARKS) == "ongoing"
    assert cell("range", Column.PRECISION) == "range of days"
    assert cell("year", Column.TAGS) == "United States, North Korea"
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(COLUMNS))] == list(HEADERS)


def test_a_sort_keeps_the_selected_event_selected(qtbot) -> None:
    state = ViewState(1000)
    state.set_store(MIXED)
    table = EventsTable(state, lambda index, reveal: state.select(index))
    qtbot.addWidget(table)
    state.select(MIXED.index_of("doubt"))
    table.sortByColumn(COLUMNS.index(Column.TITLE), Qt.SortOrder.AscendingOrder)
    assert table.table_model.store_index(table.currentIndex().row()) == MIXED.index_of("doubt")
    assert state.selected == MIXED.index_of("doubt")


# -- a million rows, as columns --------------------------------------------------------------------------
class ColumnarRows:
    """A store whose rows are columns (numpy arrays and one list of titles): it has no events to build, so
    anything the table needs must come through the accessor API."""

    def __init__(self, count: int) -> None:
        rng = np.random.default_rng(7)
        self.count = count
        self.titles = [f"Event {n:07d}" for n in range(count)]
        self.quotes = rng.integers(0, 4, count)
        self.precisions = rng.integers(0, 4, count)
        self.asked: dict[str, int] = {}

    def __len__(self) -> int:
        return self.count

    def __getattr__(self, name: str):
        raise AssertionError(f"the table asked for {name!r}, which is not in the accessor API")

    def _ask(self, what: str) -> None:
        self.asked[what] = self.asked.get(what, 0) + 1

    def id_at(self, index: int) -> str:
        return f"e{index}"

    def title_at(self, index: int) -> str:
        self._ask("title")
        return self.titles[index]

    def tags_at(self, index: int) -> tuple[str, ...]:
        return ("even",) if index % 2 == 0 else ()

    def quote_count_at(self, index: int) -> int:
        return int(self.quotes[index])

    def date_words_at(self, index: int) -> str:
        return f"day {index}"

    def precision_at(self, index: int) -> Precision:
        return Precision(int(self.precisions[index]))

    def is_range_at(self, index: int) -> bool:
        return False

    def marks_at(self, index: int) -> Marks:
        return Marks.APPROXIMATE if index % 1000 == 0 else Marks.NONE

    def title_column(self) -> np.ndarray:
        return np.array(self.titles, dtype=object)

    def tags_column(self) -> np.ndarray:
        return np.where(np.arange(self.count) % 2 == 0, "even", "")

    def quote_count_column(self) -> np.ndarray:
        return self.quotes

    def precision_column(self) -> np.ndarray:
        return self.precisions * 2

    def marks_column(self) -> np.ndarray:
        return np.where(np.arange(self.count) % 1000 == 0, Marks.APPROXIMATE.value, 0)


@pytest.fixture(scope="module")
def million() -> ColumnarRows:
    return ColumnarRows(1_000_000)


def test_a_million_row_model_answers_from_columns_without_events(qapp, million: ColumnarRows) -> None:
    model = EventsTableModel(million)
    assert model.rowCount() == 1_000_000
    for row in (0, 1, 499_999, 999_999):
        assert model.data(model.index(row, COLUMNS.index(Column.TITLE))) == f"Event {row:07d}"
        assert model.data(model.index(row, COLUMNS.index(Column.DATE))) == f"day {row}"
    assert model.data(model.index(0, COLUMNS.index(Column.MARKS))) == "approximate"
    assert million.asked["title"] == 4  # one question per cell asked, nothing read ahead
    model.sort(COLUMNS.index(Column.QUOTES), Qt.SortOrder.DescendingOrder)
    first = model.store_index(0)
    assert million.quotes[first] == million.quotes.max()
    assert model.data(model.index(999_999, COLUMNS.index(Column.QUOTES))) == UNCITED
    model.sort(COLUMNS.index(Column.TITLE), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, COLUMNS.index(Column.TITLE))) == "Event 0999999"
    assert model.row_of(999_999) == 0
    model.set_shown(np.arange(0, 1_000_000, 2))  # a filter: every other event
    assert model.rowCount() == 500_000
    assert model.data(model.index(0, COLUMNS.index(Column.TITLE))) == "Event 0999998"


def test_a_real_store_is_read_through_the_same_accessors(qapp, shipped_store) -> None:
    model = EventsTableModel(shipped_store)
    first = shipped_store.events[0]
    assert model.data(model.index(0, COLUMNS.index(Column.TITLE))) == first.title
    assert model.data(model.index(0, COLUMNS.index(Column.DATE))) == first.date_words()
    assert model.data(model.index(0, 0).parent()) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert model.data(QModelIndex()) is None


# -- in the window ----------------------------------------------------------------------------------------
@pytest.fixture
def window(open_window) -> MainWindow:
    win = open_window(size=(1400, 900))
    win.table_toggle.trigger()
    return win


def table_ids(win: MainWindow) -> list[str]:
    model = win.events_table.table_model
    return [win.store().id_at(model.store_index(row)) for row in range(model.rowCount())]


def test_view_menu_opens_the_table_with_its_shortcut(open_window, qtbot) -> None:
    win = open_window(size=(1400, 900))
    assert not win.table_dock.isVisible()
    assert win.table_toggle.shortcut() == QKeySequence("Ctrl+T")
    assert any(action is win.table_toggle for action in win.menuBar().actions()[2].menu().actions())
    assert ("Ctrl+T", "Events Table") in win.shortcut_rows()
    assert ("Enter in the events table", "Show the event on the timeline") in win.shortcut_rows()
    win.table_toggle.trigger()
    qtbot.waitUntil(win.table_dock.isVisible)
    assert win.events_table.table_model.rowCount() == len(win.store())


def test_selection_is_shared_both_ways(window: MainWindow, qtbot) -> None:
    table, store = window.events_table, window.store()
    # table -> timeline and details
    table.selectRow(5)
    index = table.table_model.store_index(5)
    assert window.state.selected == index
    assert window.view.selected() == index
    assert window.details.shown_event() is store.events[index]
    # timeline -> table
    other = store.index_of("hanoi-summit")
    window.view.select(other)
    assert table.table_model.store_index(table.currentIndex().row()) == other
    assert table.selectionModel().isRowSelected(table.currentIndex().row())
    # Tab on the timeline moves the table's row too
    window.view.step_selection(1)
    assert table.table_model.store_index(table.currentIndex().row()) == window.state.selected
    window.view.select(None)
    assert not table.selectionModel().hasSelection()


def test_search_filters_the_table_and_the_timeline_alike(window: MainWindow, qtbot) -> None:
    window.search_edit.setText("Hanoi")
    qtbot.waitUntil(lambda: window.state.matches is not None, timeout=3000)
    matches = [int(i) for i in window.state.matches]
    assert len(matches) > 2
    assert [window.store().index_of(i) for i in table_ids(window)] == matches
    assert list(window.state.drawable()) == matches  # what the timeline draws
    window.view.set_matches(np.asarray(matches[:2]))  # any other filter the view state holds, too
    assert len(table_ids(window)) == 2
    window.state.set_search_mode(SearchMode.HIGHLIGHT)  # the timeline draws every event, matches highlighted
    assert list(window.state.drawable()) == list(range(len(window.store())))
    assert len(table_ids(window)) == len(window.store())
    window.state.set_search_mode(SearchMode.FILTER)
    window.search_edit.clear()
    qtbot.waitUntil(lambda: window.state.matches is None, timeout=3000)
    assert len(table_ids(window)) == len(window.store())


def test_a_tag_filter_applies_to_the_table_and_the_timeline(window: MainWindow, qtbot) -> None:
    store = window.store()
    window.state.set_tag_filter({"Vietnam"})
    shown = list(window.state.drawable())
    assert 0 < len(shown) < len(store)
    assert [store.index_of(i) for i in table_ids(window)] == shown
    assert all("Vietnam" in store.tags_at(store.index_of(i)) for i in table_ids(window))
    selected = shown[1]
    window.view.select(selected)
    window.state.set_tag_filter(None)
    assert len(table_ids(window)) == len(store)
    assert window.events_table.table_model.store_index(window.events_table.currentIndex().row()) == selected


def test_enter_shows_the_event_on_the_timeline(window: MainWindow, qtbot) -> None:
    store, table = window.store(), window.events_table
    window.view.set_range(parse_date("1950").start_seconds, parse_date("1960").end_seconds)
    target = store.index_of("hanoi-summit")
    row = table.table_model.row_of(target)
    assert row is not None
    table.setFocus()
    table.setCurrentIndex(table.table_model.index(row, 1))  # selects it; the timeline stays where it is
    window.view.repaint()
    assert window.state.selected == target
    assert window.view.event_rect(target) is None
    qtbot.keyClick(table, Qt.Key.Key_Return)
    window.view.repaint()
    rect = window.view.event_rect(store.index_of("hanoi-summit"))
    assert rect is not None
    assert rect.left() >= 0 and rect.right() <= window.view.width()
    assert window.state.selected == store.index_of("hanoi-summit")


def test_copy_as_markdown_and_as_tsv(window: MainWindow, qtbot) -> None:
    table, store = window.events_table, window.store()
    table.selectRow(0)
    flags = table.selectionModel().SelectionFlag
    table.selectionModel().select(table.table_model.index(1, 0), flags.Select | flags.Rows)
    table.copy_markdown()
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0] == "| Date | Title | Tags | Quotes | Precision | Marks |"
    assert lines[1] == "| --- | --- | --- | --- | --- | --- |"
    first = store.events[table.table_model.store_index(0)]
    assert lines[2].startswith(f"| {first.date_words()} | {first.title} | ")
    assert len(lines) == 4
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    tsv = QGuiApplication.clipboard().text().splitlines()
    assert tsv[0] == "\t".join(HEADERS)
    assert tsv[1].split("\t")[:2] == [first.date_words(), first.title]
    menu = table.context_menu()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "&Copy", "Copy as &Markdown", "&Show on Timeline", "&Export Table as CSV…",
    ]  # fmt: skip


def test_markdown_escapes_pipes() -> None:
    from viewer.export.tables import markdown_text

    assert markdown_text(["a"], [["x | y\nz"]]).splitlines()[2] == "| x \\| y z |"


def test_export_to_csv_writes_every_shown_row(window: MainWindow, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "table.csv"
    assert window.events_table.export_to(out)
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == list(HEADERS)
    assert len(rows) == len(window.store()) + 1
    assert rows[1][1] == window.store().events[0].title
    assert "Exported" in window.status_message()
    folder = tmp_path / "a-folder.csv"
    folder.mkdir()
    assert not window.events_table.export_to(folder)
    assert "is a folder; nothing was written" in window.status_message()
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert not window.events_table.export_to(pipe)  # never written into, never replaced
    assert "not a regular file" in window.status_message()
    assert pipe.is_fifo()


def test_csv_disarms_formulas() -> None:
    from viewer.export.tables import csv_bytes

    text = csv_bytes(["Title"], [["=HYPERLINK(\"http://x\")"], ["+1"], ["plain"]]).decode("utf-8-sig")
    assert text.splitlines()[1:] == ["\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "plain"]


def test_where_the_table_docks_and_its_sort_are_remembered(open_window, qtbot) -> None:
    win = open_window(size=(1400, 900))
    win.table_toggle.trigger()
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, win.table_dock)
    assert win.settings.get("table/area") == "right"
    win.events_table.sortByColumn(COLUMNS.index(Column.QUOTES), Qt.SortOrder.DescendingOrder)
    win.close()
    again = open_window(size=(1400, 900))
    assert again.dockWidgetArea(again.table_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert again.events_table.table_model.sort_state() == (Column.QUOTES, True)
    assert again.table_dock.isVisible()
    QApplication.processEvents()


def test_the_legend_toggles_are_in_the_view_menu_for_the_keyboard(window: MainWindow) -> None:
    menu = window.tags_menu
    menu.fill()
    names = [a.text() for a in menu.actions() if a.text()]
    assert names[0] == "Show &All Tags" and "Vietnam" in names
    vietnam = next(a for a in menu.actions() if a.text() == "Vietnam")
    assert vietnam.isChecked()
    vietnam.trigger()  # off: the timeline and the table lose Vietnam's events
    store = window.store()
    assert all("Vietnam" not in store.tags_at(store.index_of(i)) or len(store.tags_at(store.index_of(i))) > 1
               for i in table_ids(window))  # fmt: skip
    assert len(table_ids(window)) < len(store)
    menu.fill()
    assert not next(a for a in menu.actions() if a.text() == "Vietnam").isChecked()
    next(a for a in menu.actions() if a.text() == "Show &All Tags").trigger()
    assert len(table_ids(window)) == len(store)
