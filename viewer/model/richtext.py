"""HTML from imported files, cut down to a whitelist that is safe to show as rich text.

TimelineJS keeps an event's text as HTML, written by whoever made the timeline. It is shown as rich text
(paragraphs, emphasis, lists and links survive), so it is rebuilt here from the standard library's
`html.parser` into a small whitelist: scripts, styles, images, frames, forms and every other element that
could run code or load something from the network are dropped with their content; every attribute is
dropped except a link's `href`, and a link survives only when it is an http or https address. What comes
out is well-formed: every tag it opens, it closes. Qt never sees the file's own markup.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements kept as they are (without attributes).
KEPT = frozenset({"p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "ul", "ol", "li",
                  "blockquote", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "a"})  # fmt: skip
# Elements dropped together with everything inside them.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
                                  "svg", "math", "template", "noscript", "head", "title", "textarea", "select",
                                  "audio", "video", "canvas", "form", "button", "link", "meta", "base"})  # fmt: skip
VOID = frozenset({"br", "img", "hr", "input", "source", "track", "wbr", "area", "col", "param", "link", "meta",
                  "base", "embed"})  # fmt: skip
MAX_DEPTH = 64
_WHITE_SPACE = re.compile(r"\s+")


def is_web_link(url: str | None) -> bool:
    """True only for a well-formed http or https address with a host."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.plain: list[str] = []
        self.open: list[str] = []  # kept elements open in the output, innermost last
        self.skipping: list[str] = []  # dropped elements whose content is being skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag in DROPPED_WITH_CONTENT and tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in ("br", "hr"):
            self.out.append("<br>")
            self.plain.append("\n")
            return
        if tag not in KEPT or tag in VOID or len(self.open) >= MAX_DEPTH:
            return
        if tag in ("p", "li", "blockquote", "pre") or (tag.startswith("h") and tag[1:].isdigit()):
            self.plain.append("\n")
        if tag == "a":
            href = next((value for name, value in attrs if name == "href"), None)
            if not is_web_link(href):
                return  # the link's text stays, without the link
            assert href is not None
            self.out.append(f'<a href="{html.escape(href, quote=True)}">')
        else:
            self.out.append(f"<{tag}>")
        self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag not in self.open:
            return
        while self.open:  # close whatever the file left open inside it
            inner = self.open.pop()
            self.out.append(f"</{inner}>")
            if inner == tag:
                break
        if tag in ("p", "li", "blockquote", "pre"):
            self.plain.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        self.out.append(html.escape(data, quote=False))
        self.plain.append(_WHITE_SPACE.sub(" ", data))  # HTML's white space: a line break is a space

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def _run(text: str) -> _Sanitizer:
    sanitizer = _Sanitizer()
    sanitizer.feed(text)
    sanitizer.close()
    return sanitizer


def sanitize(text: str) -> str:
    """The whitelisted HTML of `text` (an HTML fragment): safe to show as rich text."""
    return "".join(_run(text).out).strip()


def plain_text(text: str) -> str:
    """The words of an HTML fragment, tags dropped, entities decoded, white space tidied (one line per
    paragraph)."""
    lines = "".join(_run(text).plain).splitlines()
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def from_plain(text: str) -> str:
    """Plain text as HTML (escaped, line breaks kept), for a format that holds HTML."""
    return "<br>".join(html.escape(line, quote=False) for line in text.splitlines())


def looks_like_html(text: str) -> bool:
    """Whether text carries markup or entities (a spreadsheet cell may hold either)."""
    return ("<" in text and ">" in text) or ("&" in text and ";" in text)
