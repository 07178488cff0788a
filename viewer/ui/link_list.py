"""The details panel's links: what the selected event led to and what led to it, each a button that jumps
to the event at the other end (the timeline selects it and brings it into view)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from viewer.model.store import Store
from viewer.ui.plain import plain_tooltip

LED_TO = "Led to"
FOLLOWED_FROM = "Followed from"


def link_words(store: Store, other: int, label: str) -> str:
    """'Second Trump–Kim summit in Hanoi (27–28 February 2019) — agreed at Singapore'."""
    event = store.events[other]
    words = f"{event.title} ({event.date_words()})"
    return f"{words} — {label}" if label else words


class LinkList(QWidget):
    """Two short lists of links (labels that wrap, each one link, reachable by Tab); `jumpTo(index)` asks the
    window to select the event at the other end. The texts come from the file: escaped, never markup."""

    jumpTo = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Links")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._layout.setSpacing(3)
        self.buttons: list[QLabel] = []  # one per link
        self._widgets: list[QWidget] = []
        self.hide()

    def set_event(self, store: Store | None, index: int | None) -> None:
        for widget in self._widgets:
            self._layout.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._widgets, self.buttons = [], []
        if store is None or index is None:
            self.hide()
            return
        sections = ((LED_TO, store.links_from(index)), (FOLLOWED_FROM, store.links_into(index)))
        for heading, links in sections:
            if not links:
                continue
            title = QLabel(f"{heading}:")
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            title.setTextFormat(Qt.TextFormat.PlainText)
            self._add(title)
            for other, label in links:
                words = ("→ " if heading == LED_TO else "← ") + link_words(store, other, label)
                link = QLabel(f'<a href="event:{other}">{escape(words)}</a>')
                link.setTextFormat(Qt.TextFormat.RichText)
                link.setWordWrap(True)
                link.setOpenExternalLinks(False)
                link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)  # fmt: skip
                link.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                link.setToolTip(plain_tooltip(f"Go to “{store.events[other].title}”"))
                link.setAccessibleName(f"{heading}: {words}")
                link.setProperty("plain_text", words)
                link.linkActivated.connect(lambda _href, i=other: self.jumpTo.emit(i))
                self._add(link)
                self.buttons.append(link)
        self.setVisible(bool(self.buttons))

    def texts(self) -> list[str]:
        """The links' texts as shown, one per link."""
        return [str(link.property("plain_text")) for link in self.buttons]

    def activate(self, number: int) -> None:
        """Follow link `number`, as a click or Enter on it does."""
        self.buttons[number].linkActivated.emit(f"event:{number}")

    def lines(self) -> list[str]:
        """Everything it shows, headings included, top to bottom."""
        return [str(w.property("plain_text")) if w in self.buttons else w.text() for w in self._widgets
                if isinstance(w, QLabel)]  # fmt: skip

    def _add(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)
        self._widgets.append(widget)
