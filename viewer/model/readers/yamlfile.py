"""The YAML reader: the file's text through viewer.model.yamltree, whose YamlMap and YamlList are nodes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.model.readers.base import EmptyFile, Progress
from viewer.model.yamltree import parse, read_text


def read(path: Path, progress: Progress | None = None) -> Any:
    """Nodes from the YAML file at `path` (see viewer.model.readers.base.Reader)."""
    return read_yaml_text(path, read_text(path), progress)


def read_yaml_text(path: Path, text: str, progress: Progress | None = None) -> Any:
    """Nodes from YAML text as if read from `path`."""
    if not text.strip():
        raise EmptyFile(path)
    return parse(path, text, progress)
