"""The export dialog writes the picture asked for, remembers the choices, and says plainly when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.ui import export_dialog as export_dialog_module
from viewer.ui.export_dialog import ExportDialog
from viewer.ui.main_window import MainWindow


@pytest.fixture
def window(open_window) -> MainWindow:
    return open_window(size=(760, 560))


@pytest.fixture
def no_file_dialog(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("no native file dialog may open when the path is given")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(refuse))


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []

    def fake_warning(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    return shown


def make_dialog(window: MainWindow, qtbot) -> ExportDialog:
    dialog = window.export_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_writes_a_png_of_the_custom_size(window: MainWindow, qtbot, tmp_path: Path, no_file_dialog) -> None:
    dialog = make_dialog(window, qtbot)
    dialog.set_size("custom", 800, 500)
    out = tmp_path / "timeline.png"
    dialog.set_output_path(out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)
    assert "Exported timeline.png (800 × 500)" in window.status_message()
    assert not list(tmp_path.glob("*.png.*")), "no temporary files left behind"


def test_full_hd_preset_and_svg_by_extension(window: MainWindow, qtbot, tmp_path: Path, no_file_dialog) -> None:
    dialog = make_dialog(window, qtbot)
    dialog.set_size("1920x1080")
    out = tmp_path / "full-hd.png"
    assert dialog.run_export(out)
    assert QImage(str(out)).size().toTuple() == (1920, 1080)
    svg = tmp_path / "drawing.svg"
    assert dialog.run_export(svg)
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_window_size_follows_the_timeline(window: MainWindow, qtbot) -> None:
    dialog = make_dialog(window, qtbot)
    dialog.set_size("window")
    width, height, scale = dialog.pixel_size()
    ratio = window.view.devicePixelRatioF()
    assert (width, height) == (round(window.view.width() * ratio), round(window.view.height() * ratio))
    assert scale == ratio
    dialog.set_size("a4")
    assert dialog.pixel_size()[:2] == (3508, 2480)


def test_range_choice_and_title(window: MainWindow, qtbot) -> None:
    window.view.zoom_in()
    window.view.zoom_in()
    dialog = make_dialog(window, qtbot)
    assert dialog.title_edit.text() == window.store().header.title
    dialog.range_visible.setChecked(True)
    request = dialog.request()
    assert (request.t0, request.t1) == window.view.visible_range()
    assert request.decorations.title == window.store().header.title
    dialog.range_all.setChecked(True)
    dialog.title_edit.clear()
    everything = dialog.request()
    span = window.store().span()
    assert everything.t0 <= span[0] and everything.t1 >= span[1]
    assert everything.decorations.title is None


def test_choices_are_remembered(window: MainWindow, qtbot, tmp_path: Path) -> None:
    dialog = make_dialog(window, qtbot)
    dialog.set_size("custom", 640, 360)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.range_all.setChecked(True)
    dialog.legend_check.setChecked(False)
    dialog.sources_check.setChecked(True)
    assert dialog.run_export(tmp_path / "remember.pdf")
    again = make_dialog(window, qtbot)
    assert again.size_key() == "custom"
    assert (again.width_spin.value(), again.height_spin.value()) == (640, 360)
    assert again.theme_combo.currentData() == window.theme_name(), "the theme follows the window's, not the last export"
    assert again.range_all.isChecked()
    assert not again.legend_check.isChecked()
    assert again.sources_check.isChecked()
    assert again.suggested_path().parent == tmp_path
    assert again.suggested_path().suffix == ".pdf"


def test_a_failed_export_says_why_in_one_line_and_writes_nothing(window: MainWindow, qtbot, tmp_path: Path,
                                                                   warnings, no_file_dialog) -> None:  # fmt: skip
    dialog = make_dialog(window, qtbot)
    dialog.set_size("custom", 320, 200)
    out = tmp_path / "missing-folder" / "x.png"
    dialog.set_output_path(out)
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert len(warnings) == 1 and "\n" not in warnings[0]
    assert "does not exist" in warnings[0]
    assert not out.parent.exists()
    dialog.set_output_path(tmp_path / "picture.gif")
    dialog.accept()
    assert "use .png, .svg or .pdf" in warnings[1]
    assert [p.name for p in tmp_path.iterdir()] == ["settings"], "nothing written but the settings"


def test_without_a_path_the_save_dialog_is_asked(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    asked: list[str] = []

    def fake_save(_parent, _caption, suggested, filters, *_args, **_kwargs):
        asked.append(suggested)
        assert "PDF document (*.pdf)" in filters
        return str(tmp_path / "chosen"), "PDF document (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog = make_dialog(window, qtbot)
    dialog.set_size("custom", 300, 200)
    dialog.accept()
    assert asked and asked[0].endswith(".png")
    assert (tmp_path / "chosen.pdf").read_bytes().startswith(b"%PDF")


def test_large_exports_show_progress(window: MainWindow, qtbot, tmp_path: Path, monkeypatch) -> None:
    values: list[int] = []

    class RecordingProgress(export_dialog_module.QProgressDialog):
        def setValue(self, value: int) -> None:
            values.append(value)
            super().setValue(value)

    monkeypatch.setattr(export_dialog_module, "QProgressDialog", RecordingProgress)
    dialog = make_dialog(window, qtbot)
    dialog.set_size("custom", 400, 300)
    assert dialog.run_export(tmp_path / "small.png")
    assert values == [], "no progress dialog for a small picture"
    dialog.set_size("custom", 2600, 1800)
    assert dialog.run_export(tmp_path / "large.png")
    assert values[0] == 0 and values[-1] == 100
    assert QImage(str(tmp_path / "large.png")).size().toTuple() == (2600, 1800)


def test_the_save_dialog_offers_the_writers_table_and_adds_the_chosen_suffix(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch
) -> None:
    from viewer.export.writers import WRITERS, Picture, Writing, file_filter

    monkeypatch.setitem(WRITERS, ".txt", Writing(Picture.PNG, "Plain text", lambda store, request, progress=None: b"x"))
    offered: list[list[str]] = []

    def fake_save(_parent, _caption, _suggested, filters, *_args, **_kwargs):
        offered.append(filters.split(";;"))
        return str(tmp_path / "chosen"), "Plain text (*.txt)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    dialog = make_dialog(window, qtbot)
    assert dialog.ask_for_path() == tmp_path / "chosen.txt"
    assert sorted(offered[0]) == sorted(file_filter(suffix) for suffix in WRITERS)
    assert ".txt" in dialog.path_edit.placeholderText()
