"""A failure inside a Qt slot is logged with its traceback and told to the reader once, not swallowed."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, Signal

from viewer.ui.crash import CrashHandler


class _Emitter(QObject):
    fired = Signal()


def _broken_slot() -> None:
    raise ValueError("the slot broke")


def test_a_failing_slot_is_logged_and_shown_once(qtbot, caplog, monkeypatch) -> None:
    shown: list[tuple[str, str]] = []
    handler = CrashHandler(lambda title, text: shown.append((title, text)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test, whatever happens
    handler.install()
    emitter = _Emitter()
    emitter.fired.connect(_broken_slot)
    with caplog.at_level(logging.ERROR, logger="viewer.ui.crash"):
        emitter.fired.emit()
        emitter.fired.emit()  # the same failure again: logged, not shown twice
    handler.uninstall()
    records = [r for r in caplog.records if r.name == "viewer.ui.crash"]
    assert len(records) == 2
    assert records[0].exc_info is not None and records[0].exc_info[0] is ValueError
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Something went wrong" and "ValueError: the slot broke" in text
    assert sys.excepthook is not handler


def test_a_message_that_fails_to_show_does_not_take_the_window_down(caplog) -> None:
    def broken_show(title: str, text: str) -> None:
        raise RuntimeError("no screen")

    handler = CrashHandler(broken_show)
    try:
        raise KeyError("x")
    except KeyError as error:
        handler(KeyError, error, error.__traceback__)
    assert any("could not show the error message" in r.getMessage() for r in caplog.records)
