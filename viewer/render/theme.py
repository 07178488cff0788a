"""Colours and sizes of the picture, for light and dark; plain data so layout and tests need no Qt.

Tag colours follow Okabe and Ito's palette, chosen to stay distinguishable for colour-blind readers; the
dark theme lightens them so they keep their contrast on a dark ground.
"""

from __future__ import annotations

from dataclasses import dataclass

LIGHT_TAG_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8E6C00", "#6A3D9A")
DARK_TAG_COLOURS = ("#5AB0F0", "#FF8A4C", "#3DD6A3", "#F09AD0", "#FFC24D", "#9AD7FF", "#E3C15A", "#B99AE8")


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


LIGHT = Theme(
    name="light",
    background="#FFFFFF",
    panel="#F4F5F7",
    text="#1D2127",
    muted_text="#5E6672",
    grid="#ECEEF1",
    grid_major="#D5D9DF",
    axis_background="#F7F8FA",
    untagged="#6B7280",
    selection="#111827",
    density="#9AA3AF",
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
    untagged="#9CA3AF",
    selection="#F9FAFB",
    density="#5B6470",
    cluster_fill="#2C323B",
    cluster_text="#E6E8EB",
    visible_range="#60A5FA",
    tag_colours=DARK_TAG_COLOURS,
)

THEMES = {"light": LIGHT, "dark": DARK}
