"""Lanes: the chronology split into horizontal bands, one per tag or per group, each packed on its own.

Qt-free. Which lanes exist and which events each holds is decided here from the store and the view state's
choices (`LaneChoices`: the mode, the reader's order, the collapsed and hidden lanes); the scene then lays
out every lane like a small timeline of its own (rows, clusters, labels), and the painter draws it.

An event with several tags is in each of its tags' lanes (the same store index in several lanes: selecting
one copy selects them all, since the selection is an index). Events with no tag (or no group) get a lane of
their own, named so, placed last.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import numpy as np

from viewer.model.store import Store

#: The key of the lane of events without a tag (by tag) or without a group (by group).
NO_LANE = ""


class LaneMode(enum.Enum):
    """How the events are split into lanes."""

    __hash__ = object.__hash__  # members are singletons: hash by identity (Enum's own hash is slow)

    NONE = "none"  # one stack of rows, as before lanes existed
    TAGS = "tags"  # one lane per tag; an event with two tags is in both
    GROUP = "group"  # one lane per `group:` (TimelineJS's groups)

    @classmethod
    def parse(cls, value: object) -> LaneMode:
        """A mode from its value ("tags"), or NONE for anything unreadable (a hand-edited setting)."""
        for mode in cls:
            if value is mode or value == mode.value:
                return mode
        return cls.NONE


@dataclass(frozen=True)
class LaneChoices:
    """What the reader chose about lanes; kept by the view state, remembered in the settings."""

    mode: LaneMode = LaneMode.NONE
    order: tuple[str, ...] = ()  # lane keys in the reader's order; keys not named follow in the store's order
    collapsed: frozenset[str] = field(default_factory=frozenset)
    hidden: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True, eq=False)
class Lane:
    """One lane: its key (a tag or a group; NO_LANE for the rest), its title, and its events."""

    key: str
    title: str
    members: np.ndarray  # sorted store indices of the events drawn in it (the filters applied)
    collapsed: bool
    colour_slot: int  # the tag's colour (by tag), -1 otherwise


def lane_title(mode: LaneMode, key: str) -> str:
    if key != NO_LANE:
        return key
    return "No tag" if mode is LaneMode.TAGS else "No group"


def lane_keys(store: Store, mode: LaneMode) -> list[str]:
    """Every lane the store has in `mode`, in the store's own order (tags by use, groups by first appearance),
    the lane of the rest last when it has any event."""
    if mode is LaneMode.TAGS:
        keys = store.tags()
        if len(store.untagged()):
            keys.append(NO_LANE)
        return keys
    if mode is LaneMode.GROUP:
        keys = store.groups()
        if len(store.grouped(None)):
            keys.append(NO_LANE)
        return keys
    return []


def ordered_keys(store: Store, choices: LaneChoices) -> list[str]:
    """The store's lanes in the reader's order: the keys they moved first as they placed them, then the rest."""
    present = lane_keys(store, choices.mode)
    known = set(present)
    first = [key for key in choices.order if key in known]
    placed = set(first)
    return first + [key for key in present if key not in placed]


def members_of(store: Store, mode: LaneMode, key: str) -> np.ndarray:
    if mode is LaneMode.TAGS:
        return store.untagged() if key == NO_LANE else store.tagged([key])
    return store.grouped(None if key == NO_LANE else key)


def lanes_for(store: Store, choices: LaneChoices, shown: np.ndarray | None,
              tag_slots: dict[str, int]) -> list[Lane]:  # fmt: skip
    """The lanes to draw, in order: hidden lanes left out, each lane's events limited to `shown` (the filters'
    result, None for every event). A lane the filters empty is still drawn, empty, so that lanes do not jump
    about while the reader toggles tags; only a hidden lane goes."""
    lanes = []
    for key in ordered_keys(store, choices):
        if key in choices.hidden:
            continue
        members = members_of(store, choices.mode, key)
        if shown is not None:
            members = np.intersect1d(members, shown, assume_unique=True)
        slot = tag_slots.get(key, -1) if choices.mode is LaneMode.TAGS else -1
        lanes.append(Lane(key, lane_title(choices.mode, key), members, key in choices.collapsed, slot))
    return lanes
