"""The events table: one row per event, in step with the timeline, for scanning, sorting, copying and export.

A `QAbstractTableModel` over the store's columns: a row is a position in an array of store indices (the
events the view state shows, in the order the table is sorted), and each cell is asked of the store through
its narrow accessor API (`title_at`, `date_words_at`, ...), so the model makes no object per row and a
million events scroll as smoothly as thirty. Sorting is numpy's, over whole columns (`np.lexsort`), ties in
time order. The table observes the one `ViewState`: whatever filter it holds (a search, tags) shows here
as on the timeline, and the selection is shared both ways.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QHeaderView, QMenu, QTableView, QWidget

from viewer.export.saving import export_table
from viewer.export.tables import markdown_text, tsv_text
from viewer.export.writers import ExportError, table_filters
from viewer.model.dates import Precision
from viewer.model.store import EventRows, Store
from viewer.ui.plain import plain_tooltip
from viewer.viewstate import ViewState

log = logging.getLogger(__name__)

UNCITED = "uncited"
#: Keys the events table handles, for the Keyboard Shortcuts dialog.
TABLE_KEYS = (
    ("Enter in the events table", "Show the event on the timeline"),
    ("Ctrl+C in the events table", "Copy the selected rows as tab-separated text"),
    ("Ctrl+Shift+C in the events table", "Copy the selected rows as a Markdown table"),
)
Index = QModelIndex | QPersistentModelIndex


class Column(enum.Enum):
    """The table's columns, in their order; the value is the settings' name for it."""

    DATE = "date"
    TITLE = "title"
    TAGS = "tags"
    QUOTES = "quotes"
    PRECISION = "precision"
    MARKS = "marks"

    @property
    def header(self) -> str:
        return _HEADERS[self]


_HEADERS = {
    Column.DATE: "Date",
    Column.TITLE: "Title",
    Column.TAGS: "Tags",
    Column.QUOTES: "Quotes",
    Column.PRECISION: "Precision",
    Column.MARKS: "Marks",
}
COLUMNS: tuple[Column, ...] = tuple(Column)
_EMPTY_WORDS = {column: f"no {column.header.lower()}" for column in Column}
#: No column but the title's grows wider than this text at first (a reader can widen it).
_WIDEST = {
    Column.DATE: "1976 – ongoing as of 6 February 2019",
    Column.TITLE: "",
    Column.TAGS: "United States, North Korea, Vietnam",
    Column.QUOTES: "Quotes",
    Column.PRECISION: "range of decades",
    Column.MARKS: "approximate, uncertain",
}
#: A sort of at least this many rows shows a busy cursor.
BIG_SORT = 200_000
#: How many rows Qt reads to size a column to its contents.
SIZED_ROWS = 200
HEADERS: tuple[str, ...] = tuple(column.header for column in COLUMNS)


def precision_words(precision: Precision, is_range: bool) -> str:
    """'day', 'month', ...; for a range, 'range of days'."""
    word = precision.word
    return f"range of {word}s" if is_range else word


def cell_text(rows: EventRows, index: int, column: Column) -> str:
    """What the table shows for event `index` in `column`, asked of the store one field at a time."""
    if column is Column.DATE:
        return rows.date_words_at(index)
    if column is Column.TITLE:
        return rows.title_at(index)
    if column is Column.TAGS:
        return ", ".join(rows.tags_at(index))
    if column is Column.QUOTES:
        count = rows.quote_count_at(index)
        return str(count) if count else UNCITED
    if column is Column.PRECISION:
        return precision_words(rows.precision_at(index), rows.is_range_at(index))
    return rows.marks_at(index).words()


def _sort_key(rows: EventRows, column: Column, shown: np.ndarray) -> np.ndarray:
    """One column of the shown events as an array to sort by (store order is time order)."""
    if column is Column.DATE:
        return shown
    if column is Column.TITLE:
        return rows.title_column()[shown]
    if column is Column.TAGS:
        return rows.tags_column()[shown]
    if column is Column.QUOTES:
        return rows.quote_count_column()[shown]
    if column is Column.PRECISION:
        return rows.precision_column()[shown]
    return rows.marks_column()[shown]


class EventsTableModel(QAbstractTableModel):
    """Rows are positions in `order` (store indices); cells come from the store's accessors, per call."""

    def __init__(self, rows: EventRows | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: EventRows = rows if rows is not None else Store([])
        self._shown = np.arange(len(self._rows), dtype=np.int64)  # store indices shown, in time order
        self._order = self._shown  # the same, in the table's order
        self._positions: np.ndarray | None = None  # store index -> table row, made on first use
        self._sort_column = Column.DATE
        self._descending = False
        self._keys: dict[Column, np.ndarray] = {}  # sort keys over the whole store, by column

    # -- what is shown -----------------------------------------------------------------------------------
    def rows(self) -> EventRows:
        return self._rows

    def set_rows(self, rows: EventRows, shown: np.ndarray | None = None) -> None:
        """Show `rows` (a store), only the events `shown` (store indices), or all of them with None."""
        self.beginResetModel()
        self._rows = rows
        self._keys = {}
        self._set_shown(shown)
        self.endResetModel()

    def set_shown(self, shown: np.ndarray | None) -> bool:
        """Show only these events (None: all); False when that is what is shown already."""
        wanted = np.arange(len(self._rows), dtype=np.int64) if shown is None else np.asarray(shown, np.int64)
        if wanted.shape == self._shown.shape and np.array_equal(wanted, self._shown):
            return False
        self.beginResetModel()
        self._set_shown(wanted)
        self.endResetModel()
        return True

    def _set_shown(self, shown: np.ndarray | None) -> None:
        self._shown = np.arange(len(self._rows), dtype=np.int64) if shown is None else np.asarray(shown, np.int64)
        self._order = self._sorted(self._sort_column, self._descending)
        self._positions = None

    def store_index(self, row: int) -> int:
        return int(self._order[row])

    def store_indices(self, rows: np.ndarray) -> np.ndarray:
        return self._order[rows]

    def row_of(self, store_index: int) -> int | None:
        """The table row of event `store_index`, or None when the table does not show it."""
        if self._positions is None:
            positions = np.full(len(self._rows), -1, dtype=np.int64)
            positions[self._order] = np.arange(len(self._order), dtype=np.int64)
            self._positions = positions
        if not 0 <= store_index < len(self._positions):
            return None
        row = int(self._positions[store_index])
        return row if row >= 0 else None

    # -- sorting -----------------------------------------------------------------------------------------
    def sort_state(self) -> tuple[Column, bool]:
        return self._sort_column, self._descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        big = len(self._order) >= BIG_SORT and QGuiApplication.instance() is not None
        if big:  # a second or so at a million rows, the first time a column is sorted
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.layoutAboutToBeChanged.emit()
            old = self._order
            self._sort_column, self._descending = COLUMNS[column], descending
            self._order = self._sorted(self._sort_column, descending)
            self._positions = None
            self._move_persistent(old)
            self.layoutChanged.emit()
        finally:
            if big:
                QGuiApplication.restoreOverrideCursor()

    def _sorted(self, column: Column, descending: bool) -> np.ndarray:
        """The shown events ordered by `column`, ties in time order either way (numpy sorts, no row objects)."""
        shown = self._shown
        if column is Column.DATE:
            return shown[::-1].copy() if descending else shown
        key = self._key_column(column)[shown]
        order = np.lexsort((shown, -key if descending else key))
        return shown[order]

    def _key_column(self, column: Column) -> np.ndarray:
        """A whole column as integers to sort by, made once per store: text becomes each value's rank among
        the column's distinct values (sorting the distinct values, not the rows), so every later sort of
        that column, filtered or not, is one `np.lexsort` over integers."""
        key = self._keys.get(column)
        if key is None:
            values = _sort_key(self._rows, column, np.arange(len(self._rows), dtype=np.int64))
            if values.dtype == object or values.dtype.kind == "U":
                ranks = {value: rank for rank, value in enumerate(sorted(set(values.tolist())))}
                key = np.fromiter((ranks[value] for value in values.tolist()), np.int64, len(values))
            else:
                key = np.asarray(values, dtype=np.int64)
            self._keys[column] = key
        return key

    def _move_persistent(self, old: np.ndarray) -> None:
        """Keep the view's selection and current row on the same events through a sort."""
        persistent = self.persistentIndexList()
        if not persistent:
            return
        new_from = []
        for index in persistent:
            row = index.row()
            target = self.row_of(int(old[row])) if 0 <= row < len(old) else None
            new_from.append(self.index(target, index.column()) if target is not None else QModelIndex())
        self.changePersistentIndexList(persistent, new_from)

    # -- Qt's questions ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._order) and 0 <= column < len(COLUMNS)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self._rows, int(self._order[row]), COLUMNS[column])
        if role == Qt.ItemDataRole.ToolTipRole:  # a title holding "<img …>" is shown as written, not rendered
            return plain_tooltip(cell_text(self._rows, int(self._order[row]), COLUMNS[column]))
        if role == Qt.ItemDataRole.AccessibleTextRole:  # a screen reader says "no tags", not "blank"
            return cell_text(self._rows, int(self._order[row]), COLUMNS[column]) or _EMPTY_WORDS[COLUMNS[column]]
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column] is Column.QUOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Sort by {HEADERS[section].lower()}"
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- text out ----------------------------------------------------------------------------------------
    def row_texts(self, rows: np.ndarray | None = None) -> Iterator[list[str]]:
        """The cells of table rows `rows` (all rows with None), one list per row, made as they are read."""
        order = self._order if rows is None else self._order[rows]
        store = self._rows
        for index in order:
            yield [cell_text(store, int(index), column) for column in COLUMNS]


