"""The projection engine: every indicator, every year 2010–2030, vectorized over draws.

One function, :func:`simulate`, turns prepared inputs and parameter arrays of
shape ``(draws,)`` into series of shape ``(draws, years)`` with numpy
broadcasting (growth is ``anchor × (1 + g) ** (t − t_anchor)``; no Python loop
over years or draws). A deterministic projection is one draw; Monte Carlo and
the tornado are many. Recorded values win over projections for the years they
cover, and :func:`project` attaches to each value its status and its sources
(a derived value carries the sources of all its inputs), so every number in a
report can be traced.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from khcn_analysis.core.config import MODEL, REGION, YEARS
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS, check_compatible
from khcn_analysis.core.provenance import join_sources
from khcn_analysis.model.scenarios import UNCERTAIN_PARAMETERS, Scenario
from khcn_analysis.plan.target_path import target_levels, target_path

__all__ = [
    "MODEL",
    "REGION",
    "YEARS",
    "EngineInputs",
    "Projection",
    "central_parameters",
    "extract_baseline",
    "prepare",
    "project",
    "simulate",
]

TABLE_COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value", "status", "source"]

#: Series read from the processed baseline; the rest are computed.
BASE_SERIES = (
    "population", "grdp", "budget_expenditure", "budget_revenue_local",
    "st_budget", "st_investment", "researchers", "st_fund_contribution",
)
#: Baseline statuses that always win over a projection. ``assumption`` rows win only
#: up to the scenario's base year: after it, the scenario's own assumptions take over.
WINNING_STATUSES = frozenset({"observed", "interpolated", "derived"})
_REQUIRED_COLUMNS = ("region", "variable", "unit", "basis", "year", "value", "status", "source")


# --------------------------------------------------------------------------- baseline


@dataclass
class BaselineSeries:
    """One recorded series on the engine's year grid (NaN where nothing is recorded)."""

    id: str
    values: np.ndarray
    status: np.ndarray
    source: np.ndarray
    unit: str
    basis: str

    @property
    def recorded(self) -> np.ndarray:
        return ~np.isnan(self.values)


def _empty_series(sid: str, n: int) -> BaselineSeries:
    ind = INDICATORS[sid]
    return BaselineSeries(sid, np.full(n, np.nan), np.full(n, "", dtype=object),
                          np.full(n, "", dtype=object), ind.unit, ind.basis)


def extract_baseline(
    observations: pd.DataFrame, *, region: str = REGION, years: np.ndarray = YEARS,
    file: str = "observations",
) -> tuple[dict[str, BaselineSeries], list[str]]:
    """The engine's input series from the processed long table, checked against the registry.

    Rows of another basis (FTE researchers beside headcount) are a different
    series and are not used; a row in the registry's basis but another unit is
    an error, as is a duplicated (variable, year).
    """
    missing = [c for c in _REQUIRED_COLUMNS if c not in observations.columns]
    if missing:
        raise InputError(file, "columns", ", ".join(missing) + " missing", ", ".join(_REQUIRED_COLUMNS))
    notes: list[str] = []
    index = {int(y): i for i, y in enumerate(years)}
    rows = observations[observations["region"] == region]
    out: dict[str, BaselineSeries] = {}
    for sid in BASE_SERIES:
        ind = INDICATORS[sid]
        series = _empty_series(sid, len(years))
        sel = rows[rows["variable"] == sid]
        other_basis = sel[sel["basis"] != ind.basis]
        sel = sel[sel["basis"] == ind.basis]
        if not other_basis.empty and sel.empty:
            notes.append(
                f"{sid}: only basis {sorted(set(other_basis['basis']))} recorded; the engine uses "
                f"'{ind.basis}' and does not mix bases, so the series starts empty"
            )
        for unit in sorted(set(sel["unit"])):
            check_compatible([(f"{sid} (registry)", ind.unit, ind.basis), (f"{sid} ({file})", unit, ind.basis)],
                             what=f"reading {sid} from {file}")
        dup = sel[sel.duplicated("year", keep=False)]
        if not dup.empty:
            raise InputError(file, f"{region} / {sid} / year {int(dup['year'].iloc[0])}",
                             f"{len(dup)} rows", "one value per region, variable, basis and year")
        for rec in sel.itertuples(index=False):
            i = index.get(int(rec.year))
            if i is None or pd.isna(rec.value):
                continue
            series.values[i] = float(rec.value)
            series.status[i] = str(rec.status)
            series.source[i] = "" if pd.isna(rec.source) else str(rec.source)
        out[sid] = series
    return out, notes


