"""File > Export Data…: save the chronology as YAML, TimelineJS JSON, the TimelineJS sheet (CSV) or iCalendar.

The formats and their save-dialog filters come from the data writers table (viewer.export.writers), the file
is written atomically and never over what is not a regular file (viewer.export.saving.save_data), and what the
chosen format could not hold is told in a message box, one line per kind, as `convert` tells it on stderr.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from viewer.export.saving import save_data
from viewer.export.writers import DATA_WRITERS, ExportError, data_filters
from viewer.model.store import Store
from viewer.ui.export_dialog import default_file_name

TITLE = "Export data"


def suggested_path(store: Store, suffix: str = ".json") -> Path:
    """Beside the chronology's file, named after its title: where the save dialog starts."""
    folder = store.path.parent if store.path is not None else Path.home()
    return folder / (default_file_name(store.header.title) + suffix)


def path_with_suffix(name: str, chosen_filter: str) -> Path:
    """The chosen name, given the chosen filter's first suffix when it has none the table knows."""
    path = Path(name)
    if path.suffix.lower() in DATA_WRITERS:
        return path
    for suffix, row in DATA_WRITERS.items():
        if chosen_filter.startswith(row.name + " ("):
            return path.with_name(path.name + suffix)
    return path


def save(parent: QWidget, store: Store, output: Path) -> str | None:
    """Write `store` to `output`; the status line to show, or None (with a message box) when it failed."""
    try:
        dropped = save_data(store, output)
    except ExportError as error:
        QMessageBox.warning(parent, TITLE, str(error).splitlines()[0])
        return None
    name = DATA_WRITERS[output.suffix.lower()].name
    if dropped:
        said = f"Exported {output.name} as {name}. Its format could not hold everything:"
        box = QMessageBox(QMessageBox.Icon.Information, TITLE, said, parent=parent)
        box.setInformativeText("\n".join(f"• {line}" for line in dropped))
        box.open()
        parent.setProperty("dataExportBox", box)  # kept alive while shown; tests read it
    return f"Exported {output.name} ({name}, {len(store):,} events)"


def ask_and_save(parent: QWidget, store: Store) -> str | None:
    """The save dialog with the data formats, then `save`; None when cancelled or failed."""
    name, chosen = QFileDialog.getSaveFileName(parent, TITLE, str(suggested_path(store)), ";;".join(data_filters()))
    if not name:
        return None
    output = path_with_suffix(name, chosen)
    if store.path is not None and output.exists() and output.resolve() == store.path.resolve():
        QMessageBox.warning(parent, TITLE, f"{output.name} is the file shown; choose another name")
        return None
    return save(parent, store, output)