class EventsTable(QTableView):
    """The events table, observing `state`. `select(index, reveal)` is how it selects (the window passes the
    timeline's, so a reveal can zoom in on a cluster); `message` tells the status bar what happened."""

    message = Signal(str)

    def __init__(self, state: ViewState, select: Callable[[int | None, bool], None],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.state = state
        self._select = select
        self._following = False  # True while the table follows the state's selection (not the reader's)
        self._folder = ""
        self._sized_for: tuple[Path | None, bool] | None = None  # the file the columns were sized for
        self.table_model = EventsTableModel(state.store, self)
        self.setModel(self.table_model)
        self.setAccessibleName("Events table")
        self.setAccessibleDescription(
            "One row per event. Enter or double-click shows the event on the timeline; Ctrl+C copies the "
            "selected rows; click a column's heading to sort by it."
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in any form
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured: a million scroll freely
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.hide()
        header = self.horizontalHeader()
        header.setSectionsMovable(False)
        header.setHighlightSections(False)
        header.setAccessibleName("Columns")
        header.setSortIndicatorShown(True)
        self._size_columns()
        self.setSortingEnabled(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

        self.copy_action = self._action("&Copy", self.copy_tsv, QKeySequence.StandardKey.Copy)
        self.copy_markdown_action = self._action("Copy as &Markdown", self.copy_markdown, "Ctrl+Shift+C")
        self.reveal_action = self._action("&Show on Timeline", self.reveal_current, "Return")
        self.export_action = self._action("&Export Table as CSV…", self.choose_export_file, None)
        self.doubleClicked.connect(lambda index: self.reveal_current())
        self.selectionModel().currentRowChanged.connect(self._on_current_row)

        state.store_changed.connect(self._on_store)
        state.filter_changed.connect(self._on_filter)
        state.selection_changed.connect(self._on_state_selection)

    def _action(self, text: str, slot: Callable[[], None], keys) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _size_columns(self) -> None:
        """Every column but the title's as wide as its text in the first rows, within a cap; the title takes
        the rest. Qt measures at most `SIZED_ROWS` rows, so a million rows cost no more than a hundred."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        header.setResizeContentsPrecision(SIZED_ROWS)
        header.setMinimumSectionSize(metrics.horizontalAdvance("Quotes") + 24)
        for number, column in enumerate(COLUMNS):
            if column is Column.TITLE:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            cap = metrics.horizontalAdvance(_WIDEST[column]) + 16
            self.setColumnWidth(number, min(cap, max(self.sizeHintForColumn(number), header.sectionSizeHint(number))))

    # -- following the view state ------------------------------------------------------------------------
    def _on_store(self) -> None:
        store = self.state.store
        self.table_model.set_rows(store, self.state.drawable())
        if len(store) and self._sized_for != (store.path, True):  # a reload keeps the widths a reader chose
            self._sized_for = (store.path, True)
            self._size_columns()
        self._on_state_selection(self.state.selected)

    def _on_filter(self) -> None:
        if self.table_model.set_shown(self.state.drawable()):
            self._on_state_selection(self.state.selected)

    def _on_state_selection(self, index: int | None) -> None:
        row = None if index is None else self.table_model.row_of(index)
        selection = self.selectionModel()
        current = self.currentIndex()
        if row is not None and current.isValid() and current.row() == row and selection.isRowSelected(row):
            return
        self._following = True
        try:
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                target = self.table_model.index(row, max(current.column(), 0))
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                selection.setCurrentIndex(target, flags)
                self.scrollTo(target, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._following = False

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        self._select(self.table_model.store_index(current.row()), False)

    # -- the reader's keys and menu ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.reveal_current()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Copy):  # Qt's own copies one cell; a reader wants the rows
            self.copy_tsv()
            event.accept()
            return
        super().keyPressEvent(event)

    def reveal_current(self) -> None:
        """Select the current row's event and bring it into view on the timeline (zooming into a cluster)."""
        current = self.currentIndex()
        if current.isValid():
            self._select(self.table_model.store_index(current.row()), True)

    def selected_rows(self) -> np.ndarray:
        """The selected table rows, in table order (the current row when none is selected)."""
        ranges = [np.arange(r.top(), r.bottom() + 1) for r in self.selectionModel().selection() if r.isValid()]
        if ranges:
            return np.unique(np.concatenate(ranges)).astype(np.int64)
        current = self.currentIndex()
        return np.asarray([current.row()] if current.isValid() else [], dtype=np.int64)

    def copy_tsv(self) -> None:
        self._copy(tsv_text, "tab-separated")

    def copy_markdown(self) -> None:
        self._copy(markdown_text, "Markdown")

    def _copy(self, render: Callable, words: str) -> None:
        rows = self.selected_rows()
        if not len(rows):
            self.message.emit("Nothing to copy: select rows of the table first")
            return
        text = render(HEADERS, self.table_model.row_texts(rows))
        # Plain text only: a QMimeData made here and handed to the clipboard is freed twice at exit (the
        # clipboard takes it over while Python still owns it), which crashed the process.
        QGuiApplication.clipboard().setText(text)
        count = len(rows)
        self.message.emit(f"Copied {count:,} row{'s' if count != 1 else ''} as {words} text")

    def _context_menu(self, position: QPoint) -> None:
        self.context_menu().popup(self.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setAccessibleName("Events table menu")
        has_rows = self.table_model.rowCount() > 0
        for action in (self.copy_action, self.copy_markdown_action, self.reveal_action):
            action.setEnabled(has_rows and len(self.selected_rows()) > 0)
            menu.addAction(action)
        menu.addSeparator()
        self.export_action.setEnabled(has_rows)
        menu.addAction(self.export_action)
        return menu

    # -- export ------------------------------------------------------------------------------------------
    def set_export_folder(self, folder: str) -> None:
        self._folder = folder

    def export_folder(self) -> str:
        return self._folder

    def choose_export_file(self) -> None:
        store = self.state.store
        stem = store.path.stem if store.path is not None else "events"
        start = str(Path(self._folder or (store.path.parent if store.path else Path.home())) / f"{stem}.csv")
        name, _ = QFileDialog.getSaveFileName(self, "Export the events table", start, ";;".join(table_filters()))
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(".csv")
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write every row the table shows, in its order, to `path` (CSV), atomically; says how it went."""
        try:
            export_table(HEADERS, self.table_model.row_texts(), path)
        except ExportError as error:
            self.message.emit(f"Could not export the table: {error}")
            return False
        except OSError as error:  # the folder vanished under the dialog, say
            log.exception("exporting the events table to %s", path)
            self.message.emit(f"Could not export the table: {error.strerror or error}")
            return False
        self._folder = str(path.parent)
        count = self.table_model.rowCount()
        self.message.emit(f"Exported {count:,} row{'s' if count != 1 else ''} to {path.name}")
        return True


__all__ = ["COLUMNS", "HEADERS", "TABLE_KEYS", "UNCITED", "Column", "EventsTable", "EventsTableModel", "cell_text",
           "precision_words"]  # fmt: skip
