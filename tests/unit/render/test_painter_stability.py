"""PySide6 6.12.0 on Python 3.11 drops a reference to None in every QPainter draw or setPen call and aborts
the process after about nine thousand calls. The dependency pin keeps 6.12 out; this test makes 50,000 calls
in a child process so that a release bringing the bug back fails here with a clear message instead of
killing the test run (or, worse, a user's window after a few seconds of panning)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 50_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
    app = QGuiApplication(sys.argv[:1])
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    pen = QPen(QColor("#336699"), 1.5)
    calls = 0
    while calls < {CALLS}:
        painter.setPen(pen)
        painter.drawLine(QPointF(0, 0), QPointF(63, 63))
        painter.drawRect(QRectF(1, 1, 10, 10))
        painter.drawText(QPointF(2, 20), "x")
        calls += 4
    painter.end()
    print("calls", calls)
    """
)


def test_fifty_thousand_painter_calls_do_not_abort() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, env=environment)
    assert done.returncode == 0, (
        f"the process died after painter calls (exit {done.returncode}); is PySide6 6.12.0 installed? "
        f"stderr: {done.stderr[-2000:]}"
    )
    assert f"calls {CALLS}" in done.stdout
