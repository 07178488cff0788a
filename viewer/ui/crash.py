"""What happens when the program itself fails: logged with its traceback, and said to the reader in plain words.

Qt calls Python slots from C++; an exception escaping one goes to `sys.excepthook`, which by default prints it
and carries on, leaving the reader unaware that something went wrong and the window possibly inconsistent.
Here it is logged (`logger.exception`: the traceback goes to the log, for a bug report), and a message box says
what happened and where the log is, once per kind of failure, so a failure repeating on every paint does not
bury the window under dialogs.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

logger = logging.getLogger(__name__)

ShowMessage = Callable[[str, str], None]


class CrashHandler:
    """The `sys.excepthook` of the window: log each failure, tell the reader once per kind."""

    def __init__(self, show: ShowMessage) -> None:
        self._show = show
        self._told: set[tuple[str, str]] = set()
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        logger.error("unexpected error", exc_info=(kind, error, trace))
        where = traceback.extract_tb(trace)[-1] if trace is not None else None
        key = (kind.__name__, f"{where.filename}:{where.lineno}" if where else "")
        if key in self._told:
            return
        self._told.add(key)
        try:
            self._show(
                "Something went wrong",
                f"The viewer hit an error it did not expect ({kind.__name__}: {error}). What is on screen may be "
                "out of date; reopening the file usually helps. The details are in the log on the terminal; "
                "please include them in a bug report.",
            )
        except Exception:  # the message itself failed: the log has it, and the window must carry on
            logger.exception("could not show the error message")


def configure_logging(level: int = logging.WARNING) -> None:
    """One line per record on stderr, with the logger's name; leaves a configuration the host set alone."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