# --------------------------------------------------------------------------- inputs


@dataclass
class EngineInputs:
    """Everything :func:`simulate` needs that does not vary across draws."""

    scenario: Scenario
    years: np.ndarray
    base_year: int
    path_anchor_year: int
    baseline: dict[str, BaselineSeries]
    plan: Any
    plan_funding: np.ndarray
    plan_phase: np.ndarray
    plan_end_year: int | None
    trend_growth: dict[str, float]
    central: dict[str, float]
    notes: list[str] = field(default_factory=list)

    @property
    def n_years(self) -> int:
        return len(self.years)

    def wins(self, sid: str) -> np.ndarray:
        """Years whose recorded value beats the projection for series ``sid``."""
        s = self.baseline[sid]
        status_ok = np.isin(s.status, list(WINNING_STATUSES)) | (
            (s.status == "assumption") & (self.years <= self.base_year)
        )
        keep = s.recorded & status_ok
        if sid in self.scenario.counterfactual:
            keep &= self.years <= self.base_year
        return keep


def _anchor_index(recorded: np.ndarray) -> np.ndarray:
    """Per year, the index of the latest recorded year at or before it (else the first; -1 if none)."""
    idx = np.where(recorded, np.arange(len(recorded)), -1)
    last = np.maximum.accumulate(idx)
    if not recorded.any():
        return last
    return np.where(last >= 0, last, idx[recorded][0])


def _cagr(series: BaselineSeries, years: np.ndarray, window: int) -> float:
    """Compound yearly growth (%) over the last ``window`` recorded years; NaN if under two points."""
    rec = series.recorded
    if rec.sum() < 2:
        return math.nan
    ys, vs = years[rec], series.values[rec]
    last_year = ys[-1]
    sel = ys >= last_year - window
    ys, vs = ys[sel], vs[sel]
    if len(ys) < 2 or vs[0] <= 0 or vs[-1] <= 0:
        return math.nan
    return ((vs[-1] / vs[0]) ** (1 / (ys[-1] - ys[0])) - 1) * 100


def _plan_funding(plan: Any, years: np.ndarray) -> tuple[np.ndarray, np.ndarray, int | None]:
    money = np.full(len(years), np.nan)
    phase = np.full(len(years), "", dtype=object)
    end = None
    for p in getattr(plan, "phases", []) or []:
        span = (years >= p.start_year) & (years <= p.end_year)
        n_years = int(p.end_year) - int(p.start_year) + 1
        money[span] = float(p.stated_total) / n_years
        phase[span] = f"plan:{getattr(plan, 'id', 'plan')}:{p.id}"
        end = max(end or 0, int(p.end_year))
    return money, phase, end


