"""The export dialog: what to draw (range, size, theme, title, legend, sources) and where to write it.

The picture comes from `viewer.export.export`, the same painter as the window, written atomically
(`viewer.export.saving.write_atomically`), so a failed export leaves nothing half-written. The format
follows the file name's extension. The last choices are remembered in the settings. Large pictures (over
four megapixels) show a progress dialog while they are drawn and encoded.

For tests and scripts the output path can be set with `set_output_path`, so no native file dialog opens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from viewer.export import WRITERS, ExportError, ExportRequest, export
from viewer.export.paper import Orientation, Paper, Sheet
from viewer.export.writers import save_filters, suffix_of_filter, suffix_words
from viewer.model.store import Store
from viewer.render.painter import Decorations
from viewer.render.theme import THEMES
from viewer.render.view import fit_all
from viewer.ui.plain import plain_message
from viewer.ui.settings import Settings

PROGRESS_PIXELS = 4_000_000
MAX_SIDE = 32_767


@dataclass(frozen=True)
class SizeChoice:
    key: str
    label: str
    width: int = 0
    height: int = 0
    scale: float = 1.0  # device pixel ratio: how large text and marks are drawn in those pixels
    sheet: Sheet | None = None  # a paper: a PDF's page is exactly that paper


def paper_choice(key: str, sheet: Sheet) -> SizeChoice:
    """A paper size: the PDF page is that paper; a PNG or SVG is drawn for it at 300 dpi."""
    width, height = sheet.pixels()
    label = f"{sheet.words().capitalize()} (PDF page; {width} × {height} at 300 dpi)"
    return SizeChoice(key, label, width, height, sheet.scale(), sheet)


SIZES = (
    SizeChoice("window", "The window's size"),
    SizeChoice("1920x1080", "1920 × 1080 (Full HD)", 1920, 1080, 1.0),
    SizeChoice("3840x2160", "3840 × 2160 (4K)", 3840, 2160, 2.0),
    paper_choice("a4", Sheet(Paper.A4)),
    paper_choice("a4-portrait", Sheet(Paper.A4, Orientation.PORTRAIT)),
    paper_choice("a3", Sheet(Paper.A3)),
    paper_choice("letter", Sheet(Paper.LETTER)),
    paper_choice("letter-portrait", Sheet(Paper.LETTER, Orientation.PORTRAIT)),
    paper_choice("tabloid", Sheet(Paper.TABLOID)),
    SizeChoice("custom", "Custom…"),
)
SIZE_BY_KEY = {choice.key: choice for choice in SIZES}


def custom_scale(width: int, height: int) -> float:
    """Keep text readable on large custom sizes: as if a 1920 × 1080 screen were blown up."""
    return max(1.0, min(width / 1920, height / 1080))


def default_file_name(title: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", title.strip().lower(), flags=re.UNICODE).strip("-")
    return (slug or "timeline")[:80]


class ExportDialog(QDialog):
    """Asks for the export's choices and writes it. `exported(path, message)` on success."""

    exported = Signal(object, str)

    def __init__(
        self,
        store: Store,
        visible_range: tuple[float, float],
        window_size: QSize,
        device_pixel_ratio: float = 1.0,
        theme_name: str = "light",
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setAccessibleName("Export the timeline")
        self.store = store
        self.visible_range = visible_range
        # What the window draws besides the range: set by the window (`draw_as`), so the export is what is seen.
        self.view_shown: object = None
        self.view_lanes: object = None
        self.view_matches: object = None
        self.view_tags_on: frozenset[str] | None = None
        self.window_size = window_size
        self.device_pixel_ratio = max(1.0, float(device_pixel_ratio))
        self.settings = settings or Settings()
        self._output: Path | None = None

        # what to draw
        self.range_visible = QRadioButton("What the window shows")
        self.range_visible.setAccessibleName("Export the visible range")
        self.range_all = QRadioButton("The whole chronology")
        self.range_all.setAccessibleName("Export the whole chronology")
        self._range_group = QButtonGroup(self)
        self._range_group.addButton(self.range_visible)
        self._range_group.addButton(self.range_all)
        range_row = QHBoxLayout()
        range_row.addWidget(self.range_visible)
        range_row.addWidget(self.range_all)
        range_row.addStretch(1)

        self.size_combo = QComboBox()
        self.size_combo.setAccessibleName("Picture size")
        for choice in SIZES:
            label = choice.label
            if choice.key == "window":
                w, h = self._window_pixels()
                label = f"The window's size ({w} × {h})"
            self.size_combo.addItem(label, choice.key)
        self.width_spin = QSpinBox()
        self.width_spin.setRange(16, MAX_SIDE)
        self.width_spin.setSuffix(" px")
        self.width_spin.setAccessibleName("Custom width in pixels")
        self.height_spin = QSpinBox()
        self.height_spin.setRange(16, MAX_SIDE)
        self.height_spin.setSuffix(" px")
        self.height_spin.setAccessibleName("Custom height in pixels")
        custom_row = QHBoxLayout()
        custom_row.addWidget(self.width_spin)
        custom_row.addWidget(QLabel("×"))
        custom_row.addWidget(self.height_spin)
        custom_row.addStretch(1)

        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Export theme")
        self.theme_combo.addItem("Light", "light")
        self.theme_combo.addItem("Dark", "dark")

        self.title_edit = QLineEdit(store.header.title)
        self.title_edit.setAccessibleName("Title drawn above the timeline")
        self.title_edit.setPlaceholderText("No title")
        self.title_edit.setClearButtonEnabled(True)
        self.legend_check = QCheckBox("Legend of tags")
        self.legend_check.setAccessibleName("Draw the legend of tags")
        self.sources_check = QCheckBox("List the sources in a footer")
        self.sources_check.setAccessibleName("List the sources in a footer")

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setPlaceholderText(f"Choose where to save ({suffix_words()})")
        self.path_edit.textChanged.connect(self._on_path_text)
        self.choose_button = QPushButton("Choose…")
        self.choose_button.setAccessibleName("Choose the file to write")
        self.choose_button.clicked.connect(self._choose_clicked)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        form = QFormLayout()
        form.addRow("Range:", range_row)
        form.addRow("Size:", self.size_combo)
        form.addRow("Custom size:", custom_row)
        form.addRow("Theme:", self.theme_combo)
        form.addRow("Title:", self.title_edit)
        form.addRow("", self.legend_check)
        form.addRow("", self.sources_check)
        form.addRow("Save as:", path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName("Export")
        self.export_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel the export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.size_combo.currentIndexChanged.connect(self._update_custom)
        self._restore(theme_name)
        self._update_custom()

    # -- settings -------------------------------------------------------------------------------------
    def _restore(self, theme_name: str) -> None:
        s = self.settings
        (self.range_all if s.get("export/range") == "all" else self.range_visible).setChecked(True)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(s.get("export/size"))))
        self.width_spin.setValue(min(MAX_SIDE, max(16, s.get("export/width"))))
        self.height_spin.setValue(min(MAX_SIDE, max(16, s.get("export/height"))))
        # The theme follows the window's: an export looks like what the reader sees unless they choose otherwise.
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(theme_name)))
        self.legend_check.setChecked(s.get("export/legend"))
        self.sources_check.setChecked(s.get("export/sources"))

    def _remember(self, output: Path) -> None:
        s = self.settings
        s.set("export/range", "all" if self.range_all.isChecked() else "visible")
        s.set("export/size", self.size_key())
        s.set("export/width", self.width_spin.value())
        s.set("export/height", self.height_spin.value())
        s.set("export/legend", self.legend_check.isChecked())
        s.set("export/sources", self.sources_check.isChecked())
        if output.suffix.lower() in WRITERS:
            s.set("export/format", output.suffix.lower())
        s.set("export/folder", str(output.parent))

    # -- choices --------------------------------------------------------------------------------------
    def size_key(self) -> str:
        return str(self.size_combo.currentData())

    def set_size(self, key: str, width: int | None = None, height: int | None = None) -> None:
        self.size_combo.setCurrentIndex(self.size_combo.findData(key))
        if width is not None:
            self.width_spin.setValue(width)
        if height is not None:
            self.height_spin.setValue(height)

    def _window_pixels(self) -> tuple[int, int]:
        dpr = self.device_pixel_ratio
        return max(16, round(self.window_size.width() * dpr)), max(16, round(self.window_size.height() * dpr))

    def pixel_size(self) -> tuple[int, int, float]:
        """(width, height, scale) of the picture as chosen."""
        key = self.size_key()
        if key == "window":
            width, height = self._window_pixels()
            return width, height, self.device_pixel_ratio
        if key == "custom":
            width, height = self.width_spin.value(), self.height_spin.value()
            return width, height, custom_scale(width, height)
        choice = SIZE_BY_KEY[key]
        return choice.width, choice.height, choice.scale

    def _update_custom(self) -> None:
        custom = self.size_key() == "custom"
        self.width_spin.setEnabled(custom)
        self.height_spin.setEnabled(custom)

    def request(self) -> ExportRequest:
        width, height, scale = self.pixel_size()
        if self.range_all.isChecked():
            t0, t1 = fit_all(self.store, width / scale)
        else:
            t0, t1 = self.visible_range
        title = self.title_edit.text().strip() or None
        decorations = Decorations(title=title, legend=self.legend_check.isChecked(),
                                  sources=self.sources_check.isChecked())  # fmt: skip
        request = ExportRequest(width, height, scale, t0, t1, THEMES[self.theme_combo.currentData()], decorations,
                                sheet=SIZE_BY_KEY[self.size_key()].sheet if self.size_key() in SIZE_BY_KEY else None)
        request.shown, request.lanes, request.matches = self.view_shown, self.view_lanes, self.view_matches  # type: ignore[assignment]
        request.tags_on = self.view_tags_on
        return request

    def draw_as(self, shown, lanes, matches, tags_on: frozenset[str] | None) -> None:
        """Export with the window's filters (the events it draws), its lanes and its search's matches."""
        self.view_shown, self.view_lanes, self.view_matches, self.view_tags_on = shown, lanes, matches, tags_on

    # -- where ----------------------------------------------------------------------------------------
    def set_output_path(self, path: Path | str) -> None:
        """Choose the file to write without a file dialog."""
        self.path_edit.setText(str(path))
        self._output = Path(path)

    def output_path(self) -> Path | None:
        return self._output

    def suggested_path(self) -> Path:
        """Where the save dialog starts: the last export's folder and format, named after the chronology."""
        folder = self.settings.get("export/folder")
        base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
        return base / (default_file_name(self.store.header.title) + self.settings.get("export/format"))

    def _on_path_text(self, text: str) -> None:
        self._output = Path(text.strip()).expanduser() if text.strip() else None

    def _choose_clicked(self) -> None:
        path = self.ask_for_path()
        if path is not None:
            self.set_output_path(path)

    def ask_for_path(self) -> Path | None:
        """The native save dialog, starting from the suggested name; None when cancelled."""
        suggested = self.path_edit.text().strip() or str(self.suggested_path())
        filters = ";;".join(save_filters(Path(suggested).suffix))
        name, chosen_filter = QFileDialog.getSaveFileName(self, "Export the timeline", suggested, filters)
        if not name:
            return None
        path = Path(name)
        extension = suffix_of_filter(chosen_filter)
        if path.suffix.lower() not in WRITERS and extension is not None:
            path = path.with_name(path.name + extension)
        return path

    # -- doing it -------------------------------------------------------------------------------------
    def accept(self) -> None:
        output = self._output
        if output is None:
            output = self.ask_for_path()
            if output is None:
                return
            self.set_output_path(output)
        if self.run_export(output):
            super().accept()

    def run_export(self, output: Path) -> bool:
        """Write the picture to `output`; a one-line message box on failure. True when written."""
        request = self.request()
        progress: QProgressDialog | None = None
        callback = None
        if request.width * request.height > PROGRESS_PIXELS:
            progress = QProgressDialog(f"Exporting {output.name}…", "", 0, 100, self)
            progress.setCancelButton(None)
            progress.setWindowTitle("Export")
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
            progress.setAutoClose(False)
            progress.setValue(0)

            def callback(percent: int, dialog: QProgressDialog = progress) -> None:
                dialog.setValue(percent)

        try:
            export(self.store, output, request, callback)
        except ExportError as error:
            self._close_progress(progress)
            self._warn(str(error).splitlines()[0])
            return False
        except Exception as error:  # never a traceback in the user's face
            self._close_progress(progress)
            self._warn(f"could not export: {error}".splitlines()[0])
            return False
        self._close_progress(progress)
        self._remember(output)
        self.exported.emit(output, f"Exported {output.name} ({request.width} × {request.height})")
        return True

    def _warn(self, text: str) -> None:
        """'Export failed' with the reason shown as written (it may name a file whose name looks like markup)."""
        QMessageBox.warning(self, "Export failed", plain_message(text))

    @staticmethod
    def _close_progress(progress: QProgressDialog | None) -> None:
        if progress is not None:
            progress.close()
            progress.deleteLater()
