"""Paper sizes: a PDF whose page is the paper chosen, and pictures drawn for it at print resolution.

Without a paper, a PDF's page has the picture's own size (at 96 pixels to the inch), which no printer
recognises. With one, the PDF's page is that paper (QPageSize names it, so a print dialog offers it as A4
or Letter rather than "custom") and the picture fills it; a PNG or SVG is drawn for the same paper at
300 dots per inch, with text and marks as large as on the printed PDF.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt only once something is drawn: the command line reads the names without it
    from PySide6.QtGui import QPageLayout, QPageSize

PRINT_DPI = 300
SCREEN_DPI = 96  # the logical pixels the painter draws in


class Paper(enum.Enum):
    """The papers offered, by the name the command line takes (`--paper A4`)."""

    A3 = "A3"
    A4 = "A4"
    A5 = "A5"
    LETTER = "Letter"
    LEGAL = "Legal"
    TABLOID = "Tabloid"

    @property
    def page_size_id(self) -> QPageSize.PageSizeId:
        from PySide6.QtGui import QPageSize

        return getattr(QPageSize.PageSizeId, self.value)  # the members are named as Qt names them

    @classmethod
    def parse(cls, text: str) -> Paper:
        """'a4', 'A4', 'letter', …: the paper, whatever the case; ValueError for any other name."""
        for paper in cls:
            if paper.value.casefold() == text.strip().casefold():
                return paper
        raise ValueError(f"unknown paper {text!r}; choose one of {', '.join(p.value for p in cls)}")




class Orientation(enum.Enum):
    LANDSCAPE = "landscape"  # a timeline is wide: the default
    PORTRAIT = "portrait"

    @property
    def qt(self) -> QPageLayout.Orientation:
        from PySide6.QtGui import QPageLayout

        if self is Orientation.LANDSCAPE:
            return QPageLayout.Orientation.Landscape
        return QPageLayout.Orientation.Portrait


@dataclass(frozen=True)
class Sheet:
    """A paper in an orientation."""

    paper: Paper
    orientation: Orientation = Orientation.LANDSCAPE

    def inches(self) -> tuple[float, float]:
        """Width and height in inches, in this orientation (from millimetres: Qt rounds inches to 0.01)."""
        from PySide6.QtGui import QPageSize

        size = QPageSize(self.paper.page_size_id).size(QPageSize.Unit.Millimeter)
        wide, narrow = max(size.width(), size.height()) / 25.4, min(size.width(), size.height()) / 25.4
        return (wide, narrow) if self.orientation is Orientation.LANDSCAPE else (narrow, wide)

    def pixels(self, dpi: int = PRINT_DPI) -> tuple[int, int]:
        """The picture's size for this paper at `dpi` (A4 landscape at 300 dpi: 3508 × 2480)."""
        width, height = self.inches()
        return round(width * dpi), round(height * dpi)

    def scale(self, dpi: int = PRINT_DPI) -> float:
        """The device pixel ratio that draws text as large as on the printed page."""
        return dpi / SCREEN_DPI

    def words(self) -> str:
        return f"{self.paper.value} {self.orientation.value}"

    def layout(self) -> QPageLayout:
        """The PDF page: exactly this paper, no margins (the picture has its own)."""
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize

        return QPageLayout(QPageSize(self.paper.page_size_id), self.orientation.qt, QMarginsF(0, 0, 0, 0),
                           QPageLayout.Unit.Point)  # fmt: skip
