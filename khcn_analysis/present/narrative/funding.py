"""Page 03: is the money enough, per plan phase, and what would the targets take?"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import (
    Lang,
    check_lang,
    format_money_bn,
    format_number,
    format_percent,
)
from khcn_analysis.present.narrative.text import Column, build_table, period_text

__all__ = ["FUNDING_COLUMNS", "INVERSE_COLUMNS", "funding_by_phase", "inverse_sentence", "inverse_table"]


def _periods(projection: Any) -> list[tuple[str, int, int]]:
    periods = [(p.id, int(p.start_year), int(p.end_year)) for p in projection.plan.phases]
    last = max(end for _, _, end in periods) if periods else int(projection.years[0]) - 1
    final = int(projection.years[-1])
    if last < final:
        periods.append(("after_plan", last + 1, final))
    return periods


def _money(key: str) -> Any:
    return lambda r, lg: format_money_bn(r[key], 1, lg)


def _ratio(r: Any, lang: Lang) -> str:
    ratio = r["ratio"]
    return "–" if math.isnan(ratio) else format_percent(ratio * 100, 0, lang)


FUNDING_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.phase", lambda r, lg: period_text(r["start"], r["end"], r["after_plan"], lg)),
    Column("narrative.col.invested", _money("invested")),
    Column("narrative.col.needed", _money("needed")),
    Column("narrative.col.sufficiency", _ratio),
)


def funding_by_phase(projection: Any, lang: Lang = "vi") -> pd.DataFrame:
    """Per plan phase (and the years after it): S&T investment, what the share target needs, the ratio."""
    wide = projection.table.pivot(index="year", columns="variable", values="value")
    rows = []
    for pid, start, end in _periods(projection):
        sel = wide.loc[(wide.index >= start) & (wide.index <= end)]
        invested = float(sel["st_investment"].sum(min_count=1))
        needed = float(sel["funding_required"].sum(min_count=1)) if "funding_required" in sel else math.nan
        ratio = invested / needed if needed and not math.isnan(needed) else math.nan
        rows.append({"start": start, "end": end, "after_plan": pid == "after_plan",
                     "invested": invested, "needed": needed, "ratio": ratio})
    return build_table(rows, FUNDING_COLUMNS, check_lang(lang))


INVERSE_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.phase", lambda r, lg: period_text(
        int(r["start_year"]), int(r["end_year"]), str(r["phase"]).startswith("after_plan"), lg)),
    Column("narrative.col.plan_budget", _money("plan_budget")),
    Column("narrative.col.needed", _money("required_st_investment")),
    Column("narrative.col.extra", _money("extra_over_plan")),
    Column("narrative.col.researchers_end", lambda r, lg: format_number(r["researchers_needed_at_end"], 0, lg)),
)


def inverse_table(phases: pd.DataFrame, lang: Lang = "vi") -> pd.DataFrame:
    """:func:`khcn_analysis.judge.requirements` phases for a reader."""
    return build_table((r for _, r in phases.iterrows()), INVERSE_COLUMNS, check_lang(lang))


def inverse_sentence(phases: pd.DataFrame, lang: Lang = "vi") -> str:
    """Markdown: what the plan period's share targets need, against the plan's own budget."""
    lang = check_lang(lang)
    plan_rows = phases.loc[~phases["phase"].astype(str).str.startswith("after_plan")]
    plan_money = float(plan_rows["plan_budget"].sum())
    need = float(plan_rows["required_st_investment"].sum())
    ratio = need / plan_money if plan_money else math.nan
    return t("narrative.sentence.inverse", lang,
             start=int(plan_rows["start_year"].min()), end=int(plan_rows["end_year"].max()),
             need=format_money_bn(need, 0, lang), ratio=format_number(ratio, 1, lang),
             plan=format_money_bn(plan_money, 1, lang))
