"""The money: the plan's budget, the scenario's investment, what the targets need, and the gap.

Amounts come from the judge's requirements (``Results.requirements`` yearly and
``Results.phases`` per plan period); "met" comes from its attainment rows. This module
adds up and words them; it decides nothing.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.present.brief.findings import Table, judged_rows
from khcn_analysis.present.brief.words import (
    goal_text,
    is_missing,
    money,
    number,
    percent,
)

__all__ = ["closing_items", "funding_table", "sufficiency_sentence"]


def _invested(results: Any, start: int, end: int) -> float:
    yearly = results.requirements
    sel = yearly[(yearly["year"] >= start) & (yearly["year"] <= end)]["st_investment"]
    return float(sel.sum(min_count=1)) if sel.notna().any() else math.nan


def _period_label(row: dict, lang: str) -> str:
    start, end = int(row["start_year"]), int(row["end_year"])
    if str(row["phase"]).startswith("after_plan"):
        return t("brief.period.after", lang, start=start, end=end)
    return f"{start}–{end}"


def _amount(value: float, lang: str) -> str:
    return "–" if is_missing(value) else number(value, 1, lang)


def funding_table(results: Any, lang: str) -> Table:
    """Per plan period and after it: the plan's budget, the scenario's investment, the need, the gap."""
    header = [t(f"brief.col.{k}", lang) for k in ("period", "plan_budget", "invested", "needed", "shortfall")]
    rows, totals = [], [0.0, 0.0, 0.0, 0.0]
    phases = results.phases.to_dict("records")
    for r in phases:
        after = str(r["phase"]).startswith("after_plan")
        plan = math.nan if after and not r["plan_budget"] else float(r["plan_budget"])
        invested = _invested(results, int(r["start_year"]), int(r["end_year"]))
        needed = float(r["required_st_investment"])
        short = needed - invested if not is_missing(invested) else math.nan
        short = max(short, 0.0) if not is_missing(short) else short
        for i, v in enumerate((plan, invested, needed, short)):
            totals[i] += 0.0 if is_missing(v) else v
        rows.append([_period_label(r, lang), *(_amount(v, lang) for v in (plan, invested, needed, short))])
    if len(phases) > 1:
        label = t("brief.period.total", lang, start=int(phases[0]["start_year"]), end=int(phases[-1]["end_year"]))
        rows.append([label, *(_amount(v, lang) for v in totals)])
    return Table(header, rows, {1, 2, 3, 4}, [4.1, 3.1, 3.1, 3.1, 3.1])


def sufficiency_sentence(results: Any, lang: str) -> str | None:
    """"Investment covers 50% (2015), 7% (2020) and 3% (2030) of what the targets need"."""
    rows = judged_rows(results)
    rows = rows[(rows["indicator"] == "st_investment_share_grdp") & rows["funding_sufficiency"].notna()]
    items = [t("brief.funding.sufficiency_item", lang, year=int(r["year"]),
               pct=percent(float(r["funding_sufficiency"]) * 100, lang))
             for r in rows.drop_duplicates("year").to_dict("records")]
    if not items:
        return None
    joined = ", ".join(items[:-1]) + t("brief.and", lang) + items[-1] if len(items) > 1 else items[0]
    return t("brief.funding.sufficiency", lang, items=joined)


def _row(rows: pd.DataFrame, indicator: str, year: int) -> dict | None:
    sel = rows[(rows["indicator"] == indicator) & (rows["year"] == year)]
    return None if sel.empty else sel.iloc[0].to_dict()


def _yearly(results: Any, year: int) -> dict | None:
    sel = results.requirements[results.requirements["year"] == year]
    return None if sel.empty else sel.iloc[0].to_dict()


def closing_items(results: Any, lang: str, year: int = MILESTONES[-1]) -> list[str]:
    """What would close the gap in the last milestone year, in money and in people."""
    rows = judged_rows(results, [year])
    need = _yearly(results, year)
    if need is None:
        return []
    items = []
    share = _row(rows, "st_investment_share_grdp", year)
    invested, needed = need["st_investment"], need["required_st_investment"]
    if share is not None and not is_missing(needed) and not is_missing(invested):
        if share["status"] == "met":
            items.append(t("brief.close.investment_ok", lang, year=year, invested=money(invested, lang),
                           needed=money(needed, lang)))
        elif invested > 0:
            items.append(t("brief.close.investment", lang, year=year, needed=money(needed, lang),
                           goal=goal_text(share, lang), times=number(needed / invested, 1, lang),
                           invested=money(invested, lang)))
    budget = _row(rows, "st_budget_share_expenditure", year)
    projected_budget = _value(results, "st_budget", year)
    if budget is not None and budget["status"] == "not_met" and not is_missing(need["required_st_budget"]):
        items.append(t("brief.close.budget", lang, year=year, needed=money(need["required_st_budget"], lang),
                       goal=goal_text(budget, lang), projected=money(projected_budget, lang)))
    density = _row(rows, "researcher_density", year)
    if density is not None and density["status"] == "not_met":
        items += _researcher_item(results, density, need, year, lang)
    return items


def _value(results: Any, variable: str, year: int) -> float:
    table = results.table
    sel = table[(table["variable"] == variable) & (table["year"] == year)]["value"]
    return float(sel.iloc[0]) if len(sel) else math.nan


def _researcher_item(results: Any, row: dict, need: dict, year: int, lang: str) -> list[str]:
    required, projected = need["required_researchers"], need["researchers"]
    if is_missing(required) or is_missing(projected):
        return []
    earlier = [m for m in MILESTONES if m < year]
    start = (earlier[-1] if earlier else year - 1) + 1
    base = _value(results, "researchers", start - 1)
    base = projected if is_missing(base) else base
    per_year = max((required - base) / max(year - start + 1, 1), 0.0)
    return [t("brief.close.researchers", lang, needed=number(math.ceil(required), 0, lang), year=year,
              goal=goal_text(row, lang), projected=number(round(projected), 0, lang),
              per_year=number(math.ceil(per_year), 0, lang), start=start)]
