"""One Monte Carlo run in a process of its own, so that its memory can be read from outside.

``python benchmarks/child_monte_carlo.py PROCESSED_DIR DRAWS`` runs the uncertainty
engine for ``plan_as_written`` (bands and target probabilities, seed 1) and prints one
JSON line: the seconds of the engine call alone, and the process's resident peak
(``VmHWM``) before the call, i.e. what the interpreter, the libraries and the inputs
take. The parent (:mod:`benchmarks.bench_memory`) reads the peak of the whole process
from outside.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def resident_peak_mib() -> float:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str]) -> int:
    processed, draws = Path(argv[0]), int(argv[1])
    from khcn_analysis.data.baseline import load_observations
    from khcn_analysis.judge.probabilities import target_probabilities
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.model.uncertainty import run_uncertainty
    from khcn_analysis.plan.load import load_plan

    observations, plan = load_observations(processed), load_plan()
    scenario = load_scenario("plan_as_written")
    before = resident_peak_mib()
    start = time.perf_counter()
    result = run_uncertainty(scenario, draws=draws, seed=1, observations=observations, plan=plan,
                             judge_draws=lambda sims, years: target_probabilities(sims, years, plan))
    seconds = time.perf_counter() - start
    if result.draws != draws or len(result.bands) == 0 or len(result.probabilities) == 0:
        raise SystemExit(f"the engine returned {result.draws} draws, {len(result.bands)} band rows")
    print(json.dumps({"seconds": seconds, "before_engine_mib": before, "draws": draws}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
