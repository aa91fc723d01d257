"""What the explorer's controls hold, as plain values, and the scenario keys they set.

The widgets (:mod:`.app`) read into a :class:`Settings`; the session
(:mod:`.session`) turns one into a validated scenario. Keeping the model plain
makes every behaviour testable without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khcn_analysis.core.paths import reports_dir

__all__ = ["BUDGET_RULES", "RANGES", "RESEARCHER_MODES", "RESEARCHER_RULES", "Settings", "default_export_dir"]

#: The S&T budget rules a planner can pick (ids of ``st_budget_rule``), in menu order.
BUDGET_RULES = ("plan_as_written", "gdp_linked", "fixed_share_expenditure", "meet_targets", "latest_trend")
RESEARCHER_RULES = ("growth", "meet_targets")
RESEARCHER_MODES = ("persons", "percent")

#: Slider ranges (low, high, step): the plausible part of each key's allowed range
#: (model/scenarios.py), widened when a scenario holds a value outside it.
RANGES: dict[str, tuple[float, float, float]] = {
    "grdp_growth_pct": (-5.0, 25.0, 0.5),
    "population_growth_pct": (-1.0, 5.0, 0.05),
    "budget_level_pct": (5.0, 100.0, 5.0),
    "budget_share_pct": (0.0, 10.0, 0.1),
    "nonstate_share_of_total": (0.0, 90.0, 1.0),
    "nonstate_ratio_to_state": (0.0, 10.0, 0.1),
    "researcher_growth_persons": (-20.0, 200.0, 1.0),
    "researcher_growth_percent": (-10.0, 20.0, 0.1),
}


def default_export_dir() -> Path:
    """Where exports go unless the page says otherwise: ``reports/explore/``."""
    return reports_dir() / "explore"


@dataclass
class Settings:
    """One field per control.

    The budget level has two controls because its meaning depends on the rule: a
    share of expenditure for ``fixed_share_expenditure``, otherwise the share of the
    rule's money kept (100 − ``austerity_cut_pct``).
    """

    base: str
    grdp_growth_pct: float
    population_growth_pct: float
    st_budget_rule: str
    budget_level_pct: float
    budget_share_pct: float
    nonstate_value: float
    researcher_rule: str
    researcher_growth_mode: str
    researcher_growth_persons: float
    researcher_growth_percent: float

    def overrides(self) -> dict[str, Any]:
        """The scenario keys these settings set."""
        growth = (self.researcher_growth_persons if self.researcher_growth_mode == "persons"
                  else self.researcher_growth_percent)
        out: dict[str, Any] = {
            "grdp_growth_pct": float(self.grdp_growth_pct),
            "population_growth_pct": float(self.population_growth_pct),
            "st_budget_rule": self.st_budget_rule,
            "nonstate_value": float(self.nonstate_value),
            "researcher_rule": self.researcher_rule,
            "researcher_growth_mode": self.researcher_growth_mode,
            "researcher_growth_value": float(growth),
        }
        if self.st_budget_rule == "fixed_share_expenditure":
            out["st_budget_share_expenditure_pct"] = float(self.budget_share_pct)
            out["austerity_cut_pct"] = 0.0
        else:
            out["austerity_cut_pct"] = round(100.0 - float(self.budget_level_pct), 10)
        return out
