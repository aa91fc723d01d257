"""The scenario's parameters that the workbook's formulas read: one editable cell each.

Each parameter is an Excel defined name (``grdp_growth_pct``) on the Assumptions
sheet, with its label, unit, reason, sources and the range the scenario model
allows (the pydantic field bounds of :class:`~khcn_analysis.model.scenarios.Scenario`),
which becomes the cell's data validation.

Reasons: a scenario file gives the reason for each value as a comment beside
it, written in English. The English workbook shows that comment; the Vietnamese
one says in Vietnamese what kind of value it is (stated by the scenario, the
recent trend, the plan's minimum) and lists the sources the comment cites in
the source column. Text is never shown in a language it was not written in.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.indicators import unit_label
from khcn_analysis.core.provenance import join_sources
from khcn_analysis.model.scenario_comments import key_comments
from khcn_analysis.model.scenarios import Scenario
from khcn_analysis.present.excel.formats import finite

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["COMMENT_LANG", "Bounds", "Parameter", "bounds_of", "in_language", "parameters"]

#: The language of the comments in scenario files (and of the reasons in data/raw/assumptions.yaml).
COMMENT_LANG = "en"


@dataclass(frozen=True)
class Bounds:
    """The range a value may take: ``lo <= x <= hi`` (``<`` where strict)."""

    lo: float
    hi: float
    lo_strict: bool = False
    hi_strict: bool = False


@dataclass
class Parameter:
    """One editable cell of the Assumptions sheet, also an Excel defined name."""

    id: str
    label: str
    value: float
    unit: str
    reason: str
    source: str
    bounds: Bounds
    formula: str | None = None  # a default formula (e.g. revenue growth = GRDP growth)


def in_language(text: str, lang: str, written_in: str = COMMENT_LANG) -> str:
    """``text`` if the reader reads the language it is written in, else ''."""
    return text if lang == written_in else ""


def bounds_of(field: str) -> Bounds:
    """The bounds the scenario model puts on ``field`` (``ge``/``gt``/``le``/``lt``)."""
    lo, hi, lo_strict, hi_strict = -math.inf, math.inf, False, False
    for meta in Scenario.model_fields[field].metadata:
        if getattr(meta, "ge", None) is not None:
            lo = float(meta.ge)
        if getattr(meta, "gt", None) is not None:
            lo, lo_strict = float(meta.gt), True
        if getattr(meta, "le", None) is not None:
            hi = float(meta.le)
        if getattr(meta, "lt", None) is not None:
            hi, hi_strict = float(meta.lt), True
    return Bounds(lo, hi, lo_strict, hi_strict)


def _bounds(key: str, sc: Scenario) -> Bounds:
    """The field bounds, narrowed by the model's cross-field rules (``Scenario._consistent``)."""
    if key == "nonstate_value" and sc.nonstate_mode == "share_of_total":
        return Bounds(0.0, 100.0, hi_strict=True)
    if key == "researcher_growth_value" and sc.researcher_growth_mode == "percent":
        return Bounds(-50.0, 100.0)
    if key == "st_fund_share_revenue_local_pct":
        return Bounds(0.0, 100.0)
    if key == "st_budget_trend_growth_pct":  # a growth rate of S&T money, like after_plan_growth_pct
        return bounds_of("after_plan_growth_pct")
    return bounds_of(key)


_ID = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+\.[a-z]\b")


class _Builder:
    """Collects the parameters of one run in the reader's language."""

    def __init__(self, results: Results, lang: str) -> None:
        self.sc = results.scenario
        self.lang = lang
        self.inputs = results.projection.inputs
        self.comments = key_comments(self.sc.path)
        self.known = set(results.sources["id"].astype(str))
        self.scenario_id = f"scenario:{self.sc.name}"
        self.out: list[Parameter] = []

    def cited(self, key: str) -> list[str]:
        """The source ids a key's comment cites (those the sources table knows)."""
        return [i for i in _ID.findall(self.comments.get(key, "")) if i in self.known]

    def reason(self, key: str) -> str:
        sc, lang = self.sc, self.lang
        parts = []
        central = self.inputs.central
        if (key in central and sc.growth_basis == "latest_trend"
                and key not in ("nonstate_value", "researcher_growth_value")
                and not math.isclose(central[key], float(getattr(sc, key)))):
            parts.append(t("excel.reason.trend", lang, years=sc.trend_years))
        comment = in_language(self.comments.get(key, ""), lang)
        if comment:
            parts.append(comment)
        elif not parts:
            key_ = "excel.reason.scenario_cited" if self.cited(key) else "excel.reason.scenario"
            parts.append(t(key_, lang, title=sc.title(lang)))
        return " ".join(parts)

    def add(self, key: str, value: float, unit: str, *, label: str | None = None, reason: str | None = None,
            formula: str | None = None) -> None:
        self.out.append(Parameter(
            key, label or t(f"param.{key}", self.lang), float(value), unit,
            reason if reason is not None else self.reason(key),
            join_sources(self.scenario_id, *self.cited(key)), _bounds(key, self.sc), formula))


