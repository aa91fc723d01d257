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

import contextlib
import math
import re
import weakref
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from khcn_analysis.core.catalogue import has, t

__all__ = [
    "SEPARATOR",
    "SourceKind",
    "assumption_ids",
    "display_name",
    "is_assumed",
    "join_sources",
    "name_lookup",
    "plain_references",
    "source_kind",
    "source_label",
    "source_labels",
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


# --------------------------------------------------------------------------- names for readers


#: Lookups already built, by the identity of their table (a page names sources hundreds of times
#: from one ``Results.sources``); an entry goes when its table is garbage-collected.
_LOOKUPS: dict[int, tuple[weakref.ref, dict[str, str]]] = {}


def name_lookup(details: Any) -> dict[str, str]:
    """``{id: English source_name}`` from a source-details table (``Results.sources``: ``id``, ``name``).

    Accepts such a table (anything with ``id`` and ``name`` columns), a mapping, or None.
    Built once per table object (tables handed to presentation are not modified); the
    result is shared, so callers read it and never change it.
    """
    if details is None:
        return {}
    if isinstance(details, Mapping):
        return {str(k): str(v) for k, v in details.items() if isinstance(v, str) and v}
    key = id(details)
    known = _LOOKUPS.get(key)
    if known is not None and known[0]() is details:
        return known[1]
    lookup = _build_lookup(details)
    with contextlib.suppress(TypeError):  # a table type without weak references is not kept
        _LOOKUPS[key] = (weakref.ref(details, lambda _ref, key=key: _LOOKUPS.pop(key, None)), lookup)
    return lookup


def _build_lookup(details: Any) -> dict[str, str]:
    ids, names = details["id"], details["name"]
    ids, names = (c.tolist() if hasattr(c, "tolist") else list(c) for c in (ids, names))  # not cell by cell
    return {str(i): str(n) for i, n in zip(ids, names, strict=False) if isinstance(n, str) and n}


def display_name(source_name: str, lang: str = "vi") -> str:
    """The short reader's name of a ``sources.csv`` ``source_name``, in ``lang``.

    "GSO statistical yearbook via GitHub choisy/gso" → "Niên giám thống kê (TCTK)" /
    "GSO statistical yearbook". A name with no catalogue entry (a new source not yet
    named) falls back to its English name, never to nothing.
    """
    key = f"sources.name.{source_name}"
    return t(key, lang) if has(key) else source_name


def source_label(source_id: str, lang: str = "vi", names: Any = None) -> str:
    """A reader's name for one source id, in ``lang`` (Vietnamese by default).

    - a sourced fact: the display name of its ``source_name`` (``names``: the details
      table ``Results.sources`` or an ``{id: source_name}`` mapping; the id itself if
      it is not there);
    - ``assumption:…`` → "giả định" / "assumption"; ``scenario:…`` → "giả định của kịch bản";
    - ``plan:<plan>:…`` → the plan's short name ("Kế hoạch kèm QĐ 182/QĐ-UBND");
    - ``department.…`` → "Sở KH&CN Lai Châu" / "Lai Châu DOST".
    """
    kind = source_kind(source_id)
    if kind in ("assumption", "scenario", "department"):
        return t(f"sources.{kind}", lang)
    if kind == "plan":
        parts = source_id.split(":")
        key = f"sources.plan.{parts[1]}" if len(parts) > 1 else "sources.plan"
        return t(key, lang) if has(key) else t("sources.plan", lang)
    lookup = names if isinstance(names, dict) else name_lookup(names)
    english = lookup.get(source_id)
    return display_name(english, lang) if english else source_id


def source_labels(sources: object, lang: str = "vi", names: Any = None) -> list[str]:
    """The distinct reader's names behind source cells, in first-seen order.

    Assumptions (and a scenario's parameters, which are assumptions too) are named
    once, last: "…; giả định". ``sources`` is a cell, a list of cells or ids.
    """
    lookup = name_lookup(names) if not isinstance(names, dict) else names
    out: dict[str, None] = {}
    assumed = False
    for sid in split_sources(sources):
        if source_kind(sid) in ("assumption", "scenario"):
            assumed = True
            continue
        out.setdefault(source_label(sid, lang, lookup), None)
    labels = list(out)
    if assumed:
        labels.append(t("sources.assumption", lang))
    return labels


# --------------------------------------------------------------------------- ids cited in prose

_FACT_IN_TEXT = re.compile(r"\b[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.\d{4}\.[a-z]\b")
_ASSUMPTION_IN_TEXT = re.compile(r"\bassumption:[a-z0-9_]+\b")
_NAME_IN_TEXT = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def _name_label(name: str, lang: str) -> str | None:
    from khcn_analysis.core.indicators import INDICATORS

    if name in INDICATORS:
        return INDICATORS[name].label(lang)  # type: ignore[arg-type]
    for key in (f"param.{name}", f"data.var.{name}"):
        if has(key):
            return t(key, lang)
    return None


def plain_references(text: str, lang: str = "vi", names: Any = None) -> str:
    """Prose (a reason, a note) with the ids it cites in readers' words.

    Reasons written by modellers cite ``laichau.dost_staff_quota.2014.a``,
    ``assumption:st_investment_state_share`` or a variable such as ``st_budget``; a reader
    sees the source's name (``names``: as for :func:`source_label`), "a reasoned
    assumption" and the variable's label. The ids stay in the sources table.
    """
    if not isinstance(text, str) or not text:
        return text
    lookup = names if isinstance(names, dict) else name_lookup(names)

    def fact(match: re.Match[str]) -> str:
        sid = match.group(0)
        return display_name(lookup[sid], lang) if sid in lookup else t("lang.cited_source", lang)

    text = _FACT_IN_TEXT.sub(fact, text)
    text = _ASSUMPTION_IN_TEXT.sub(lambda m: t("lang.cited_assumption", lang), text)
    return _NAME_IN_TEXT.sub(lambda m: _name_label(m.group(0), lang) or m.group(0), text)
