"""The projection engine: every indicator, every year 2010–2030, vectorized over draws.

One function, :func:`simulate`, turns prepared inputs and parameter arrays of
shape ``(draws,)`` into series of shape ``(draws, years)`` with numpy
broadcasting (no Python loop over years or draws). A deterministic projection is
one draw at the central values; Monte Carlo, the tornado and the judge's robust
verdicts are many.

How a series is built, year by year (:mod:`khcn_analysis.model.history`):

* up to its last record, every scenario shares one past: the records (an assumed
  record moves with its plausible range, draw by draw), straight lines between
  records, and a back-cast along the series' own trend before the first record;
* after the last record, the scenario's growth rates or its S&T budget rule;
* a scenario may rewrite the past of a series only by declaring it
  (``counterfactual``): its rule then applies from the base year, and those
  values are graded ``counterfactual``;
* "what it takes" (the ``meet_targets`` rule) starts from the level reached and
  never cuts it to land on a target.

:func:`project` attaches to each value its evidence grade (``status``) and its
sources (:mod:`khcn_analysis.model.grading`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.config import MODEL, REGION, YEARS
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS
from khcn_analysis.core.provenance import assumption_ids
from khcn_analysis.data.assumption_ranges import AssumptionRange, load_assumption_ranges
from khcn_analysis.data.grdp_vintage import TREND_FROM
from khcn_analysis.model.baseline import BASE_SERIES, BaselineSeries, extract_baseline
from khcn_analysis.model.grading import grade_values
from khcn_analysis.model.history import SeriesLayout, layout, recorded_trend
from khcn_analysis.model.parameters import ParameterSpec, parameter_specs, range_parameters
from khcn_analysis.model.scenarios import UNCERTAIN_PARAMETERS, Scenario
from khcn_analysis.plan.target_path import target_levels, target_path

__all__ = [
    "BASE_SERIES",
    "MODEL",
    "REGION",
    "TABLE_COLUMNS",
    "YEARS",
    "EngineInputs",
    "Projection",
    "central_parameters",
    "extract_baseline",
    "prepare",
    "project",
    "simulate",
]

#: The long table's columns: the IAMC index, the value, its evidence grade (``status``), its
#: sources, and ``recorded``: True where the value is the shared record of the past (a record or
#: a line between two records), False for back-casts, counterfactuals and projections.
TABLE_COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value", "status", "source",
                 "recorded"]
#: Series a scenario rule sets (after the series' last record, or from the base year if declared counterfactual).
RULE_SERIES = ("st_budget", "st_investment", "researchers", "st_fund_contribution")
#: Scenario growth parameters that the latest recorded trend replaces under ``growth_basis: latest_trend``.
TREND_KEYS = {"grdp_growth_pct": "grdp", "population_growth_pct": "population",
              "budget_expenditure_growth_pct": "budget_expenditure"}


# --------------------------------------------------------------------------- inputs


@dataclass
class EngineInputs:
    """Everything :func:`simulate` needs that does not vary across draws."""

    scenario: Scenario
    years: np.ndarray
    base_year: int
    path_anchor_year: int
    baseline: dict[str, BaselineSeries]
    layouts: dict[str, SeriesLayout]
    plan: Any
    plan_funding: np.ndarray
    plan_state_funding: np.ndarray
    plan_phase: np.ndarray
    plan_end_year: int | None
    trend_growth: dict[str, float]
    central: dict[str, float]
    specs: dict[str, ParameterSpec]
    rule_start: dict[str, int]
    ranges: tuple[AssumptionRange, ...] = ()
    notes: list[str] = field(default_factory=list)

    @property
    def n_years(self) -> int:
        return len(self.years)

    def rule_mask(self, sid: str) -> np.ndarray:
        """Years whose value the scenario's rule sets."""
        return self.years > self.rule_start[sid]

    def counterfactual_mask(self, sid: str) -> np.ndarray:
        """Rule years that rewrite the shared past (a declared counterfactual)."""
        last = self.layouts[sid].last_year
        if sid not in self.scenario.counterfactual or last is None:
            return np.zeros(len(self.years), dtype=bool)
        return self.rule_mask(sid) & (self.years <= last)

    def wins(self, sid: str) -> np.ndarray:
        """Years whose recorded value stands (a record the scenario does not replace)."""
        keep = self.layouts[sid].record.copy()
        if sid in self.rule_start:
            keep &= ~self.counterfactual_mask(sid)
        return keep

    def rule_index(self, sid: str) -> int:
        """Index of the year the rule starts from (the last year before it)."""
        return int(np.clip(np.searchsorted(self.years, self.rule_start[sid]), 0, len(self.years) - 1))

    def state_share_key(self) -> str | None:
        """The parameter holding the state's share of S&T investment in the shared past, if any."""
        shares = {r.parameter_key for r in self.ranges if r.kind == "share" and r.variable == "st_investment"}
        return next((k for k in self.specs if k in shares), None)

    @property
    def budget_past(self) -> np.ndarray:
        """Years whose S&T budget is the shared past (there the past's state share applies)."""
        return self.layouts["st_budget"].history & ~self.rule_mask("st_budget")


