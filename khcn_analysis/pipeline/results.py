"""Everything one scenario's run produces, for presentation to receive as is."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from khcn_analysis.judge.plausibility import WARNING_COLUMNS
from khcn_analysis.model.projection import Projection
from khcn_analysis.model.scenarios import Scenario
from khcn_analysis.model.uncertainty import UncertaintyResult
from khcn_analysis.pipeline.inputs import Inputs
from khcn_analysis.plan.model import Plan

__all__ = ["Results"]


@dataclass
class Results:
    """One scenario, projected and judged.

    ``projection``: the long table and arrays of the engine; ``attainment``: the
    judge's verdict for every target and year; ``requirements`` and ``phases``:
    what the targets need, yearly and per plan phase; ``uncertainty`` and
    ``tornado``: present when the run asked for them; ``sufficiency``: the judge's
    funding verdict at the milestone years (or the years the run judged).
    """

    scenario: Scenario
    inputs: Inputs
    projection: Projection
    attainment: pd.DataFrame
    requirements: pd.DataFrame
    phases: pd.DataFrame
    uncertainty: UncertaintyResult | None = None
    tornado: pd.DataFrame | None = None
    notes: list[str] = field(default_factory=list)
    #: Projected series far outside the plausible range (:mod:`khcn_analysis.judge.plausibility`):
    #: every output that shows the numbers shows these warnings with them.
    warnings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=WARNING_COLUMNS))
    sufficiency: pd.DataFrame | None = None

    @property
    def plan(self) -> Plan:
        return self.inputs.plan

    @property
    def table(self) -> pd.DataFrame:
        """The projection's long table (``model, scenario, region, variable, unit, year, value, status, source``)."""
        return self.projection.table

    @property
    def sources(self) -> pd.DataFrame:
        return self.inputs.sources

    def value(self, variable: str, year: int) -> float:
        return self.projection.value(variable, year)

    @property
    def central(self) -> dict[str, float]:
        """The central parameter values the run used (a ``latest_trend`` growth resolved to its rate)."""
        return {key: float(value) for key, value in self.projection.inputs.central.items()}
