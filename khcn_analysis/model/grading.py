"""The evidence grade and the sources of every value the engine computes.

Follows the same rules as :func:`khcn_analysis.model.projection.simulate`, cell by
cell, and lets the grade propagate: a value computed from others carries the
weakest grade of its inputs (:func:`khcn_analysis.core.grades.weakest`). So a
researcher density grown from an assumed count is ``assumption`` (not
``projected``), a value before a series' first record is ``back-cast``, a
scenario's declared rewrite of the past is ``counterfactual``, and every share
built on them says so. A derived value carries the sources of all its inputs.

``recorded`` marks the shared record of the past (a record, or a line between two
records): the only values a chart may draw as history.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from khcn_analysis.core.grades import weakest
from khcn_analysis.core.provenance import join_sources
from khcn_analysis.model.history import SeriesLayout

#: The engine's prepared inputs (:class:`khcn_analysis.model.projection.EngineInputs`; not imported:
#: the projection imports this module).
EngineInputs = Any

__all__ = ["grade_values"]

Cells = tuple[list[str], list[str]]

#: Ratios and what they are computed from.
DERIVED = {
    "st_investment_share_grdp": ("st_investment", "grdp"),
    "st_budget_share_expenditure": ("st_budget", "budget_expenditure"),
    "researcher_density": ("researchers", "population"),
    "funding_sufficiency": ("st_investment", "funding_required"),
    "st_fund_share_revenue_local": ("st_fund_contribution", "budget_revenue_local"),
}


def _history_cell(lay: SeriesLayout, i: int) -> tuple[str, str] | None:
    """Grade and sources of the shared past in year index ``i`` (None outside it)."""
    if lay.record[i]:
        return str(lay.grades[i]), str(lay.sources[i])
    if lay.gap[i]:
        a, b = lay.left[i], lay.right[i]
        return weakest("interpolated", lay.grades[a], lay.grades[b]), join_sources(lay.sources[a], lay.sources[b])
    if lay.back[i]:
        rec = np.flatnonzero(lay.record)
        return "back-cast", join_sources(*(lay.sources[j] for j in rec))
    return None


def _grown(lay: SeriesLayout, n: int, tag: str, extra: list[tuple[str, str]] | None = None) -> Cells:
    """The shared past, then ``projected`` from the last record (graded no better than it)."""
    grades, sources = [""] * n, [""] * n
    for i in range(n):
        cell = _history_cell(lay, i)
        if cell is not None:
            grades[i], sources[i] = cell
        elif lay.last >= 0:
            more = extra[i] if extra else ("", "")
            grades[i] = weakest("projected", lay.grades[lay.last], more[0])
            sources[i] = join_sources(lay.sources[lay.last], more[1], tag)
    return grades, sources


def grade_values(inputs: EngineInputs) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, np.ndarray]]:
    """``(status, source, recorded)`` per series: lists (and a bool array) over the year grid."""
    sc, years, n = inputs.scenario, inputs.years, len(inputs.years)
    lay = inputs.layouts
    tag = f"scenario:{sc.name}"
    plan_id = getattr(inputs.plan, "id", "plan")
    targets = [t for t in getattr(inputs.plan, "targets", []) or [] if getattr(t, "computable", True)]
    target_src = {ind: ";".join(f"plan:{plan_id}:{t.id}" for t in targets if t.indicator == ind)
                  for ind in ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
                              "st_fund_share_revenue_local")}
    status: dict[str, list[str]] = {}
    source: dict[str, list[str]] = {}
    for sid in ("population", "grdp", "budget_expenditure", "budget_revenue_local"):
        status[sid], source[sid] = _grown(lay[sid], n, tag)
    status["plan_funding"] = ["derived" if p else "" for p in inputs.plan_phase]
    source["plan_funding"] = [str(p) for p in inputs.plan_phase]

    _st_budget(inputs, status, source, target_src, tag)
    _st_investment(inputs, status, source, tag)
    _researchers(inputs, status, source, target_src, tag)
    rule = inputs.rule_mask("st_fund_contribution")
    fund_g, fund_s = _grown(lay["st_fund_contribution"], n, tag)
    for i in np.flatnonzero(rule):
        fund_g[i] = weakest("projected", status["budget_revenue_local"][i])
        fund_s[i] = join_sources(source["budget_revenue_local"][i], target_src["st_fund_share_revenue_local"]
                                 if sc.st_fund_share_revenue_local_pct == "plan_minimum" else "", tag)
    status["st_fund_contribution"], source["st_fund_contribution"] = fund_g, fund_s

    # funding_required = the share path × GRDP; before the first target year the path leans on the anchor share.
    anchor = int(np.clip(np.searchsorted(years, inputs.path_anchor_year), 0, n - 1))
    first_target = min((t.year_from for t in targets if t.indicator == "st_investment_share_grdp"
                        and t.year_from is not None), default=None)
    anchor_g = weakest(status["st_investment"][anchor], status["grdp"][anchor])
    anchor_s = join_sources(source["st_investment"][anchor], source["grdp"][anchor])
    status["funding_required"], source["funding_required"] = [], []
    for i in range(n):
        leans = first_target is not None and inputs.path_anchor_year < years[i] < first_target
        status["funding_required"].append(weakest("derived", status["grdp"][i], anchor_g if leans else ""))
        source["funding_required"].append(join_sources(source["grdp"][i], target_src["st_investment_share_grdp"],
                                                       anchor_s if leans else ""))
    for sid, parts in DERIVED.items():  # a ratio is computed: "derived" at best
        status[sid] = [weakest("derived", *(status[p][i] for p in parts)) if status[parts[0]][i]
                       and status[parts[1]][i] else "" for i in range(n)]
        source[sid] = [join_sources(*(source[p][i] for p in parts)) for i in range(n)]

    recorded = {sid: np.zeros(n, dtype=bool) for sid in status}
    for sid in ("population", "grdp", "budget_expenditure", "budget_revenue_local"):
        recorded[sid] = lay[sid].record | lay[sid].gap
    for sid in ("st_budget", "st_investment", "researchers", "st_fund_contribution"):
        recorded[sid] = (lay[sid].record | lay[sid].gap) & ~inputs.counterfactual_mask(sid)
    recorded["st_budget"] &= ~inputs.rule_mask("st_budget") | ~_rule_defined(inputs)
    recorded["st_investment"] = recorded["st_budget"] | ((lay["st_investment"].record | lay["st_investment"].gap)
                                                         & ~inputs.counterfactual_mask("st_investment"))
    for sid, parts in DERIVED.items():
        recorded[sid] = np.logical_and.reduce([recorded[p] for p in parts])
    return status, source, recorded


def _rule_defined(inputs: EngineInputs) -> np.ndarray:
    """Years where the S&T budget rule gives a value (the plan rule says nothing before the plan)."""
    if inputs.scenario.st_budget_rule != "plan_as_written":
        return np.ones(len(inputs.years), dtype=bool)
    defined = ~np.isnan(inputs.plan_state_funding)
    if inputs.plan_end_year is not None:
        defined |= inputs.years > inputs.plan_end_year
    return defined


def _st_budget(inputs: EngineInputs, status: dict, source: dict, target_src: dict, tag: str) -> None:
    sc, years, n = inputs.scenario, inputs.years, len(inputs.years)
    lay = inputs.layouts["st_budget"]
    extra = [(status["budget_expenditure"][i], source["budget_expenditure"][i]) for i in range(n)]
    grades, sources = _grown(lay, n, tag, extra)
    rule = inputs.rule_mask("st_budget") & _rule_defined(inputs)
    cf = inputs.counterfactual_mask("st_budget")
    a = inputs.rule_index("st_budget")
    at_a = (grades[a], sources[a])
    for i in np.flatnonzero(rule):
        if sc.st_budget_rule == "plan_as_written":
            phase = inputs.plan_phase[i] or join_sources(*(p for p in inputs.plan_phase if p))
            parts = [("projected", phase)]
            if years[i] > (inputs.plan_end_year or years[i]) and sc.after_plan in ("grow_with_grdp",
                                                                                   "grow_with_expenditure"):
                carrier = "grdp" if sc.after_plan == "grow_with_grdp" else "budget_expenditure"
                parts.append((status[carrier][i], source[carrier][i]))
        elif sc.st_budget_rule == "gdp_linked":
            parts = [at_a, (status["grdp"][a], source["grdp"][a]), (status["grdp"][i], source["grdp"][i])]
        elif sc.st_budget_rule == "fixed_share_expenditure":
            parts = [(status["budget_expenditure"][i], source["budget_expenditure"][i])]
        elif sc.st_budget_rule == "latest_trend":
            parts = [at_a]
        else:
            parts = [at_a, (status["grdp"][i], source["grdp"][i]),
                     (status["budget_expenditure"][i], source["budget_expenditure"][i]),
                     ("", target_src["st_investment_share_grdp"]), ("", target_src["st_budget_share_expenditure"])]
        grades[i] = "counterfactual" if cf[i] else weakest("projected", *(g for g, _ in parts))
        sources[i] = join_sources(*(s for _, s in parts), tag)
    status["st_budget"], source["st_budget"] = grades, sources


def _st_investment(inputs: EngineInputs, status: dict, source: dict, tag: str) -> None:
    n = len(inputs.years)
    lay = inputs.layouts["st_investment"]
    keep = lay.history & ~inputs.counterfactual_mask("st_investment")
    past = inputs.budget_past
    share_ids = ";".join(f"assumption:{a}" for r in inputs.ranges if r.kind == "share"
                         and r.variable == "st_investment" for a in r.applies_to)
    cf = inputs.counterfactual_mask("st_investment")
    grades, sources = [""] * n, [""] * n
    for i in range(n):
        cell = _history_cell(lay, i) if keep[i] else None
        if cell is not None:
            grades[i], sources[i] = cell
            continue
        if not status["st_budget"][i]:
            continue
        # total = state ÷ the state's share: the assumed share in the shared past, the scenario's after it
        share_grade = "assumption" if past[i] and share_ids else "projected"
        grades[i] = "counterfactual" if cf[i] else weakest(status["st_budget"][i], share_grade)
        sources[i] = join_sources(source["st_budget"][i], share_ids if past[i] else "",
                                  "" if past[i] else tag)
    status["st_investment"], source["st_investment"] = grades, sources


def _researchers(inputs: EngineInputs, status: dict, source: dict, target_src: dict, tag: str) -> None:
    sc, n = inputs.scenario, len(inputs.years)
    lay = inputs.layouts["researchers"]
    grades, sources = _grown(lay, n, tag)
    if sc.researcher_rule == "meet_targets":
        a = inputs.rule_index("researchers")
        cf = inputs.counterfactual_mask("researchers")
        for i in np.flatnonzero(inputs.rule_mask("researchers")):
            grades[i] = "counterfactual" if cf[i] else weakest("projected", grades[a], status["population"][i])
            sources[i] = join_sources(sources[a], target_src["researcher_density"], source["population"][i], tag)
    status["researchers"], source["researchers"] = grades, sources
