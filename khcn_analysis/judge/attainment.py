"""Judging projections against the plan: attainment, gaps, and what the targets need.

Attainment is a tidy table (one row per target and year) rather than a boolean,
so "which target is missed, by how much, in which year" can be read, charted
and exported. Gaps are in natural units (bn VND short, researchers short)
because "0,3 percentage points" means nothing to a budget officer.

Every verdict says how much it knows (:mod:`khcn_analysis.judge.verdicts`):
``verdict`` (and ``status``, the same word) is ``met`` under every plausible
value, ``not_met`` under any plausible value, ``undetermined`` or
``not_computable``; ``grade`` is the weakest evidence grade the value rests on;
for an undetermined verdict ``deciding_assumption``, ``breakpoint``,
``breakpoint_unit`` and ``breakpoint_comparator`` say what would decide it;
``sentence_vi``/``sentence_en`` say it all to a reader. ``central_verdict``,
``value`` and ``gap`` are at the scenario's central values.

What the targets need (the inverse) is in :mod:`khcn_analysis.judge.requirements`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from khcn_analysis.core.catalogue import LANGS
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.provenance import split_sources
from khcn_analysis.data.grdp_vintage import NATIVE_REVISED_FROM
from khcn_analysis.judge.compare import above_range, compare
from khcn_analysis.judge.verdicts import (
    VERDICT_COLUMNS,
    Plausible,
    plausible_runs,
    robust_verdict,
    sentence,
)

if TYPE_CHECKING:
    from khcn_analysis.model.projection import Projection

__all__ = [
    "ATTAINMENT_COLUMNS",
    "attainment",
    "compare",
    "evaluation_years",
]

ATTAINMENT_COLUMNS = [
    "target_id", "scope", "indicator", "year", "comparator", "lower", "upper", "unit",
    "value", "status", "gap", "gap_unit", "clause",
    "funding_sufficiency", "value_status", "reason", *VERDICT_COLUMNS,
]
#: Rules that follow a target's path by construction: (indicator, scenario key, rule value, rule series).
_BY_CONSTRUCTION = (
    ("st_investment_share_grdp", "st_budget_rule", "meet_targets", "st_budget"),
    ("st_budget_share_expenditure", "st_budget_rule", "meet_targets", "st_budget"),
    ("researcher_density", "researcher_rule", "meet_targets", "researchers"),
    ("st_fund_share_revenue_local", "st_fund_share_revenue_local_pct", "plan_minimum", "st_fund_contribution"),
)

#: How a shortfall in each target indicator converts to natural units:
#: (series that carries the gap, its unit, factor applied to (level − value) × series).
_GAP_BASES = {
    "st_investment_share_grdp": ("grdp", "bn VND", 0.01),
    "st_budget_share_expenditure": ("budget_expenditure", "bn VND", 0.01),
    "st_fund_share_revenue_local": ("budget_revenue_local", "bn VND", 0.01),
    "researcher_density": ("population", "persons", 0.1),  # thousand persons × density / 10
}


def _binding_target(target: Any, which: str) -> float:
    """The bound a value is compared with when it misses (for the gap)."""
    lower = target.lower
    upper = target.upper
    if which == "upper":
        return float(upper if upper is not None else lower)
    return float(lower) if lower is not None else math.nan


def evaluation_years(target: Any, years: Sequence[int]) -> list[int]:
    """The years a target is judged in: milestones, or every year for yearly targets."""
    candidates = years if getattr(target, "every_year", False) else MILESTONES
    return [int(y) for y in candidates if y in years and target.applies_to(int(y))]


# --------------------------------------------------------------------------- attainment


def _blank_verdict(row: dict[str, Any]) -> dict[str, Any]:
    row.update(grade="", verdict=row["status"], central_verdict=row["status"], value_low=math.nan,
               value_high=math.nan, deciding_assumption="", breakpoint=math.nan, breakpoint_unit="",
               breakpoint_comparator="")
    return row


def _by_construction(projection: Projection, indicator: str, year: int) -> bool:
    sc = projection.scenario
    for ind, key, value, series in _BY_CONSTRUCTION:
        if ind == indicator and getattr(sc, key, None) == value:
            mask = projection.inputs.rule_mask(series)
            i = int(np.searchsorted(projection.inputs.years, year))
            return bool(i < len(mask) and mask[i])
    return False


class _Values:
    """A projection table's (variable, year) -> value, status and source of its first row.

    Built once per :func:`attainment`; a filter of the whole table per target and year cost
    most of the judge's time.
    """

    def __init__(self, table: pd.DataFrame) -> None:
        self.variables = set(table["variable"])
        sources = table["source"] if "source" in table.columns else [""] * len(table)
        self._rows: dict[tuple[Any, Any], tuple[float, str, str]] = {}
        for variable, year, value, status, source in zip(
                table["variable"], table["year"], table["value"], table["status"], sources, strict=True):
            self._rows.setdefault((variable, year), (float(value), str(status), str(source)))

    def at(self, variable: str, year: int) -> tuple[float, str, str]:
        return self._rows.get((variable, year), (math.nan, "", ""))


def _gap(indicator: str, target: Any, value: float, met: bool, values: _Values, year: int,
         unit: str) -> tuple[float, str]:
    """Signed shortfall in natural units: > 0 short of the target, < 0 above an upper bound."""
    base = _GAP_BASES.get(indicator)
    gap_unit = base[1] if base else unit
    if met or math.isnan(value):
        return (0.0 if met else math.nan), gap_unit
    lo = target.lower
    below = lo is not None and not compare("at_least", lo, None, [value])[0]
    if target.comparator == "greater_than" and lo is not None and value <= lo:
        below = True
    if target.comparator == "at_most":
        below = False
    bound = _binding_target(target, "lower" if below else "upper")
    diff = bound - value
    if base is None:
        return diff, gap_unit
    carrier, _, factor = base
    size, _, _ = values.at(carrier, year)
    return diff * size * factor, gap_unit


def _province_row(target: Any, year: int, projection: Projection, scope: str,
                  plausible: Plausible | None, values: _Values) -> dict[str, Any]:
    from khcn_analysis.core.indicators import INDICATORS

    row: dict[str, Any] = _blank_verdict({
        "target_id": target.id, "scope": scope, "indicator": target.indicator, "year": year,
        "comparator": target.comparator, "lower": target.lower, "upper": target.upper,
        "unit": target.unit, "value": math.nan, "status": "not_computable", "gap": math.nan,
        "gap_unit": _GAP_BASES.get(target.indicator, (None, target.unit))[1],
        "clause": target.clause, "funding_sufficiency": math.nan, "value_status": "", "reason": "",
    })
    if not getattr(target, "computable", True):
        row["reason"] = "hand-tracked: no series in the workbook (entered by the department)"
        return row
    indicator = INDICATORS.get(target.indicator)
    if indicator is None:
        row["reason"] = f"no series '{target.indicator}' in the indicator registry"
        return row
    if target.indicator not in values.variables:
        row["reason"] = f"no data for {target.indicator}: nothing recorded and the scenario assumes nothing"
        return row
    if indicator.unit != target.unit:
        row["reason"] = (
            f"unit mismatch: target in '{target.unit}', series '{target.indicator}' in '{indicator.unit}'"
        )
        return row
    value, status, _ = values.at(target.indicator, year)
    if math.isnan(value):
        row["reason"] = f"no data for {target.indicator} in {year}"
        return row
    met = bool(compare(target.comparator, target.lower, target.upper, [value])[0])
    row.update(value=value, value_status=status, grade=status)
    if plausible is not None and target.indicator in plausible.sims:
        row.update(robust_verdict(target, year, plausible, value, status))
    else:
        row.update(verdict="met" if met else "not_met", central_verdict="met" if met else "not_met",
                   value_low=value, value_high=value)
    row["status"] = row["verdict"]
    row["by_construction"] = row["verdict"] == "met" and _by_construction(projection, target.indicator, year)
    if met and above_range(target.comparator, target.upper, value):
        row["reason"] = "above the target range: the level to reach is passed"
    if target.indicator == "st_investment_share_grdp" and year < NATIVE_REVISED_FROM:
        row["reason"] = "share of GRDP on the GSO revised basis (this year bridged from the 2020 statement)"
    row["gap"], row["gap_unit"] = _gap(target.indicator, target, value, met, values, year, target.unit)
    if target.indicator == "st_investment_share_grdp":
        row["funding_sufficiency"] = values.at("funding_sufficiency", year)[0]
    return row


def _national_row(target: Any, year: int, observations: pd.DataFrame | None,
                  undated: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A national target judged only against a national series of the same indicator."""
    row: dict[str, Any] = _blank_verdict({
        "target_id": target.id, "scope": "national", "indicator": target.indicator, "year": year,
        "comparator": target.comparator, "lower": target.lower, "upper": target.upper,
        "unit": target.unit, "value": math.nan, "status": "not_computable", "gap": math.nan,
        "gap_unit": target.unit, "clause": target.clause, "funding_sufficiency": math.nan,
        "value_status": "", "reason": "",
    })
    comparable = getattr(target, "comparable_to", None)
    note = ""
    if comparable is not None:
        other = getattr(comparable, "indicator", None) or (comparable.get("indicator") if isinstance(comparable, dict) else None)
        if other:
            note = f"; not compared with the province's '{other}' (different concept or base)"
    if observations is None:
        row["reason"] = "no observations given for national series" + note
        return row
    rows = observations[
        (observations["region"] == "Vietnam")
        & (observations["variable"] == target.indicator)
        & (observations["year"] == year)
        & (observations["unit"] == target.unit)
    ]
    dated = rows[[not (set(split_sources(s)) & undated) for s in rows["source"]]] if len(rows) else rows
    if rows.empty:
        row["reason"] = f"no national series '{target.indicator}' [{target.unit}] for {year}" + note
        return row
    if dated.empty:
        row["reason"] = (f"the only {year} figure ({rows.iloc[0]['source']}) is a statement without a "
                         "reference year: no dated verdict")
        row["undated"] = True
        return row
    rows = dated
    value = float(rows.iloc[0]["value"])
    met = bool(compare(target.comparator, target.lower, target.upper, [value])[0])
    verdict = "met" if met else "not_met"
    row.update(value=value, value_status=str(rows.iloc[0]["status"]), status=verdict, verdict=verdict,
               central_verdict=verdict, grade=str(rows.iloc[0]["status"]), value_low=value, value_high=value)
    if met and above_range(target.comparator, target.upper, value):
        row["reason"] = "above the target range: the level to reach is passed"
    if not met:
        below = target.comparator != "at_most" and target.lower is not None and value < float(target.lower)
        row["gap"] = _binding_target(target, "lower" if below else "upper") - value
    else:
        row["gap"] = 0.0
    return row


def attainment(projection: Projection, plan: Any = None, national: Any = None) -> pd.DataFrame:
    """Every plan target at 2015, 2020 and 2030 (every year for yearly targets), then national ones.

    ``plan`` defaults to the projection's plan; ``national`` is the national
    targets' plan model (``None`` or ``False``: national targets left out).
    """
    from khcn_analysis.data.assumption_ranges import undated_fact_ids

    plan = plan if plan is not None else projection.plan
    years = [int(y) for y in projection.years]
    plausible = plausible_runs(projection) if getattr(projection, "inputs", None) is not None else None
    values = _Values(projection.table)
    rows = [
        _province_row(t, y, projection, "province", plausible, values)
        for t in plan.targets for y in evaluation_years(t, years)
    ]
    if national:
        undated = undated_fact_ids()
        for t in national.targets:
            rows += [_national_row(t, y, projection.observations, undated) for y in evaluation_years(t, years)]
    for row in rows:
        for lang in LANGS:
            row[f"sentence_{lang}"] = sentence(row, lang)
    frame = pd.DataFrame(rows, columns=ATTAINMENT_COLUMNS)
    return frame.astype({"year": int})