def prepare(scenario: Scenario, observations: pd.DataFrame, plan: Any,
            *, years: np.ndarray = YEARS) -> EngineInputs:
    """Read the baseline onto the year grid and resolve the scenario's base year and trends."""
    baseline, notes = extract_baseline(observations, years=years)
    if scenario.base_year == "latest":
        rec = baseline["st_budget"].recorded
        if not rec.any():
            rec = np.any([s.recorded for s in baseline.values()], axis=0)
        base_year = int(years[rec][-1]) if rec.any() else int(years[0])
        notes.append(f"base year 'latest' resolved to {base_year}")
    else:
        base_year = int(scenario.base_year)
    funding, phase, end = _plan_funding(plan, years)
    starts = [int(p.start_year) for p in getattr(plan, "phases", []) or []]
    path_anchor = min(starts) - 1 if starts else base_year
    trend = {
        "grdp_growth_pct": _cagr(baseline["grdp"], years, scenario.trend_years),
        "population_growth_pct": _cagr(baseline["population"], years, scenario.trend_years),
        "budget_expenditure_growth_pct": _cagr(baseline["budget_expenditure"], years, scenario.trend_years),
        "budget_revenue_growth_pct": _cagr(baseline["budget_revenue_local"], years, scenario.trend_years),
        "st_budget_growth_pct": _cagr(baseline["st_budget"], years, scenario.trend_years),
    }
    central = {key: scenario.central_value(key) for key in UNCERTAIN_PARAMETERS}
    if scenario.growth_basis == "latest_trend":
        for key in ("grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct"):
            if math.isnan(trend[key]):
                notes.append(f"{key}: fewer than two recorded years for a trend; the stated value is used")
            else:
                central[key] = trend[key]
                notes.append(f"{key}: recent trend {trend[key]:.2f} % per year used")
    return EngineInputs(scenario, np.asarray(years), base_year, path_anchor, baseline, plan,
                        funding, phase, end, trend, central, notes)


def central_parameters(inputs: EngineInputs, draws: int = 1) -> dict[str, np.ndarray]:
    """The scenario's stated (or trend) values, as ``(draws,)`` arrays."""
    return {key: np.full(draws, value, dtype=float) for key, value in inputs.central.items()}


# --------------------------------------------------------------------------- the engine


