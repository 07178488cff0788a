"""The real program in a real X server (Xvfb): it starts, shows its window, and stays up.

Everything else tests offscreen; this is the one place that proves Qt's xcb plugin finds its system
libraries, which is what fails on a bare Debian machine. Skipped where Xvfb is not installed (CI installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")


@pytest.fixture
def display() -> Iterator[str]:
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not report a display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _environment(display: str, home: Path) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    environment.update(DISPLAY=display, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    return environment


def test_the_window_opens_on_the_shipped_chronology_and_stays_up(display: str, tmp_path: Path) -> None:
    program = subprocess.Popen(
        [sys.executable, "-m", "viewer"],
        env=_environment(display, tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        found = ""
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and program.poll() is None and not found:
            time.sleep(0.5)
            if shutil.which("xdotool"):
                done = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "Timeline Viewer"],
                    env={**os.environ, "DISPLAY": display},
                    capture_output=True,
                    text=True,
                )
                found = done.stdout.strip()
            elif time.monotonic() > deadline - 15:
                found = "alive"
        assert program.poll() is None, f"the program exited with {program.returncode}: {program.stderr.read()}"
        assert found, "no visible window titled 'Timeline Viewer' appeared"
    finally:
        program.terminate()
        try:
            _, err = program.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            program.kill()
            _, err = program.communicate()
    assert "Traceback" not in err


def test_without_a_display_the_window_says_so_in_one_line(tmp_path: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "viewer"], env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "export" in lines[0]
