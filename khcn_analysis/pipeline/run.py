"""The recipe: scenario → projection → verdicts (→ Monte Carlo, tornado when asked)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import numpy as np

from khcn_analysis.core.config import YEARS
from khcn_analysis.judge.attainment import attainment
from khcn_analysis.judge.plausibility import plausibility_warnings
from khcn_analysis.judge.probabilities import target_probabilities
from khcn_analysis.judge.requirements import requirements
from khcn_analysis.judge.sufficiency import sufficiency
from khcn_analysis.model.projection import Projection, project
from khcn_analysis.model.scenarios import Scenario, load_scenario
from khcn_analysis.model.sensitivity import tornado as run_tornado
from khcn_analysis.model.uncertainty import run_uncertainty
from khcn_analysis.pipeline.inputs import Inputs, load_inputs
from khcn_analysis.pipeline.results import Results

__all__ = ["run", "run_many"]


def run(
    scenario: Scenario | str | Path,
    *,
    inputs: Inputs | None = None,
    national: bool = True,
    uncertainty: bool = False,
    draws: int | None = None,
    seed: int | None = None,
    tornado: bool = False,
    tornado_year: int = 2030,
    judge_years: Sequence[int] | None = None,
) -> Results:
    """Project one scenario and judge it against the plan (and the national targets).

    ``scenario`` is a :class:`Scenario`, a shipped name or a scenario file;
    ``inputs`` defaults to :func:`load_inputs` (pass it to run many scenarios on
    one read). ``uncertainty`` adds the seeded Monte Carlo (``draws``/``seed``
    default to the scenario's own) with the judge's target probabilities;
    ``tornado`` adds the one-at-a-time sensitivity in ``tornado_year``.
    ``judge_years`` judges only those years (the explorer, which shows the
    milestones, passes them to answer a slider in a third of the time); the
    projection still covers every year.
    """
    inputs = inputs if inputs is not None else load_inputs()
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    projection = project(sc, observations=inputs.observations, plan=inputs.plan, years=YEARS, ranges=inputs.ranges)
    judged_on = projection if judge_years is None else _only_years(projection, judge_years)
    judged = attainment(judged_on, inputs.plan, national=inputs.national if national else None)
    enough = sufficiency(projection, judge_years)
    yearly, phases = requirements(projection, inputs.plan)
    mc = None
    if uncertainty:
        mc = run_uncertainty(
            sc, observations=inputs.observations, plan=inputs.plan, draws=draws, seed=seed, ranges=inputs.ranges,
            judge_draws=partial(target_probabilities, plan=inputs.plan),
        )
    sens = None
    if tornado:
        sens = run_tornado(sc, observations=inputs.observations, plan=inputs.plan, year=tornado_year,
                           ranges=inputs.ranges)
    return Results(sc, inputs, projection, judged, yearly, phases, mc, sens, list(projection.notes),
                   sufficiency=enough, warnings=plausibility_warnings(projection.table))


def _only_years(projection: Projection, years: Sequence[int]) -> Projection:
    """The projection seen by the judge when only ``years`` are asked for."""
    keep = sorted({int(y) for y in years} & {int(y) for y in projection.years})
    table = projection.table
    return dataclasses.replace(projection, years=np.asarray(keep, dtype=projection.years.dtype),
                               table=table.loc[table["year"].isin(keep)])


def run_many(scenarios: Sequence[Scenario | str | Path], *, inputs: Inputs | None = None,
             **options: object) -> list[Results]:
    """:func:`run` for several scenarios on one read of the inputs (same options for each)."""
    inputs = inputs if inputs is not None else load_inputs()
    return [run(sc, inputs=inputs, **options) for sc in scenarios]  # type: ignore[arg-type]
