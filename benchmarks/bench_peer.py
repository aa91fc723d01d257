"""The Monte Carlo engine against EMA Workbench, on the same model and parameter sets.

EMA Workbench (the `ema-workbench` package, `make bench` installs it) is the usual
Python tool for exploratory modelling: it calls a model function once per parameter
set. Here that function is our own engine for one parameter set
(:func:`khcn_analysis.model.projection.simulate` with arrays of one draw), wrapped as an EMA
``Model``; EMA's ``SequentialEvaluator`` runs it over 10,000 parameter sets, fed as EMA
``Scenario`` objects holding exactly the values our engine draws (``plan_as_written``'s
distributions, seed 1). Our engine runs the same 10,000 sets in one vectorized call.
Setup checks the two give the same numbers (``numpy.allclose`` on every outcome, every
year, every set) before anything is timed; the ratio of the two medians of this run is
written under "Extra figures". A plain Python loop over the same per-set function,
without EMA, separates EMA's own overhead from the cost of calling the model 10,000 times.
"""

from __future__ import annotations

import logging
import tempfile
import warnings
from pathlib import Path

import numpy as np

from benchmarks.harness import Case, Result

DRAWS = 10_000
SEED = 1
SCENARIO = "plan_as_written"
#: What EMA collects per run: four indicators with targets, every year 2010–2030.
OUTCOMES = ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
            "funding_sufficiency")
ENGINE = f"engine: {DRAWS:,} parameter sets, one vectorized call"
EMA = f"EMA Workbench {DRAWS:,} parameter sets, SequentialEvaluator"
LOOP = f"plain Python loop: {DRAWS:,} calls of the per-set model"
_state: dict = {}


def _setup() -> None:
    if _state:
        return
    from khcn_analysis.data.baseline import load_observations
    from khcn_analysis.data.build import build_processed
    from khcn_analysis.model.projection import prepare
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.model.uncertainty import draw_parameters
    from khcn_analysis.plan.load import load_plan

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-"))
    build_processed(processed_dir=out)
    inputs = prepare(load_scenario(SCENARIO), load_observations(out), load_plan())
    params = draw_parameters(inputs, DRAWS, SEED)
    # Every drawn value is a parameter of the per-set model: the scenario's uncertain parameters and
    # the plausible values of the history cells the engine draws too (one history, issue 13).
    _state.update(inputs=inputs, params=params, keys=tuple(params))
    _state["ema"] = _ema_setup()
    ours = _engine()
    theirs = _ema()
    for name in OUTCOMES:
        if theirs[name].shape != ours[name].shape:
            raise AssertionError(f"{name}: EMA shape {theirs[name].shape}, engine {ours[name].shape}")
        if not np.allclose(theirs[name], ours[name], rtol=1e-12, atol=0, equal_nan=True):
            worst = np.nanmax(np.abs(theirs[name] - ours[name]))
            raise AssertionError(f"{name}: EMA and the engine differ (largest difference {worst:g})")
    _state["checked"] = f"{len(OUTCOMES)} outcomes × {ours[OUTCOMES[0]].shape[1]} years × {DRAWS:,} sets"


def _one_set(**values: float) -> dict[str, np.ndarray]:
    """The engine for one parameter set: EMA's model function."""
    from khcn_analysis.model.projection import simulate

    sims = simulate(_state["inputs"], {k: np.array([values[k]], dtype=float) for k in _state["keys"]})
    return {name: sims[name][0] for name in OUTCOMES}


def _ema_setup():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "ipyparallel not installed": not used here
        from ema_workbench import ArrayOutcome, Model, RealParameter, Scenario

    logging.getLogger("EMA").setLevel(logging.WARNING)
    params = _state["params"]
    model = Model("khcn", function=_one_set)
    uncertainties = []
    for key in _state["keys"]:
        lo, hi = float(params[key].min()), float(params[key].max())
        if hi <= lo:  # a parameter the scenario holds fixed: EMA needs a non-empty range
            lo, hi = lo - 1.0, hi + 1.0
        uncertainties.append(RealParameter(key, lo, hi))
    model.uncertainties = uncertainties
    model.outcomes = [ArrayOutcome(name) for name in OUTCOMES]
    scenarios = [Scenario(f"s{i}", **{k: float(params[k][i]) for k in _state["keys"]}) for i in range(DRAWS)]
    return model, scenarios


def _engine() -> dict[str, np.ndarray]:
    from khcn_analysis.model.projection import simulate

    sims = simulate(_state["inputs"], _state["params"])
    return {name: sims[name] for name in OUTCOMES}


def _ema() -> dict[str, np.ndarray]:
    from ema_workbench import SequentialEvaluator, perform_experiments

    model, scenarios = _state["ema"]
    # log_progress=True: progress goes to EMA's logger (silenced above), not a tqdm bar on stderr.
    experiments, outcomes = perform_experiments(model, scenarios=scenarios, evaluator=SequentialEvaluator(model),
                                                log_progress=True)
    order = [int(str(name)[1:]) for name in experiments["scenario"]]
    if order != list(range(DRAWS)):  # outcomes must line up with our draws, row for row
        idx = np.argsort(order)
        return {name: np.asarray(outcomes[name])[idx] for name in OUTCOMES}
    return {name: np.asarray(outcomes[name]) for name in OUTCOMES}


def _loop() -> None:
    params, keys = _state["params"], _state["keys"]
    for i in range(DRAWS):
        _one_set(**{k: float(params[k][i]) for k in keys})


def cases() -> list[Case]:
    return [
        Case(ENGINE, _engine, repeat=5, setup=_setup,
             note=f"{SCENARIO}, seed {SEED}; outcomes checked equal to EMA's first"),
        Case(EMA, _ema, repeat=3, setup=_setup, warmup=False,
             note="the same engine per set, wrapped as an EMA Model; same parameter sets"),
        Case(LOOP, _loop, repeat=1, setup=_setup, warmup=False,
             note="no EMA: the cost of 10,000 calls alone"),
    ]


def extra_lines(results: dict[str, Result]) -> list[str]:
    engine, ema, loop = results[ENGINE].median, results[EMA].median, results[LOOP].median
    return [
        f"- EMA Workbench / engine, {DRAWS:,} parameter sets ({SCENARIO}): "
        f"**{ema / engine:,.0f}×** ({ema:.3f} s against {engine:.4f} s, medians of this run); "
        f"results checked equal with `numpy.allclose` (rtol 1e-12): {_state.get('checked', '?')}.",
        f"- Of EMA's time, {loop:.3f} s ({loop / ema:.0%}) is calling the per-set model 10,000 times "
        f"in a plain loop; the rest ({max(ema - loop, 0):.3f} s) is EMA's own bookkeeping.",
    ]
