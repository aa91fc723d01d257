"""How the brief writes one value, one target, one clause, one verdict.

Small pure functions shared by the sections; numbers follow the reader's conventions
(:mod:`khcn_analysis.core.formatting`: ``1,5%``, ``12.345 tỷ đồng``) and every word
comes from the catalogue (``brief.*``, ``status.*``, ``verdict.*``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.formatting import format_money_bn, format_number, format_percent
from khcn_analysis.core.indicators import INDICATORS, unit_label
from khcn_analysis.plan.clauses import clause_text  # noqa: F401 (re-exported: the brief names clauses)

__all__ = [
    "bare_value",
    "basis_text",
    "clause_text",
    "gap_text",
    "goal_text",
    "is_missing",
    "lower_first",
    "money",
    "number",
    "optional_word",
    "percent",
    "short_number",
    "target_label",
    "value_text",
    "verdict_text",
]


def is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def lower_first(text: str) -> str:
    """"Tổng đầu tư …" → "tổng đầu tư …" inside a sentence; acronyms ("GRDP …") stay."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def number(value: float, decimals: int, lang: str) -> str:
    return format_number(float(value), decimals, lang)  # type: ignore[arg-type]


def short_number(value: float, lang: str, most: int = 2) -> str:
    """At most ``most`` decimals, trailing zeros dropped: ``12``, ``6,5``, ``2,17``."""
    for decimals in range(most + 1):
        if abs(round(float(value), decimals) - float(value)) < 1e-9:
            break
    return number(value, decimals, lang)


def money(value: float, lang: str, decimals: int = 1) -> str:
    """``12.345,6 tỷ đồng``: whole tỷ from a hundred on, one decimal below."""
    return format_money_bn(float(value), 0 if abs(value) >= 100 else decimals, lang)  # type: ignore[arg-type]


def percent(value: float, lang: str, decimals: int = 0) -> str:
    return format_percent(float(value), decimals, lang)  # type: ignore[arg-type]


def value_text(indicator: str, value: float, lang: str) -> str:
    """A value with its unit as the indicator registry formats it (``0,76%``)."""
    if is_missing(value):
        return "–"
    if indicator == "funding_sufficiency":  # a ratio, shown as the share of the need covered
        return percent(float(value) * 100, lang)
    ind = INDICATORS.get(indicator)
    return ind.format_value(float(value), lang) if ind else number(value, 2, lang)  # type: ignore[arg-type]


def bare_value(indicator: str, value: float, lang: str) -> str:
    """A value without its unit, for a table whose header names it (``8,67``; shares keep ``%``)."""
    if is_missing(value):
        return "–"
    if indicator == "funding_sufficiency":
        return percent(float(value) * 100, lang)
    ind = INDICATORS.get(indicator)
    text = number(value, ind.decimals if ind else 2, lang)
    return text + "%" if ind is not None and ind.unit == "%" else text


def _bound(value: float, unit: str, lang: str) -> str:
    text = number(value, 0 if float(value).is_integer() else 1, lang)
    if unit in ("%", "% per year"):
        return text + "%"
    return text


def goal_text(row: Mapping[str, Any], lang: str) -> str:
    """The target level as the plan states it: ``không dưới 1,5%``, ``5–7 người/vạn dân``."""
    unit = str(row["unit"])
    lower = "" if is_missing(row.get("lower")) else _bound(row["lower"], unit, lang)
    upper = "" if is_missing(row.get("upper")) else _bound(row["upper"], unit, lang)
    text = t(f"brief.cmp.{row['comparator']}", lang, lower=lower, upper=upper)
    if unit not in ("%", "% per year"):
        text += " " + unit_label(unit, lang)  # type: ignore[arg-type]
    return text


def gap_text(row: Mapping[str, Any], lang: str) -> str:
    """The shortfall in natural units (tỷ đồng, researchers); "–" when met."""
    gap = row.get("gap")
    if row["status"] != "not_met" or is_missing(gap):
        return t("brief.gap.none", lang)
    gap = float(gap)
    unit = str(row["gap_unit"])
    if unit == "bn VND":
        amount = money(abs(gap), lang)
    elif unit == "persons":
        amount = f"{number(math.ceil(abs(gap)), 0, lang)} {unit_label(unit, lang)}"  # type: ignore[arg-type]
    else:
        amount = f"{number(abs(gap), 1, lang)} {unit_label(unit, lang)}"  # type: ignore[arg-type]
    return t("brief.gap.above", lang, amount=amount) if gap < 0 else amount


def target_label(target: Any, indicator: str, lang: str) -> str:
    """The plan's own name of a target, else the indicator's."""
    if target is not None:
        return str(getattr(target, f"label_{lang}"))
    ind = INDICATORS.get(indicator)
    return ind.label(lang) if ind else indicator  # type: ignore[arg-type]


def optional_word(value: object, lang: str, *prefixes: str) -> str | None:
    """The catalogue's word for ``value`` under the first prefix that has it, else None.

    Columns that another stage is adding (an evidence ``grade``, a robust ``verdict``)
    are shown only when the catalogue can name their values: never as raw ids.
    """
    if is_missing(value) or value == "":
        return None
    for prefix in prefixes:
        key = f"{prefix}.{value}"
        if has(key):
            return t(key, lang)
    return None


def verdict_text(status: str, lang: str) -> str:
    """The judge's verdict word (``verdict.<status>`` in the catalogue)."""
    return optional_word(status, lang, "verdict", "brief.verdict") or attainment_label(status, lang)


def basis_text(value_status: str, assumed: bool, lang: str, grade: object = None) -> str:
    """What a verdict rests on: its evidence grade when the judge gives one (the grade already
    carries the weakest of its inputs), else the value's status and whether an assumption is
    among its inputs."""
    graded = optional_word(grade, lang, "grade", "status", "brief.grade")
    if graded:
        return graded
    word = optional_word(value_status, lang, "status", "brief.grade") or value_status_label(value_status, lang)
    if assumed and value_status != "assumption":
        return t("brief.basis.assumed", lang, status=word)
    return word
