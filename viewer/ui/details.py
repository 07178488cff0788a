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
from urllib.parse import urlsplit

from PySide6.QtCore import QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from viewer.model.events import Dispute, Event, Header, Quote, Source
from viewer.model.store import Store

EMPTY_TEXT = "Click an event to read what the sources say."
ABOUT_HEADING = "About this chronology"
DISPUTED_HEADING = "Where a source differs from the record"
NO_ADDRESS = "No address is known for this source"
NOT_WEB_ADDRESS = "Only http and https addresses are opened"
UNCITED_TEXT = "No quote: this event cites no source text"
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


def is_web_address(url: str | None) -> bool:
    """True only for a well-formed http or https address with a host."""
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


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


def _label(text: str, name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)  # word wrap gives it a height for its width: do not replace its size policy
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
    label.setProperty("plain", text if plain is None else plain)
    label.setVisible(bool(text))


class QuoteBlock(QFrame):
    """One quote: its text as a block quote, its source's byline and the two buttons."""

    def __init__(self, quote: Quote, source: Source | None, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quote = quote
        self.source = source
        self.setObjectName("quote")
        self.setAccessibleName(f"Quote {number}")
        self.text_label = _label(f"“{quote.text}”", f"Quote {number} text")
        italic = self.text_label.font()
        italic.setItalic(True)
        self.text_label.setFont(italic)
        byline = source.byline() if source is not None else f"unknown source '{quote.source_id}'"
        self.byline_label = _label("— " + byline, f"Quote {number} source")
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
            self.open_button.setToolTip(NOT_WEB_ADDRESS)
        else:
            self.open_button.setToolTip(url)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        verified = source is not None and bool(source.text) and 0 <= quote.start < quote.end
        self.verified_label = _label("✓ verbatim" if verified else "", "Verified")
        self.verified_label.setToolTip("Found word for word in the source's text")
        self.verified_label.setVisible(verified)
        self.verified_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.verified_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(13, 4, 0, 4)  # room for the rule down the left side (paintEvent)
        layout.addWidget(self.text_label)
        layout.addWidget(self.byline_label)
        layout.addLayout(buttons)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.fillRect(QRect(1, 4, 3, max(0, self.height() - 8)), self.palette().color(QPalette.ColorRole.Mid))
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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Event details")
        self._store: Store | None = None
        self._index: int | None = None
        self.quote_blocks: list[QuoteBlock] = []
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

        self._content = _WrappingContent()
        self._content.setAccessibleName("Event")
        content_layout = QVBoxLayout(self._content)
        content_layout.setContentsMargins(10, 10, 10, 10)
        content_layout.setSpacing(6)
        for widget in self._event_labels():
            content_layout.addWidget(widget)
        self._quotes_layout = QVBoxLayout()
        self._quotes_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(self._quotes_layout)
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

    def show_event(self, store: Store | None, index: int | None) -> None:
        self._store = store
        if store is None or index is None or not 0 <= index < len(store):
            self._index = None
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
        self.title_label.setText(event.title)
        self.date_label.setText(date_line(event))
        doubt = doubt_line(event)
        self.doubt_label.setText(doubt)
        self.doubt_label.setVisible(bool(doubt))
        self.note_label.setText(f"How it was dated: {event.when.note}" if event.when.note else "")
        self.note_label.setVisible(bool(event.when.note))
        ongoing = ongoing_line(event)
        self.ongoing_label.setText(ongoing)
        self.ongoing_label.setVisible(bool(ongoing))
        disputes = [dispute_text(d, store.sources) for d in event.disputed]
        self.disputed_label.setText(DISPUTED_HEADING + ":\n" + "\n\n".join(disputes) if disputes else "")
        self.disputed_label.setVisible(bool(disputes))
        self.tags_label.setText("Tags: " + ", ".join(event.tags) if event.tags else "")
        self.tags_label.setVisible(bool(event.tags))
        if event.summary_html:
            _set(self.summary_label, event.summary_html, event.summary)
        else:
            _set(self.summary_label, event.summary)
        _set(self.display_date_label, f"As the file shows it: {event.display_date}" if event.display_date else "")
        url, credit = media_lines(event)
        _set(self.media_label, link_html("Media: ", url) if url else "", f"Media: {url}" if url else "")
        _set(self.media_credit_label, credit)
        _set(self.url_label, link_html("Address: ", event.url) if event.url else "",
             f"Address: {event.url}" if event.url else "")  # fmt: skip
        count = len(event.quotes)
        self.quotes_heading.setText(f"{count} quote{'s' if count != 1 else ''}" if count else UNCITED_TEXT)
        self.quotes_heading.setToolTip("" if count else "Nothing in the file backs this event with a verbatim "
                                       "passage of a source; treat it as a claim to check")  # fmt: skip
        self._clear_quotes()
        for number, quote in enumerate(event.quotes, start=1):
            block = QuoteBlock(quote, store.sources.get(quote.source_id), number, self._content)
            block.show_button.clicked.connect(lambda _=False, q=quote: self._show_in_source(q))
            block.open_button.clicked.connect(lambda _=False, b=block: self._open_original(b))
            self._quotes_layout.addWidget(block)
            self.quote_blocks.append(block)
        self.empty_label.hide()
        self._scroll.show()
        self._scroll.verticalScrollBar().setValue(0)

    def _clear_quotes(self) -> None:
        for block in self.quote_blocks:
            self._quotes_layout.removeWidget(block)
            block.hide()
            block.deleteLater()
        self.quote_blocks = []

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
        parts = [str(label.property("plain") or label.text()) for label in self._event_labels()
                 if label.text() and not label.isHidden()]  # fmt: skip
        for block in self.quote_blocks:
            parts += [block.text_label.text(), block.byline_label.text()]
        return "\n".join(parts)

    def _event_labels(self) -> list[QLabel]:
        """The event's labels top to bottom: what happened (title, date, summary) before how it was dated."""
        return [self.title_label, self.date_label, self.display_date_label, self.doubt_label, self.summary_label,
                self.media_label, self.media_credit_label, self.url_label, self.tags_label, self.note_label,
                self.ongoing_label, self.disputed_label, self.quotes_heading]  # fmt: skip

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
