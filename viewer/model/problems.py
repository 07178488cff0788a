"""What is wrong with a chronology, said with the file, line and column a person needs to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a file. `line` and `column` count from 1; 0 means the problem has no position."""

    path: Path
    line: int
    column: int
    message: str
    # More than a line can say, for the problems panel (a quote's nearest passage in its source); plain text.
    detail: str = field(default="", compare=False)

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}: {self.message}"
        return f"{self.path}: {self.message}"


class ChronologyError(Exception):
    """Raised where a load cannot go on; carries every problem found so far."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
