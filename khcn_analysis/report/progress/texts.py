"""How the half-year report writes a date, a verdict, a value, a list of years, a reason.

Small pure functions over the catalogue (``progress.*``, ``verdict.*``, ``grade.*``) and
the briefing note's word helpers (:mod:`khcn_analysis.present.brief.words`), so both
documents write a target, a clause and a number the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.core.provenance import source_label
from khcn_analysis.present.brief.grounds import assumption_name
from khcn_analysis.present.brief.words import is_missing, lower_first, optional_word, value_text

__all__ = [
    "date_text",
    "grade_word",
    "indicator_label",
    "reason_text",
    "target_name",
    "value_cell",
    "verdict_word",
    "years_text",
]


def date_text(day: date | datetime | str | None, lang: str) -> str:
    """``15/09/2026`` in Vietnamese, ``2026-09-15`` in English."""
    if day is None or day == "":
        return t("progress.unknown", lang)
    if isinstance(day, str):
        try:
            day = datetime.fromisoformat(day)
        except ValueError:
            return day
    day = day.date() if isinstance(day, datetime) else day
    return t("progress.date", lang, d=day.day, m=day.month, y=day.year)


def years_text(years: Iterable[int], lang: str, most: int = 0) -> str:
    """``2013–2019, 2021`` (runs joined); ``most`` > 0 cuts the list after that many runs."""
    ordered = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for y in ordered:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    if most and len(parts) > most:
        hidden = sum(len(r) for r in runs[most:])
        return t("progress.years.and_more", lang, shown=", ".join(parts[:most]), n=hidden)
    return ", ".join(parts)


def verdict_word(verdict: object, lang: str, *, long: bool = False) -> str:
    """The judge's word for a verdict (its full form with ``long``)."""
    key = f"verdict.long.{verdict}" if long else f"verdict.{verdict}"
    if has(key):
        return t(key, lang)
    return attainment_label(str(verdict), lang)


def grade_word(row: dict[str, Any], lang: str) -> str:
    """The evidence grade a verdict rests on; the value's status where the judge gives no grade."""
    word = optional_word(row.get("grade"), lang, "grade", "status")
    if word:
        return word
    status = row.get("value_status") or row.get("status") or ""
    return value_status_label(str(status), lang) if status else "–"


def indicator_label(variable: str, lang: str) -> str:
    indicator = INDICATORS.get(variable)
    if indicator is not None:
        return indicator.label(lang)  # type: ignore[arg-type]
    key = f"department.label.{variable}"
    return t(key, lang) if has(key) else variable


def target_name(plan: Any, target_id: str, indicator: str, lang: str, *, short: bool = True) -> str:
    """A target as a sentence names it: the brief's short name, else the plan's label."""
    key = f"brief.short.{indicator}"
    if short and has(key):
        return t(key, lang)
    target = next((x for x in plan.targets if x.id == target_id), None)
    if target is not None:
        return lower_first(target.title(lang))
    return lower_first(indicator_label(indicator, lang))


def value_cell(variable: str, row: dict[str, Any] | None, lang: str) -> str:
    """``0,17% (giả định)``: a snapshot value with the grade of its status; "chưa có" when absent."""
    if row is None or is_missing(row.get("value")):
        return t("progress.absent", lang)
    status = optional_word(row.get("status"), lang, "grade", "status") or str(row.get("status") or "")
    text = value_text(variable, float(row["value"]), lang)
    return t("progress.value_cell", lang, value=text, status=lower_first(status)) if status else text


def _fact_name(fact_id: str, names: Any, lang: str) -> str:
    label = source_label(fact_id, lang, names)
    parts = fact_id.split(".")
    year = parts[2] if len(parts) > 2 and parts[2].isdigit() else ""
    if label == fact_id:  # no longer listed: say what it was without the id
        label = t("progress.public_figure", lang)
    return t("progress.fact_name", lang, source=label, year=year) if year else label


def reason_text(reason: Any, lang: str, *, department: dict[str, Any], results: Any) -> str:
    """A reason of :mod:`.changes` for a reader, dated where it has a date."""
    from khcn_analysis.report.progress.received import find_event

    kind = reason.kind
    if kind in ("department", "department_withdrawn"):
        texts = []
        for import_id in reason.ids:
            event = find_event(department, import_id) or {}
            imported = next((e for e in department.get("events", [])
                             if e.get("kind") == "import" and e.get("import_id") == import_id), event)
            when = date_text(event.get("when"), lang)
            if kind == "department" and event.get("kind") == "revert":
                texts.append(t("progress.reason.department_revert", lang, date=when,
                               import_date=date_text(imported.get("when"), lang)))
            else:
                texts.append(t(f"progress.reason.{kind}", lang, date=date_text(imported.get("when"), lang)))
        return "; ".join(texts)
    if kind in ("public_figure", "public_revised", "public_removed"):
        names = list(dict.fromkeys(_fact_name(i, results.sources, lang) for i in reason.ids))
        return t(f"progress.reason.{kind}", lang, names="; ".join(names))
    if kind == "assumption":
        if not reason.ids:
            return t("progress.reason.assumption_ranges", lang)
        names = list(dict.fromkeys(assumption_name(i, lang, results) for i in reason.ids))
        return t("progress.reason.assumption", lang, names="; ".join(names))
    return t(f"progress.reason.{kind}", lang)
