"""Showing text from a file in Qt as plain text, always.

Qt guesses: a label, a tooltip or a message box whose text "might be rich text" (`Qt::mightBeRichText`, a
tag near the start) renders it as HTML, so a field named `<img src=…>` became an image and a link in a
title a link. Labels that show file content are set to `Qt.PlainText`; tooltips have no such switch, so
their text is escaped into a paragraph that shows it as written (line breaks kept).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

MAX_TOOLTIP_CHARS = 2_000  # a tooltip is read at a glance; a megabyte title is not laid out in one
MAX_LAID_OUT_CHARS = 5_000  # of one text in a panel: word-wrapping a 1 MB title held the window for 36 s


def laid_out(text: str, limit: int = MAX_LAID_OUT_CHARS) -> str:
    """`text` as a panel lays it out: whole up to `limit` characters, else cut there and the rest counted."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that Qt shows word for word, never as markup; long texts cut with an ellipsis."""
    if len(text) > MAX_TOOLTIP_CHARS:
        text = text[: MAX_TOOLTIP_CHARS - 1] + "…"
    if "<" not in text:
        return text  # Qt takes text for markup only when it holds a tag
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_message(text: str) -> str:
    """`text` for a message box or anything else that guesses its format: shown as written, never as markup."""
    if "<" not in text:
        return text
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    """`label`, set to show its text as plain text whatever it holds."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
