"""The TimelineJS JSON reader (Knight Lab's TimelineJS3 format, https://timeline.knightlab.com/docs/json-format.html).

A TimelineJS file is an object with `events` (a list of slides), an optional `title` slide and optional
`eras`. A slide has `start_date` and `end_date` (objects of year, month, day, hour, minute, second,
millisecond and display_date, numbers or text; empty text means "not given"), `text` (`headline` and
`text`, both HTML), `media` (url, caption, credit, thumbnail, ...), `group`, `display_date`, `background`
(`url` or `color`) and `unique_id`. They become the project's fields:

| TimelineJS | chronology |
| --- | --- |
| `title.text.headline` / `.text` | `timeline: title` / `description` (as plain text) |
| `start_date`, `end_date` | `date`, or `start` and `end`, each to the precision its parts give |
| `text.headline` | `title` (plain text) |
| `text.text` | `summary_html` (sanitized) and its plain text as `summary` |
| `media` | `media` (url, credit, caption, thumbnail) |
| `unique_id` | `id` (made from the headline when missing or not a word) |
| `display_date` | `display_date` |
| `background` | `background` (its colour or address) |
| `group` | `group` (the event's lane when lanes are by group) |
| `eras` | `eras` (title from `text.headline`, summary from `text.text`) |

Keys the viewer has no use for (`scale`, `autolink`, `media.alt`, ...) are let be, not errors. A TimelineJS
slide cites nothing, so its event is *uncited* unless it comes back from this viewer with quotes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.model.nodes import Mark, is_list, is_map
from viewer.model.readers.base import EmptyFile, Progress
from viewer.model.readers.jsontree import parse
from viewer.model.readers.slides import Cell, ChronologyBuilder, DateParts, When, html_cell, plain_cell
from viewer.model.readers.text import read_text
from viewer.model.readers.tree import BuiltMap, Chronology
from viewer.model.richtext import plain_text

DATE_KEYS = ("year", "month", "day", "hour", "minute", "second")


def read(path: Path, progress: Progress | None = None) -> Any:
    """Nodes from the TimelineJS JSON file at `path` (see viewer.model.readers.base.Reader)."""
    text = read_text(path, "JSON")
    if not text.strip():
        raise EmptyFile(path)
    return from_json(path, parse(path, text, progress))


def from_json(path: Path, root: Any) -> Chronology:
    """The chronology a parsed TimelineJS document holds, with the problems of its own fields."""
    reader = _Slides(path)
    if not is_map(root):
        mark = getattr(root, "mark", Mark(1, 1))
        reader.problem(mark, "a TimelineJS file is an object with 'events' (and optionally 'title' and 'eras')")
        return reader.finish()
    title = reader.mapping(root, "title")
    if title is not None:
        text = reader.mapping(title, "text")
        if text is not None:
            reader.title(reader.scalar(text, "headline"))
            reader.description(reader.scalar(text, "text"))
    events = root.values.get("events")
    if events is None:
        reader.problem(root.mark, "a TimelineJS file needs 'events', a list of slides")
    elif not is_list(events):
        reader.problem(root.value_marks["events"], "'events' should be a list of slides")
    else:
        marks = events.item_marks
        for number, slide in enumerate(events.items):
            if is_map(slide):
                reader.slide(slide, number + 1)
            else:
                reader.problem(marks[number], "each of 'events' should be an object (a slide)")
    eras = root.values.get("eras")
    if eras is not None:
        if not is_list(eras):
            reader.problem(root.value_marks["eras"], "'eras' should be a list of objects")
        else:
            marks = eras.item_marks
            for number, era in enumerate(eras.items):
                if is_map(era):
                    reader.read_era(era)
                else:
                    reader.problem(marks[number], "each of 'eras' should be an object with start_date and end_date")
    return reader.finish()


class _Slides(ChronologyBuilder):
    def scalar(self, node: Any, key: str) -> Cell | None:
        """The text or number under `key`, or None when absent; a problem for a list or object there."""
        if key not in node.values:
            return None
        value = node.values[key]
        mark = node.value_marks[key]
        if is_map(value) or is_list(value):
            self.problem(mark, f"'{key}' should be text or a number, not {'a list' if is_list(value) else 'an object'}")
            return None
        return Cell(value, mark)

    def mapping(self, node: Any, key: str) -> Any:
        """The object under `key`, or None when absent or null; a problem for anything else."""
        value = node.values.get(key)
        if value is None:
            return None
        if not is_map(value):
            self.problem(node.value_marks[key], f"'{key}' should be an object")
            return None
        return value

    def when(self, slide: Any, key: str, what: str) -> tuple[When | None, Cell | None]:
        node = self.mapping(slide, key)
        if node is None:
            return None, None
        cells = {name: self.scalar(node, name) for name in (*DATE_KEYS, "display_date")}
        parts = DateParts(slide.value_marks[key], **cells)
        return self.date(parts, what), cells["display_date"]

    def slide(self, slide: Any, number: int) -> None:
        if slide.values.get("start_date") is None:
            self.problem(slide.mark, "an event has no 'start_date'")
            return
        before = len(self.tree.problems)
        start, start_shown = self.when(slide, "start_date", "'start_date'")
        end, end_shown = self.when(slide, "end_date", "'end_date'")
        text = self.mapping(slide, "text")
        if text is None and slide.values.get("text") is not None:
            return  # 'text' is not an object: said
        headline = self.scalar(text, "headline") if text is not None else None
        body = self.scalar(text, "text") if text is not None else None
        title = plain_cell(headline)
        if title is None or not title.given:
            # TimelineJS shows a slide without a headline; the viewer needs a title, so it takes the text's.
            words = plain_text(body.text) if body is not None else ""
            if not words:
                self.problem(text.mark if text is not None else slide.mark, "an event has no 'text.headline'")
                return
            first = words.splitlines()[0]
            title = Cell(first if len(first) <= 80 else first[:79].rstrip() + "…", body.mark)  # type: ignore[union-attr]
        if start is None or len(self.tree.problems) > before:
            return
        summary_html, summary = html_cell(body)
        shown = self.scalar(slide, "display_date")
        if shown is None or not shown.given:
            said = [cell.text for cell in (start_shown, end_shown) if cell is not None and cell.given]
            shown = Cell(" – ".join(said), (start_shown or end_shown).mark) if said else None  # type: ignore[union-attr]
        start, end, shown = self.restated(start, end, shown)
        fields = {"id": self.event_id(self.scalar(slide, "unique_id"), title.text, number), "title": title,
                  "summary_html": summary_html, "summary": summary, "display_date": shown,
                  "background": self.background(slide), "group": plain_cell(self.scalar(slide, "group"))}  # fmt: skip
        node = self.event(slide.mark, fields, start, end)
        media = self.media(slide)
        if media is not None:
            node.put("media", media, media.mark)

    def media(self, slide: Any) -> BuiltMap | None:
        node = self.mapping(slide, "media")
        if node is None:
            return None
        url = self.scalar(node, "url")
        if url is None or not url.given:
            return None  # TimelineJS shows no media without a url either
        media = BuiltMap(mark=slide.value_marks["media"])
        media.put("url", url.text, url.mark)
        for key in ("credit", "caption", "thumbnail"):
            cell = plain_cell(self.scalar(node, key)) if key != "thumbnail" else self.scalar(node, key)
            if cell is not None and cell.given:
                media.put(key, cell.text, cell.mark)
        return media

    def background(self, slide: Any) -> Cell | None:
        node = self.mapping(slide, "background")
        if node is None:
            return None
        return next((cell for key in ("color", "url") if (cell := self.scalar(node, key)) is not None and cell.given),
                    None)  # fmt: skip

    def read_era(self, era: Any) -> None:
        start, _ = self.when(era, "start_date", "an era's 'start_date'")
        end, _ = self.when(era, "end_date", "an era's 'end_date'")
        if era.values.get("start_date") is None or era.values.get("end_date") is None:
            self.problem(era.mark, "an era needs both 'start_date' and 'end_date'")
            return
        text = self.mapping(era, "text")
        headline = self.scalar(text, "headline") if text is not None else None
        body = self.scalar(text, "text") if text is not None else None
        if start is None or end is None:
            return
        self.era(era.mark, headline, start, end, body)
