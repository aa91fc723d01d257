"""Page 03, one scenario: the headline indicators and the plan's targets, met or not.

The verdicts are the judge's rows (``judge.attainment``); this module only words them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.present.narrative.scenarios import scenario_title
from khcn_analysis.present.narrative.text import (
    MILESTONES,
    Column,
    build_table,
    clause_text,
    gap_text,
    indicator_label,
    md_text,
    status_word,
    target_text,
    unit_text,
    value_text,
    verdict_word,
)

__all__ = ["ATTAINMENT_COLUMNS", "HEADLINE_INDICATORS", "attainment_sentence", "attainment_table",
           "headline_table", "province_computable"]

HEADLINE_INDICATORS = (
    "population",
    "grdp",
    "budget_expenditure",
    "st_budget",
    "st_investment",
    "st_investment_share_grdp",
    "st_budget_share_expenditure",
    "researchers",
    "researcher_density",
    "funding_sufficiency",
)

#: Statuses marked beside a value in the headline table; the rest are sourced figures. A back-cast
#: and a counterfactual are never shown as if they were history.
MARKED_STATUSES = ("projected", "assumption", "back-cast", "counterfactual")


def _marked_value(indicator: str, cell: Mapping[str, Any] | None, lang: Lang) -> str:
    if cell is None:
        return "–"
    text = value_text(indicator, cell["value"], lang)
    status = str(cell["status"])
    if status in MARKED_STATUSES:
        return t("narrative.cell.marked", lang, value=text, status=status_word(status, lang))
    return text


def headline_table(table: pd.DataFrame, lang: Lang = "vi", years: Sequence[int] = MILESTONES,
                   indicators: Sequence[str] = HEADLINE_INDICATORS) -> pd.DataFrame:
    """The indicators in the plan's milestone years, projected and assumed values marked as such."""
    lang = check_lang(lang)
    rows = []
    for ind in indicators:
        sel = table.loc[table["variable"] == ind].set_index("year")
        if not sel.empty:
            rows.append({"indicator": ind, **{y: sel.loc[y] if y in sel.index else None for y in years}})
    columns = (
        Column("narrative.col.indicator", lambda r, lg: indicator_label(r["indicator"], lg)),
        Column("narrative.col.unit", lambda r, lg: unit_text(r["indicator"], lg)),
        *(_year_column(y) for y in years),
    )
    return build_table(rows, columns, lang)


def _year_column(year: int) -> Column:
    return Column("narrative.col.year_value", lambda r, lg: _marked_value(r["indicator"], r[year], lg),
                  fields={"year": year})


def province_computable(att: pd.DataFrame, years: Sequence[int] | None) -> pd.DataFrame:
    """The province's targets the judge could compute, in ``years`` (all years for None)."""
    sel = att.loc[(att["scope"] == "province") & (att["status"] != "not_computable")]
    if years is not None:
        sel = sel.loc[sel["year"].isin(list(years))]
    return sel


def _grade_text(row: Mapping[str, Any], lang: Lang) -> str:
    """The weakest evidence the verdict rests on ("giả định", "ngoại suy ngược" …)."""
    grade = row.get("grade")
    return status_word(str(grade), lang) if isinstance(grade, str) and grade else "–"


def _plausible_text(row: Mapping[str, Any], lang: Lang) -> str:
    """The lowest and highest value the judge found plausible (one value when they agree)."""
    low, high = row.get("value_low"), row.get("value_high")
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return "–"
    a, b = value_text(row["indicator"], low, lang), value_text(row["indicator"], high, lang)
    return a if a == b else t("evidence.cell.range", lang, low=a, high=b)


#: The attainment table, one column per entry. The verdict is the judge's robust one (met under
#: every plausible value, not met under any, or undetermined), beside the evidence it rests on
#: and the plausible values the judge tried.
ATTAINMENT_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.indicator", lambda r, lg: indicator_label(r["indicator"], lg)),
    Column("narrative.col.year", lambda r, lg: int(r["year"])),
    Column("narrative.col.target", target_text),
    Column("narrative.col.value", lambda r, lg: value_text(r["indicator"], r["value"], lg)),
    Column("narrative.col.result", lambda r, lg: verdict_word(str(r["status"]), lg)),
    Column("evidence.col.grade_title", _grade_text),
    Column("evidence.col.plausible", _plausible_text),
    Column("narrative.col.gap", gap_text),
    Column("narrative.col.clause", lambda r, lg: clause_text(r["clause"], lg)),
)


def attainment_table(att: pd.DataFrame, lang: Lang = "vi", years: Sequence[int] = MILESTONES,
                     columns: Sequence[Column] = ATTAINMENT_COLUMNS) -> pd.DataFrame:
    """The province's computable targets in the milestone years: value, verdict, shortfall, clause."""
    rows = (r for _, r in province_computable(att, years).iterrows())
    return build_table(rows, columns, check_lang(lang))


def attainment_sentence(att: pd.DataFrame, name: Any, lang: Lang = "vi", year: int = 2030) -> str:
    """Markdown: "In 2030 scenario X meets k of n computable targets; missed: …"."""
    lang = check_lang(lang)
    sel = province_computable(att, [year])
    met = int((sel["status"] == "met").sum())
    missed = sel.loc[sel["status"] == "not_met", "indicator"]
    province = att.loc[(att["scope"] == "province") & (att["status"] == "not_computable")]
    not_computable = province["target_id"].nunique()
    text = t("narrative.sentence.attainment", lang, year=year, name=md_text(scenario_title(name, lang)),
             met=met, total=len(sel))
    names = ", ".join(dict.fromkeys(indicator_label(i, lang) for i in missed))
    text += t("narrative.sentence.missed", lang, names=names) if names else "."
    if not_computable:
        text += t("narrative.sentence.not_computable", lang, n=not_computable)
    column = f"sentence_{lang}"
    open_rows = sel.loc[sel["status"] == "undetermined"]
    if len(open_rows) and column in open_rows:  # what would decide each open verdict, in the judge's words
        text += " " + " ".join(md_text(str(s)) for s in dict.fromkeys(open_rows[column]))
    return text
