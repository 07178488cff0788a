"""Getting Qt started: offscreen for exports, and a one-line diagnosis when a window cannot open.

On Debian and Ubuntu, Qt's xcb plugin needs a handful of X libraries that a minimal system lacks; without
them Qt aborts with "Could not load the Qt platform plugin" and a list of plugins, which tells nobody what
to install. We look for those libraries first and name the packages.
"""

from __future__ import annotations

import ctypes
import os
import sys

# The shared objects Qt 6's xcb platform plugin loads, and the Debian/Ubuntu packages that provide them.
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
)


def use_offscreen_platform() -> None:
    """Exports and the benchmark draw without any display: pick Qt's offscreen platform unless told otherwise.

    Must run before the Qt application object is created.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def missing_xcb_packages() -> list[str]:
    """The Debian/Ubuntu packages whose libraries Qt's xcb plugin needs and cannot load here."""
    missing = []
    for soname, package in XCB_LIBRARIES:
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def window_problem() -> str | None:
    """Why a window cannot open here, in one line, or None when it should."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # wayland, offscreen, or another platform the user chose
    if not sys.platform.startswith("linux"):
        return None
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        return (
            "timeline-viewer: no display (DISPLAY is not set); to draw without one use "
            "'timeline-viewer export FILE -o OUT.png'"
        )
    if os.environ.get("WAYLAND_DISPLAY") and not platform:
        return None
    missing = missing_xcb_packages()
    if missing:
        return (
            "timeline-viewer: Qt cannot open a window: missing system libraries; install them with "
            f"'sudo apt-get install {' '.join(missing)}'"
        )
    return None
