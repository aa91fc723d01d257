"""The scenario engine: 100,000 Monte Carlo draws, every indicator 2010–2030, target probabilities.

Target (issue 5): under one second on a 2-core machine. Inputs (baseline,
plan, scenario) are read once in setup: the case times the engine, not file I/O.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.harness import Case

DRAWS = 100_000
_state: dict = {}


def _setup() -> None:
    if _state:
        return
    from khcn_analysis.data.baseline import load_observations
    from khcn_analysis.data.build import build_processed
    from khcn_analysis.plan.load import load_plan

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-"))
    build_processed(processed_dir=out)
    _state["observations"] = load_observations(out)
    _state["plan"] = load_plan()


def _monte_carlo(name: str) -> None:
    from khcn_analysis.judge.probabilities import target_probabilities
    from khcn_analysis.model.uncertainty import run_uncertainty

    plan = _state["plan"]
    result = run_uncertainty(name, draws=DRAWS, seed=1, observations=_state["observations"], plan=plan,
                             judge_draws=lambda sims, years: target_probabilities(sims, years, plan))
    assert len(result.probabilities) > 0 and len(result.bands) > 0


def _project_all() -> None:
    from khcn_analysis.judge.attainment import attainment
    from khcn_analysis.model.projection import project
    from khcn_analysis.model.scenarios import list_scenarios

    for sc in list_scenarios():
        attainment(project(sc, observations=_state["observations"], plan=_state["plan"]), national=False)


def cases() -> list[Case]:
    return [
        Case("engine: 100,000 draws × 21 years, plan_as_written (bands + target probabilities)",
             lambda: _monte_carlo("plan_as_written"), repeat=5, setup=_setup, note="target < 1 s on 2 cores"),
        Case("engine: 100,000 draws × 21 years, meet_targets", lambda: _monte_carlo("meet_targets"),
             repeat=5, setup=_setup, note="target < 1 s on 2 cores"),
        Case("engine: deterministic projection + attainment, all 5 scenarios", _project_all,
             repeat=5, setup=_setup),
    ]
