"""Paper sizes: a PDF's page is the paper chosen (from the command line or the export dialog), the picture
filling it; PNG and SVG are drawn for the same paper at 300 dpi."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.export import ExportRequest, export
from viewer.export.paper import Orientation, Paper, Sheet
from viewer.model.loader import load
from viewer.resources import SHIPPED_CHRONOLOGY

SHIPPED = load(SHIPPED_CHRONOLOGY).store
A4_POINTS = (841.89, 595.28)  # 297 × 210 mm
LETTER_POINTS = (612.0, 792.0)  # 8.5 × 11 inches, upright


def pdf_page(path: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """(the page's size in points, the size of the first rectangle drawn, the background, in points)."""
    data = path.read_bytes()
    objects = {int(n): body for n, body in re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)}
    (page,) = [body for body in objects.values() if re.search(rb"/Type\s*/Page\b", body)]
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", page).group(1).split()]
    body = objects[int(re.search(rb"/Contents\s+(\d+) 0 R", page).group(1))]
    raw = body.split(b"stream", 1)[1].lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    stream = zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream", 1)[0] else raw
    scale = float(re.search(rb"([\d.]+) 0 0 -[\d.]+ 0 [\d.]+ cm", stream).group(1))
    _, _, w, h = (float(v) for v in re.search(rb"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", stream).groups())
    return (box[2] - box[0], box[3] - box[1]), (w * scale, h * scale)


def close(a: tuple[float, float], b: tuple[float, float], within: float = 1.0) -> bool:
    return abs(a[0] - b[0]) <= within and abs(a[1] - b[1]) <= within


def test_sheets_at_300_dpi() -> None:
    assert Sheet(Paper.A4).pixels() == (3508, 2480)
    assert Sheet(Paper.A4, Orientation.PORTRAIT).pixels() == (2480, 3508)
    assert Sheet(Paper.LETTER).pixels() == (3300, 2550)
    assert Paper.parse(" letter ") is Paper.LETTER
    with pytest.raises(ValueError, match="choose one of A3, A4"):
        Paper.parse("B9")


@pytest.mark.parametrize("sheet,points", [(Sheet(Paper.A4), A4_POINTS),
                                          (Sheet(Paper.LETTER, Orientation.PORTRAIT), LETTER_POINTS)])  # fmt: skip
def test_a_pdf_page_is_the_paper_and_the_picture_fills_it(qapp, tmp_path: Path, sheet: Sheet, points) -> None:
    out = tmp_path / "paper.pdf"
    export(SHIPPED, out, ExportRequest(1920, 1080, sheet=sheet))  # the paper wins over a pixel size
    page, background = pdf_page(out)
    assert close(page, points), f"the page is {page} points, not {sheet.words()}"
    assert close(background, page, within=2.0), "the picture fills the page"


def test_without_a_paper_the_page_has_the_pictures_size(qapp, tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    export(SHIPPED, out, ExportRequest(1600, 800))
    page, _ = pdf_page(out)
    assert close(page, (1200.0, 600.0))


def test_export_paper_on_the_command_line(qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf, png = tmp_path / "a4.pdf", tmp_path / "a4.png"
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(pdf), "--paper", "a4"]) == 0
    assert "A4 landscape" in capsys.readouterr().err
    assert close(pdf_page(pdf)[0], A4_POINTS)
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(png), "--paper", "Letter", "--portrait"]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (2550, 3300)
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(pdf), "--paper", "A4", "--width", "800"]) == 2
    assert "leave out --width and --height" in capsys.readouterr().err
    assert main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(pdf), "--portrait"]) == 2
    with pytest.raises(SystemExit):
        main(["export", str(SHIPPED_CHRONOLOGY), "-o", str(pdf), "--paper", "B9"])
    assert "unknown paper 'B9'" in capsys.readouterr().err

