"""Issue 15 in the window: file content shown as plain text, many problems, previews split as the reader splits,
live reload of half-written files (with controlled writes and the follower's own checks, not sleeps), and
special files that must never block the window."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from viewer.model.loader import load
from viewer.model.problems import Problem
from viewer.resources import DATA_DIR
from viewer.ui.details import address_reason, is_web_address
from viewer.ui.file_follow import FileFollower, file_signature
from viewer.ui.loading import LoadReason
from viewer.ui.main_window import MainWindow
from viewer.ui.plain import MAX_LAID_OUT_CHARS, laid_out, plain_tooltip
from viewer.ui.problems import MAX_ROWS, ProblemsPanel, line_context

WAIT_MS = 5000


# -- 4. plain text ------------------------------------------------------------------------------------------
def test_a_tooltip_never_renders_markup_from_a_file() -> None:
    from PySide6.QtGui import QTextDocument

    tip = plain_tooltip("unknown field '<img src=x onerror=alert(1)>' & <b>bold</b>")
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText() == "unknown field '<img src=x onerror=alert(1)>' & <b>bold</b>"
    assert plain_tooltip("no markup here") == "no markup here"


def test_the_problems_panel_shows_a_markup_key_as_text(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text('timeline: {title: T, "<img src=/etc/passwd>": 1}\n', encoding="utf-8")
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    problems = load(path).problems
    panel.set_problems(problems, "m.yaml: <b>1 problem</b>")
    assert panel.summary.textFormat() == Qt.TextFormat.PlainText
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(panel.list.item(0).toolTip())
    assert "<img src=/etc/passwd>" in document.toPlainText()


def test_status_labels_are_plain_text(open_window) -> None:
    window = open_window()
    assert window.message_label.textFormat() == Qt.TextFormat.PlainText
    assert window.load_progress.label.textFormat() == Qt.TextFormat.PlainText


def test_each_problem_is_one_row_line(qtbot) -> None:
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    panel.set_problems([Problem(Path("x.yaml"), 3, 4, "unknown field 'a\nx.yaml:1:1: forged'")])
    assert panel.rows() == ["3:4 unknown field 'a\\nx.yaml:1:1: forged'"]


# -- 10. many problems, long titles ------------------------------------------------------------------------
def test_a_hundred_thousand_problems_list_the_first_few_hundred_and_count_the_rest(qtbot) -> None:
    panel = ProblemsPanel()
    qtbot.addWidget(panel)
    problems = [Problem(Path("x.yaml"), n + 1, 1, f"problem {n}") for n in range(100_000)]
    panel.set_problems(problems, "x.yaml: 100,000 problems")
    rows = panel.rows()
    assert len(rows) == MAX_ROWS + 1
    assert rows[-1] == f"… and {100_000 - MAX_ROWS:,} more problems (timeline-viewer check lists them all)"
    assert len(panel.problems()) == 100_000


def test_a_megabyte_title_is_laid_out_cut_and_counted(open_window, tmp_path: Path, qtbot) -> None:
    (tmp_path / "a.txt").write_text("The two leaders met.", encoding="utf-8")
    title = "word " * 200_000
    path = tmp_path / "big.yaml"
    path.write_text("timeline: {title: T}\nsources:\n  - {id: a, title: A, file: a.txt}\nevents:\n"
                    f"  - id: e\n    title: {title}\n    date: 2019-02-27\n"
                    "    quotes: [{source: a, text: The two leaders}]\n", encoding="utf-8")  # fmt: skip
    window = open_window(path)
    qtbot.waitUntil(lambda: window.store() is not None, timeout=WAIT_MS)  # over 1 MB: loaded in the background
    window.view.select(0)
    shown = window.details.title_label.text()
    assert len(shown) < MAX_LAID_OUT_CHARS + 50
    assert shown.endswith(f"… ({len(title.strip()) - MAX_LAID_OUT_CHARS:,} more characters)")
    assert laid_out("short") == "short"


def test_the_open_original_reason_is_the_one_check_gives(qtbot) -> None:
    assert address_reason("https://example.org/a b") == (
        "The address holds white space (a space or a line break), so it is not opened"
    )
    assert address_reason("javascript:alert(1)") == "Only http and https addresses are opened"
    for url in ["https://example.org/a b", "https://example.org/a\nb", "http://[::1", "https://x.org/ok"]:
        text = f"timeline: {{title: T}}\nsources:\n  - {{id: a, title: A, file: a.txt, url: {json.dumps(url)}}}\n"
        problems = [p for p in _load_text(text) if "'url'" in p.message]
        assert is_web_address(url) == (not problems)


def _load_text(text: str) -> list[Problem]:
    from viewer.model.loader import load_text

    return load_text(Path("u.yaml"), text).problems


# -- 7. the preview splits lines as the reader does -----------------------------------------------------------
def test_the_preview_counts_lines_as_the_reader_does(tmp_path: Path) -> None:
    path = tmp_path / "l.yaml"
    path.write_text('timeline:\n  title: "a\u2028b\x85c"\r  colour: red\r\n', encoding="utf-8", newline="")
    [problem] = load(path).problems
    assert (problem.line, problem.column) == (3, 3)
    context = line_context(path, problem.line, problem.column).splitlines()
    assert context[1] == ' 2 |   title: "a\\u2028b\\x85c"'
    assert context[2] == ">3 |   colour: red"
    assert context[3] == "       ^"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_the_preview_of_a_file_that_became_a_pipe_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    assert line_context(fifo, 3, 1) == ""


# -- 6. live reload of half-written files ----------------------------------------------------------------------
@pytest.fixture
def chronology(tmp_path: Path) -> Path:
    folder = tmp_path / "chronology"
    shutil.copytree(DATA_DIR, folder)
    return folder / "events.yaml"


@pytest.fixture
def window(open_window, chronology: Path) -> MainWindow:
    win = open_window(chronology)
    assert win.store() is not None and len(win.store()) > 10
    win.follower.timer.setInterval(60_000)  # the test looks at the file itself (check_now), when it chooses
    win.follower.confirm_timer.setInterval(60_000)
    return win


def _settle(window: MainWindow, qtbot, load_expected: bool = True) -> None:
    """The follower looks twice, as its timer would 200 ms apart; a load follows when the file has settled."""
    window.follower.check_now()
    if load_expected:
        with qtbot.waitSignal(window.loader.finished, timeout=WAIT_MS):
            window.follower.check_now()
    else:
        window.follower.check_now()


def test_a_change_is_loaded_only_once_it_has_settled(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    follower = FileFollower()
    follower.timer.setInterval(60_000)
    changes: list[Path] = []
    follower.changed.connect(changes.append)
    follower.follow(path)
    path.write_text("a: 12\n", encoding="utf-8")
    follower.check_now()
    assert changes == [], "seen once: it may still be being written"
    path.write_text("a: 123\n", encoding="utf-8")
    follower.check_now()
    assert changes == [], "it changed again in between"
    follower.check_now()
    assert changes == [path]
    follower.check_now()
    assert changes == [path], "no change, no second reload"
    follower.stop()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_writes_into_a_pipe_do_not_ask_for_reloads(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    before = file_signature(fifo)
    descriptor = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(descriptor, b"events: []\n")
        assert file_signature(fifo) == before
    finally:
        os.close(descriptor)


def test_a_file_truncated_to_empty_keeps_the_view_and_the_selection(window: MainWindow, chronology: Path, qtbot):
    store = window.store()
    chosen = store.events[len(store) // 2].id
    window.view.select(store.index_of(chosen))
    text = chronology.read_text(encoding="utf-8")
    chronology.write_text("", encoding="utf-8")  # an editor truncates, then pauses
    _settle(window, qtbot)
    assert window.store() is store
    assert window.details.shown_event().id == chosen
    assert "is empty now; still showing the last version" in window.status_message()
    chronology.write_text(text, encoding="utf-8")  # ... then writes
    _settle(window, qtbot)
    assert window.details.shown_event().id == chosen


def test_a_prefix_written_in_chunks_is_not_shown_on_the_way(window: MainWindow, chronology: Path, qtbot) -> None:
    store = window.store()
    shown: list[int] = []
    window.loader.finished.connect(lambda result, reason: shown.append(len(window.store())))
    text = chronology.read_text(encoding="utf-8")
    cut = [text.index("\n  - id:", text.index("events:") + n * 1000) for n in (1, 4, 9)]
    for end in cut:  # each chunk a prefix of the file, settled for a while (a pause longer than the debounce)
        chronology.write_text(text[:end], encoding="utf-8")
        _settle(window, qtbot)
        assert window.store() is store, "a prefix with fewer events waits to be confirmed"
        assert window.follower.confirm_timer.isActive()
    chronology.write_text(text + "\n", encoding="utf-8")
    _settle(window, qtbot)
    assert not window.follower.confirm_timer.isActive()
    assert len(window.store()) == len(store)
    assert set(shown) == {len(store)}, "no load along the way showed fewer events"


def test_fewer_events_are_shown_once_the_file_stays_so(window: MainWindow, chronology: Path, qtbot) -> None:
    store = window.store()
    text = chronology.read_text(encoding="utf-8")
    last = text.rindex("\n  - id:")
    chronology.write_text(text[:last] + "\n", encoding="utf-8")  # a real deletion of the last event
    _settle(window, qtbot)
    assert window.store() is store
    with qtbot.waitSignal(window.loader.finished, timeout=WAIT_MS) as blocker:
        window.follower.confirm_timer.timeout.emit()  # CONFIRM_MS later, the file is still the same
    assert blocker.args[1] is LoadReason.CONFIRMED
    assert len(window.store()) == len(store) - 1


def test_a_broken_save_shows_its_problems_once_confirmed(window: MainWindow, chronology: Path, qtbot) -> None:
    store = window.store()
    chronology.write_text(chronology.read_text(encoding="utf-8") + "  - id: [unclosed\n", encoding="utf-8")
    _settle(window, qtbot)
    assert not window.problems_dock.isVisible()
    with qtbot.waitSignal(window.loader.finished, timeout=WAIT_MS):
        window.follower.confirm_timer.timeout.emit()
    assert window.problems_dock.isVisible() and window.store() is store


def test_reload_asked_for_shows_even_an_empty_file(window: MainWindow, chronology: Path, qtbot) -> None:
    chronology.write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.loader.finished, timeout=WAIT_MS):
        window.reload()
    assert len(window.store()) == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_renamed_over_the_open_file_never_blocks_the_window(window: MainWindow, chronology: Path, qtbot):
    store = window.store()
    fifo = chronology.with_name("pipe")
    os.mkfifo(fifo)
    fifo.replace(chronology)
    _settle(window, qtbot)
    with qtbot.waitSignal(window.loader.finished, timeout=WAIT_MS):
        window.follower.confirm_timer.timeout.emit()
    assert window.store() is store
    assert "named pipe (FIFO), not a regular file" in window.problems.problems()[0].message
    loads: list[object] = []
    window.loader.finished.connect(lambda *args: loads.append(args))
    descriptor = os.open(chronology, os.O_RDWR | os.O_NONBLOCK)
    try:
        for _ in range(3):
            os.write(descriptor, b"events: []\n")
            window.follower.check_now()
            window.follower.check_now()
    finally:
        os.close(descriptor)
    qtbot.wait(50)
    assert loads == [], "writes into the pipe ask for no reload"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_opening_a_pipe_does_not_block_the_window(qtbot, tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    window = MainWindow(fifo)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.problems.problems()), timeout=WAIT_MS)
    assert "named pipe (FIFO)" in window.problems.problems()[0].message


def test_the_events_table_and_link_tooltips_show_markup_as_text(open_window, tmp_path: Path, qtbot) -> None:
    from PySide6.QtGui import QTextDocument

    from viewer.ui.plain import plain_message

    document = QTextDocument()
    document.setHtml(plain_message("cannot write <b>x</b>.png"))
    assert document.toPlainText() == "cannot write <b>x</b>.png"
    (tmp_path / "a.txt").write_text("The two leaders met.", encoding="utf-8")
    path = tmp_path / "m.yaml"
    path.write_text("timeline: {title: T}\nsources:\n  - {id: a, title: A, file: a.txt}\nevents:\n"
                    "  - {id: e, title: '<img src=x> <b>bold</b>', date: 2019-02-27, "
                    "quotes: [{source: a, text: The two leaders}]}\n", encoding="utf-8")  # fmt: skip
    window = open_window(path)
    model = window.events_table.model()
    tips = [model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole) for column in range(model.columnCount())]
    shown = []
    for tip in tips:
        document.setHtml(tip or "")
        shown.append(document.toPlainText())
    assert "<img src=x> <b>bold</b>" in shown
