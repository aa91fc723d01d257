"""Monte Carlo memory, measured from outside the process: 10,000 to 1,000,000 draws.

Each run is a fresh process (:mod:`benchmarks.child_monte_carlo`: the whole uncertainty
run of ``plan_as_written`` with bands and target probabilities, seed 1); a small waiter
process (:mod:`benchmarks.rss_waiter`) reads its peak resident set size with ``os.wait4``
once it ends. That counts
everything the process held (interpreter, libraries, inputs, numpy's buffers, whatever
its allocator pools kept), which ``tracemalloc`` in the other cases does not. The time
shown is the engine call alone, by the child's clock. Goal (issue 16.2): 1,000,000 draws
peak under 500 MB resident.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from benchmarks.harness import Case, Result, run_child

SIZES = (10_000, 100_000, 1_000_000)
REPEATS = 3
CHILD = str(Path(__file__).with_name("child_monte_carlo.py"))
_state: dict = {}


def name(draws: int) -> str:
    return f"Monte Carlo in its own process: {draws:,} draws (plan_as_written), resident peak"


def _setup() -> None:
    if _state:
        return
    from khcn_analysis.data.build import build_processed

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-memory-"))
    build_processed(processed_dir=out)
    _state["processed"] = out


def _run(draws: int):
    return run_child([CHILD, str(_state["processed"]), str(draws)])


def cases() -> list[Case]:
    return [
        Case(name(n), (lambda n=n: _run(n)), repeat=REPEATS, setup=_setup, warmup=False,
             note="a fresh process per run; peak read from outside (os.wait4); time = engine call")
        for n in SIZES
    ]


def extra_lines(results: dict[str, Result]) -> list[str]:
    lines = []
    previous = None
    for n in SIZES:
        r = results.get(name(n))
        if r is None or not r.peaks_mib:
            continue
        before = min(run["before_engine_mib"] for run in r.runs)
        text = (f"- {n:,} draws: resident peak {min(r.peaks_mib):,.0f}–{max(r.peaks_mib):,.0f} MiB over "
                f"{len(r.peaks_mib)} runs ({max(r.peaks_mib) * 2**20 / 1e6:,.0f} MB at most), of which "
                f"{before:,.0f} MiB before the engine ran (interpreter, libraries, inputs); engine "
                f"{r.median:.2f} s")
        if previous is not None:
            pn, pr = previous
            grow = math.log(max(r.peaks_mib) / max(pr.peaks_mib)) / math.log(n / pn)
            text += f"; peak grows as draws^{grow:.2f} from {pn:,}"
        lines.append(text)
        previous = (n, r)
    return lines
