"""The main window: it assembles the parts and wires them; each part has a module of its own.

The timeline (timeline_view.py) over its overview band (overview.py), both showing the one `ViewState`;
the search bar (search_bar.py), the details, problems and source panels, menus and shortcuts (shortcuts.py),
the theme choice (theme_choice.py), following the open file (file_follow.py) and loading it in the
background (loading.py). What it promises a reader:

- A load that fails never replaces what is on screen. The problems panel lists what is wrong, line and
  column, and the status bar says "N problems; showing the last good version".
- The open file is watched, together with its folder (an editor that saves by writing a new file and
  renaming it over the old one makes a watch on the file itself drop; the folder's watch notices the new
  file and the file is watched again). Changes are debounced for 200 ms, then reloaded keeping the zoom
  and the selection.
- Large files load in a background thread with a progress bar and a Cancel button.
- Geometry, panels, recent files and the theme survive a restart (see `settings.py`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from viewer import __version__
from viewer.model.loader import LoadResult
from viewer.model.readers import open_filter
from viewer.model.store import Store
from viewer.render.lanes import LaneChoices, LaneMode
from viewer.render.theme import THEMES
from viewer.ui.accessibility import focus_chain, name_window_parts
from viewer.ui.chrome_style import keep_dock_buttons_styled, style_dock_buttons, style_search_field
from viewer.ui.details import DetailsPanel
from viewer.ui.events_table import COLUMNS, TABLE_KEYS, Column, EventsTable
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.file_follow import FileFollower
from viewer.ui.lanes_menu import LaneActions
from viewer.ui.loading import FileLoader, LoadProgress, LoadReason
from viewer.ui.overview import OverviewBand
from viewer.ui.plain import laid_out, plain_label, plain_tooltip
from viewer.ui.problems import ProblemsPanel
from viewer.ui.search_bar import SEARCH_PLACEHOLDER, SearchBar
from viewer.ui.settings import MAX_RECENT_FILES, Settings
from viewer.ui.shortcuts import VIEW_KEYS, ShortcutsDialog, is_media_key, standard_keys
from viewer.ui.source_reader import SourceReader
from viewer.ui.status import range_in_words
from viewer.ui.tags_menu import TagsMenu
from viewer.ui.theme_choice import ThemeChoice, apply_chrome, ask_platform, palette_for, resolved_name
from viewer.ui.timeline_view import TimelineView
from viewer.ui.zone_menu import ZoneMenu
from viewer.viewstate import SearchMode

APP_NAME = "Timeline Viewer"
_SAME_FILE = (LoadReason.RELOAD, LoadReason.FOLLOW, LoadReason.CONFIRMED)  # loads that keep the view
__all__ = ["APP_NAME", "SEARCH_PLACEHOLDER", "MainWindow", "palette_for", "range_in_words"]

class MainWindow(QMainWindow):
    def __init__(self, path: Path | None = None, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings or Settings()
        self._path: Path | None = None  # the file the window follows (the last one asked for)
        self._shown_path: Path | None = None  # the file whose chronology is on screen
        self._theme_choice = ThemeChoice.SYSTEM
        self._reader: SourceReader | None = None
        self._closing = False

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        screen = self.screen()
        self.resize(first_size(screen.availableGeometry().size() if screen is not None else None))

        # -- central area: the timeline above its overview ---------------------------------------------
        self.view = TimelineView()
        self.view.setAccessibleName("Timeline")
        self.state = self.view.state  # the one copy of what is shown: range, selection, hover, search
        self.overview = OverviewBand()
        self.overview.setAccessibleName("Overview of the whole chronology")
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.view, 1)
        central_layout.addWidget(self.overview)
        self.setCentralWidget(central)

        # -- search ------------------------------------------------------------------------------------
        self.search_bar = SearchBar(self.state, self.step_match, self.view, self)
        self.search_edit, self.search_count = self.search_bar.edit, self.search_bar.count

        # -- panels ------------------------------------------------------------------------------------
        self.details = DetailsPanel()
        self.details_dock = QDockWidget("Details", self)
        self.details_dock.setObjectName("details-dock")
        self.details_dock.setWidget(self.details)
        self.details_dock.setMinimumWidth(DETAILS_MIN_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.problems = ProblemsPanel()
        self.problems.setAccessibleName("Problems panel")
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems-dock")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()
        self.resizeDocks([self.details_dock], [details_width(self.width())], Qt.Orientation.Horizontal)
        self.events_table = EventsTable(self.state, self._select_from_table)
        self.events_table.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.table_dock = QDockWidget("Events", self)
        self.table_dock.setObjectName("events-table-dock")
        self.table_dock.setWidget(self.events_table)
        self.table_dock.setAccessibleName("Events table panel")
        self.addDockWidget(TABLE_AREAS.get(self.settings.get("table/area"), BOTTOM), self.table_dock)
        self.table_dock.dockLocationChanged.connect(self._on_table_area)
        self.table_dock.hide()
        # The details keep the right-hand side whole; a table docked below sits under the timeline only.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        # -- status bar --------------------------------------------------------------------------------
        self.message_label = plain_label(QLabel())  # says file names and problems: never rich text
        self.message_label.setAccessibleName("Status")
        self.load_progress = LoadProgress()
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of events")
        self.range_label = QLabel()
        self.range_label.setAccessibleName("Visible range")
        status = self.statusBar()
        status.addWidget(self.message_label, 1)
        status.addPermanentWidget(self.load_progress)
        status.addPermanentWidget(self.range_label)
        status.addPermanentWidget(self.count_label)

        # -- loading and watching ----------------------------------------------------------------------
        self.loader = FileLoader(self)
        self.loader.started.connect(self.load_progress.begin)
        self.loader.progressed.connect(self.load_progress.set_fraction)
        self.loader.finished.connect(self._on_loaded)
        self.loader.cancelled.connect(self._on_load_cancelled)
        self.load_progress.cancelRequested.connect(self.loader.cancel)
        self.follower = FileFollower(self)
        self.follower.changed.connect(self._on_file_changed)
        self.follower.confirmed.connect(self._on_file_confirmed)
        self.watcher, self.reload_timer = self.follower.watcher, self.follower.timer

        # -- wiring ------------------------------------------------------------------------------------
        self.view.selectionChanged.connect(self._on_selection)
        self.state.search_changed.connect(self._update_counts)
        self.state.search_changed.connect(self._on_search_changed)
        self.state.filter_changed.connect(self._update_counts)
        self.view.rangeChanged.connect(self._on_range)
        self.overview.rangeRequested.connect(self.view.set_range)
        self.details.showInSource.connect(self.show_in_source)
        self.details.jumpToEvent.connect(self.jump_to_event)
        self.state.lanes_changed.connect(self._save_lanes)

        self._build_actions()
        self._build_menus_and_toolbar()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_system_scheme)

        name_window_parts(self)
        # Tab from the search goes to the timeline (where Tab steps through events and Ctrl+Tab leaves), then
        # the overview, the table and the details.
        focus_chain([self.search_bar.edit, self.view, self.overview, self.events_table, self.details])
        self._restore_settings()
        keep_dock_buttons_styled(self, lambda: THEMES[self.theme_name()])
        self._update_counts()
        if path is not None:
            self.open_file(path)

    # -- actions and menus ---------------------------------------------------------------------------
    def _action(self, text: str, slot, keys: list[QKeySequence] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work while the menu bar is hidden, too
        return action

    def _build_actions(self) -> None:
        K = QKeySequence.StandardKey
        keys = standard_keys
        self.open_action = self._action("&Open…", self.choose_file, keys(K.Open, "Ctrl+O"), "Open a chronology")
        self.reload_action = self._action("&Reload", self.reload, standard_keys(K.Refresh, "F5"), "Read the file again")
        self.export_action = self._action("&Export…", self.show_export_dialog, [QKeySequence("Ctrl+E")],
                                          "Export the timeline as PNG, SVG or PDF")  # fmt: skip
        self.export_data_action = self._action(
            "Export &Data…", self.show_data_export, [QKeySequence("Ctrl+Shift+E")],
            "Save the chronology as YAML, TimelineJS JSON or sheet, or iCalendar")  # fmt: skip
        self.quit_action = self._action("&Quit", self.close, standard_keys(K.Quit, "Ctrl+Q"), "Quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.zoom_in_action = self._action("Zoom &In", self.view.zoom_in, standard_keys(K.ZoomIn, "Ctrl+=", "Ctrl++"))
        self.zoom_out_action = self._action("Zoom &Out", self.view.zoom_out, standard_keys(K.ZoomOut, "Ctrl+-"))
        self.fit_action = self._action("&Fit All", self.view.fit_all, [QKeySequence("Ctrl+0")],
                                       "Show every event")  # fmt: skip
        self.find_action = self._action("&Find", self.focus_search, keys(K.Find, "Ctrl+F"), "Search the events")
        self.next_match_action = self._action("Find &Next", lambda: self.step_match(1),
                                              standard_keys(K.FindNext, "F3"))  # fmt: skip
        self.previous_match_action = self._action("Find &Previous", lambda: self.step_match(-1),
                                                  standard_keys(K.FindPrevious, "Shift+F3"))  # fmt: skip
        self.shortcuts_action = self._action("&Keyboard Shortcuts", self.show_shortcuts,
                                             standard_keys(K.HelpContents, "F1"))  # fmt: skip
        self.about_action = self._action("&About Timeline Viewer", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.lane_actions = LaneActions(self.state, self)
        self.search_filter_action = QAction("&Filter While Searching", self)
        self.search_filter_action.setCheckable(True)
        self.search_filter_action.setChecked(True)
        self.search_filter_action.setToolTip("Filter: while searching, draw only the matches (off: fade the rest)")
        self.search_filter_action.setStatusTip("While searching, draw only the matches; off, every event is drawn "
                                               "and those that do not match are faded")  # fmt: skip
        self.search_filter_action.toggled.connect(self._on_search_filter)
        self.clear_recent_action = QAction("&Clear Menu", self)
        self.clear_recent_action.triggered.connect(self.clear_recent_files)

        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[ThemeChoice, QAction] = {}
        for key in ThemeChoice:
            action = QAction(f"&{key.value.capitalize()}", self)
            action.setCheckable(True)
            action.setData(key.value)
            action.triggered.connect(lambda _=False, k=key: self.set_theme_choice(k))
            self.theme_group.addAction(action)
            self.theme_actions[key] = action

    def _build_menus_and_toolbar(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_data_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.next_match_action)
        edit_menu.addAction(self.previous_match_action)
        edit_menu.addAction(self.search_filter_action)

        view_menu = menu_bar.addMenu("&View")
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.fit_action)
        view_menu.addSeparator()
        self.lanes_menu = view_menu.addMenu("&Lanes")
        self.lane_actions.fill(self.lanes_menu)
        self.tags_menu = TagsMenu(self.state, self)  # the legend's toggles, for the keyboard
        view_menu.addMenu(self.tags_menu)
        theme_menu = view_menu.addMenu("&Theme")
        for action in self.theme_actions.values():
            theme_menu.addAction(action)
        self.zone_menu = ZoneMenu(self.state, self.settings, self)
        view_menu.addMenu(self.zone_menu)
        self.details.set_display_zone(self.state.display_zone)
        self.state.zone_changed.connect(lambda: self.details.set_display_zone(self.state.display_zone))
        view_menu.addSeparator()
        self.details_toggle = self.details_dock.toggleViewAction()
        self.details_toggle.setShortcut(QKeySequence("Ctrl+D"))
        self.addAction(self.details_toggle)  # the key works while the menu bar is hidden, too
        self.details_dock.visibilityChanged.connect(self._on_details_visibility)
        self.details_toggle.setText("&Details Panel")
        self.problems_toggle = self.problems_dock.toggleViewAction()
        self.problems_toggle.setText("&Problems Panel")
        self.problems_toggle.setEnabled(False)  # there is nothing to show until a file has problems
        self.problems_toggle.setStatusTip("The problems of the file, when it has any")
        self.table_toggle = self.table_dock.toggleViewAction()
        self.table_toggle.setText("&Events Table")
        self.table_toggle.setShortcut(QKeySequence("Ctrl+T"))
        self.table_toggle.setStatusTip("One row per event: sort, copy, export as CSV")
        self.table_toggle.triggered.connect(self._on_table_toggled)
        self.addAction(self.table_toggle)
        view_menu.addAction(self.table_toggle)
        view_menu.addAction(self.details_toggle)
        view_menu.addAction(self.problems_toggle)

        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

        self.toolbar = QToolBar("Search")
        self.toolbar.setObjectName("search-toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addAction(self.export_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.zoom_out_action)
        self.toolbar.addAction(self.zoom_in_action)
        self.toolbar.addAction(self.fit_action)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.search_bar.edit)
        self.toolbar.addWidget(self.search_bar.count)
        self.toolbar.addAction(self.search_filter_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        view_menu.addAction(self.toolbar.toggleViewAction())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        shown = recent_labels(files[:MAX_RECENT_FILES])
        for number, (name, text) in enumerate(zip(files[:MAX_RECENT_FILES], shown, strict=True), start=1):
            label = f"&{number % 10} {text}" if number <= 10 else text
            action = self.recent_menu.addAction(label)
            action.setToolTip(plain_tooltip(name))
            action.setStatusTip(name)
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.open_file(Path(n)))
        if files:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(files))
        self.recent_menu.setEnabled(True)

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._fill_recent_menu()

    # -- settings ------------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        self.problems_dock.hide()  # shown again only when there are problems
        self.set_theme_choice(self.settings.get("view/theme"), save=False)
        get = self.settings.get
        choices = LaneChoices(LaneMode.parse(get("view/lanes")), tuple(get("view/lane_order")),
                              frozenset(get("view/lanes_collapsed")), frozenset(get("view/lanes_hidden")))  # fmt: skip
        self.state.set_lane_choices(choices)
        self.search_filter_action.setChecked(self.settings.get("view/search_mode") == SearchMode.FILTER.value)
        column = Column(self.settings.get("table/sort_column"))
        descending = self.settings.get("table/sort_descending")
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.events_table.sortByColumn(COLUMNS.index(column), order)
        self.events_table.set_export_folder(self.settings.get("table/folder"))

    def _save_lanes(self) -> None:
        """Lane choices are remembered as soon as they are made (a crash does not lose them)."""
        lanes = self.state.lanes
        self.settings.set("view/lanes", lanes.mode.value)
        self.settings.set("view/lane_order", list(lanes.order))
        self.settings.set("view/lanes_collapsed", sorted(lanes.collapsed))
        self.settings.set("view/lanes_hidden", sorted(lanes.hidden))

    def _on_search_filter(self, checked: bool) -> None:
        mode = SearchMode.FILTER if checked else SearchMode.HIGHLIGHT
        self.state.set_search_mode(mode)
        self.settings.set("view/search_mode", mode.value)

    def save_settings(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("view/theme", self._theme_choice.value)
        column, descending = self.events_table.table_model.sort_state()
        self.settings.set("table/sort_column", column.value)
        self.settings.set("table/sort_descending", descending)
        self.settings.set("table/folder", self.events_table.export_folder())
        self.settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A window made narrow gives the timeline its width back: the details panel shrinks (never grows)."""
        super().resizeEvent(event)
        dock = self.details_dock
        if dock.isVisible() and not dock.isFloating() and dock.width() > details_width(self.width()):
            self.resizeDocks([dock], [details_width(self.width())], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.save_settings()
        self.follower.stop()
        self.loader.shutdown()
        if self._reader is not None:
            self._reader.close()
        super().closeEvent(event)

    # -- theme ---------------------------------------------------------------------------------------
    def theme_choice(self) -> ThemeChoice:
        return self._theme_choice

    def theme_name(self) -> str:
        """'light' or 'dark': the choice, with System resolved through the platform's colour scheme."""
        return resolved_name(self._theme_choice)

    def set_theme_choice(self, choice: ThemeChoice | str, save: bool = True) -> None:
        choice = ThemeChoice.parse(choice)
        self._theme_choice = choice
        self.theme_actions[choice].setChecked(True)
        ask_platform(choice)
        apply_chrome(choice)
        self._apply_theme()
        if save:
            self.settings.set("view/theme", choice.value)

    def _apply_theme(self) -> None:
        theme = THEMES[self.theme_name()]
        self.view.set_theme(theme)
        self.overview.set_theme(theme)
        style_dock_buttons(self, theme)  # Qt's own glyphs are black, lost on a dark panel
        style_search_field(self.search_bar.edit, theme)

    def _on_system_scheme(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_choice is ThemeChoice.SYSTEM:
            self._apply_theme()

    # -- opening and loading -------------------------------------------------------------------------
    def store(self) -> Store | None:
        return self.view.store()

    def current_path(self) -> Path | None:
        return self._path

    def shown_path(self) -> Path | None:
        return self._shown_path

    def choose_file(self) -> None:
        start = self.settings.get("files/last_folder") or (str(self._path.parent) if self._path else "")
        name, _ = QFileDialog.getOpenFileName(self, "Open a chronology", start, open_filter())
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path | str) -> None:
        """Load `path`; when it loads, it replaces what is shown, otherwise its problems are listed."""
        path = Path(path).expanduser().absolute()
        self._path = path
        self.follower.follow(path)
        self.settings.set("files/last_folder", str(path.parent))
        self._set_message(f"Opening {path.name}…")
        self.loader.start(path, LoadReason.OPEN)

    def reload(self) -> None:
        if self._path is not None:
            self.follower.seen()
            self.loader.start(self._path, LoadReason.RELOAD)

    def _on_load_cancelled(self, path: Path) -> None:
        self.load_progress.end()
        self._set_message(f"Stopped loading {Path(path).name}")

    def _on_loaded(self, result: LoadResult, reason: LoadReason) -> None:
        self.load_progress.end()
        if self._closing:
            return
        path = result.path
        if not self._followed_change_is_shown(result, reason):
            return
        if result.store is None:
            self._show_problems(result)
            return
        keep_view = reason in _SAME_FILE and self._shown_path is not None and path == self._shown_path
        same_file = self._shown_path is not None and path == self._shown_path
        self._set_store(result.store, keep_view=keep_view, keep_search=same_file)
        self._shown_path = path
        if path == self._path:
            self.follower.follow_sources([s.file for s in result.store.sources.values() if s.file is not None])
        self.settings.add_recent_file(str(path))
        self._update_title()
        if result.problems:  # an empty file: an empty timeline, and why
            self.problems.set_problems(result.problems, result.problems[0].message)
            self._show_problems_dock()
            self._set_message(result.problems[0].message)
        else:
            self.problems.set_problems([])
            self.problems_dock.hide()
            self.problems_toggle.setEnabled(False)  # no empty panel to open
            count = len(result.store)
            verb = "Reloaded" if keep_view else "Opened"
            self._set_message(f"{verb} {path.name}: {count:,} event{'s' if count != 1 else ''}")

    def _followed_change_is_shown(self, result: LoadResult, reason: LoadReason) -> bool:
        """Whether a load the file's change caused may replace what is shown (issue 15: half-written files).

        A change that would show less (fewer events, or problems instead of a chronology) is shown only once the
        file has stayed so for a while (the follower confirms it); an empty chronology never replaces a
        non-empty one unless the reader asks (F5).
        """
        shown = self.store()
        if reason not in (LoadReason.FOLLOW, LoadReason.CONFIRMED) or shown is None or result.path != self._shown_path:
            return True
        if result.store is not None and len(result.store) == 0 and len(shown) > 0:
            self._set_message(f"{result.path.name} is empty now; still showing the last version "
                              "(Reload, F5, shows it as it is)")  # fmt: skip
            return False
        fewer = result.store is None or len(result.store) < len(shown)
        if fewer and reason is LoadReason.FOLLOW:
            self.follower.confirm_later()
            return False
        return True

    def _show_problems(self, result: LoadResult) -> None:
        count = len(result.problems)
        noun = "problem" if count == 1 else "problems"
        if self.store() is not None:
            summary = f"{count} {noun}; showing the last good version"
        else:
            summary = f"{count} {noun}; nothing to show"
        self.problems.set_problems(result.problems, f"{result.path.name}: {summary}")
        self._show_problems_dock()
        self._set_message(summary)

    def _show_problems_dock(self) -> None:
        """Show the problems under the timeline, a third of the window high at most, so the chronology that
        is still on screen stays readable above them."""
        self.problems_toggle.setEnabled(True)
        if not self.problems_dock.isVisible():
            self.problems_dock.show()
            self.resizeDocks([self.problems_dock], [max(160, self.height() // 3)], Qt.Orientation.Vertical)
        self.problems_dock.raise_()

    def _set_store(self, store: Store, keep_view: bool, keep_search: bool) -> None:
        if not keep_search:
            self.search_bar.clear_quietly()
        self.view.set_store(store, keep_view=keep_view, keep_search=keep_search)
        self.overview.set_store(store)
        self.overview.set_visible_range(*self.view.visible_range())
        self._on_selection(self._selected())
        self._update_counts()
        self._on_range(*self.view.visible_range())

    def _update_title(self) -> None:
        store = self.store()
        if store is None or self._shown_path is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowFilePath("")
            return
        self.setWindowTitle(f"{laid_out(store.header.title, 200)} — {self._shown_path.name} — {APP_NAME}")
        self.setWindowFilePath(str(self._shown_path))

    def _select_from_table(self, index: int | None, reveal: bool) -> None:
        """A row chosen in the events table selects its event everywhere; Enter or a double-click also
        brings it into view on the timeline (zooming into its cluster when it is hidden in one)."""
        self.view.select(index, ensure_visible=reveal)

    def _on_table_toggled(self, checked: bool) -> None:
        if checked:
            self.table_dock.raise_()
            self.events_table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_table_area(self, area: Qt.DockWidgetArea) -> None:
        for name, known in TABLE_AREAS.items():
            if known == area:
                self.settings.set("table/area", name)

    def _on_details_visibility(self, visible: bool) -> None:
        if not visible and not self._closing and self.isVisible() and not self.details_dock.isFloating():
            self._set_message("Details closed: View > Details Panel (Ctrl+D) shows them again")

    def _set_message(self, text: str) -> None:
        self.message_label.setText(text)

    def status_message(self) -> str:
        return self.statusBar().currentMessage() or self.message_label.text()

    # -- following the file ----------------------------------------------------------------------------
    def _on_file_changed(self, path: Path) -> None:
        if not self._closing and path == self._path:
            self.loader.start(path, LoadReason.FOLLOW)

    def _on_file_confirmed(self, path: Path) -> None:
        if not self._closing and path == self._path:
            self.loader.start(path, LoadReason.CONFIRMED)

    # -- selection, range and details ----------------------------------------------------------------
    def _selected(self) -> int | None:
        selected = self.view.selected()
        return None if selected is None or selected < 0 else selected

    def _on_selection(self, index: int | None) -> None:
        if index is not None and index < 0:
            index = None
        self.details.show_event(self.store(), index, self.state.query, self.state.passages_for(index))

    def _on_search_changed(self) -> None:
        """Mark the search's words in the details, with the source passages that found the event shown."""
        self.details.set_search(self.state.query, self.state.passages_for(self._selected()))

    def _on_range(self, t0: float, t1: float) -> None:
        self.overview.set_visible_range(t0, t1)
        self.range_label.setText(range_in_words(t0, t1) if self.store() is not None else "")

    def _update_counts(self) -> None:
        store = self.store()
        if store is None:
            self.count_label.setText("")
            return
        words = self.state.shown_words()  # "12 of 29 events shown" with a filter on
        through = len(self.state.passages)
        if through and self.state.matches is not None:
            words += f" ({through:,} found through a passage of a source)"
        self.count_label.setText(words)

    def jump_to_event(self, index: int) -> None:
        """Select the event at a link's other end and bring it into view; when the filters hide it, they are
        turned off first, and the status bar says so."""
        store = self.store()
        if store is None or not 0 <= index < len(store):
            return
        if not self.state.is_shown(index):
            self.state.set_tag_filter(None)
            if not self.state.is_shown(index):
                self.search_bar.edit.clear()
            self._set_message(f"Filters turned off to show “{store.events[index].title}”")
        self.view.select(index, ensure_visible=True)

    def show_in_source(self, source_id: str, start: int, end: int) -> None:
        store = self.store()
        source = store.sources.get(source_id) if store is not None else None
        if source is None:
            self._set_message(f"The source '{source_id}' is not in this chronology")
            return
        if not source.text:
            self._set_message(f"The text of '{source.title}' is not available")
            return
        self.source_reader().show_passage(source, start, end)

    def source_reader(self) -> SourceReader:
        if self._reader is None:
            self._reader = SourceReader(self)
            self._reader.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        return self._reader

    # -- search --------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_bar.focus()

    def matches(self) -> np.ndarray | None:
        return self.state.matches

    def step_match(self, step: int) -> None:
        """Select the next (step 1) or previous (-1) match in time order, wrapping around. A match found only
        in a source's text opens the source reader at the passage, where the words are."""
        self.view.step_match(step)
        passages = self.state.passages_for(self._selected())
        if passages:
            passage = passages[0]
            self.show_in_source(passage.source_id, passage.start, passage.end)
            self.activateWindow()  # typing goes on in the search field

    # -- export --------------------------------------------------------------------------------------
    def export_dialog(self) -> ExportDialog | None:
        """A new export dialog for what is shown (not yet shown itself), or None with nothing to export."""
        store = self.store()
        if store is None:
            return None
        dialog = ExportDialog(store, self.view.visible_range(), QSize(self.view.width(), self.view.height()),
                              self.view.devicePixelRatioF(), self.theme_name(), self.settings, self)  # fmt: skip
        state = self.state
        tags_on = state.tag_filter.tags if state.tag_filter is not None else None
        dialog.draw_as(state.shown_events, state.drawn_lanes(), state.matches, tags_on)
        dialog.exported.connect(lambda _path, message: self.statusBar().showMessage(message, 10_000))
        return dialog

    def show_export_dialog(self) -> None:
        dialog = self.export_dialog()
        if dialog is None:
            self._set_message("Nothing to export: open a chronology first")
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def show_data_export(self) -> None:
        """File > Export Data…: the chronology as data (viewer.ui.data_export)."""
        store = self.store()
        if store is None:
            self._set_message("Nothing to export: open a chronology first")
            return
        from viewer.ui import data_export

        message = data_export.ask_and_save(self, store)
        if message:
            self.statusBar().showMessage(message, 10_000)

    # -- help ----------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str]]:
        rows = []
        actions = [self.open_action, self.reload_action, self.export_action, self.export_data_action,
                   self.quit_action, self.find_action,
                   self.next_match_action, self.previous_match_action, self.zoom_in_action, self.zoom_out_action,
                   self.fit_action, self.table_toggle, self.details_toggle, self.shortcuts_action]  # fmt: skip
        for action in actions:
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not is_media_key(k)
            )
            if keys:
                rows.append((keys, action.text().replace("&", "").rstrip("…")))
        rows.extend(VIEW_KEYS)
        rows.extend(TABLE_KEYS)
        return rows

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<b>{APP_NAME}</b> {__version__}<p>Read a chronology on a zoomable time axis; every event cites "
            "the passage of its source.</p>",
        )

    # -- drag and drop -------------------------------------------------------------------------------
    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if isinstance(url, QUrl) and url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.is_file():
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)


DETAILS_MIN_WIDTH = 220
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
#: Where the events table may dock, by the name the settings keep.
TABLE_AREAS = {
    "bottom": BOTTOM,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}


def details_width(window_width: int) -> int:
    """The details panel's first width: a quarter of the window or so, so that a small window keeps most of
    its width for the timeline (at 800 pixels, 224 of them), and never more than 380."""
    return max(DETAILS_MIN_WIDTH, min(380, int(window_width * 0.28)))


def recent_labels(paths: list[str]) -> list[str]:
    """How Open Recent names files: by name, and where two share a name, with their folders, so that three
    "events.yaml" can be told apart ("events.yaml — hanoi/data")."""
    names = [Path(path).name for path in paths]
    labels = []
    for path, name in zip(paths, names, strict=True):
        if names.count(name) == 1:
            labels.append(name)
            continue
        parts = Path(path).parent.parts
        others = [Path(p).parent.parts for p, n in zip(paths, names, strict=True) if n == name and p != path]
        depth = 1
        while depth < len(parts) and any(o[-depth:] == parts[-depth:] for o in others):
            depth += 1
        labels.append(f"{name} — {'/'.join(parts[-depth:]) or '/'}")
    return labels


def first_size(available: QSize | None) -> QSize:
    """A first window that uses most of the screen (a timeline wants width), before any saved geometry, and
    never more than the screen's available room: with QT_SCALE_FACTOR=2 a 1920×1080 screen has 960×540."""
    if available is None or available.isEmpty():
        return QSize(1280, 800)
    width = min(1800, max(960, int(available.width() * 0.85)), available.width())
    height = min(1100, max(640, int(available.height() * 0.85)), available.height())
    return QSize(width, height)