def _plan_funding(plan: Any, years: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int | None]:
    """Per year: the plan's whole money, its state money (without other mobilised sources), the phase."""
    money = np.full(len(years), np.nan)
    state = np.full(len(years), np.nan)
    phase = np.full(len(years), "", dtype=object)
    end = None
    for p in getattr(plan, "phases", []) or []:
        span = (years >= p.start_year) & (years <= p.end_year)
        n_years = int(p.end_year) - int(p.start_year) + 1
        lines = list(getattr(p, "lines", []) or [])
        other = sum(float(x.amount) for x in lines if getattr(x, "source_of_money", "") == "other_mobilised")
        money[span] = float(p.stated_total) / n_years
        state[span] = (float(p.stated_total) - other) / n_years
        phase[span] = f"plan:{getattr(plan, 'id', 'plan')}:{p.id}"
        end = max(end or 0, int(p.end_year))
    return money, state, phase, end


def _scales(series: BaselineSeries, years: np.ndarray, ranges: tuple[AssumptionRange, ...]
            ) -> dict[str, tuple[np.ndarray, float]]:
    """Per range, the records it moves and the value they are stated at (1 for a multiplier)."""
    out = {}
    for r in ranges:
        if r.variable != series.id or r.kind == "share":
            continue
        mask = np.array([bool(set(assumption_ids(s)) & set(r.applies_to)) for s in series.source])
        if not mask.any():
            continue
        reference = 1.0
        if r.kind == "level":
            i = int(np.searchsorted(years, r.year))
            if i >= len(years) or years[i] != r.year or not mask[i]:
                continue
            reference = float(series.values[i])
        out[r.parameter_key] = (mask, reference)
    return out


