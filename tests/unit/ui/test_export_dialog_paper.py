"""The export dialog's paper sizes: the PDF page is the paper chosen."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_paper import close, pdf_page
from viewer.export.paper import Paper, Sheet


def test_the_export_dialog_offers_papers(open_window, qtbot, tmp_path: Path) -> None:
    from viewer.ui.main_window import MainWindow

    window: MainWindow = open_window(size=(1000, 700))
    dialog = window.export_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    labels = [dialog.size_combo.itemText(i) for i in range(dialog.size_combo.count())]
    assert "A4 landscape (PDF page; 3508 × 2480 at 300 dpi)" in labels
    assert any(label.startswith("Letter portrait") for label in labels)
    dialog.set_size("letter")
    assert dialog.request().sheet == Sheet(Paper.LETTER)
    assert dialog.run_export(tmp_path / "letter.pdf")
    assert close(pdf_page(tmp_path / "letter.pdf")[0], (792.0, 612.0))
    dialog.set_size("1920x1080")
    assert dialog.request().sheet is None
