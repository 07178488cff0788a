"""Export: every format, the exact size, the range options, and the failures that must leave nothing behind."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from viewer.cli import main
from viewer.export import (
    WRITERS,
    ExportError,
    ExportRequest,
    Picture,
    Writing,
    export,
    largest_png,
    render_image,
    writers,
)
from viewer.model.dates import parse_date
from viewer.model.loader import load
from viewer.model.store import Store
from viewer.render.painter import Frame, TimelinePainter
from viewer.render.theme import DARK

ROOT = Path(__file__).resolve().parents[2]


def _image(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a readable image"
    return image


def _distinct_colours(image: QImage, step: int = 7) -> int:
    colours = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    return len(colours)


def _median_lightness(image: QImage) -> int:
    values = sorted(image.pixelColor(x, y).lightness() for y in range(0, image.height(), 5)
                    for x in range(0, image.width(), 5))  # fmt: skip
    return values[len(values) // 2]


def test_png_has_exactly_the_size_asked_for(qapp, shipped_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "t.png"
    export(shipped_store, out, ExportRequest(1234, 567))
    image = _image(out)
    assert (image.width(), image.height()) == (1234, 567)
    assert _distinct_colours(image) > 20, "the picture is (nearly) blank"


def test_scale_keeps_the_pixel_size_and_draws_larger(qapp, shipped_store: Store, tmp_path: Path) -> None:
    one, two = tmp_path / "one.png", tmp_path / "two.png"
    export(shipped_store, one, ExportRequest(800, 400, scale=1.0))
    export(shipped_store, two, ExportRequest(800, 400, scale=2.0))
    a, b = _image(one), _image(two)
    assert (b.width(), b.height()) == (800, 400)
    assert a != b


def test_svg_is_a_valid_svg_with_the_titles(qapp, shipped_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "t.svg"
    export(shipped_store, out, ExportRequest(1600, 800))
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and text.rstrip().endswith("</svg>")
    assert "Korean War" in text


_PDF_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_PDF_TEXT = re.compile(rb"\bBT\b.*?(?:\bTj\b|\bTJ\b).*?\bET\b", re.S)


def _pdf_objects(data: bytes) -> dict[int, bytes]:
    return {int(number): body for number, body in _PDF_OBJECT.findall(data)}


def _pdf_stream(body: bytes) -> bytes:
    raw = body.split(b"stream", 1)[1].lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    return zlib.decompress(raw) if b"/FlateDecode" in body.split(b"stream", 1)[0] else raw


def vector_pdf_problems(data: bytes) -> list[str]:
    """Why `data` is not a vector drawing of the timeline: no text drawn as text, no fonts, or the page is
    one picture (an image XObject covering at least half the page each way, at 96 pixels to the inch)."""
    problems = []
    objects = _pdf_objects(data)
    pages = [body for body in objects.values() if re.search(rb"/Type\s*/Page\b", body)]
    if len(pages) != 1:
        return [f"{len(pages)} pages"]
    page = pages[0]
    box = [float(v) for v in re.search(rb"/MediaBox\s*\[([^\]]*)\]", page).group(1).split()]
    page_w, page_h = (box[2] - box[0]) * 96 / 72, (box[3] - box[1]) * 96 / 72
    contents = int(re.search(rb"/Contents\s+(\d+) 0 R", page).group(1))
    if not _PDF_TEXT.search(_pdf_stream(objects[contents])):
        problems.append("the page draws no text (no BT … Tj/TJ … ET)")
    if not any(re.search(rb"/Type\s*/Font\b", body) for body in objects.values()):
        problems.append("no font resources")
    for body in objects.values():
        head = body.split(b"stream", 1)[0]
        if re.search(rb"/Subtype\s*/Image\b", head):
            width = int(re.search(rb"/Width\s+(\d+)", head).group(1))
            height = int(re.search(rb"/Height\s+(\d+)", head).group(1))
            if width >= page_w / 2 and height >= page_h / 2:
                problems.append(f"a {width}×{height} image covers the page")
    return problems


def test_pdf_is_a_vector_pdf(qapp, shipped_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "t.pdf"
    export(shipped_store, out, ExportRequest(1600, 800))
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]
    assert vector_pdf_problems(data) == []


def test_the_vector_check_refuses_a_raster_only_pdf(qapp, shipped_store: Store) -> None:
    """The same picture pasted into a PDF as one image must fail the check above."""
    image = render_image(shipped_store, ExportRequest(1600, 800))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setPageSize(QPageSize(QSizeF(1200, 600), QPageSize.Unit.Point, "timeline"))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, 1600, 800), image)
    painter.end()
    buffer.close()
    problems = vector_pdf_problems(bytes(data))
    assert "the page draws no text (no BT … Tj/TJ … ET)" in problems
    assert "no font resources" in problems
    assert any("image covers the page" in problem for problem in problems)


def test_dark_theme_darkens_the_background(qapp, shipped_store: Store) -> None:
    light = render_image(shipped_store, ExportRequest(400, 300))
    dark = render_image(shipped_store, ExportRequest(400, 300, theme=DARK))
    assert _median_lightness(light) > 200
    assert _median_lightness(dark) < 60


def test_range_options_change_what_is_drawn(qapp, shipped_store: Store, tmp_path: Path) -> None:
    whole = render_image(shipped_store, ExportRequest(1200, 500))
    hanoi = render_image(
        shipped_store,
        ExportRequest(1200, 500, t0=parse_date("2019-02-26").start_seconds, t1=parse_date("2019-03-01").end_seconds),
    )
    assert whole != hanoi


def test_from_and_to_on_the_command_line(qapp, shipped_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "hanoi.png"
    code = main(["export", str(shipped_path), "-o", str(out), "--width", "900", "--height", "400",
                 "--from", "2019-02-26", "--to", "2019-03-01", "--title", "The Hanoi days"])  # fmt: skip
    assert code == 0
    assert _image(out).width() == 900


def test_unknown_extension_is_a_usage_error(qapp, shipped_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.bmp"
    assert main(["export", str(shipped_path), "-o", str(out)]) == 2
    assert not out.exists()


def test_missing_folder_exits_1_and_writes_nothing(qapp, shipped_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "no" / "such" / "folder" / "t.png"
    assert main(["export", str(shipped_path), "-o", str(out)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's /proc, where nobody may create files")
def test_unwritable_folder_exits_1_and_leaves_nothing(qapp, shipped_path: Path, capsys) -> None:
    """/proc refuses new files even to root, so this runs the same as a user or in CI."""
    out = Path("/proc/timeline-viewer-export-test.png")
    assert main(["export", str(shipped_path), "-o", str(out)]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert not out.exists()


def test_failed_write_leaves_the_previous_file_untouched(qapp, shipped_store: Store, tmp_path: Path) -> None:
    """QSaveFile: the old file stays whole when the new one cannot be written (here: a folder is in the way
    of the temporary file's rename, simulated by making the target a directory)."""
    target = tmp_path / "t.png"
    target.mkdir()
    with pytest.raises(ExportError):
        export(shipped_store, target, ExportRequest(200, 100))
    assert target.is_dir() and list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["t.png"], "a temporary file was left behind"


def test_broken_chronology_is_not_exported(qapp, tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "timeline:\n  title: x\nevents:\n  - id: a\n    title: A\n    date: 2019-02-30\n", encoding="utf-8"
    )
    out = tmp_path / "t.png"
    assert main(["export", str(broken), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{broken}:6:11:" in err and "does not exist" in err
    assert not out.exists()


def test_too_large_says_the_largest_size_that_works(qapp, shipped_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "huge.png"
    with pytest.raises(ExportError, match=r"largest PNG at this aspect is \d+×\d+"):
        export(shipped_store, out, ExportRequest(60_000, 40_000))
    assert not out.exists()
    w, h = largest_png(60_000, 40_000)
    assert w * h * 4 < 2**31 and max(w, h) <= 32_767


def test_poster_twenty_thousand_pixels_wide(qapp, shipped_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "poster.png"
    export(shipped_store, out, ExportRequest(20_000, 2_000, scale=4.0))
    image = _image(out)
    assert (image.width(), image.height()) == (20_000, 2_000)


def test_export_matches_the_painter_drawing_into_an_image(qapp, shipped_store: Store) -> None:
    """The export is the painter's picture, pixel for pixel, for the same range, size and theme."""
    request = ExportRequest(1000, 500, t0=parse_date("2018").start_seconds, t1=parse_date("2019").end_seconds)
    exported = render_image(shipped_store, request)
    direct = QImage(1000, 500, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(direct)
    TimelinePainter().paint(painter, QRectF(0, 0, 1000, 500), Frame(shipped_store, request.t0, request.t1))
    painter.end()
    assert exported == direct


def test_command_line_export_works_with_no_display_at_all(tmp_path: Path) -> None:
    """The issue's own check: DISPLAY unset, no QT_QPA_PLATFORM; the program picks offscreen by itself."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "t.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "viewer",
            "export",
            "events.yaml",
            "-o",
            str(out),
            "--width",
            "3000",
            "--height",
            "1200",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = _image(out)
    assert (image.width(), image.height()) == (3000, 1200)


def test_the_window_and_the_export_draw_the_same_picture(qtbot, shipped_store: Store) -> None:
    """What you see is what you export: the timeline widget and the PNG export, same range, size and theme,
    are the same pixels."""
    from viewer.render.theme import LIGHT
    from viewer.ui.timeline_view import TimelineView

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.set_store(shipped_store)
    view.set_theme(LIGHT)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    t0, t1 = view.visible_range()
    window = view.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    exported = render_image(shipped_store, ExportRequest(1000, 600, t0=t0, t1=t1, theme=LIGHT))
    assert (window.width(), window.height()) == (1000, 600)
    assert window == exported


CORPUS = ROOT / "tests" / "corpus"
BROKEN = sorted(p.name for p in CORPUS.glob("*.yaml") if p.name != "valid.yaml")


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_file_is_never_exported(qapp, name: str, tmp_path: Path, capsys) -> None:
    """Every kind of mistake in the corpus: export says where it is, exits 1, and writes nothing."""
    out = tmp_path / "t.png"
    assert main(["export", str(CORPUS / name), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{CORPUS / name}:" in err and "nothing was written" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# -- the writers table ---------------------------------------------------------------------------------------

_MAGIC = {Picture.PNG: b"\x89PNG\r\n\x1a\n", Picture.SVG: b"<?xml", Picture.PDF: b"%PDF-"}


def test_every_format_has_one_row_and_its_writer_writes_that_format(qapp, shipped_store: Store) -> None:
    assert sorted(row.format.value for row in WRITERS.values()) == sorted(p.value for p in Picture)
    for suffix, row in WRITERS.items():
        assert suffix == f".{row.format.value}"
        data = bytes(row.write(shipped_store, ExportRequest(320, 200)))
        assert data.lstrip().startswith(_MAGIC[row.format]), suffix
        assert writers.file_filter(suffix) == f"{row.name} (*{suffix})"


def test_export_writes_whatever_row_the_suffix_names(qapp, shipped_store: Store, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    calls: list[ExportRequest] = []

    def write_text(store: Store, request: ExportRequest, progress=None) -> bytes:
        calls.append(request)
        return f"{store.header.title} {request.width}x{request.height}\n".encode()

    monkeypatch.setitem(WRITERS, ".txt", Writing(Picture.PNG, "Plain text", write_text))
    export(shipped_store, tmp_path / "t.TXT", ExportRequest(300, 100))
    assert (tmp_path / "t.TXT").read_text(encoding="utf-8") == f"{shipped_store.header.title} 300x100\n"
    assert len(calls) == 1
    assert ".txt" in writers.suffix_words() and "Plain text (*.txt)" in writers.save_filters()


def test_an_upper_case_suffix_is_its_format(qapp, shipped_store: Store, tmp_path: Path) -> None:
    export(shipped_store, tmp_path / "T.PDF", ExportRequest(300, 200))
    assert (tmp_path / "T.PDF").read_bytes().startswith(b"%PDF-")


def test_an_unknown_suffix_names_every_suffix_the_table_has(qapp, shipped_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as caught:
        export(shipped_store, tmp_path / "t.gif", ExportRequest(300, 200))
    assert str(caught.value) == "cannot tell the format from 't.gif': use .png, .svg or .pdf"
    assert not list(tmp_path.iterdir())


def test_save_filters_put_the_asked_format_first_and_map_back_to_suffixes() -> None:
    assert writers.save_filters(".svg")[0] == "SVG drawing (*.svg)"
    assert writers.save_filters(".PDF")[0] == "PDF document (*.pdf)"
    assert writers.save_filters() == [writers.file_filter(s) for s in WRITERS]
    for suffix in WRITERS:
        assert writers.suffix_of_filter(writers.file_filter(suffix)) == suffix
    assert writers.suffix_of_filter("All files (*)") is None


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_an_svg_declares_its_size_in_pixels(qapp, tmp_path: Path, shipped_store: Store, scale: float) -> None:
    """A 1920×1080 export opens at 1920×1080, not at the 2560×1440 that millimetres at 72 dpi made of it."""
    import xml.etree.ElementTree as ET

    out = tmp_path / "picture.svg"
    export(shipped_store, out, ExportRequest(1920, 1080, scale))
    root = ET.fromstring(out.read_bytes())
    assert (root.get("width"), root.get("height")) == ("1920px", "1080px")
    assert root.get("viewBox") == f"0 0 {1920 / scale:g} {1080 / scale:g}"


def test_export_tag_draws_only_the_events_with_any_of_the_tags(qapp, shipped_path: Path, tmp_path: Path,
                                                               capsys) -> None:  # fmt: skip
    out = tmp_path / "vietnam.svg"
    code = main(["export", str(shipped_path), "-o", str(out), "--tag", "Vietnam", "--tag", "Singapore",
                 "--from", "1950", "--to", "2019"])  # fmt: skip
    assert code == 0
    svg = out.read_text(encoding="utf-8")
    store = load(shipped_path).store
    assert store is not None
    kept = [e for e in store.events if {"Vietnam", "Singapore"} & set(e.tags)]
    left_out = [e for e in store.events if not {"Vietnam", "Singapore"} & set(e.tags)]
    assert any(_escaped(e.title[:20]) in svg for e in kept)
    assert not any(_escaped(e.title[:20]) in svg for e in left_out if len(e.title) > 20)
    assert ">North Korea<" not in svg, "the legend lists only the tags drawn"
    code = main(["export", str(shipped_path), "-o", str(tmp_path / "x.png"), "--tag", "Atlantis"])
    assert code == 2
    assert "no event has the tag 'Atlantis'" in capsys.readouterr().err


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")


ERA_CHRONOLOGY = """\
timeline: {title: Eras and lanes}
sources: [{id: a, title: A, file: sources/article.txt}]
eras:
  - {title: Between the summits, start: 2018-06, end: 2019-02, colour: "#D55E00"}
events:
  - {id: s, title: Singapore meeting, date: 2018-06-12, tags: [United States, North Korea],
     quotes: [{source: a, text: Singapore}], links: [{to: h, label: led to}]}
  - {id: h, title: Hanoi meeting, date: 2019-02-27, tags: [Vietnam], quotes: [{source: a, text: Hanoi}]}
"""


def _era_file(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "article.txt").write_bytes(
        (Path(__file__).resolve().parents[1] / "corpus" / "sources" / "article.txt").read_bytes()
    )
    path = tmp_path / "eras.yaml"
    path.write_text(ERA_CHRONOLOGY, encoding="utf-8")
    return path


def test_export_draws_the_eras_behind_the_events(qapp, tmp_path: Path) -> None:
    path = _era_file(tmp_path)
    out = tmp_path / "eras.svg"
    assert main(["export", str(path), "-o", str(out), "--from", "2018-05", "--to", "2019-03"]) == 0
    svg = out.read_text(encoding="utf-8")
    assert ">Between the summits<" in svg
    # An SVG is written in drawing order: the era's band and name come before every event's title.
    assert svg.index(">Between the summits<") < svg.index(">Singapore meeting<")
    assert "#d55e00" in svg.lower(), "in the era's own colour"


def test_export_lanes_draws_a_lane_per_tag_with_the_event_in_each(qapp, tmp_path: Path) -> None:
    path = _era_file(tmp_path)
    out = tmp_path / "lanes.svg"
    assert main(["export", str(path), "-o", str(out), "--lanes", "tags", "--from", "2018-05", "--to", "2019-03"]) == 0
    svg = out.read_text(encoding="utf-8")
    for lane in ("United States", "North Korea", "Vietnam"):
        assert f">{lane}<" in svg
    assert svg.count(">Singapore meeting<") == 2, "an event with two tags is drawn in both lanes"
    plain = tmp_path / "plain.svg"
    assert main(["export", str(path), "-o", str(plain), "--from", "2018-05", "--to", "2019-03"]) == 0
    assert plain.read_text(encoding="utf-8").count(">Singapore meeting<") == 1
