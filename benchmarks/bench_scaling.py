"""How the engine's cost grows with the number of Monte Carlo draws: 1,000 to 1,000,000.

The whole uncertainty run of ``plan_as_written`` (draw the parameters, simulate every
indicator 2010–2030, percentile bands, target probabilities), inputs read once in setup.
Cost should grow about linearly once fixed costs are paid; "Extra figures" gives the
time per 1,000 draws at each size and the growth exponent between sizes.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from benchmarks.harness import Case, Result

SCENARIO = "plan_as_written"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
#: Timed runs per size: small for the slow sizes so `make bench` stays within minutes.
REPEATS = {1_000: 7, 10_000: 5, 100_000: 3, 1_000_000: 2}
_state: dict = {}


def _name(draws: int) -> str:
    return f"engine scaling: {draws:,} draws × 21 years ({SCENARIO})"


def _setup() -> None:
    if _state:
        return
    from khcn_analysis.data.baseline import load_observations
    from khcn_analysis.data.build import build_processed
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.plan.load import load_plan

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-"))
    build_processed(processed_dir=out)
    _state.update(observations=load_observations(out), plan=load_plan(), scenario=load_scenario(SCENARIO))


def _run(draws: int) -> None:
    from khcn_analysis.model.uncertainty import run_uncertainty

    result = run_uncertainty(_state["scenario"], draws=draws, seed=1, observations=_state["observations"],
                             plan=_state["plan"])
    assert result.draws == draws and len(result.bands) > 0


def cases() -> list[Case]:
    return [
        Case(_name(n), (lambda n=n: _run(n)), repeat=REPEATS[n], setup=_setup, warmup=n < 1_000_000,
             note="bands + target probabilities")
        for n in SIZES
    ]


def extra_lines(results: dict[str, Result]) -> list[str]:
    lines = []
    previous = None
    for n in SIZES:
        r = results[_name(n)]
        text = f"- {n:,} draws: {r.median / n * 1000 * 1000:.2f} ms per 1,000 draws, peak {r.peak_mib:,.0f} MiB"
        if previous is not None:
            pn, pr = previous
            exponent = math.log(r.median / pr.median) / math.log(n / pn)
            text += f"; time grows as draws^{exponent:.2f} from {pn:,}"
        lines.append(text)
        previous = (n, r)
    return lines
