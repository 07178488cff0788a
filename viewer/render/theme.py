"""Colours and sizes of the picture, for light and dark; plain data so layout and tests need no Qt.

Every colour is held to WCAG 2.x level AA (tests/unit/render/test_contrast.py computes the ratios): text
4.5:1 against what it is drawn on, the marks a reader needs (an event's dot, bar or period, the density
strip, the selection ring) 3:1 against the ground. The tag colours began as Okabe and Ito's palette; several
of its colours are too light for 3:1 on white, and its orange and brown, its blue and purple, meet under
simulated protanopia and deuteranopia. Each was moved a short way from its first colour (with the measures
of contrast.py) until every pair stays at least CIEDE2000 10 apart for normal vision and for simulated
protanopia, deuteranopia and tritanopia (Machado 2009).
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.render.contrast import contrast, mix

LIGHT_TAG_COLOURS = ("#3C4B87", "#B42D0F", "#1E8778", "#E14BA5", "#B47800", "#0087E1", "#87784B", "#5A0FE1")
DARK_TAG_COLOURS = ("#69A5F0", "#E19600", "#69A569", "#FF4BC3", "#D2D287", "#3CF0FF", "#FFD200", "#FFA5D2")

#: How much of its tag's colour a period (a month, a year, a decade: a soft span) and a range (a bar) are
#: filled with, over the background. A span is faint, so it also gets a line in its full colour along its
#: foot (the mark a reader needs, at 3:1); a bar's fill is strong enough on its own.
SPAN_STRENGTH = 0.32
BAR_STRENGTH = 0.85


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    background: str
    panel: str
    text: str
    muted_text: str
    grid: str
    grid_major: str
    axis_background: str
    untagged: str
    selection: str
    density: str
    cluster_fill: str
    cluster_text: str
    visible_range: str
    tag_colours: tuple[str, ...]

    @property
    def dark(self) -> bool:
        return self.name == "dark"

    def colour_for(self, tag_index: int) -> str:
        """The colour of the tag at `tag_index` in the legend's order; -1 means no tag."""
        if tag_index < 0:
            return self.untagged
        return self.tag_colours[tag_index % len(self.tag_colours)]

    def fill_for(self, tag_index: int, strength: float) -> str:
        """The opaque colour a span or bar of this tag is filled with."""
        return mix(self.colour_for(tag_index), self.background, strength)

    def ink_on(self, fill: str) -> str:
        """The text colour that reads best on `fill` (a label inside a bar): the theme's text or its ground."""
        return max((self.text, self.background), key=lambda ink: contrast(ink, fill))


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    panel="#F4F5F7",
    text="#1D2127",
    muted_text="#5E6672",
    grid="#ECEEF1",
    grid_major="#D5D9DF",
    axis_background="#F7F8FA",
    untagged="#4A4D52",
    selection="#111827",
    density="#868F9B",
    cluster_fill="#E4E7EC",
    cluster_text="#1D2127",
    visible_range="#2563EB",
    tag_colours=LIGHT_TAG_COLOURS,
)

DARK = Theme(
    name="dark",
    background="#16191E",
    panel="#1E2228",
    text="#E6E8EB",
    muted_text="#9AA2AD",
    grid="#23272E",
    grid_major="#343A43",
    axis_background="#1B1F24",
    untagged="#707278",
    selection="#F9FAFB",
    density="#646D7A",
    cluster_fill="#2C323B",
    cluster_text="#E6E8EB",
    visible_range="#60A5FA",
    tag_colours=DARK_TAG_COLOURS,
)

THEMES = {"light": LIGHT, "dark": DARK}
