"""Groups, links and eras in the file: read into the model, with every mistake told where it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.model.dates import Precision
from viewer.model.events import Link
from viewer.model.loader import load_text
from viewer.model.store import Store

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"

HEAD = """\
timeline:
  title: Test chronology
sources:
  - id: article
    title: Leaders to meet in Hanoi
    file: sources/article.txt
events:
"""


def event(event_id: str, date: str, extra: str = "", tags: str = "[Vietnam]") -> str:
    return f"""\
  - id: {event_id}
    title: Event {event_id}
    date: {date}
    tags: {tags}
    quotes:
      - source: article
        text: The two leaders will meet again
{extra}"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    shutil.copy(CORPUS / "sources" / "article.txt", tmp_path / "sources" / "article.txt")
    return tmp_path


def loaded(folder: Path, text: str) -> Store:
    result = load_text(folder / "chronology.yaml", text)
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.store is not None
    return result.store


def problems(folder: Path, text: str) -> list[str]:
    result = load_text(folder / "chronology.yaml", text)
    assert result.store is None
    return [f"{p.line}:{p.column}: {p.message}" for p in result.problems]


def test_group_is_read_and_listed_in_order_of_first_appearance(folder: Path) -> None:
    store = loaded(folder, HEAD + event("b", "2019-02-27", "    group: North Korea\n")
                   + event("a", "2018-06-12", "    group: United States\n") + event("c", "2019-03-01"))
    assert store.events[store.index_of("a")].group == "United States"
    assert store.events[store.index_of("c")].group is None
    assert store.groups() == ["United States", "North Korea"]
    assert store.grouped("North Korea").tolist() == [store.index_of("b")]
    assert store.grouped(None).tolist() == [store.index_of("c")]


def test_links_point_forward_backward_and_round_in_a_cycle(folder: Path) -> None:
    later = "    links:\n      - to: early\n        label: answers\n"
    early = "    links:\n      - {to: late, label: led to}\n"
    store = loaded(folder, HEAD + event("late", "2019-02-27", later) + event("early", "2018-06-12", early))
    late_i, early_i = store.index_of("late"), store.index_of("early")
    assert store.events[late_i].links == (Link("early", "answers"),)
    assert store.links_from(early_i) == [(late_i, "led to")]
    assert store.links_from(late_i) == [(early_i, "answers")]  # to an earlier event
    assert store.links_into(early_i) == [(late_i, "answers")]
    sources, targets = store.link_pairs()
    pairs = sorted(zip(sources.tolist(), targets.tolist(), strict=True))
    assert pairs == sorted([(early_i, late_i), (late_i, early_i)])


def test_a_link_to_an_event_with_its_own_problem_is_not_called_unknown(folder: Path) -> None:
    broken = event("target", "2019-02-30")
    said = problems(folder, HEAD + event("a", "2018-06-12", "    links:\n      - to: target\n") + broken)
    assert len(said) == 1 and "day 30 does not exist" in said[0]


def test_unknown_link_targets_are_told_with_their_place(folder: Path) -> None:
    text = HEAD + event("a", "2018-06-12", "    links:\n      - to: nowhere\n      - to: a-1\n") + event("a-2", "2019")
    said = problems(folder, text)
    assert said == [
        "16:13: the link points to 'nowhere', which is not an event's id",
        "17:13: the link points to 'a-1', which is not an event's id; did you mean \"a-2\"?",
    ]


def test_eras_are_read_in_time_order_with_colours_and_quotes(folder: Path) -> None:
    eras = """\
eras:
  - title: Between the summits
    start: 2018-06
    end: 2019-02
    colour: "#abc"
    quotes:
      - source: article
        text: after their first meeting in Singapore
  - title: The Korean War
    start: 1950
    end: 1953
  - title: the 1980s
    date: 1980s
    colour: Orange
"""
    store = loaded(folder, HEAD + event("a", "2018-06-12") + eras)
    assert [era.title for era in store.eras] == ["The Korean War", "the 1980s", "Between the summits"]
    between = store.eras[2]
    assert between.colour == "#AABBCC"
    assert between.quotes[0].start >= 0
    assert store.eras[1].colour == "#FFA500"
    assert store.eras[1].when.precision is Precision.DECADE
    assert store.eras[0].colour is None


def test_a_file_without_eras_links_or_groups_loads_as_before(folder: Path) -> None:
    store = loaded(folder, HEAD + event("a", "2018-06-12"))
    assert store.eras == ()
    assert store.groups() == []
    assert store.links_from(0) == []
    assert store.link_pairs()[0].tolist() == []


def test_tagged_gives_events_with_any_of_the_tags(folder: Path) -> None:
    store = loaded(folder, HEAD + event("a", "2018-06-12", tags="[United States, North Korea]")
                   + event("b", "2018-07-01", tags="[Vietnam]") + event("c", "2018-08-01", tags="[]"))
    ids = [e.id for e in store.events]
    assert [ids[i] for i in store.tagged(["North Korea"])] == ["a"]
    assert [ids[i] for i in store.tagged(["Vietnam", "United States"])] == ["a", "b"]
    assert [ids[i] for i in store.untagged()] == ["c"]
    assert store.tagged(["nobody"]).tolist() == []


def test_the_shipped_chronology_reads_by_actor_with_source_backed_links_and_eras(shipped_store: Store) -> None:
    events = shipped_store.events
    assert all(event.group for event in events), "every shipped event has its actor's lane"
    assert {"United States", "North Korea", "Vietnam", "Summits"} <= set(shipped_store.groups())
    summits = {events[i].id for i in shipped_store.grouped("Summits")}
    assert {"singapore-summit", "hanoi-summit"} <= summits
    links = {(event.id, link.target) for event in events for link in event.links}
    assert ("pompeo-visits-vietnam", "hanoi-summit") in links
    assert ("hanoi-summit-collapses", "ri-yong-ho-press-conference") in links
    for event in events:
        for link in event.links:
            assert link.label, f"{event.id} -> {link.target} says why, with its source"
            assert shipped_store.index_of(link.target) is not None
    (war,) = shipped_store.eras
    assert (war.title, war.when.start.iso(), war.when.end.iso()) == ("Korean War", "1950", "1953")
    quote = war.quotes[0]
    assert shipped_store.sources[quote.source_id].text[quote.start : quote.end].startswith("during or after the Korean")
