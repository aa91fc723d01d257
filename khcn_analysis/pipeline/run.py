"""The recipe: scenario → projection → verdicts (→ Monte Carlo, tornado when asked)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from khcn_analysis.core.config import YEARS
from khcn_analysis.judge.attainment import attainment
from khcn_analysis.judge.probabilities import target_probabilities
from khcn_analysis.judge.requirements import requirements
from khcn_analysis.model.projection import project
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
) -> Results:
    """Project one scenario and judge it against the plan (and the national targets).

    ``scenario`` is a :class:`Scenario`, a shipped name or a scenario file;
    ``inputs`` defaults to :func:`load_inputs` (pass it to run many scenarios on
    one read). ``uncertainty`` adds the seeded Monte Carlo (``draws``/``seed``
    default to the scenario's own) with the judge's target probabilities;
    ``tornado`` adds the one-at-a-time sensitivity in ``tornado_year``.
    """
    inputs = inputs if inputs is not None else load_inputs()
    sc = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    projection = project(sc, observations=inputs.observations, plan=inputs.plan, years=YEARS)
    judged = attainment(projection, inputs.plan, national=inputs.national if national else None)
    yearly, phases = requirements(projection, inputs.plan)
    mc = None
    if uncertainty:
        mc = run_uncertainty(
            sc, observations=inputs.observations, plan=inputs.plan, draws=draws, seed=seed,
            judge_draws=partial(target_probabilities, plan=inputs.plan),
        )
    sens = None
    if tornado:
        sens = run_tornado(sc, observations=inputs.observations, plan=inputs.plan, year=tornado_year)
    return Results(sc, inputs, projection, judged, yearly, phases, mc, sens, list(projection.notes))


def run_many(scenarios: Sequence[Scenario | str | Path], *, inputs: Inputs | None = None,
             **options: object) -> list[Results]:
    """:func:`run` for several scenarios on one read of the inputs (same options for each)."""
    inputs = inputs if inputs is not None else load_inputs()
    return [run(sc, inputs=inputs, **options) for sc in scenarios]  # type: ignore[arg-type]
