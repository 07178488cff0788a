"""Export a timeline to PNG, SVG or PDF through the same painter as the window.

- `writers`: the table of formats (suffix -> name, file-dialog filter, write function); Qt-free.
- `pictures`: the write functions and `render_image`, drawn by viewer.render's painter.
- `saving`: `export()`, which picks the row by the suffix and writes the file atomically.
- `command`: `timeline-viewer export`.

The names below are importable from `viewer.export` as before. Only the writers table is imported with the
package; the rest (and Qt with it) is imported when first used, so the command line can read the table for
its help where Qt cannot start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from viewer.export.writers import WRITERS, ExportError, Picture, Writing, writer_for

if TYPE_CHECKING:
    from viewer.export.command import export_from_cli
    from viewer.export.pictures import ExportRequest, largest_png, render_image
    from viewer.export.saving import ensure_gui_application, export

_LATER = {
    "ExportRequest": "pictures",
    "largest_png": "pictures",
    "render_image": "pictures",
    "export": "saving",
    "ensure_gui_application": "saving",
    "export_from_cli": "command",
}

__all__ = ["WRITERS", "ExportError", "ExportRequest", "Picture", "Writing", "ensure_gui_application", "export",
           "export_from_cli", "largest_png", "render_image", "writer_for"]  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module 'viewer.export' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"viewer.export.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