def prepare(scenario: Scenario, observations: pd.DataFrame, plan: Any, *, years: np.ndarray = YEARS,
            ranges: tuple[AssumptionRange, ...] | None = None) -> EngineInputs:
    """Read the baseline onto the year grid; resolve the base year, trends, ranges and rule years.

    ``ranges``: the plausible ranges of the assumptions (the shipped
    ``data/raw/assumption-ranges.yaml`` when not given; ``()`` for none).
    """
    years = np.asarray(years)
    ranges = load_assumption_ranges() if ranges is None else tuple(ranges)
    baseline, notes = extract_baseline(observations, years=years, ranges=ranges)
    if scenario.base_year == "latest":
        rec = baseline["st_budget"].recorded
        if not rec.any():
            rec = np.any([s.recorded for s in baseline.values()], axis=0)
        base_year = int(years[rec][-1]) if rec.any() else int(years[0])
        notes.append(f"base year 'latest' resolved to {base_year}")
    else:
        base_year = int(scenario.base_year)
    layouts = {sid: layout(s, years, scales=_scales(s, years, ranges), trend_from=TREND_FROM.get(sid))
               for sid, s in baseline.items()}
    funding, state_funding, phase, end = _plan_funding(plan, years)
    starts = [int(p.start_year) for p in getattr(plan, "phases", []) or []]
    path_anchor = min(starts) - 1 if starts else base_year
    window = scenario.trend_years
    trend = {f"{sid}_growth_pct" if sid != "budget_revenue_local" else "budget_revenue_growth_pct":
             recorded_trend(baseline[sid], years, window=window, start_year=TREND_FROM.get(sid))
             for sid in ("grdp", "population", "budget_expenditure", "budget_revenue_local", "st_budget")}
    central = {key: scenario.central_value(key) for key in UNCERTAIN_PARAMETERS}
    replaced: set[str] = set()
    if scenario.growth_basis == "latest_trend":
        for key in TREND_KEYS:
            if math.isnan(trend[key]):
                notes.append(f"{key}: fewer than two recorded years for a trend; the stated value is used")
            else:
                central[key] = trend[key]
                replaced.add(key)
                notes.append(f"{key}: recent trend {trend[key]:.2f} % per year used")
    for key, r in range_parameters(ranges, layouts).items():
        central[key] = r.central
        notes.append(f"{r.id}: {', '.join(r.applies_to)} taken at {r.central:g} {r.unit} "
                     f"(plausible {r.low:g}–{r.high:g})")
    specs = parameter_specs(scenario, central, frozenset(replaced), ranges, layouts)
    rule_start = {}
    for sid in RULE_SERIES:
        last = layouts[sid].last_year
        declared = sid in scenario.counterfactual
        rule_start[sid] = base_year if declared or last is None else max(base_year, last)
    rule_start["st_investment"] = rule_start["st_budget"]
    return EngineInputs(scenario, years, base_year, path_anchor, baseline, layouts, plan, funding,
                        state_funding, phase, end, trend, central, specs, rule_start, ranges, notes)


def central_parameters(inputs: EngineInputs, draws: int = 1) -> dict[str, np.ndarray]:
    """The scenario's stated (or trend) values and the ranges' central values, as ``(draws,)`` arrays."""
    return {key: np.full(draws, value, dtype=float) for key, value in inputs.central.items()}


# --------------------------------------------------------------------------- the engine


