"""A title is drawn exactly as the file writes it, everywhere: the mark of doubt ("?") belongs to the date.

A newcomer saw "Ri Yong-ho contradicts Trump at night?" where the file says no such thing: the timeline added
the uncertain date's question mark to the headline. The date says its doubt itself ("28 February 2019?", a
dotted outline, "The date is uncertain."); the title stays the author's. A title that does end in "?" keeps
its own, once.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.export import ExportRequest, export
from viewer.model.loader import load
from viewer.render.layout import Metrics
from viewer.render.scene import Frame, Role, SceneBuilder
from viewer.render.view import fit_all

TITLES = {
    "doubtful-day": "Ri Yong-ho contradicts Trump at night",
    "doubtful-month": "Talks resume in the spring",
    "asks": "Is that what North Korea wants?",
}
CHRONOLOGY = """\
sources: [{id: a, title: A, file: article.txt}]
events:
  - {id: doubtful-day, title: "Ri Yong-ho contradicts Trump at night", date: "2019-02-28?",
     quotes: [{source: a, text: Hanoi}]}
  - {id: doubtful-month, title: "Talks resume in the spring", date: "~2019-04?", quotes: [{source: a, text: Hanoi}]}
  - {id: asks, title: "Is that what North Korea wants?", date: "2019-03?", quotes: [{source: a, text: Hanoi}]}
"""


@pytest.fixture
def chronology(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text("The two leaders met in Hanoi.", encoding="utf-8")
    path = tmp_path / "doubt.yaml"
    path.write_text(CHRONOLOGY, encoding="utf-8")
    return path


class WideMeasure:
    """Seven pixels a character: wide pictures hold every title whole."""

    def width(self, role: Role, text: str) -> float:
        return 7.0 * len(text)

    def elide(self, role: Role, text: str, width: float) -> str:
        return text if self.width(role, text) <= width else text[: max(0, int(width / 7) - 1)] + "…"

    def ascent(self, role: Role) -> float:
        return 10.0

    def height(self, role: Role) -> float:
        return 14.0


def test_the_scene_draws_each_title_as_written(chronology: Path) -> None:
    store = load(chronology).store
    assert store is not None and all(e.when.uncertain for e in store.events)
    t0, t1 = fit_all(store, 1600)
    builder = SceneBuilder(Metrics(row_height=25, bar_height=16), WideMeasure())
    for selected in (None, 0, 1, 2):
        scene = builder.build(Frame(store, t0, t1, selected=selected), 1600, 600)
        titles = [text.text for text in scene.texts() if text.role in (Role.TITLE, Role.SELECTED)]
        assert sorted(titles) == sorted(TITLES.values())


def test_tooltip_details_list_and_exports_keep_the_title(qtbot, chronology: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from viewer.ui.details import DetailsPanel
    from viewer.ui.timeline_view import TimelineView

    store = load(chronology).store
    assert store is not None
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(1400, 500)
    view.set_store(store)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    view.grab()  # a frame drawn: its geometry answers the tooltip
    panel = DetailsPanel()
    qtbot.addWidget(panel)
    for index, event in enumerate(store.events):
        rect = view.event_rect(index)
        assert rect is not None
        tip = view.tooltip_at(rect.center())
        assert unescape(re.sub(r"<[^>]+>", "\n", tip)).split("\n")[1] == TITLES[event.id]
        panel.show_event(store, index)
        assert panel.title_label.text() == TITLES[event.id]
        assert panel.date_label.text().split(" · ")[0].endswith("?")  # the doubt stays with the date

    assert main(["list", "--json", str(chronology)]) == 0
    assert {item["id"]: item["title"] for item in json.loads(capsys.readouterr().out)} == TITLES

    svg = tmp_path / "doubt.svg"
    export(store, svg, ExportRequest(2400, 700))
    drawn = [unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg.read_text(encoding="utf-8"))]
    for title in TITLES.values():
        assert title in drawn
        assert title + "?" not in drawn

