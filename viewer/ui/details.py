"""The details panel: the selected event, its date said honestly, and the quotes that prove it.

With no event selected it tells what the chronology is ("About this chronology"): its title and
description, its sources with how their dates were worked out, and what it deliberately leaves out.
Where the record contradicts a source, the event says so beside the source's words.

Every piece of text comes from the chronology file, so it is shown as plain text and can be selected and
copied; the one exception is an imported summary kept as HTML (TimelineJS), shown as rich text only after
the model cut it down to a whitelist (viewer.model.richtext: no scripts, styles, images or remote loads, links
to http and https only), its links opened through the same check as "Open original". An event no quote backs
says so ("No quote: this event cites no source text"); media is a link and a credit line, never fetched.
Each quote has "Show in source", which asks the window to open the source reader at that passage, and
"Open original", which hands the source's address to the system browser, but only an http or https address,
checked again here.
"""

from __future__ import annotations

import html
from html import escape

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from viewer.model.addresses import is_web_address, web_address_problem
from viewer.model.citation import markdown_citation, plain_citation
from viewer.model.events import Dispute, Event, Header, Quote, Source
from viewer.model.source_search import Passage, fold_case
from viewer.model.store import Store
from viewer.render.display_zone import DisplayZone, times_in_zones
from viewer.ui.flow_layout import FlowLayout
from viewer.ui.link_list import LinkList
from viewer.ui.plain import laid_out, plain_tooltip

EMPTY_TEXT = "Click an event to read what the sources say."
ABOUT_HEADING = "About this chronology"
DISPUTED_HEADING = "Where a source differs from the record"
NO_ADDRESS = "No address is known for this source"
NOT_WEB_ADDRESS = "Only http and https addresses are opened"
UNCITED_TEXT = "No quote: this event cites no source text"
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
FOUND_IN_SOURCES = "Found in the sources, near this event’s quotes"
HIGHLIGHT_LIGHT = "#FFE08A"  # the source reader's passage colours
HIGHLIGHT_DARK = "#7A5C00"
SNIPPET_CHARS = 90  # of a source passage's context shown either side of the words found


def address_reason(url: str) -> str:
    """Why Open original is disabled for `url`, in the words `check` uses (viewer.model.addresses)."""
    problem = web_address_problem(url)
    if problem is None or problem.startswith("is not an http"):
        return NOT_WEB_ADDRESS
    return f"The address {problem}, so it is not opened"


def open_in_browser(url: str | None) -> bool:
    """Hand `url` to the system browser if, and only if, it is an http or https address."""
    if not is_web_address(url):
        return False
    assert url is not None
    qurl = QUrl(url, QUrl.ParsingMode.StrictMode)
    if not qurl.isValid() or qurl.scheme().lower() not in ("http", "https"):
        return False
    return bool(QDesktopServices.openUrl(qurl))


class AddressDialog(QDialog):
    """'No browser could be started', with the address selectable and a Copy button."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open original")
        message = QLabel("No web browser could be started to open the original. Its address:")
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.address = QLineEdit(url)
        self.address.setReadOnly(True)
        self.address.setAccessibleName("Address of the original")
        self.address.setMinimumWidth(min(720, 8 * len(url) + 40))
        self.address.selectAll()
        self.copy_button = QPushButton("Copy")
        self.copy_button.setAccessibleName("Copy the address")
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.address)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.address.text())
        self.copy_button.setText("Copied")


def date_line(event: Event) -> str:
    """'May 2018 · month', '27–28 February 2019 · days', '1976 – ongoing as of 6 February 2019 · years'."""
    when = event.when
    precision = when.precision.word
    if when.is_range:
        precision += "s"
    return f"{event.date_words()} · {precision}"


def zone_line(event: Event, display: DisplayZone) -> str:
    """A time of day in its own zone and in the chosen zone, each with its calendar day, where they differ:
    '5 Feb 2019 21:10 EST = 6 Feb 09:10 in Jakarta (WIB)'; both ends of a range of times. Empty for calendar
    dates, which have no zone, and where the chosen zone is the event's own (the date line says it)."""
    ends = [event.when.start] + ([event.when.end] if event.when.end is not None else [])
    lines = [line for line in (times_in_zones(end, display) for end in ends) if line and " = " in line]
    return "\n– ".join(lines)  # only where the chosen zone adds something: the date line has the own zone


