"""A quote with its citation, to paste into notes or a paper: as plain text, or as Markdown.

Plain text:   “The passage.” — Outlet, “Title”, by A and B, 6 February 2019. https://…
Markdown:     a block quote of the passage, then the byline with the title linked to the original.

Everything here comes from the chronology file, so the Markdown form escapes the characters Markdown would
read as markup (a quote with `*` or `[` stays the same words), and links only http and https addresses.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from viewer.model.events import Quote, Source

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START_MARKUP = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.M)


def _web_address(url: str | None) -> str | None:
    if not url or any(c.isspace() or ord(c) < 32 or c in "<>" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def escape_markdown(text: str) -> str:
    """`text` as Markdown that reads as exactly these characters."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_MARKUP.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def plain_citation(quote: Quote, source: Source | None) -> str:
    """“The passage.” — byline. address"""
    passage = " ".join(quote.text.split())
    if source is None:
        return f"“{passage}” — source '{quote.source_id}'"
    cited = f"“{passage}” — {source.byline().rstrip('.')}."
    url = _web_address(source.url)
    return f"{cited} {url}" if url else cited


def markdown_citation(quote: Quote, source: Source | None) -> str:
    """A block quote of the passage, then '— Outlet, [“Title”](address), by …, date.'"""
    passage = escape_markdown(" ".join(quote.text.split()))
    if source is None:
        return f"> {passage}\n>\n> — source '{escape_markdown(quote.source_id)}'\n"
    title = f"“{escape_markdown(source.title)}”"
    url = _web_address(source.url)
    parts = [escape_markdown(source.outlet)] if source.outlet else []
    parts.append(f"[{title}](<{url}>)" if url else title)
    if source.authors:
        parts.append("by " + escape_markdown(_join_names(source.authors)))
    if source.published:
        parts.append(source.published.words())
    return f"> {passage}\n>\n> — {', '.join(parts).rstrip('.')}.\n"


def _join_names(names: tuple[str, ...]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
