"""The shape a reader hands the validator: mappings, lists and scalars that remember where they were written.

The validator (viewer.model.loader) checks a chronology through these protocols only, never through one
format's classes, so every reader (YAML today; TimelineJS JSON, CSV, Parquet, ICS next) gets the same checks
and the same `FILE:LINE:COL: message` problems by building nodes of this shape:

- a mapping node has `values` (field name -> node or scalar), `key_marks` and `value_marks` (field name ->
  Mark) and its own `mark`;
- a list node has `items` (nodes or scalars), `item_marks` (one Mark per item) and its own `mark`;
- anything else is a scalar: str, int, float, bool or None. Dates stay text: the date parser knows precision.

A format without positions (Parquet, say) gives row and column numbers, or Mark(0, 0) for "no position".
The validator may replace list items with None once it has checked them, to free memory as it goes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol, TypeGuard, runtime_checkable


@dataclass(frozen=True, slots=True)
class Mark:
    """A position in the file, counting from 1 (0 where the format has none)."""

    line: int
    column: int


@runtime_checkable
class MapNode(Protocol):
    """A mapping with text keys, remembering where each key and value was written."""

    values: dict[str, Any]

    @property
    def mark(self) -> Mark: ...

    @property
    def key_marks(self) -> Mapping[str, Mark]: ...

    @property
    def value_marks(self) -> Mapping[str, Mark]: ...


@runtime_checkable
class ListNode(Protocol):
    """A list, remembering where each item was written."""

    items: list[Any]

    @property
    def mark(self) -> Mark: ...

    @property
    def item_marks(self) -> Sequence[Mark]: ...


class Kind(Enum):
    MAP = "a mapping"
    LIST = "a list"
    SCALAR = "a scalar"


# A structural isinstance() looks up every member; the validator asks about each of millions of values, so
# the answer is remembered per type (a type's instances all have the same members).
_KIND_BY_TYPE: dict[type, Kind] = {str: Kind.SCALAR, int: Kind.SCALAR, float: Kind.SCALAR, bool: Kind.SCALAR,
                                   type(None): Kind.SCALAR}  # fmt: skip


def kind(value: Any) -> Kind:
    """Whether `value` is a mapping node, a list node or a scalar, by the protocols above."""
    known = _KIND_BY_TYPE.get(type(value))
    if known is None:
        if isinstance(value, MapNode):
            known = Kind.MAP
        elif isinstance(value, ListNode):
            known = Kind.LIST
        else:
            known = Kind.SCALAR
        _KIND_BY_TYPE[type(value)] = known
    return known


def is_map(value: Any) -> TypeGuard[MapNode]:
    return kind(value) is Kind.MAP


def is_list(value: Any) -> TypeGuard[ListNode]:
    return kind(value) is Kind.LIST
