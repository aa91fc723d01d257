"""The engine's rules as Excel formulas, one per projected cell.

How to read (and change) this module: a cell of the Projection sheet gets a
formula when its value follows from other cells by one of the engine's rules
(``khcn_analysis/model/projection.py``). The rules are tables:

- :data:`DERIVED` — an indicator from two columns of the same year
  (``st_investment_share_grdp = st_investment / grdp × 100``);
- :data:`GROWTH` — a base series grown from its anchor (the latest recorded
  value at or before the year) at a named growth rate of the Assumptions sheet:
  ``previous year × (1 + g/100)``, or ``anchor × (1 + g/100)^(t − t_anchor)``
  where the previous year is not on the same path (back-casts, broken chains);
- :data:`ST_BUDGET_RULES` — one method per scenario ``st_budget_rule`` for the
  state S&T budget after the base year;
- ``st_investment`` = state money grossed up by the non-state share,
  ``researchers`` grown (persons or per cent) or on the target path,
  ``st_fund_contribution`` = fund share × retained revenue.

A recorded value that wins over the projection stays a plain number; an
assumed base value is a reference to its yellow cell. Each formula is written
with the engine's value as its cached result, and the tests recalculate every
workbook in LibreOffice and compare with the engine, so a rule changed in the
engine and not here fails a test. To follow an engine change, edit the table
or the rule method here; the sheet writer does not need to change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from khcn_analysis.present.excel.formats import finite
from khcn_analysis.present.excel.grid import Grid
from khcn_analysis.present.excel.layout import absolute, cell

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

#: Base series grown from their anchor → the defined name of their growth rate (% per year).
GROWTH: dict[str, str] = {
    "population": "population_growth_pct",
    "grdp": "grdp_growth_pct",
    "budget_expenditure": "budget_expenditure_growth_pct",
    "budget_revenue_local": "budget_revenue_growth_pct",
}

#: ``st_budget_rule`` → the :class:`Formulas` method that writes a year after the base year.
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


class Formulas:
    """The formulas of one run's Projection sheet.

    ``cols``/``rows`` place series and years; ``names`` are the defined names of
    the parameters present; ``anchor_cells`` are the yellow cells of recorded
    values that a series grows from but that do not show on the sheet. A first
    pass without them fills :attr:`needed` with the anchors that want a cell.
    """

    def __init__(self, results: Results, data: Grid, cols: dict[str, int], rows: dict[int, int],
                 names: set[str], anchor_cells: dict[tuple[str, int], str] | None = None) -> None:
        self.sc = results.scenario
        self.inputs: Any = results.projection.inputs
        self.data = data
        self.cols = cols
        self.rows = rows
        self.names = names
        self.years = data.years
        self.anchor_cells = dict(anchor_cells or {})
        self.needed: set[tuple[str, int]] = set()
        self.chain: dict[tuple[str, int], tuple[int, str]] = {}

    # ------------------------------------------------------------------ references

    def ref(self, sid: str, i: int) -> str | None:
        """A same-sheet reference to series ``sid`` in year index ``i`` (None if empty)."""
        if sid not in self.cols or not 0 <= i < len(self.years) or not finite(self.data.values[sid][i]):
            return None
        return cell(self.rows[self.years[i]], self.cols[sid])

    def _keep(self) -> str:
        """The share of the money left after the scenario's cut."""
        return "(1-austerity_cut_pct/100)" if "austerity_cut_pct" in self.names else "1"

    def _factor(self) -> str:
        """Total investment per unit of state money."""
        if self.sc.nonstate_mode == "share_of_total":
            return "(1/(1-nonstate_value/100))"
        return "(1+nonstate_value)"

    def _anchor(self, sid: str, i: int) -> tuple[int, str] | None:
        """The engine's anchor for year ``i`` (latest record at or before it, else the first)
        and a reference to its recorded value.

        A recorded value that does not win (an assumption after the base year, a
        counterfactual record) is not on the Projection sheet, so it gets its own
        editable cell on the Assumptions sheet.
        """
        recorded = self.inputs.baseline[sid].recorded
        if not recorded.any():
            return None
        before = np.flatnonzero(recorded[: i + 1])
        a = int(before[-1]) if before.size else int(np.flatnonzero(recorded)[0])
        if self.inputs.wins(sid)[a]:
            ref = self.ref(sid, a)
            return (a, ref) if ref else None
        key = (sid, self.years[a])
        if key not in self.anchor_cells:
            self.needed.add(key)
            return a, "0"
        return a, self.anchor_cells[key]

    def _chained(self, sid: str, i: int, a: int, kind: str) -> bool:
        """Is year ``i - 1`` the anchor itself (on this sheet) or grown from it the same way?"""
        if i - 1 == a and self.inputs.wins(sid)[a]:
            return True
        return self.chain.get((sid, i - 1)) == (a, kind)

    # ------------------------------------------------------------------ growth

    def _path(self, sid: str, i: int, kind: str, step: str, ahead: str, behind: str) -> str | None:
        """Year ``i`` on the path from the anchor: ``step`` from the previous year when that
        year is on the same path, else ``ahead`` (or ``behind``, back-casting) from the anchor.

        Templates take ``{prev}`` (the previous year's cell), ``{anchor}`` and ``{steps}``
        (years from the anchor, positive).
        """
        found = self._anchor(sid, i)
        if found is None:
            return None
        a, anchor = found
        if i == a:
            return None if anchor == self.ref(sid, a) else f"={anchor}"
        chained = i > a and self._chained(sid, i, a, kind)
        self.chain[(sid, i)] = (a, kind)
        if chained:
            return step.format(prev=self.ref(sid, i - 1))
        steps = self.years[i] - self.years[a]
        return (ahead if steps > 0 else behind).format(anchor=anchor, steps=abs(steps))

    def _grow(self, sid: str, i: int, growth: str) -> str | None:
        """anchor × (1+g/100)^(t − t_anchor), at the growth rate named ``growth``."""
        g = f"(1+{growth}/100)"
        return self._path(sid, i, growth, "={prev}*" + g, "={anchor}*" + g + "^{steps}",
                          "={anchor}/" + g + "^{steps}")

    def _researchers_growth(self, i: int) -> str | None:
        """Researchers grow by a per cent or by a number of persons a year (never below 0)."""
        if self.sc.researcher_growth_mode == "percent":
            return self._grow("researchers", i, "researcher_growth_value")
        return self._path("researchers", i, "persons", "=MAX({prev}+researcher_growth_value,0)",
                          "=MAX({anchor}+researcher_growth_value*{steps},0)",
                          "=MAX({anchor}-researcher_growth_value*{steps},0)")

    # ------------------------------------------------------------------ cells

    def derived(self, sid: str, i: int) -> str | None:
        a, b, pattern = DERIVED[sid]
        ra, rb = self.ref(a, i), self.ref(b, i)
        return pattern.format(a=ra, b=rb) if ra and rb else None

    def base(self, sid: str, i: int) -> str | None:
        """The formula of a projected base value, or None where the engine's value is a constant."""
        if sid in GROWTH:
            return self._grow(sid, i, GROWTH[sid])
        rule_year = self.years[i] > self.inputs.base_year
        if sid == "st_budget":
            if rule_year:
                return getattr(self, ST_BUDGET_RULES[self.sc.st_budget_rule])(i)
            return self._grow(sid, i, "budget_expenditure_growth_pct")
        if sid == "st_investment":
            stb = self.ref("st_budget", i)
            return f"={stb}*{self._factor()}" if stb else None
        if sid == "researchers":
            if self.sc.researcher_rule == "meet_targets" and rule_year:
                path, pop = self.ref("path_researcher_density", i), self.ref("population", i)
                if path and pop:
                    return f"={path}*{pop}/10"
            return self._researchers_growth(i)
        if sid == "st_fund_contribution" and "st_fund_share_revenue_local_pct" in self.names:
            rev = self.ref("budget_revenue_local", i)
            return f"=st_fund_share_revenue_local_pct/100*{rev}" if rev else None
        return None

    # ------------------------------------------------------------------ S&T budget rules

    def _base_index(self) -> int:
        return min(int(np.searchsorted(np.array(self.years), self.inputs.base_year)), len(self.years) - 1)

    def _plan_as_written(self, i: int) -> str | None:
        end, keep, years = self.inputs.plan_end_year, self._keep(), self.years
        if end is not None and years[i] > end:
            e = years.index(end)
            factor = _AFTER_PLAN[self.sc.after_plan].format(
                grdp=self.ref("grdp", i), grdp_end=self.ref("grdp", e),
                exp=self.ref("budget_expenditure", i), exp_end=self.ref("budget_expenditure", e),
                steps=years[i] - end)
            return f"={self.ref('plan_funding', e)}*{keep}{factor}"
        plan = self.ref("plan_funding", i)
        if plan:
            return f"={plan}*{keep}"
        return self._grow("st_budget", i, "budget_expenditure_growth_pct")

    def _gdp_linked(self, i: int) -> str | None:
        b = self._base_index()
        return (f"={absolute(self.ref('st_budget', b))}/{absolute(self.ref('grdp', b))}"
                f"*{self.ref('grdp', i)}*{self._keep()}")

    def _fixed_share(self, i: int) -> str | None:
        return f"=st_budget_share_expenditure_pct/100*{self.ref('budget_expenditure', i)}*{self._keep()}"

    def _latest_trend(self, i: int) -> str | None:
        b = self._base_index()
        growth = ("st_budget_trend_growth_pct" if "st_budget_trend_growth_pct" in self.names
                  else "budget_expenditure_growth_pct")
        steps = self.years[i] - self.years[b]
        return f"={absolute(self.ref('st_budget', b))}*(1+{growth}/100)^{steps}*{self._keep()}"

    def _meet_targets(self, i: int) -> str | None:
        """Enough state money for both the investment share and the budget share."""
        terms = []
        share, grdp = self.ref("path_st_investment_share_grdp", i), self.ref("grdp", i)
        if share and grdp:
            terms.append(f"{share}*{grdp}/100/{self._factor()}")
        bshare, exp = self.ref("path_st_budget_share_expenditure", i), self.ref("budget_expenditure", i)
        if bshare and exp:
            terms.append(f"{bshare}*{exp}/100")
        if not terms:
            return self._grow("st_budget", i, "budget_expenditure_growth_pct")
        return f"=MAX({','.join(terms)})" if len(terms) > 1 else f"={terms[0]}"
