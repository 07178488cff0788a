"""Synthetic chronologies of any size, with the shape of real ones, for the benchmark and scale tests.

Real chronologies are not uniform: long quiet stretches, then bursts where every day has several events
(a summit, a war, an election night). So most events here fall in a few dozen bursts of dense days, the
rest are spread over a century at every precision (days, months, years, decades) plus ranges, with
headline-length titles and a few actor tags each. A fixed seed makes every run draw the same chronology.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from viewer.model.dates import SECONDS_PER_DAY, EventDate, PartialDate, date_from_seconds, seconds_from_date
from viewer.model.events import Event, Header, Quote, Source
from viewer.model.store import Store

SEED = 20190227
FIRST_YEAR, LAST_YEAR = 1900, 2020
ACTORS = ("United States", "North Korea", "South Korea", "Vietnam", "China", "Japan", "Singapore",
          "United Nations", "Russia", "European Union", "India", "Australia")  # fmt: skip
SUBJECTS = ("Leaders", "Envoys", "Negotiators", "Ministers", "Delegates", "Observers", "Inspectors", "Officials")
VERBS = ("meet", "sign", "announce", "reject", "open talks on", "postpone", "agree on", "dispute", "review")
OBJECTS = ("a trade pact", "the sanctions regime", "a border accord", "the summit agenda", "a joint statement",
           "the inspection plan", "a ceasefire", "the aid package", "the nuclear talks",
           "a fisheries deal")  # fmt: skip
PLACES = ("Hanoi", "Singapore", "Seoul", "Pyongyang", "Beijing", "Tokyo", "Geneva", "Vienna", "Panmunjom", "Danang")
SOURCE_ID = "wire"
SOURCE_FILE = "sources/wire.txt"


@dataclass(frozen=True)
class Shape:
    """How the events are spread; the defaults give the realistic mix described above."""

    bursts: int = 40
    burst_share: float = 0.70
    day_share: float = 0.10
    month_share: float = 0.08
    year_share: float = 0.05
    decade_share: float = 0.02
    # the rest are ranges


def _sentences(rng: random.Random, count: int) -> list[str]:
    sentences = []
    for _ in range(count):
        sentences.append(
            f"{rng.choice(SUBJECTS)} from {rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"in {rng.choice(PLACES)}, officials said on the record."
        )
    return sentences


def source_text(seed: int = SEED) -> tuple[str, list[str]]:
    """The one source every synthetic quote comes from, and its sentences (the quotable passages)."""
    sentences = _sentences(random.Random(seed), 400)
    return "\n".join(sentences) + "\n", sentences


def _dates(count: int, rng: random.Random, shape: Shape) -> Iterator[tuple[PartialDate, PartialDate | None]]:
    first = seconds_from_date(date_from_seconds(0).replace(year=FIRST_YEAR))
    last = seconds_from_date(date_from_seconds(0).replace(year=LAST_YEAR))
    day = SECONDS_PER_DAY
    centres = [rng.uniform(first, last) for _ in range(shape.bursts)]
    widths = [rng.choice((3, 7, 14, 30, 60)) * day for _ in range(shape.bursts)]
    for _ in range(count):
        r = rng.random()
        if r < shape.burst_share:
            k = rng.randrange(shape.bursts)
            d = date_from_seconds(min(max(rng.gauss(centres[k], widths[k] / 2), first), last))
            yield PartialDate.of_day(d.year, d.month, d.day), None
            continue
        r -= shape.burst_share
        d = date_from_seconds(rng.uniform(first, last))
        if r < shape.day_share:
            yield PartialDate.of_day(d.year, d.month, d.day), None
        elif r < shape.day_share + shape.month_share:
            yield PartialDate.of_month(d.year, d.month), None
        elif r < shape.day_share + shape.month_share + shape.year_share:
            yield PartialDate.of_year(d.year), None
        elif r < shape.day_share + shape.month_share + shape.year_share + shape.decade_share:
            yield PartialDate.of_decade(d.year - d.year % 10), None
        else:
            length = rng.choice((2, 5, 20, 90, 400, 2000)) * day * rng.uniform(0.5, 1.5)
            e = date_from_seconds(min(seconds_from_date(d) + length, last))
            yield PartialDate.of_day(d.year, d.month, d.day), PartialDate.of_day(e.year, e.month, e.day)


def events(count: int, seed: int = SEED, shape: Shape = Shape()) -> list[Event]:
    """`count` events in file order (not sorted: the store sorts)."""
    rng = random.Random(seed)
    _, sentences = source_text(seed)
    quotes = [Quote(SOURCE_ID, s) for s in sentences]
    tag_sets = [tuple(rng.sample(ACTORS, rng.choice((1, 1, 2, 3)))) for _ in range(60)]
    result = []
    for number, (start, end) in enumerate(_dates(count, rng, shape)):
        title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {rng.choice(PLACES)}"
        result.append(
            Event(f"e{number}", title, EventDate(start, end), "", rng.choice(tag_sets), (rng.choice(quotes),))
        )
    return result


def store(count: int, seed: int = SEED) -> Store:
    text, _ = source_text(seed)
    source = Source(SOURCE_ID, "Synthetic wire service", "Synthetic", text=text)
    return Store(events(count, seed), {SOURCE_ID: source}, Header("Synthetic chronology"))


def write_yaml(folder: Path, count: int, seed: int = SEED) -> Path:
    """A loadable chronology file (with its source text) of `count` events in `folder`."""
    text, _ = source_text(seed)
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / SOURCE_FILE).write_text(text, encoding="utf-8")
    path = folder / "events.yaml"
    with path.open("w", encoding="utf-8") as out:
        out.write("timeline:\n  title: Synthetic chronology\n")
        out.write(f"sources:\n  - id: {SOURCE_ID}\n    title: Synthetic wire service\n    file: {SOURCE_FILE}\n")
        out.write("events:\n")
        for event in events(count, seed):
            when = event.when
            dates = (
                f"    start: '{when.start.iso()}'\n    end: '{when.end.iso()}'\n"
                if when.end
                else f"    date: '{when.start.iso()}'\n"
            )
            quote = event.quotes[0]
            out.write(
                f"  - id: {event.id}\n    title: {json.dumps(event.title)}\n{dates}"
                f"    tags: {json.dumps(list(event.tags))}\n"
                f"    quotes:\n      - source: {quote.source_id}\n        text: {json.dumps(quote.text)}\n"
            )
    return path