def ongoing_line(event: Event) -> str:
    """For an event still going on when last reported: say that the end shown is not an end."""
    if not event.ongoing or event.when.end is None:
        return ""
    return (
        f"Still going on as of {event.when.end.words()}, the last date the sources see it; "
        "the timeline draws it up to that date, which is not its end."
    )


def dispute_text(dispute: Dispute, sources: dict[str, Source]) -> str:
    """'Nikkei Asian Review says: in 2001 ...' and, on the next line, 'The record: ...'."""
    source = sources.get(dispute.source_id)
    name = source.name() if source is not None else f"The source '{dispute.source_id}'"
    return f"{name} says: {dispute.says}\nThe record: {dispute.record}"


def search_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the words of `query` stand in `text` (case aside), as sorted, merged (start, end) spans."""
    lowered = fold_case(text)
    spans = []
    for word in fold_case(query).split():
        at = lowered.find(word)
        while at >= 0:
            spans.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlighted(text: str, query: str, colour: str) -> str | None:
    """`text` as rich text with the query's words marked, every character of the file escaped; None when no
    word is in it (the label then stays plain text)."""
    spans = search_spans(text, query)
    if not spans:
        return None
    out, at = [], 0
    for start, end in spans:
        out.append(escape(text[at:start]))
        out.append(f'<span style="background-color:{colour}">{escape(text[start:end])}</span>')
        at = end
    out.append(escape(text[at:]))
    return '<span style="white-space:pre-wrap">' + "".join(out) + "</span>"


def passage_snippet(text: str, passage: Passage) -> str:
    """The passage's words with some of their context, cut at spaces, with '…' where the text goes on."""
    start = max(0, passage.start - SNIPPET_CHARS)
    end = min(len(text), passage.end + SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start, passage.start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", passage.end, end)
        end = space if space >= 0 else end
    middle = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + middle + ("…" if end < len(text) else "")


def about_parts(header: Header, sources: dict[str, Source]) -> list[tuple[str, str]]:
    """The "About this chronology" view as (accessible name, text) pairs, top to bottom."""
    parts = [("About heading", ABOUT_HEADING), ("Chronology title", header.title)]
    if header.description:
        parts.append(("Chronology description", header.description))
    if sources:
        count = len(sources)
        parts.append(("Sources heading", f"{count} source{'s' if count != 1 else ''}"))
        for number, source in enumerate(sources.values(), start=1):
            parts.append((f"Source {number}", "• " + source.byline()))
            if source.published_note:
                parts.append((f"Source {number} date", f"How its date was worked out: {source.published_note}"))
    if header.left_out:
        parts.append(("Left out heading", "Left out, and why"))
        for number, item in enumerate(header.left_out, start=1):
            parts.append((f"Left out {number}", f"• {item.what} — {item.why}"))
    parts.append(("Hint", EMPTY_TEXT))
    return parts


def media_lines(event: Event) -> tuple[str, str]:
    """The media's address, and its credit and caption in one line ('' for what is not given)."""
    media = event.media
    if media is None:
        return "", ""
    said = [part for part in (media.caption, f"Credit: {media.credit}" if media.credit else "") if part]
    return media.url, " · ".join(said)


def link_html(prefix: str, url: str) -> str:
    """'Media: <a>url</a>' as rich text, the link only for an http or https address; everything escaped."""
    shown = html.escape(url)
    if is_web_address(url):
        return f'{html.escape(prefix)}<a href="{html.escape(url, quote=True)}">{shown}</a>'
    return f"{html.escape(prefix)}{shown}"


def doubt_line(event: Event) -> str:
    when = event.when
    if when.approximate and when.uncertain:
        return "The date is approximate and uncertain."
    if when.approximate:
        return "The date is approximate."
    if when.uncertain:
        return "The date is uncertain."
    return ""


def set_marked_text(label: QLabel, text: str, query: str) -> None:
    """Show `text` with the search's words marked (escaped rich text), or as plain text when none is in it.
    `plain_text(label)` gives the text back either way."""
    text = laid_out(text)  # a megabyte title is not word-wrapped (nor marked 200,000 times)
    dark = label.palette().color(QPalette.ColorRole.Base).lightness() < 128
    marked = highlighted(text, query, HIGHLIGHT_DARK if dark else HIGHLIGHT_LIGHT) if query.strip() else None
    label.setProperty("plainText", text)
    label.setTextFormat(Qt.TextFormat.PlainText if marked is None else Qt.TextFormat.RichText)
    label.setText(text if marked is None else marked)


def plain_text(label: QLabel) -> str:
    """What a label says, without the marks of a search."""
    value = label.property("plainText")
    return value if isinstance(value, str) and label.textFormat() == Qt.TextFormat.RichText else label.text()


def _label(text: str, name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(laid_out(text))  # word wrap gives it a height for its width: do not replace its size policy
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(SELECTABLE)
    label.setAccessibleName(name)
    return label


def _rich_label(name: str) -> QLabel:
    """A label that may show sanitized rich text (see _set), its links opened through open_in_browser, never
    by Qt itself."""
    label = _label("", name)
    label.setOpenExternalLinks(False)
    label.setTextInteractionFlags(SELECTABLE | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)  # fmt: skip
    label.linkActivated.connect(open_in_browser)
    return label


def _set(label: QLabel, text: str, plain: str | None = None) -> None:
    """Show `text` (hide the label when empty), remembering its plain words for visible_text(). Given `plain`,
    `text` is rich text built here from escaped or sanitized parts; otherwise it is shown as plain text."""
    label.setTextFormat(Qt.TextFormat.PlainText if plain is None or not text else Qt.TextFormat.RichText)
    label.setText(text)
    label.setProperty("plainText", text if plain is None else plain)  # what plain_text(label) gives back
    label.setVisible(bool(text))


class QuoteBlock(QFrame):
    """One quote: its text as a block quote, its source's byline and the buttons. The byline is given in full
    under a source's first quote in the panel and by the source's short name under the others."""

    def __init__(self, quote: Quote, source: Source | None, number: int, parent: QWidget | None = None,
                 full_byline: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.quote = quote
        self.source = source
        self.setObjectName("quote")
        self.setAccessibleName(f"Quote {number}")
        self.text_label = _label(f"“{quote.text}”", f"Quote {number} text")
        italic = self.text_label.font()
        italic.setItalic(True)
        self.text_label.setFont(italic)
        if source is None:
            byline = f"unknown source '{quote.source_id}'"
        else:
            byline = source.byline() if full_byline else f"{source.name()}, as above"
        self.byline_label = _label("— " + byline, f"Quote {number} source")
        if source is not None and not full_byline:
            self.byline_label.setToolTip(plain_tooltip(source.byline()))
        self.show_button = QPushButton("Show in source")
        self.show_button.setAccessibleName(f"Show quote {number} in source")
        self.show_button.setToolTip("Open the source's text at this passage")
        self.show_button.setEnabled(source is not None and bool(source.text) and 0 <= quote.start < quote.end)
        self.open_button = QPushButton("Open original")
        self.open_button.setAccessibleName(f"Open the original of quote {number}")
        url = source.url if source is not None else None
        if url is None:
            self.open_button.setEnabled(False)
            self.open_button.setToolTip(NO_ADDRESS)
        elif not is_web_address(url):
            self.open_button.setEnabled(False)
            self.open_button.setToolTip(address_reason(url))
        else:
            self.open_button.setToolTip(plain_tooltip(url))
        self.copy_button = QPushButton("Copy")
        self.copy_button.setAccessibleName(f"Copy quote {number} with its citation")
        self.copy_button.setToolTip("Copy the quote with its citation, as plain text or Markdown")
        self.copy_menu = QMenu(self.copy_button)
        self.copy_plain_action = self.copy_menu.addAction("Copy Quote with Citation")
        self.copy_markdown_action = self.copy_menu.addAction("Copy Quote with Citation as Markdown")
        self.copy_plain_action.triggered.connect(self.copy_plain)
        self.copy_markdown_action.triggered.connect(self.copy_markdown)
        self.copy_button.setMenu(self.copy_menu)
        buttons = FlowLayout()  # wraps onto a second line in a narrow panel
        verified = source is not None and bool(source.text) and 0 <= quote.start < quote.end
        self.verified_label = _label("✓ verbatim" if verified else "", "Verified", wrap=False)
        self.verified_label.setToolTip("Found word for word in the source's text")
        self.verified_label.setVisible(verified)
        self.verified_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.verified_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(13, 4, 0, 4)  # room for the rule down the left side (paintEvent)
        layout.addWidget(self.text_label)
        layout.addWidget(self.byline_label)
        layout.addLayout(buttons)

    def plain_citation(self) -> str:
        return plain_citation(self.quote, self.source)

    def markdown_citation(self) -> str:
        return markdown_citation(self.quote, self.source)

    def copy_plain(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_citation())

    def copy_markdown(self) -> None:
        """The Markdown as text (what editors paste) and as text/markdown (for those that ask for it)."""
        data = QMimeData()
        text = self.markdown_citation()
        data.setText(text)
        data.setData("text/markdown", text.encode("utf-8"))
        QGuiApplication.clipboard().setMimeData(data)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(QRect(1, 4, 3, max(0, self.height() - 8)), self.palette().color(QPalette.ColorRole.Mid))
        painter.end()


class PassageBlock(QFrame):
    """A passage of a source that holds the search's words although the event's own text does not: where
    it is, the words in their context, and "Show in source"."""

    def __init__(self, passage: Passage, source: Source, number: int, query: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.passage = passage
        self.setObjectName("passage")
        self.setAccessibleName(f"Source passage {number}")
        self.where_label = _label(f"In {source.name()}:", f"Source passage {number} source")
        self.where_label.setToolTip(plain_tooltip(source.byline()))
        self.text_label = _label("", f"Source passage {number} text")
        set_marked_text(self.text_label, passage_snippet(source.text, passage), query)
        self.show_button = QPushButton("Show in source")
        self.show_button.setAccessibleName(f"Show source passage {number} in source")
        self.show_button.setToolTip("Open the source's text at this passage")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(13, 4, 0, 4)
        layout.addWidget(self.where_label)
        layout.addWidget(self.text_label)
        layout.addLayout(buttons)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        colour = self.palette().color(QPalette.ColorRole.Mid)
        pen = painter.pen()
        pen.setColor(colour)
        pen.setStyle(Qt.PenStyle.DotLine)
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawLine(2, 4, 2, max(4, self.height() - 4))
        painter.end()


class _WrappingContent(QWidget):
    """The scroll area's content. Word-wrapped labels guess their minimum height for a narrow width, which
    would make the scroll area hand out too much height and leave gaps under every label; reporting no
    minimum height lets the scroll area size the content by its height for the actual width instead."""

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class DetailsPanel(QWidget):
    """Shows one event; `showInSource(source_id, start, end)` asks for the source reader."""

    showInSource = Signal(str, int, int)
    jumpToEvent = Signal(int)  # a link's other end was chosen: the store index to select

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Event details")
        self._store: Store | None = None
        self._index: int | None = None
        self.quote_blocks: list[QuoteBlock] = []
        self.passage_blocks: list[PassageBlock] = []
        self._query = ""
        self._passages: tuple[Passage, ...] = ()
        self.address_dialog: AddressDialog | None = None  # shown when no browser could be started

        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No event selected")
        self.empty_label.setEnabled(False)

        self.title_label = _label("", "Event title")
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.45)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.date_label = _label("", "Date")
        date_font = QFont(self.date_label.font())
        date_font.setBold(True)
        self.date_label.setFont(date_font)
        self.doubt_label = _label("", "Doubt about the date")
        self.zone_label = _label("", "The time in its zone and in the chosen zone")
        self.display_zone = DisplayZone()
        self.note_label = _label("", "How it was dated")
        self.ongoing_label = _label("", "Still going on")
        self.disputed_label = _label("", DISPUTED_HEADING)
        self.tags_label = _label("", "Tags")
        self.summary_label = _rich_label("Summary")
        self.display_date_label = _label("", "Date as the file shows it")
        self.media_label = _rich_label("Media")
        self.media_credit_label = _label("", "Media credit")
        self.url_label = _rich_label("Address")
        self.quotes_heading = _label("", "Quotes heading")
        heading_font = QFont(self.quotes_heading.font())
        heading_font.setBold(True)
        self.quotes_heading.setFont(heading_font)

        self.links = LinkList()
        self.links.jumpTo.connect(self.jumpToEvent)

        self._content = _WrappingContent()
        self._content.setAccessibleName("Event")
        content_layout = QVBoxLayout(self._content)
        content_layout.setContentsMargins(10, 10, 10, 10)
        content_layout.setSpacing(6)
        for widget in self._event_labels():
            if widget is self.quotes_heading:
                content_layout.addWidget(self.links)  # what it led to, and what led to it, before the quotes
            content_layout.addWidget(widget)
        self._quotes_layout = QVBoxLayout()
        self._quotes_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._quotes_layout)
        self.passages_heading = _label(FOUND_IN_SOURCES, "Found in the sources heading")
        self.passages_heading.setFont(heading_font)
        self.passages_heading.hide()
        content_layout.addWidget(self.passages_heading)
        self._passages_layout = QVBoxLayout()
        self._passages_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._passages_layout)
        content_layout.addStretch(1)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(self._content)
        self._scroll.setAccessibleName("Event details")

        # "About this chronology", shown when a chronology is open and no event is selected.
        self.about_labels: list[QLabel] = []
        self._about_for: tuple[Header, tuple[Source, ...]] | None = None
        self._about = _WrappingContent()
        self._about.setAccessibleName(ABOUT_HEADING)
        self._about_layout = QVBoxLayout(self._about)
        self._about_layout.setContentsMargins(10, 10, 10, 10)
        self._about_layout.setSpacing(6)
        self._about_layout.addStretch(1)
        self._about_scroll = QScrollArea()
        self._about_scroll.setWidgetResizable(True)
        self._about_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._about_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._about_scroll.setWidget(self._about)
        self._about_scroll.setAccessibleName(ABOUT_HEADING)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self._scroll)
        layout.addWidget(self._about_scroll)
        self.show_event(None, None)

    # -- what is shown --------------------------------------------------------------------------------
    def shown_event(self) -> Event | None:
        if self._store is None or self._index is None:
            return None
        return self._store.events[self._index]

    def set_display_zone(self, zone: DisplayZone) -> None:
        """View > Time zone: show times of day in their own zone and in `zone`."""
        self.display_zone = zone
        if self._store is not None and self._index is not None:
            self.show_event(self._store, self._index)

    def show_event(self, store: Store | None, index: int | None, query: str | None = None,
                   passages: tuple[Passage, ...] | None = None) -> None:  # fmt: skip
        """Show event `index` of `store` (None: the chronology's "About", or nothing). With `query`, its words
        are marked; `passages` are the source passages that found the event (see ViewState.passages_for)."""
        if query is not None:
            self._query = query
        if passages is not None:
            self._passages = passages
        self._store = store
        if store is None or index is None or not 0 <= index < len(store):
            self._index = None
            self.links.set_event(None, None)
            self._clear_quotes()
            self._scroll.hide()
            if store is None:
                self._about_scroll.hide()
                self.empty_label.show()
            else:
                self._show_about(store)
            return
        self._index = index
        self._about_scroll.hide()
        event = store.events[index]
        query = self._query
        set_marked_text(self.title_label, event.title, query)
        self.date_label.setText(date_line(event))
        zones = zone_line(event, self.display_zone)
        self.zone_label.setText(zones)
        self.zone_label.setVisible(bool(zones))
        doubt = doubt_line(event)
        self.doubt_label.setText(doubt)
        self.doubt_label.setVisible(bool(doubt))
        set_marked_text(self.note_label, f"How it was dated: {event.when.note}" if event.when.note else "", query)
        self.note_label.setVisible(bool(event.when.note))
        ongoing = ongoing_line(event)
        self.ongoing_label.setText(ongoing)
        self.ongoing_label.setVisible(bool(ongoing))
        disputes = [dispute_text(d, store.sources) for d in event.disputed]
        self.disputed_label.setText(laid_out(DISPUTED_HEADING + ":\n" + "\n\n".join(disputes)) if disputes else "")
        self.disputed_label.setVisible(bool(disputes))
        set_marked_text(self.tags_label, "Tags: " + ", ".join(event.tags) if event.tags else "", query)
        self.tags_label.setVisible(bool(event.tags))
        if event.summary_html:
            _set(self.summary_label, event.summary_html, event.summary)  # sanitized HTML, its links kept
        else:
            set_marked_text(self.summary_label, event.summary, query)
            self.summary_label.setVisible(bool(event.summary))
        _set(self.display_date_label, f"As the file shows it: {event.display_date}" if event.display_date else "")
        url, credit = media_lines(event)
        _set(self.media_label, link_html("Media: ", url) if url else "", f"Media: {url}" if url else "")
        _set(self.media_credit_label, credit)
        _set(self.url_label, link_html("Address: ", event.url) if event.url else "",
             f"Address: {event.url}" if event.url else "")  # fmt: skip
        self.links.set_event(store, index)
        count = len(event.quotes)
        self.quotes_heading.setText(f"{count} quote{'s' if count != 1 else ''}" if count else UNCITED_TEXT)
        self.quotes_heading.setToolTip("" if count else "Nothing in the file backs this event with a verbatim "
                                       "passage of a source; treat it as a claim to check")  # fmt: skip
        self._clear_quotes()
        cited: set[str] = set()
        for number, quote in enumerate(event.quotes, start=1):
            source = store.sources.get(quote.source_id)
            block = QuoteBlock(quote, source, number, self._content, full_byline=quote.source_id not in cited)
            cited.add(quote.source_id)
            set_marked_text(block.text_label, f"“{quote.text}”", query)
            block.show_button.clicked.connect(lambda _=False, q=quote: self._show_in_source(q))
            block.open_button.clicked.connect(lambda _=False, b=block: self._open_original(b))
            self._quotes_layout.addWidget(block)
            self.quote_blocks.append(block)
        for number, passage in enumerate(self._passages if query.strip() else (), start=1):
            source = store.sources.get(passage.source_id)
            if source is None or index not in passage.events:
                continue
            passage_block = PassageBlock(passage, source, number, query, self._content)
            passage_block.show_button.clicked.connect(
                lambda _=False, p=passage: self.showInSource.emit(p.source_id, p.start, p.end))
            self._passages_layout.addWidget(passage_block)
            self.passage_blocks.append(passage_block)
        self.passages_heading.setVisible(bool(self.passage_blocks))
        self.empty_label.hide()
        self._scroll.show()
        self._scroll.verticalScrollBar().setValue(0)

    def set_search(self, query: str, passages: tuple[Passage, ...] = ()) -> None:
        """The search changed: mark its words in the event shown (and list the passages that found it)."""
        if (query, passages) == (self._query, self._passages):
            return
        self._query, self._passages = query, passages
        if self._index is not None and self._store is not None:
            scrolled = self._scroll.verticalScrollBar().value()
            self.show_event(self._store, self._index)
            self._scroll.verticalScrollBar().setValue(scrolled)

    def _clear_quotes(self) -> None:
        for block in self.quote_blocks:
            self._quotes_layout.removeWidget(block)
            block.hide()
            block.deleteLater()
        self.quote_blocks = []
        for passage_block in self.passage_blocks:
            self._passages_layout.removeWidget(passage_block)
            passage_block.hide()
            passage_block.deleteLater()
        self.passage_blocks = []
        self.passages_heading.hide()

    # -- for tests and the window ---------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self._index is None

    def quote_texts(self) -> list[str]:
        return [block.quote.text for block in self.quote_blocks]

    def visible_text(self) -> str:
        """Everything the panel shows, top to bottom (for tests and screen readers' sake)."""
        if self._index is None:
            if self._store is not None:
                return "\n".join(label.text() for label in self.about_labels)
            return self.empty_label.text()
        parts = [plain_text(label) for label in self._event_labels() if label.text()]
        parts[-1:-1] = self.links.lines()
        for block in self.quote_blocks:
            parts += [plain_text(block.text_label), block.byline_label.text()]
        if self.passage_blocks:
            parts.append(self.passages_heading.text())
        for passage_block in self.passage_blocks:
            parts += [passage_block.where_label.text(), plain_text(passage_block.text_label)]
        return "\n".join(parts)

    def marked_words(self) -> list[str]:
        """Every piece of text marked for the search, top to bottom (for tests)."""
        labels = [*self._event_labels(), *(b.text_label for b in self.quote_blocks),
                  *(b.text_label for b in self.passage_blocks)]  # fmt: skip
        marked = []
        for label in labels:
            if not label.isHidden():
                marked += [plain_text(label)[s:e] for s, e in search_spans(plain_text(label), self._query)
                           if label.textFormat() == Qt.TextFormat.RichText]  # fmt: skip
        return marked

    def _event_labels(self) -> list[QLabel]:
        """The event's labels top to bottom: what happened (title, date, summary) before how it was dated."""
        return [self.title_label, self.date_label, self.zone_label, self.display_date_label, self.doubt_label,
                self.summary_label, self.media_label, self.media_credit_label, self.url_label, self.tags_label,
                self.note_label, self.ongoing_label, self.disputed_label, self.quotes_heading]  # fmt: skip

    # -- actions --------------------------------------------------------------------------------------
    def _show_in_source(self, quote: Quote) -> None:
        self.showInSource.emit(quote.source_id, quote.start, quote.end)

    def _open_original(self, block: QuoteBlock) -> None:
        url = block.source.url if block.source is not None else None
        # open_in_browser checks the scheme again: only http and https reach the browser.
        if not open_in_browser(url) and url is not None and is_web_address(url):
            # No browser could be started: say so, with the address to copy, rather than a line on stderr.
            self.address_dialog = AddressDialog(url, self)
            self.address_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.address_dialog.open()

    # -- "About this chronology" ----------------------------------------------------------------------
    def _show_about(self, store: Store) -> None:
        """Title, description, sources with how they were dated, and what was left out; built once per file."""
        key = (store.header, tuple(store.sources.values()))
        if key != self._about_for:
            self._about_for = key
            for label in self.about_labels:
                self._about_layout.removeWidget(label)
                label.hide()
                label.deleteLater()
            self.about_labels = []
            for number, (name, text) in enumerate(about_parts(store.header, store.sources)):
                label = _label(text, name)
                if name in ("About heading", "Sources heading", "Left out heading"):
                    font = QFont(label.font())
                    font.setBold(True)
                    label.setFont(font)
                elif name == "Chronology title":
                    font = QFont(label.font())
                    font.setPointSizeF(font.pointSizeF() * 1.45)
                    font.setBold(True)
                    label.setFont(font)
                elif name == "Hint":
                    label.setEnabled(False)
                self._about_layout.insertWidget(number, label)
                self.about_labels.append(label)
        self.empty_label.hide()
        self._about_scroll.show()
        self._about_scroll.verticalScrollBar().setValue(0)
