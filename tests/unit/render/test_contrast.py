"""Legibility of both themes, computed from their colours: WCAG AA contrast and colour-blind-safe tag colours.

Text must reach 4.5:1 against what it is drawn on, the marks a reader needs to find an event 3:1 against the
ground (WCAG 2.x 1.4.3 and 1.4.11). Tag colours must stay apart (CIEDE2000) for normal vision and for
protanopia, deuteranopia and tritanopia simulated with Machado et al. (2009).
"""

from __future__ import annotations

import itertools

import pytest

from viewer.render.contrast import (
    DISTINCT_DELTA_E,
    MARK_AA,
    TEXT_AA,
    Deficiency,
    closest_pair,
    contrast,
    delta_e,
    delta_e_lab,
    mix,
    simulate,
)
from viewer.render.theme import BAR_STRENGTH, SPAN_STRENGTH, THEMES, Theme

THEME_LIST = list(THEMES.values())


# -- the arithmetic itself ----------------------------------------------------------------------------------
def test_contrast_ratios_match_wcag_examples() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_ciede2000_matches_the_published_test_data(first, second, expected) -> None:
    assert delta_e_lab(first, second) == pytest.approx(expected, abs=1e-4)


def test_simulation_merges_red_and_green_for_deuteranopes_but_not_blue_and_yellow() -> None:
    red, green = "#D03030", "#3F8F20"
    assert delta_e(red, green) > 30
    assert delta_e(simulate(red, Deficiency.DEUTERANOPIA), simulate(green, Deficiency.DEUTERANOPIA)) < 12
    blue, yellow = "#2040C0", "#E0C020"
    assert delta_e(simulate(blue, Deficiency.DEUTERANOPIA), simulate(yellow, Deficiency.DEUTERANOPIA)) > 40
    for deficiency in Deficiency:  # greys are seen as they are
        assert simulate("#808080", deficiency) == "#808080"


# -- the themes -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
@pytest.mark.parametrize(
    ("ink", "ground"),
    [
        ("text", "background"),  # titles
        ("text", "axis_background"),  # major axis labels, the legend's names
        ("text", "panel"),
        ("muted_text", "background"),  # dates after titles
        ("muted_text", "axis_background"),  # minor axis labels
        ("cluster_text", "cluster_fill"),  # the count in a cluster's pill
    ],
)
def test_text_reaches_4_5_to_1(theme: Theme, ink: str, ground: str) -> None:
    ratio = contrast(getattr(theme, ink), getattr(theme, ground))
    assert ratio >= TEXT_AA, f"{theme.name}: {ink} on {ground} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
@pytest.mark.parametrize("mark", ["untagged", "selection", "density", "visible_range"])
def test_essential_marks_reach_3_to_1(theme: Theme, mark: str) -> None:
    ratio = contrast(getattr(theme, mark), theme.background)
    assert ratio >= MARK_AA, f"{theme.name}: {mark} on the background is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
def test_every_tag_colour_is_a_visible_mark(theme: Theme) -> None:
    """A dot, a period's foot line and a legend swatch are drawn in the full colour; a bar in its fill."""
    for slot, colour in enumerate(theme.tag_colours):
        assert contrast(colour, theme.background) >= MARK_AA, (theme.name, slot, colour)
        assert contrast(colour, theme.axis_background) >= MARK_AA, (theme.name, slot, colour, "legend")
        bar = theme.fill_for(slot, BAR_STRENGTH)
        assert contrast(bar, theme.background) >= MARK_AA, (theme.name, slot, colour, "bar")


@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
@pytest.mark.parametrize("strength", [BAR_STRENGTH, SPAN_STRENGTH], ids=["bar", "span"])
def test_a_label_inside_a_bar_reads_at_4_5_to_1(theme: Theme, strength: float) -> None:
    for slot in [-1, *range(len(theme.tag_colours))]:
        fill = theme.fill_for(slot, strength)
        ink = theme.ink_on(fill)
        assert contrast(ink, fill) >= TEXT_AA, (theme.name, slot, fill, ink)


@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
@pytest.mark.parametrize("deficiency", [None, *Deficiency], ids=lambda d: "normal" if d is None else d.value)
def test_tag_colours_stay_apart(theme: Theme, deficiency: Deficiency | None) -> None:
    distance, i, j = closest_pair(theme.tag_colours, deficiency)
    assert distance >= DISTINCT_DELTA_E, (
        f"{theme.name}, {deficiency}: {theme.tag_colours[i]} and {theme.tag_colours[j]} are ΔE {distance:.1f} apart"
    )


@pytest.mark.parametrize("theme", THEME_LIST, ids=lambda t: t.name)
def test_tag_colours_stay_apart_from_the_untagged_grey(theme: Theme) -> None:
    for colour, deficiency in itertools.product(theme.tag_colours, [None, *Deficiency]):
        a = colour if deficiency is None else simulate(colour, deficiency)
        b = theme.untagged if deficiency is None else simulate(theme.untagged, deficiency)
        assert delta_e(a, b) >= DISTINCT_DELTA_E, (theme.name, colour, deficiency)


def test_mix_lays_a_colour_over_another() -> None:
    assert mix("#000000", "#FFFFFF", 0.5) in ("#7F7F7F", "#808080")
    assert mix("#123456", "#FFFFFF", 1.0) == "#123456"
