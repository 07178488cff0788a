"""The one-line diagnosis when Qt cannot open a window."""

from __future__ import annotations

import ctypes

import pytest

from viewer import qtenv


def test_missing_xcb_libraries_are_named_as_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ctypes.CDLL

    def fake(name: str, *args, **kwargs):
        if name in ("libxcb-cursor.so.0", "libxcb-icccm.so.4"):
            raise OSError(f"{name}: cannot open shared object file")
        return real(name, *args, **kwargs) if name.startswith("libc") else object()

    monkeypatch.setattr(qtenv.ctypes, "CDLL", fake)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    message = qtenv.window_problem()
    assert message is not None and "\n" not in message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in message


def test_no_display_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    message = qtenv.window_problem()
    assert message is not None and "no display" in message


def test_a_chosen_platform_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert qtenv.window_problem() is None
