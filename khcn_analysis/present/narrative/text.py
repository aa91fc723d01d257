"""What every report table and sentence is made of: columns, cells, safe text.

Tables are built from a tuple of :class:`Column` (a catalogue key for the header and
a function for the cell), so a new column (an evidence grade, a robustness flag) is
one line in the table's column tuple, not a new builder.

Text a user typed (a scenario's title and description) reaches Markdown and HTML
only through :func:`md_text` or an escaping table writer: a title such as
``<img src=x onerror=alert(1)>`` is shown as those characters, never run.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import Lang, format_money_bn, format_number, format_percent
from khcn_analysis.core.indicators import get_indicator, unit_label

__all__ = [
    "MILESTONES",
    "Column",
    "build_table",
    "clause_text",
    "gap_text",
    "heading",
    "html_table",
    "indicator_label",
    "md_text",
    "note",
    "period_text",
    "status_word",
    "target_text",
    "unit_text",
    "value_text",
    "verdict_word",
]

Cell = Callable[[Mapping[str, Any], Lang], object]


@dataclass(frozen=True)
class Column:
    """One column of a reader table: its header's catalogue key and how to fill a cell."""

    key: str
    cell: Cell
    fields: Mapping[str, object] | None = None  # fields of the header text, e.g. {"year": 2030}

    def header(self, lang: Lang) -> str:
        return t(self.key, lang, **(self.fields or {}))


def build_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[Column], lang: Lang) -> pd.DataFrame:
    """One reader row per input row, one column per :class:`Column`, headers in ``lang``."""
    headers = [c.header(lang) for c in columns]
    data = [[c.cell(row, lang) for c in columns] for row in rows]
    return pd.DataFrame(data, columns=headers)


# --------------------------------------------------------------------------- safe text

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>])")


def md_text(text: object) -> str:
    """User text for a Markdown cell: on one line, HTML-escaped, Markdown punctuation escaped.

    After this, ``<iframe …>`` is text, ``[x](javascript:…)`` is not a link and ``# …``
    is not a heading; the reader sees exactly the characters that were typed.
    """
    one_line = " ".join(str(text).split())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(one_line, quote=False))


def html_table(frame: pd.DataFrame, css_class: str) -> str:
    """A reader table as HTML without the index; every header and cell escaped."""
    return frame.to_html(index=False, classes=["dataframe", f"khcn-{css_class}"], border=0, escape=True)


def heading(key: str, lang: Lang = "vi") -> str:
    """A heading of the report pages (``narrative.heading.<key>``)."""
    return t(f"narrative.heading.{key}", lang)


def note(key: str, lang: Lang = "vi") -> str:
    """A note under a table of the report pages (``narrative.note.<key>``)."""
    return t(f"narrative.note.{key}", lang)


# --------------------------------------------------------------------------- cells


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def indicator_label(indicator: str, lang: Lang) -> str:
    return get_indicator(indicator).label(lang)


def value_text(indicator: str, value: float | None, lang: Lang) -> str:
    """A value in its indicator's format; sufficiency as a percentage; a dash when missing."""
    if _missing(value):
        return "–"
    if indicator == "funding_sufficiency":
        return format_percent(float(value) * 100, 0, lang)
    return get_indicator(indicator).format_value(float(value), lang)


def unit_text(indicator: str, lang: Lang) -> str:
    return "%" if indicator == "funding_sufficiency" else get_indicator(indicator).unit_label(lang)


def status_word(status: str, lang: Lang) -> str:
    """How a value was obtained, in the lower-case form used inside a cell ("dự báo")."""
    return value_status_label(status, lang, lower=True)


def verdict_word(status: str, lang: Lang) -> str:
    """The judge's verdict on a target ("Đạt", "Chưa đạt", "Chưa tính được")."""
    return attainment_label(status, lang)


_COMPARATORS = {"at_least": "≥ {l}", "greater_than": "> {l}", "at_most": "≤ {u}", "equal": "= {l}",
                "between": "{l}–{u}"}


def target_text(row: Mapping[str, Any], lang: Lang) -> str:
    """A target's bounds as a reader writes them: "≥ 1,5%", "5–7"."""
    unit = "%" if row["unit"] == "%" else ""

    def bound(v: object) -> str:
        if _missing(v):
            return ""
        v = float(v)  # type: ignore[arg-type]
        return format_number(v, 1 if v % 1 else 0, lang) + unit

    return _COMPARATORS[str(row["comparator"])].format(l=bound(row["lower"]), u=bound(row["upper"]))


def gap_text(row: Mapping[str, Any], lang: Lang) -> str:
    """Shortfall in natural units; a negative gap means above an upper bound."""
    gap = row["gap"]
    if row["status"] == "met" or _missing(gap):
        return "–"
    gap = float(gap)
    if row["gap_unit"] == "bn VND":
        amount = format_money_bn(abs(gap), 1, lang)
    else:
        unit = unit_label(str(row["gap_unit"]), lang)
        number = format_number(abs(gap), 0 if row["gap_unit"] == "persons" else 1, lang)
        amount = f"{number}%" if unit == "%" else t("narrative.cell.with_unit", lang, value=number, unit=unit)
    return t("narrative.cell.above", lang, amount=amount) if gap < 0 else amount


_CLAUSE_FORMS = (
    (re.compile(r"^(?P<part>\S+) item (?P<n>\d+)$"), "narrative.clause.item"),
    (re.compile(r"^(?P<part>\S+) closing$"), "narrative.clause.closing"),
)


def clause_text(clause: object, lang: Lang) -> str:
    """The plan's clause label for a reader ("B.II item 3" → "B.II, mục 3")."""
    text = str(clause)
    for pattern, key in _CLAUSE_FORMS:
        match = pattern.match(text)
        if match:
            return t(key, lang, **match.groupdict())
    return text


def period_text(start: int, end: int, after_plan: bool, lang: Lang) -> str:
    """A plan phase ("2013–2015") or the years after the plan ("Sau kế hoạch (2021–2030)")."""
    if after_plan:
        return t("narrative.cell.after_plan", lang, start=start, end=end)
    return f"{start}–{end}"