def _powers(growth_pct: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """(1 + g)^steps for integer steps, shape (draws, years), from one cumulative product.

    Integer powers by cumulative product are cheaper than ``**`` on every cell
    and exact to rounding; negative steps (back-casting) use the reciprocal.
    """
    steps = steps.astype(int)
    reach = int(np.abs(steps).max()) if steps.size else 0
    used = np.unique(steps) if steps.size else np.zeros(1, dtype=int)
    base = 1 + growth_pct / 100
    table = np.empty((base.shape[0], 2 * reach + 1))
    table[:, reach] = 1.0
    if reach:
        np.multiply.accumulate(np.broadcast_to(base[:, None], (base.shape[0], reach)), axis=1,
                               out=table[:, reach + 1:])
        if used.min() < 0:
            np.divide(1.0, table[:, :reach:-1], out=table[:, :reach])
    return table[:, steps + reach]


def _grow(series: BaselineSeries, years: np.ndarray, growth_pct: np.ndarray) -> np.ndarray:
    """Recorded anchor × (1 + g)^(t − t_anchor): forward from the latest record, backward before the first."""
    anchor = _anchor_index(series.recorded)
    if anchor[0] < 0:
        return np.full((growth_pct.shape[0], len(years)), np.nan)
    out = _powers(growth_pct, years - years[anchor])
    out *= series.values[anchor][None, :]
    return out


def _merge(inputs: EngineInputs, sid: str, projected: np.ndarray) -> np.ndarray:
    """Recorded values win: written over the projection, in place, only where they win."""
    wins = inputs.wins(sid)
    if not projected.flags.writeable:
        projected = np.array(projected, dtype=float)
    if wins.any():
        projected[:, wins] = inputs.baseline[sid].values[wins][None, :]
    return projected


def _nonstate_factor(inputs: EngineInputs, value: np.ndarray) -> np.ndarray:
    """st_investment / st_budget implied by the non-state parameter, per draw."""
    if inputs.scenario.nonstate_mode == "share_of_total":
        return 1 / (1 - np.minimum(value, 99.999) / 100)
    return 1 + value


def _st_budget_rule(inputs: EngineInputs, pre: np.ndarray, grdp: np.ndarray, exp: np.ndarray,
                    factor: np.ndarray, paths: dict[str, np.ndarray], params: dict[str, np.ndarray]) -> np.ndarray:
    """The scenario's S&T budget for every year (used after the base year)."""
    sc, years = inputs.scenario, inputs.years
    keep = 1 - sc.austerity_cut_pct / 100
    base_i = int(np.searchsorted(years, inputs.base_year))
    base_i = min(base_i, len(years) - 1)
    if sc.st_budget_rule == "plan_as_written":
        rule = np.broadcast_to(inputs.plan_funding * keep, pre.shape).copy()
        if inputs.plan_end_year is not None:
            end_i = int(np.searchsorted(years, inputs.plan_end_year))
            last = inputs.plan_funding[end_i] * keep
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
        share = pre[:, [base_i]] / grdp[:, [base_i]]
        return share * grdp * keep
    if sc.st_budget_rule == "fixed_share_expenditure":
        return (sc.st_budget_share_expenditure_pct or 0.0) / 100 * exp * keep
    if sc.st_budget_rule == "latest_trend":
        g = inputs.trend_growth["st_budget_growth_pct"]
        if math.isnan(g):
            g = params["budget_expenditure_growth_pct"][:, None]
        steps = (years - years[base_i]).astype(float)
        return pre[:, [base_i]] * (1 + np.asarray(g) / 100) ** steps[None, :] * keep
    # meet_targets: enough state money for both the investment share and the budget share.
    from_share = paths["st_investment_share_grdp"] * grdp / 100 / factor
    from_budget = paths["st_budget_share_expenditure"] * exp / 100
    need = np.fmax(from_share, from_budget)
    return np.where(np.isnan(need), pre, need)


def simulate(inputs: EngineInputs, params: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """All series for every draw: ``{id: array (draws, years)}``.

    ``params`` maps each of :data:`UNCERTAIN_PARAMETERS` to a ``(draws,)``
    array (see :func:`central_parameters`). Pure numpy; no loop over years.
    """
    sc, years, base = inputs.scenario, inputs.years, inputs.baseline
    draws = next(iter(params.values())).shape[0]
    g_grdp = params["grdp_growth_pct"]
    out: dict[str, np.ndarray] = {}
    out["population"] = _merge(inputs, "population", _grow(base["population"], years, params["population_growth_pct"]))
    out["grdp"] = _merge(inputs, "grdp", _grow(base["grdp"], years, g_grdp))
    out["budget_expenditure"] = _merge(
        inputs, "budget_expenditure",
        _grow(base["budget_expenditure"], years, params["budget_expenditure_growth_pct"]))
    g_rev = g_grdp if sc.budget_revenue_growth_pct is None else np.full(draws, sc.budget_revenue_growth_pct)
    out["budget_revenue_local"] = _merge(inputs, "budget_revenue_local", _grow(base["budget_revenue_local"], years, g_rev))
    out["plan_funding"] = np.broadcast_to(inputs.plan_funding, (draws, len(years)))

    factor = _nonstate_factor(inputs, params["nonstate_value"])[:, None]
    rule_years = (years > inputs.base_year)[None, :]

    # Before the rule: the recorded S&T budget moves with budget expenditure.
    pre_budget = _merge(inputs, "st_budget", _grow(base["st_budget"], years, params["budget_expenditure_growth_pct"]))
    pre_inv = _merge(inputs, "st_investment", pre_budget * factor)
    pre_res = _merge(inputs, "researchers", _researchers_growth(inputs, params))
    anchor_i = int(np.searchsorted(years, inputs.path_anchor_year))
    anchor_i = min(anchor_i, len(years) - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        anchors = {
            "st_investment_share_grdp": pre_inv[:, anchor_i] / out["grdp"][:, anchor_i] * 100,
            "st_budget_share_expenditure": pre_budget[:, anchor_i] / out["budget_expenditure"][:, anchor_i] * 100,
            "researcher_density": pre_res[:, anchor_i] * 10 / out["population"][:, anchor_i],
        }
    targets = list(getattr(inputs.plan, "targets", []) or [])
    paths = {k: target_path(targets, k, years, inputs.path_anchor_year, v) for k, v in anchors.items()}

    rule_budget = _st_budget_rule(inputs, pre_budget, out["grdp"], out["budget_expenditure"], factor, paths, params)
    st_budget = np.array(rule_budget, dtype=float) if not rule_budget.flags.writeable else rule_budget
    st_budget[:, ~rule_years[0]] = pre_budget[:, ~rule_years[0]]
    out["st_budget"] = _merge(inputs, "st_budget", st_budget)
    out["st_investment"] = _merge(inputs, "st_investment", out["st_budget"] * factor)

    if sc.researcher_rule == "meet_targets":
        needed = paths["researcher_density"] * out["population"] / 10
        res = np.where(rule_years & ~np.isnan(needed), needed, pre_res)
    else:
        res = pre_res
    out["researchers"] = _merge(inputs, "researchers", res)

    fund_pct = _fund_share(inputs, draws)
    out["st_fund_contribution"] = _merge(inputs, "st_fund_contribution", fund_pct * out["budget_revenue_local"] / 100)

    with np.errstate(divide="ignore", invalid="ignore"):
        out["st_investment_share_grdp"] = out["st_investment"] / out["grdp"] * 100
        out["st_budget_share_expenditure"] = out["st_budget"] / out["budget_expenditure"] * 100
        out["researcher_density"] = out["researchers"] / (out["population"] * 1000) * 10_000
        out["funding_required"] = paths["st_investment_share_grdp"] * out["grdp"] / 100
        out["funding_sufficiency"] = out["st_investment"] / out["funding_required"]
        out["st_fund_share_revenue_local"] = out["st_fund_contribution"] / out["budget_revenue_local"] * 100
    return out


def _researchers_growth(inputs: EngineInputs, params: dict[str, np.ndarray]) -> np.ndarray:
    series, years = inputs.baseline["researchers"], inputs.years
    value = params["researcher_growth_value"]
    if inputs.scenario.researcher_growth_mode == "percent":
        return _grow(series, years, value)
    anchor = _anchor_index(series.recorded)
    if anchor[0] < 0:
        return np.full((value.shape[0], len(years)), np.nan)
    steps = (years - years[anchor]).astype(float)
    return np.maximum(series.values[anchor][None, :] + value[:, None] * steps[None, :], 0.0)


def _fund_share(inputs: EngineInputs, draws: int) -> np.ndarray:
    pct = inputs.scenario.st_fund_share_revenue_local_pct
    n = len(inputs.years)
    if pct is None:
        return np.full((draws, n), np.nan)
    if pct == "plan_minimum":
        levels = target_levels(getattr(inputs.plan, "targets", []) or [], "st_fund_share_revenue_local", inputs.years)
        return np.broadcast_to(levels, (draws, n))
    return np.full((draws, n), float(pct))


# --------------------------------------------------------------------------- provenance


def _provenance(inputs: EngineInputs) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Status and sources per series and year, following the same rules as :func:`simulate`."""
    sc, years, n = inputs.scenario, inputs.years, len(inputs.years)
    tag = f"scenario:{sc.name}"
    plan_id = getattr(inputs.plan, "id", "plan")
    target_src = {
        ind: ";".join(f"plan:{plan_id}:{t.id}" for t in getattr(inputs.plan, "targets", []) or []
                      if t.indicator == ind and getattr(t, "computable", True))
        for ind in ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
                    "st_fund_share_revenue_local")
    }
    status: dict[str, list[str]] = {}
    source: dict[str, list[str]] = {}

    def from_anchor(sid: str, extra: list[str] | None = None) -> None:
        s = inputs.baseline[sid]
        wins = inputs.wins(sid)
        anchor = _anchor_index(s.recorded)
        status[sid] = ["" for _ in range(n)]
        source[sid] = ["" for _ in range(n)]
        for i in range(n):
            if wins[i]:
                status[sid][i], source[sid][i] = str(s.status[i]), str(s.source[i])
            else:
                anchor_src = s.source[anchor[i]] if anchor[i] >= 0 else ""
                status[sid][i] = "projected"
                source[sid][i] = join_sources(anchor_src, extra[i] if extra else "", tag)

    for sid in ("population", "grdp", "budget_expenditure", "budget_revenue_local"):
        from_anchor(sid)
    status["plan_funding"] = ["derived" if p else "" for p in inputs.plan_phase]
    source["plan_funding"] = [str(p) for p in inputs.plan_phase]

    rule = years > inputs.base_year
    extra_budget = []
    for i in range(n):
        if not rule[i]:
            extra_budget.append(source["budget_expenditure"][i])
        elif sc.st_budget_rule == "plan_as_written":
            extra_budget.append(inputs.plan_phase[i] or join_sources(*(p for p in inputs.plan_phase if p)))
        elif sc.st_budget_rule == "gdp_linked":
            extra_budget.append(source["grdp"][i])
        elif sc.st_budget_rule == "fixed_share_expenditure":
            extra_budget.append(source["budget_expenditure"][i])
        elif sc.st_budget_rule == "meet_targets":
            extra_budget.append(join_sources(target_src["st_investment_share_grdp"], target_src["st_budget_share_expenditure"],
                                      source["grdp"][i], source["budget_expenditure"][i]))
        else:
            extra_budget.append("")
    from_anchor("st_budget", extra_budget)
    from_anchor("st_investment", source["st_budget"])
    extra_res = [
        join_sources(target_src["researcher_density"], source["population"][i])
        if sc.researcher_rule == "meet_targets" and rule[i] else ""
        for i in range(n)
    ]
    from_anchor("researchers", extra_res)
    from_anchor("st_fund_contribution", [join_sources(source["budget_revenue_local"][i],
                                                target_src["st_fund_share_revenue_local"]
                                                if sc.st_fund_share_revenue_local_pct == "plan_minimum" else "")
                                          for i in range(n)])

    derived = {
        "st_investment_share_grdp": ("st_investment", "grdp"),
        "st_budget_share_expenditure": ("st_budget", "budget_expenditure"),
        "researcher_density": ("researchers", "population"),
        "funding_required": ("grdp",),
        "funding_sufficiency": ("st_investment", "funding_required"),
        "st_fund_share_revenue_local": ("st_fund_contribution", "budget_revenue_local"),
    }
    for sid, parts in derived.items():
        status[sid], source[sid] = [], []
        for i in range(n):
            kinds = {status[p][i] for p in parts}
            status[sid].append(
                "projected" if "projected" in kinds else "assumption" if "assumption" in kinds else "derived"
            )
            extra = target_src["st_investment_share_grdp"] if sid == "funding_required" else ""
            source[sid].append(join_sources(*(source[p][i] for p in parts), extra))
    return status, source


# --------------------------------------------------------------------------- the result


@dataclass
class Projection:
    """A deterministic projection of one scenario.

    ``table`` is the long table of the contract (``model, scenario, region,
    variable, unit, year, value, status, source``); ``values`` holds the same
    numbers as ``{id: array (years,)}``.
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
              status: dict[str, list[str]], source: dict[str, list[str]]) -> pd.DataFrame:
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
        }))
    if not frames:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[TABLE_COLUMNS]


def project(scenario: Scenario | str, *, observations: pd.DataFrame, plan: Any,
            years: np.ndarray = YEARS) -> Projection:
    """Project one scenario 2010–2030 with its stated parameters.

    ``scenario`` is a :class:`Scenario` or a shipped name/file path;
    ``observations`` is the processed long table and ``plan`` the plan model:
    loading them is the pipeline's job (:mod:`khcn_analysis.pipeline`).
    """
    if not isinstance(scenario, Scenario):
        from khcn_analysis.model.scenarios import load_scenario

        scenario = load_scenario(scenario)
    inputs = prepare(scenario, observations, plan, years=years)
    sims = simulate(inputs, central_parameters(inputs))
    values = {k: np.asarray(v[0], dtype=float) for k, v in sims.items()}
    status, source = _provenance(inputs)
    table = _to_table(scenario, inputs.years, values, status, source)
    return Projection(scenario, inputs.years, values, table, inputs, observations, list(inputs.notes))