def parameters(results: Results, lang: str) -> list[Parameter]:
    """The scenario's parameters that a formula in the workbook reads."""
    b = _Builder(results, lang)
    sc, central, inputs = b.sc, b.inputs.central, b.inputs
    pct_year = unit_label("% per year", lang)
    for key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct"):
        b.add(key, central[key], pct_year)
    if sc.budget_revenue_growth_pct is None:
        b.add("budget_revenue_growth_pct", central["grdp_growth_pct"], pct_year,
              reason=t("excel.reason.revenue_with_grdp", lang), formula="=grdp_growth_pct")
    else:
        b.add("budget_revenue_growth_pct", sc.budget_revenue_growth_pct, pct_year)
    b.add("nonstate_value", central["nonstate_value"], t(f"choice.nonstate_mode.{sc.nonstate_mode}", lang))
    if sc.st_budget_rule != "meet_targets":
        b.add("austerity_cut_pct", sc.austerity_cut_pct, "%")
    if sc.st_budget_rule == "fixed_share_expenditure":
        b.add("st_budget_share_expenditure_pct", sc.st_budget_share_expenditure_pct or 0.0, "%")
    if sc.st_budget_rule == "plan_as_written" and sc.after_plan == "growth_pct":
        b.add("after_plan_growth_pct", sc.after_plan_growth_pct, pct_year)
    if sc.st_budget_rule == "latest_trend":
        trend = inputs.trend_growth.get("st_budget_growth_pct", math.nan)
        if finite(trend):
            b.add("st_budget_trend_growth_pct", trend, pct_year,
                  label=t("excel.param.st_budget_trend_growth_pct", lang),
                  reason=t("excel.reason.st_budget_trend", lang, years=sc.trend_years))
    b.add("researcher_growth_value", central["researcher_growth_value"],
          t(f"choice.researcher_growth_mode.{sc.researcher_growth_mode}", lang))
    _fund(b, results)
    _ranges(b, results)
    return b.out


def _ranges(b: _Builder, results: Results) -> None:
    """The assumptions' plausible ranges the run rests on: their central value, editable within the range."""
    ranges = {r.parameter_key: r for r in results.projection.inputs.ranges}
    for key, spec in b.inputs.specs.items():
        r = ranges.get(key)
        if r is None or spec.range_id is None:
            continue
        reason = in_language(" ".join(r.reason.split()), b.lang) or t(
            "evidence.range.reason", b.lang, low=_plain_number(r.low, b.lang), high=_plain_number(r.high, b.lang))
        unit = t(f"evidence.range.unit.{key}", b.lang)
        b.out.append(Parameter(key, t(f"evidence.range.{key}", b.lang), float(spec.central), unit, reason,
                               join_sources(*(f"assumption:{a}" for a in r.applies_to), *r.sources),
                               Bounds(float(r.low), float(r.high))))


def _plain_number(x: float, lang: str) -> str:
    from khcn_analysis.core.formatting import format_number

    return format_number(x, 0 if float(x).is_integer() else 1, lang)  # type: ignore[arg-type]


def _fund(b: _Builder, results: Results) -> None:
    fund = b.sc.st_fund_share_revenue_local_pct
    if fund is None:
        return
    if fund == "plan_minimum":
        values: dict[str, Any] = results.projection.values
        with np.errstate(divide="ignore", invalid="ignore"):
            shares = values["st_fund_contribution"] / values["budget_revenue_local"] * 100
        value = float(np.nanmin(shares)) if np.isfinite(shares).any() else 0.0
        b.add("st_fund_share_revenue_local_pct", value, "%", reason=t("excel.reason.plan_minimum", b.lang))
    else:
        b.add("st_fund_share_revenue_local_pct", float(fund), "%")
