"""What is actually drawn, measured from outside: every `<text>` of many exported SVGs, and every text of the
window's picture at several sizes, lies wholly inside the picture's width (the issue counted 116 of 3,959
labels crossing an edge before the scene decided placement)."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from viewer import synthetic
from viewer.export.pictures import ExportRequest, svg_bytes
from viewer.model.loader import load
from viewer.render.scene import Decorations
from viewer.render.theme import THEMES
from viewer.resources import SHIPPED_CHRONOLOGY
from viewer.ui.timeline_view import TimelineView

SHIPPED = load(SHIPPED_CHRONOLOGY).store
DENSE = synthetic.store(3_000, seed=13)
SVG = "{http://www.w3.org/2000/svg}"
_MATRIX = re.compile(r"matrix\(([^)]*)\)")


def views(store, count: int, seed: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    lo, hi = store.span()
    found = []
    for _ in range(count):
        span = max((hi - lo) * 1.2 * 10 ** rng.uniform(-5, 0), 12 * 3600.0)
        centre = rng.uniform(lo, hi)
        found.append((centre - span / 2, centre + span / 2))
    return found


def text_extents(svg: bytes) -> list[tuple[str, float, float]]:
    """(text, left, right) of every <text> element, measured with the font it names."""
    root = ET.fromstring(svg)
    extents = []
    metrics_for: dict[tuple[float, bool], QFontMetricsF] = {}

    def walk(node: ET.Element, dx: float) -> None:
        transform = _MATRIX.search(node.get("transform", ""))
        if transform:
            dx += float(transform.group(1).split(",")[4])
        if node.tag == SVG + "text" and (node.text or "").strip():
            size = float(node.get("font-size", "12"))
            bold = int(node.get("font-weight", "400")) >= 600
            metrics = metrics_for.get((size, bold))
            if metrics is None:
                font = QFont(node.get("font-family", "DejaVu Sans"))
                font.setPixelSize(round(size))
                font.setBold(bold)
                font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
                metrics = metrics_for[(size, bold)] = QFontMetricsF(font)
            left = float(node.get("x", "0")) + dx
            extents.append((node.text or "", left, left + metrics.horizontalAdvance(node.text or "")))
        for child in node:
            walk(child, dx)

    walk(root, 0.0)
    return extents


@pytest.mark.parametrize("store", [SHIPPED, DENSE], ids=["shipped", "dense"])
@pytest.mark.parametrize("width,height", [(800, 500), (1920, 1080), (3508, 2480)])
def test_no_exported_text_crosses_the_edge(qapp, store, width, height) -> None:
    checked = 0
    for number, (t0, t1) in enumerate(views(store, 8, seed=width * 7 + len(store))):
        decorations = Decorations(title="From Punggye-ri to Hanoi", legend=True, sources=number % 2 == 0)
        theme = THEMES["dark" if number % 2 else "light"]
        request = ExportRequest(width, height, 1.0, t0, t1, theme, decorations)
        for text, left, right in text_extents(bytes(svg_bytes(store, request))):
            assert left >= -0.5 and right <= width + 0.5, f"{text!r} spans {left:.1f}..{right:.1f} of {width}"
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("size", [(640, 420), (1100, 600), (1800, 900)])
def test_no_text_of_the_window_crosses_its_edge(qtbot, size) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_store(SHIPPED)
    view.show()
    qtbot.waitExposed(view)
    for t0, t1 in views(SHIPPED, 12, seed=size[0]):
        view.set_range(t0, t1)
        view.grab()
        scene = view.painter().scene
        assert scene is not None and scene.width == view.width()
        for text in scene.texts():
            assert text.box.x >= 0 and text.box.right <= view.width(), (text.text, text.box)
