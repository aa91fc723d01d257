"""Source ids: the one module that parses, merges and classifies them.

Every value in a tidy table carries ``source``: ids joined by ``;`` — a
``fact_id`` of ``data/raw/sources.csv``, ``assumption:<id>``,
``plan:<plan>:<item>``, ``scenario:<name>`` or a department import's
``department.<import>.<variable>.<year>``. A derived value carries the ids of all
its inputs (merged in order, without repeats), so any number can be traced back.
Modules used to split the string by hand in a dozen places and read the prefixes
four different ways; they call these functions instead.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Literal

__all__ = [
    "SEPARATOR",
    "SourceKind",
    "assumption_ids",
    "is_assumed",
    "join_sources",
    "source_kind",
    "split_sources",
]

SEPARATOR = ";"
SourceKind = Literal["fact", "assumption", "plan", "scenario", "department"]
_PREFIXES: tuple[tuple[str, SourceKind], ...] = (
    ("assumption:", "assumption"),
    ("plan:", "plan"),
    ("scenario:", "scenario"),
    ("department.", "department"),
)


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def split_sources(source: object) -> list[str]:
    """The ids in a ``source`` cell (a string, a list of strings, None or NaN), in order, once each."""
    if _is_missing(source):
        return []
    items: Iterable[object] = [source] if isinstance(source, str) else source  # type: ignore[assignment]
    out: list[str] = []
    for item in items:
        if _is_missing(item):
            continue
        for part in str(item).split(SEPARATOR):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def join_sources(*parts: object) -> str:
    """Merge source cells (or ids) into one cell: every id once, first occurrence first."""
    return SEPARATOR.join(split_sources(list(parts)))


def source_kind(source_id: str) -> SourceKind:
    """What an id refers to: a sourced fact, an assumption, the plan, a scenario or a department import."""
    for prefix, kind in _PREFIXES:
        if source_id.startswith(prefix):
            return kind
    return "fact"


def assumption_ids(source: object) -> list[str]:
    """The assumption ids (without the ``assumption:`` prefix) a source cell rests on."""
    return [i.removeprefix("assumption:") for i in split_sources(source) if source_kind(i) == "assumption"]


def is_assumed(source: object) -> bool:
    """Whether any id in a source cell is an assumption."""
    return bool(assumption_ids(source))
