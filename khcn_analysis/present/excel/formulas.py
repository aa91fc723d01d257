"""The engine's rules as Excel formulas, one per computed cell of the Projection sheet.

How to read (and change) this module: each cell of a base series is what the engine
makes of that year (``khcn_analysis/model/projection.py``, :meth:`Formulas.kind`):

- ``record``: the shared record. A sourced figure stays a plain number; an assumed
  record reads its yellow cell on the Assumptions sheet, times its plausible-range
  parameter when it has one (``st_budget_coverage``), or is that parameter itself
  (``researchers_2011``: the level the engine takes);
- ``gap`` between two records: the straight line between them;
- ``back`` before the first record: the first record back-cast along the series' own
  recorded trend (``first × (last/first)^(years)``, over the two records the engine's
  trend runs between);
- ``grow`` after the last record: the last record × (1 + g/100)^(years), at a named
  growth rate of the Assumptions sheet;
- ``rule``: the scenario's S&T budget rule (:data:`ST_BUDGET_RULES`), researchers or
  the fund on the targets' path, from the year before the rule (never below it);
- ``st_investment`` = state money ÷ the state's share: the assumed share
  (``st_investment_state_share``) in the S&T budget's shared past, the scenario's
  ``nonstate_value`` after it.

The target paths (and the paths of a "meet the targets" rule) are formulas too: the
target levels are constants of the plan, the start is the cell of the year the path
leaves from, and the path never falls below it. :data:`DERIVED` are the ratios.

Each formula is written with the engine's value as its cached result, and the tests
recalculate every workbook in LibreOffice and compare with the engine (also after a
planner edits an assumption), so a rule changed in the engine and not here fails a test.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from khcn_analysis.plan.target_path import target_levels
from khcn_analysis.present.excel.formats import finite
from khcn_analysis.present.excel.grid import Grid
from khcn_analysis.present.excel.layout import PATH_OF, absolute, cell

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["DERIVED", "GROWTH", "ST_BUDGET_RULES", "Formulas"]

#: Derived indicator → (column a, column b, formula over their cells of the same year).
DERIVED: dict[str, tuple[str, str, str]] = {
    "st_investment_share_grdp": ("st_investment", "grdp", "={a}/{b}*100"),
    "st_budget_share_expenditure": ("st_budget", "budget_expenditure", "={a}/{b}*100"),
    "researcher_density": ("researchers", "population", "={a}/({b}*1000)*10000"),
    "funding_required": ("path_st_investment_share_grdp", "grdp", "={a}*{b}/100"),
    "funding_sufficiency": ("st_investment", "funding_required", "={a}/{b}"),
    "st_fund_share_revenue_local": ("st_fund_contribution", "budget_revenue_local", "={a}/{b}*100"),
}

#: Base series grown from their last record → the defined name of their growth rate (% per year).
GROWTH: dict[str, str] = {
    "population": "population_growth_pct",
    "grdp": "grdp_growth_pct",
    "budget_expenditure": "budget_expenditure_growth_pct",
    "budget_revenue_local": "budget_revenue_growth_pct",
    "st_budget": "budget_expenditure_growth_pct",  # before its rule, S&T money moves with the budget
}

#: ``st_budget_rule`` → the :class:`Formulas` method that writes a year of the rule.
ST_BUDGET_RULES: dict[str, str] = {
    "plan_as_written": "_plan_as_written",
    "gdp_linked": "_gdp_linked",
    "fixed_share_expenditure": "_fixed_share",
    "latest_trend": "_latest_trend",
    "meet_targets": "_meet_targets",
}

#: After the plan's last year (``after_plan``): the last phase's yearly money × this factor.
_AFTER_PLAN: dict[str, str] = {
    "hold": "",
    "grow_with_grdp": "*{grdp}/{grdp_end}",
    "grow_with_expenditure": "*{exp}/{exp_end}",
    "growth_pct": "*(1+after_plan_growth_pct/100)^{steps}",
}

#: Ratio → (numerator, denominator, factor): ratio = numerator / denominator × factor.
_RATIOS: dict[str, tuple[str, str, str]] = {
    "st_investment_share_grdp": ("st_investment", "grdp", "*100"),
    "st_budget_share_expenditure": ("st_budget", "budget_expenditure", "*100"),
    "researcher_density": ("researchers", "population", "*10"),
}


def _num(x: float) -> str:
    return repr(float(x))


class Formulas:
    """The formulas of one run's Projection sheet.

    ``cols``/``rows`` place series and years; ``names`` are the defined names of the
    parameters present; ``base_cells`` are the yellow cells of the assumed records on
    the sheet; ``anchor_cells`` the yellow cells of records a formula reads that the
    sheet does not show (a record the scenario's counterfactual replaced). A first pass
    without them fills :attr:`needed` with the anchors that want a cell.
    """

    def __init__(self, results: Results, data: Grid, cols: dict[str, int], rows: dict[int, int],
                 names: set[str], anchor_cells: dict[tuple[str, int], str] | None = None,
                 base_cells: dict[tuple[str, int], str] | None = None) -> None:
        self.sc = results.scenario
        self.inputs: Any = results.projection.inputs
        self.plan = results.plan
        self.data = data
        self.cols = cols
        self.rows = rows
        self.names = names
        self.years = data.years
        self.anchor_cells = dict(anchor_cells or {})
        self.base_cells = dict(base_cells or {})
        self.needed: set[tuple[str, int]] = set()
        self.range_kinds = {r.parameter_key: r.kind for r in self.inputs.ranges}

    # ------------------------------------------------------------------ what a cell is

    def kind(self, sid: str, i: int) -> str:
        """``record``, ``gap``, ``back``, ``grow``, ``rule``, ``invest`` or '' (no value)."""
        inp = self.inputs
        if sid == "st_investment":
            lay = inp.layouts[sid]
            keep = lay.history & ~inp.counterfactual_mask(sid)
            if keep[i]:
                return "record" if lay.record[i] else "gap" if lay.gap[i] else "back"
            return "invest"
        if sid in inp.rule_start and inp.rule_mask(sid)[i] and self._rule_defined(sid, i):
            return "rule"
        lay = inp.layouts.get(sid)
        if lay is None:
            return ""
        if lay.record[i]:
            return "record"
        if lay.gap[i]:
            return "gap"
        if lay.back[i]:
            return "back"
        if lay.last >= 0 and i > lay.last:
            return "grow"
        return ""

    def _rule_defined(self, sid: str, i: int) -> bool:
        sc = self.sc
        if sid == "st_budget" and sc.st_budget_rule == "plan_as_written":
            end = self.inputs.plan_end_year
            return finite(self.inputs.plan_state_funding[i]) or (end is not None and self.years[i] > end)
        if sid == "researchers":
            return sc.researcher_rule == "meet_targets"
        if sid == "st_fund_contribution":
            return sc.st_fund_share_revenue_local_pct is not None
        return True

    # ------------------------------------------------------------------ references

    def ref(self, sid: str, i: int) -> str | None:
        """A same-sheet reference to series ``sid`` in year index ``i`` (None if empty)."""
        if sid not in self.cols or not 0 <= i < len(self.years) or not finite(self.data.values[sid][i]):
            return None
        return cell(self.rows[self.years[i]], self.cols[sid])

    def _scaled(self, sid: str, j: int, raw: str) -> str:
        """A record as the engine takes it: times its range parameter, or the parameter itself."""
        for key, (mask, _reference) in self.inputs.layouts[sid].scales.items():
            if mask[j] and key in self.names:
                return key if self.range_kinds.get(key) == "level" else f"({raw}*{key})"
        return raw

    def record(self, sid: str, j: int) -> str:
        """The history's value of the record in year index ``j`` (on the sheet, or its anchor cell)."""
        if self.kind(sid, j) == "record":
            ref = self.ref(sid, j)
            if ref:
                return ref
        key = (sid, self.years[j])
        if key in self.base_cells:
            return self._scaled(sid, j, self.base_cells[key])
        if key not in self.anchor_cells:
            self.needed.add(key)
            return "0"
        return self._scaled(sid, j, self.anchor_cells[key])

    def _keep(self) -> str:
        """The share of the money left after the scenario's cut."""
        return "(1-austerity_cut_pct/100)" if "austerity_cut_pct" in self.names else "1"

    def _scenario_factor(self) -> str:
        """Total investment per unit of state money, as the scenario states it."""
        if self.sc.nonstate_mode == "share_of_total":
            return "(1/(1-nonstate_value/100))"
        return "(1+nonstate_value)"

    def _factor(self, i: int) -> str:
        """Total investment per unit of state money in year ``i`` (the past's share, then the scenario's)."""
        key = self.inputs.state_share_key()
        if key is not None and key in self.names and self.inputs.budget_past[i]:
            return f"(100/{key})"
        return self._scenario_factor()

    # ------------------------------------------------------------------ cells

    def derived(self, sid: str, i: int) -> str | None:
        a, b, pattern = DERIVED[sid]
        ra, rb = self.ref(a, i), self.ref(b, i)
        return pattern.format(a=ra, b=rb) if ra and rb else None

    def base(self, sid: str, i: int) -> str | None:
        """The formula of a base-series cell, or None where the engine's value is a plain number."""
        kind = self.kind(sid, i)
        lay = self.inputs.layouts.get(sid)
        if kind == "record":
            key = (sid, self.years[i])
            if key in self.base_cells:
                return f"={self._scaled(sid, i, self.base_cells[key])}"
            scaled = self._scaled(sid, i, "")
            return f"={scaled}" if scaled and not scaled.startswith("(*") else None
        if kind == "gap":
            a, b = int(lay.left[i]), int(lay.right[i])
            w = float(lay.weight[i])
            left, right = self.record(sid, a), self.record(sid, b)
            return f"={left}*{_num(1 - w)}+{right}*{_num(w)}"
        if kind == "back":
            first = self.record(sid, lay.first)
            a, b = lay.trend
            rate = f"(({self.record(sid, b)}/{self.record(sid, a)})^(1/{self.years[b] - self.years[a]}))"
            return f"={first}*{rate}^({self.years[i] - self.years[lay.first]})"
        if kind == "grow":
            return self._grow(sid, i)
        if kind == "rule":
            if sid == "st_budget":
                return getattr(self, ST_BUDGET_RULES[self.sc.st_budget_rule])(i)
            if sid == "researchers":
                return self._researchers_path(i)
            if sid == "st_fund_contribution":
                return self._fund(i)
        if kind == "invest":
            stb = self.ref("st_budget", i)
            return f"={stb}*{self._factor(i)}" if stb else None
        return None

    def _grow(self, sid: str, i: int) -> str | None:
        lay = self.inputs.layouts[sid]
        last = self.record(sid, lay.last)
        steps = self.years[i] - self.years[lay.last]
        if sid == "researchers":
            if self.sc.researcher_growth_mode != "percent":
                return f"=MAX({last}+researcher_growth_value*{steps},0)"
            growth = "researcher_growth_value"
        else:
            growth = GROWTH[sid]
        return f"={last}*(1+{growth}/100)^{steps}"

    # ------------------------------------------------------------------ target paths

    def path(self, indicator: str, anchor_year: int, start: str, i: int) -> str | None:
        """The targets' path of ``indicator`` in year ``i`` from ``start`` in ``anchor_year``, never below it.

        The same arithmetic as :func:`khcn_analysis.plan.target_path.target_path`: straight
        from the start to the next target year, between target years from one level to the
        next, the last level held; then the larger of that and the start.
        """
        years = np.asarray(self.years)
        levels = target_levels(list(getattr(self.plan, "targets", []) or []), indicator, years)
        known = ~np.isnan(levels)
        t = years[i]
        if not known.any() or t <= anchor_year:
            return None
        kx, ky = years[known].astype(float), levels[known]
        ahead = np.flatnonzero(kx > anchor_year)
        if ahead.size and t < kx[ahead[0]]:
            frac = (t - anchor_year) / (kx[ahead[0]] - anchor_year)
            raw = f"{_num(ky[ahead[0]] * frac)}+{_num(1 - frac)}*{start}"
        else:
            raw = _num(np.interp(float(t), kx, ky))
        return f"MAX({raw},{start})"

    def _start(self, indicator: str, a: int, factor: str | None = None) -> str | None:
        """The ratio ``indicator`` in year index ``a``, from the cells of that year (absolute)."""
        num, den, scale = _RATIOS[indicator]
        rn, rd = self.ref(num, a), self.ref(den, a)
        if not rn or not rd:
            return None
        extra = f"*{factor}" if factor else ""
        return f"({absolute(rn)}{extra}/{absolute(rd)}{scale})"

    def path_column(self, pid: str, i: int) -> str | None:
        """A target-path column of the sheet: the judge's requirement path, from the plan's anchor year."""
        indicator = PATH_OF[pid]
        anchor = self.inputs.path_anchor_year
        a = int(np.clip(np.searchsorted(np.asarray(self.years), anchor), 0, len(self.years) - 1))
        start = self._start(indicator, a)
        if start is None:
            return None
        body = self.path(indicator, anchor, start, i)
        return f"={body}" if body else None

    # ------------------------------------------------------------------ rules

    def _rule_anchor(self, sid: str) -> int:
        return self.inputs.rule_index(sid)

    def _researchers_path(self, i: int) -> str | None:
        a = self._rule_anchor("researchers")
        start = self._start("researcher_density", a)
        path, pop, res = (self.path("researcher_density", self.years[a], start, i) if start else None,
                          self.ref("population", i), self.ref("researchers", a))
        if not path or not pop or not res:
            return None
        return f"=MAX({path}*{pop}/10,{absolute(res)})"

    def _fund(self, i: int) -> str | None:
        rev = self.ref("budget_revenue_local", i)
        if not rev or "st_fund_share_revenue_local_pct" not in self.names:
            return None
        return f"=st_fund_share_revenue_local_pct/100*{rev}"

    def _plan_as_written(self, i: int) -> str | None:
        inp, keep, years = self.inputs, self._keep(), self.years
        end = inp.plan_end_year
        if end is not None and years[i] > end:
            e = years.index(end)
            factor = _AFTER_PLAN[self.sc.after_plan].format(
                grdp=self.ref("grdp", i), grdp_end=self.ref("grdp", e),
                exp=self.ref("budget_expenditure", i), exp_end=self.ref("budget_expenditure", e),
                steps=years[i] - end)
            ratio = inp.plan_state_funding[e] / inp.plan_funding[e]
            return f"={absolute(self.ref('plan_funding', e))}*{_num(ratio)}*{keep}{factor}"
        plan = self.ref("plan_funding", i)
        ratio = inp.plan_state_funding[i] / inp.plan_funding[i]
        return f"={plan}*{_num(ratio)}*{keep}"  # the plan's state money: without its other sources

    def _gdp_linked(self, i: int) -> str | None:
        a = self._rule_anchor("st_budget")
        return (f"={absolute(self.ref('st_budget', a))}/{absolute(self.ref('grdp', a))}"
                f"*{self.ref('grdp', i)}*{self._keep()}")

    def _fixed_share(self, i: int) -> str | None:
        return f"=st_budget_share_expenditure_pct/100*{self.ref('budget_expenditure', i)}*{self._keep()}"

    def _latest_trend(self, i: int) -> str | None:
        a = self._rule_anchor("st_budget")
        growth = ("st_budget_trend_growth_pct" if "st_budget_trend_growth_pct" in self.names
                  else "budget_expenditure_growth_pct")
        steps = self.years[i] - self.years[a]
        return f"={absolute(self.ref('st_budget', a))}*(1+{growth}/100)^{steps}*{self._keep()}"

    def _meet_targets(self, i: int) -> str | None:
        """Enough state money for both shares, from the level reached and never below it."""
        a = self._rule_anchor("st_budget")
        year_a = self.years[a]
        stb = self.ref("st_budget", a)
        if not stb:
            return None
        terms = []
        share_start = self._start("st_investment_share_grdp", a, factor=None)
        if share_start:  # the start share counts total investment: state money × the year's factor
            share_start = (f"({absolute(stb)}*{self._factor(a)}/{absolute(self.ref('grdp', a))}*100)")
            share = self.path("st_investment_share_grdp", year_a, share_start, i)
            grdp = self.ref("grdp", i)
            if share and grdp:
                terms.append(f"{share}*{grdp}/100/{self._factor(i)}")
        budget_start = self._start("st_budget_share_expenditure", a)
        if budget_start:
            budget = self.path("st_budget_share_expenditure", year_a, budget_start, i)
            exp = self.ref("budget_expenditure", i)
            if budget and exp:
                terms.append(f"{budget}*{exp}/100")
        if not terms:
            return None
        return f"=MAX({','.join([*terms, absolute(stb)])})"
