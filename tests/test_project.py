"""Rules about the project as a whole: the model stays Qt-free, and the code stays ruff-clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_model_and_the_text_commands_import_no_qt() -> None:
    """`check` and `list` must work where Qt cannot start; the model must be testable without a display."""
    script = (
        "import sys, viewer.model.loader, viewer.model.store, viewer.render.layout, viewer.render.scale, "
        "viewer.render.ticks, viewer.render.view, viewer.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_ruff_is_clean() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "viewer", "tests"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
