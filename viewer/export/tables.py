"""Rows of text as CSV, TSV and Markdown: the events table's copy and export, without Qt.

Cells are plain text from chronology files, so each format escapes what would change its meaning: CSV quotes
(RFC 4180) and disarms cells a spreadsheet would run as a formula; TSV turns tabs and line breaks into spaces;
Markdown escapes pipes and backslashes and keeps each row on one line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

Row = Sequence[str]

#: A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP, "CSV
#: injection"); a leading apostrophe makes it text and is not shown.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def tsv_text(header: Row, rows: Iterable[Row]) -> str:
    """Tab-separated lines, the header first: what a spreadsheet or text editor takes from the clipboard."""
    lines = ["\t".join(_one_line(cell) for cell in header)]
    lines.extend("\t".join(_one_line(cell) for cell in row) for row in rows)
    return "\n".join(lines) + "\n"


def _markdown_cell(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def markdown_text(header: Row, rows: Iterable[Row]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(_markdown_cell(cell) for cell in header) + " |"]
    lines.append("| " + " | ".join("---" for _ in header) + " |")
    lines.extend("| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def _csv_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_bytes(header: Row, rows: Iterable[Row]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads the dashes and accents), CRLF line ends (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_cell(cell) for cell in header])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
