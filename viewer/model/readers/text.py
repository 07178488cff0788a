"""A file's text for the readers of other formats: the same size cap, NUL and UTF-8 checks as YAML's."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from viewer.model.problems import ChronologyError
from viewer.model.yamltree import read_text as _read_yaml_text


def read_text(path: Path, kind: str) -> str:
    """The UTF-8 text of `path` (a BOM dropped); ChronologyError saying why not, naming the `kind` of text
    expected ('JSON', 'CSV', 'iCalendar') where YAML's reader would say 'YAML'."""
    try:
        return _read_yaml_text(path)
    except ChronologyError as error:
        problems = [replace(p, message=p.message.replace("not YAML text", f"not {kind} text")) for p in error.problems]
        raise ChronologyError(problems) from None