def _powers(growth_pct: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """(1 + g)^steps for integer steps, shape (draws, years), from one cumulative product.

    Integer powers by cumulative product are cheaper than ``**`` on every cell
    and exact to rounding; negative steps use the reciprocal.
    """
    steps = steps.astype(int)
    reach = int(np.abs(steps).max()) if steps.size else 0
    base = 1 + np.asarray(growth_pct, dtype=float) / 100
    table = np.empty((base.shape[0], 2 * reach + 1))
    table[:, reach] = 1.0
    if reach:
        np.multiply.accumulate(np.broadcast_to(base[:, None], (base.shape[0], reach)), axis=1,
                               out=table[:, reach + 1:])
        if steps.min() < 0:
            np.divide(1.0, table[:, :reach:-1], out=table[:, :reach])
    return table[:, steps + reach]


def _grown(inputs: EngineInputs, sid: str, params: dict[str, np.ndarray], growth: np.ndarray,
           draws: int) -> np.ndarray:
    """The shared past, then compound growth from the last record."""
    lay = inputs.layouts[sid]
    out = lay.fill(params, draws)
    if lay.last >= 0 and lay.after.any():
        after = np.flatnonzero(lay.after)
        out[:, after] = out[:, [lay.last]] * _powers(growth, inputs.years[after] - inputs.years[lay.last])
    return out


def _nonstate_factor(inputs: EngineInputs, value: np.ndarray) -> np.ndarray:
    """st_investment / st_budget implied by the scenario's non-state parameter, per draw."""
    if inputs.scenario.nonstate_mode == "share_of_total":
        return 1 / (1 - np.minimum(value, 99.999) / 100)
    return 1 + value


def _investment_factor(inputs: EngineInputs, params: dict[str, np.ndarray], draws: int) -> np.ndarray:
    """st_investment / st_budget per draw and year: the past's state share, then the scenario's."""
    future = _nonstate_factor(inputs, params["nonstate_value"])[:, None]
    key = inputs.state_share_key()
    if key is None or key not in params:
        return np.broadcast_to(future, (draws, inputs.n_years))
    past = (100 / np.asarray(params[key], dtype=float))[:, None]
    return np.where(inputs.budget_past[None, :], past, future)


def _paths(inputs: EngineInputs, indicator: str, anchor_year: int, start: np.ndarray) -> np.ndarray:
    targets = list(getattr(inputs.plan, "targets", []) or [])
    return target_path(targets, indicator, inputs.years, anchor_year, start)


def _st_budget_rule(inputs: EngineInputs, pre: np.ndarray, grdp: np.ndarray, exp: np.ndarray,
                    factor: np.ndarray, params: dict[str, np.ndarray]) -> np.ndarray:
    """The scenario's S&T budget for every year (used where its rule applies)."""
    sc, years = inputs.scenario, inputs.years
    keep = 1 - sc.austerity_cut_pct / 100
    a = inputs.rule_index("st_budget")
    if sc.st_budget_rule == "plan_as_written":
        rule = np.broadcast_to(inputs.plan_state_funding * keep, pre.shape).copy()
        if inputs.plan_end_year is not None:
            end_i = int(np.searchsorted(years, inputs.plan_end_year))
            last = inputs.plan_state_funding[end_i] * keep
            after = years > inputs.plan_end_year
            steps = (years - inputs.plan_end_year).astype(float)
            if sc.after_plan == "hold":
                cont = np.full(pre.shape, last)
            elif sc.after_plan == "grow_with_grdp":
                cont = last * grdp / grdp[:, [end_i]]
            elif sc.after_plan == "grow_with_expenditure":
                cont = last * exp / exp[:, [end_i]]
            else:
                cont = last * (1 + sc.after_plan_growth_pct / 100) ** steps[None, :]
            rule = np.where(after[None, :], cont, rule)
        return np.where(np.isnan(rule), pre, rule)
    if sc.st_budget_rule == "gdp_linked":
        return pre[:, [a]] / grdp[:, [a]] * grdp * keep
    if sc.st_budget_rule == "fixed_share_expenditure":
        return (sc.st_budget_share_expenditure_pct or 0.0) / 100 * exp * keep
    if sc.st_budget_rule == "latest_trend":
        g = inputs.trend_growth["st_budget_growth_pct"]
        rate = np.full(pre.shape[0], g) if not math.isnan(g) else params["budget_expenditure_growth_pct"]
        return pre[:, [a]] * _powers(rate, years - years[a]) * keep
    # meet_targets: from the level reached, enough for both shares, never less than that level.
    year_a = int(years[a])
    with np.errstate(divide="ignore", invalid="ignore"):
        share_path = _paths(inputs, "st_investment_share_grdp", year_a, pre[:, a] * factor[:, a] / grdp[:, a] * 100)
        budget_path = _paths(inputs, "st_budget_share_expenditure", year_a, pre[:, a] / exp[:, a] * 100)
        need = np.fmax(share_path * grdp / 100 / factor, budget_path * exp / 100)
    need = np.fmax(need, pre[:, [a]])
    return np.where(np.isnan(need), pre, need)


def _researchers(inputs: EngineInputs, params: dict[str, np.ndarray], pop: np.ndarray, draws: int) -> np.ndarray:
    sc, years = inputs.scenario, inputs.years
    lay = inputs.layouts["researchers"]
    value = params["researcher_growth_value"]
    out = lay.fill(params, draws)
    if lay.last >= 0 and lay.after.any():
        after = np.flatnonzero(lay.after)
        steps = years[after] - years[lay.last]
        start = out[:, [lay.last]]
        if sc.researcher_growth_mode == "percent":
            out[:, after] = start * _powers(value, steps)
        else:
            out[:, after] = np.maximum(start + value[:, None] * steps[None, :], 0.0)
    if sc.researcher_rule != "meet_targets":
        return out
    a = inputs.rule_index("researchers")
    with np.errstate(divide="ignore", invalid="ignore"):
        path = _paths(inputs, "researcher_density", int(years[a]), out[:, a] * 10 / pop[:, a])
    needed = np.fmax(path * pop / 10, out[:, [a]])  # what it takes never dismisses anyone
    use = inputs.rule_mask("researchers")[None, :] & ~np.isnan(needed)
    return np.where(use, needed, out)


def _fund_share(inputs: EngineInputs, draws: int) -> np.ndarray:
    pct = inputs.scenario.st_fund_share_revenue_local_pct
    n = len(inputs.years)
    if pct is None:
        return np.full((draws, n), np.nan)
    if pct == "plan_minimum":
        levels = target_levels(getattr(inputs.plan, "targets", []) or [], "st_fund_share_revenue_local", inputs.years)
        return np.broadcast_to(levels, (draws, n))
    return np.full((draws, n), float(pct))


def simulate(inputs: EngineInputs, params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """All series for every draw: ``{id: array (draws, years)}``.

    ``params`` maps each key of ``inputs.central`` to a ``(draws,)`` array (see
    :func:`central_parameters`). Pure numpy; no loop over years.
    """
    sc, years = inputs.scenario, inputs.years
    draws = next(iter(params.values())).shape[0]
    params = {**central_parameters(inputs, draws), **params}
    g_grdp = params["grdp_growth_pct"]
    out: dict[str, np.ndarray] = {}
    out["population"] = _grown(inputs, "population", params, params["population_growth_pct"], draws)
    out["grdp"] = _grown(inputs, "grdp", params, g_grdp, draws)
    out["budget_expenditure"] = _grown(inputs, "budget_expenditure", params,
                                       params["budget_expenditure_growth_pct"], draws)
    g_rev = g_grdp if sc.budget_revenue_growth_pct is None else np.full(draws, float(sc.budget_revenue_growth_pct))
    out["budget_revenue_local"] = _grown(inputs, "budget_revenue_local", params, g_rev, draws)
    out["plan_funding"] = np.broadcast_to(inputs.plan_funding, (draws, len(years)))

    factor = _investment_factor(inputs, params, draws)
    # Before its rule, the S&T budget is the shared past, then moves with budget expenditure.
    pre_budget = _grown(inputs, "st_budget", params, params["budget_expenditure_growth_pct"], draws)
    rule = _st_budget_rule(inputs, pre_budget, out["grdp"], out["budget_expenditure"], factor, params)
    out["st_budget"] = np.where(inputs.rule_mask("st_budget")[None, :], rule, pre_budget)
    inv = inputs.layouts["st_investment"]
    inv_hist = inv.fill(params, draws)
    keep = inv.history & ~inputs.counterfactual_mask("st_investment")
    out["st_investment"] = np.where(keep[None, :], inv_hist, out["st_budget"] * factor)
    out["researchers"] = _researchers(inputs, params, out["population"], draws)

    fund_hist = inputs.layouts["st_fund_contribution"].fill(params, draws)
    fund = _fund_share(inputs, draws) * out["budget_revenue_local"] / 100
    out["st_fund_contribution"] = np.where(inputs.rule_mask("st_fund_contribution")[None, :], fund, fund_hist)

    with np.errstate(divide="ignore", invalid="ignore"):
        out["st_investment_share_grdp"] = out["st_investment"] / out["grdp"] * 100
        out["st_budget_share_expenditure"] = out["st_budget"] / out["budget_expenditure"] * 100
        out["researcher_density"] = out["researchers"] / (out["population"] * 1000) * 10_000
        i = int(np.clip(np.searchsorted(years, inputs.path_anchor_year), 0, len(years) - 1))
        share_path = _paths(inputs, "st_investment_share_grdp", inputs.path_anchor_year,
                            out["st_investment_share_grdp"][:, i])
        out["funding_required"] = share_path * out["grdp"] / 100
        out["funding_sufficiency"] = out["st_investment"] / out["funding_required"]
        out["st_fund_share_revenue_local"] = out["st_fund_contribution"] / out["budget_revenue_local"] * 100
    return out


# --------------------------------------------------------------------------- the result


@dataclass
class Projection:
    """A deterministic projection of one scenario.

    ``table`` is the long table of the contract (:data:`TABLE_COLUMNS`); ``values``
    holds the same numbers as ``{id: array (years,)}``.
    """

    scenario: Scenario
    years: np.ndarray
    values: dict[str, np.ndarray]
    table: pd.DataFrame
    inputs: EngineInputs
    observations: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def plan(self) -> Any:
        return self.inputs.plan

    def series(self, variable: str) -> np.ndarray:
        return self.values[variable]

    def value(self, variable: str, year: int) -> float:
        i = int(np.searchsorted(self.years, year))
        if i >= len(self.years) or self.years[i] != year:
            raise InputError(None, "year", year, f"a year {self.years[0]}–{self.years[-1]}")
        return float(self.values[variable][i])

    def wide(self) -> pd.DataFrame:
        """Variables as rows, years as columns (a view for reading, not for storing)."""
        return self.table.pivot(index="variable", columns="year", values="value").reindex(
            [v for v in PROJECTED_IDS if v in set(self.table["variable"])])


def _to_table(scenario: Scenario, years: np.ndarray, values: dict[str, np.ndarray],
              status: dict[str, list[str]], source: dict[str, list[str]],
              recorded: dict[str, np.ndarray]) -> pd.DataFrame:
    frames = []
    for sid in PROJECTED_IDS:
        v = values[sid]
        keep = ~np.isnan(v)
        if not keep.any():
            continue
        frames.append(pd.DataFrame({
            "model": MODEL, "scenario": scenario.name, "region": REGION, "variable": sid,
            "unit": INDICATORS[sid].unit, "year": years[keep].astype(int), "value": v[keep],
            "status": np.asarray(status[sid], dtype=object)[keep],
            "source": np.asarray(source[sid], dtype=object)[keep],
            "recorded": np.asarray(recorded[sid], dtype=bool)[keep],
        }))
    if not frames:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[TABLE_COLUMNS]


def project(scenario: Scenario | str, *, observations: pd.DataFrame, plan: Any,
            years: np.ndarray = YEARS, ranges: tuple[AssumptionRange, ...] | None = None) -> Projection:
    """Project one scenario 2010–2030 at its central values.

    ``scenario`` is a :class:`Scenario` or a shipped name/file path;
    ``observations`` is the processed long table and ``plan`` the plan model:
    loading them is the pipeline's job (:mod:`khcn_analysis.pipeline`).
    """
    if not isinstance(scenario, Scenario):
        from khcn_analysis.model.scenarios import load_scenario

        scenario = load_scenario(scenario)
    inputs = prepare(scenario, observations, plan, years=years, ranges=ranges)
    sims = simulate(inputs, central_parameters(inputs))
    values = {k: np.asarray(v[0], dtype=float) for k, v in sims.items()}
    status, source, recorded = grade_values(inputs)
    table = _to_table(scenario, inputs.years, values, status, source, recorded)
    return Projection(scenario, inputs.years, values, table, inputs, observations, list(inputs.notes))
