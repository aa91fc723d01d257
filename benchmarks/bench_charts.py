"""The house charts: the standard set from five judged runs, and one chart written to files.

What a report page or ``khcn charts`` pays for its charts once the runs exist: building
the seven figures (titles from the judge's rows, legends fitted, labels placed), and
writing one chart as PNG (300 dpi) and SVG. The runs are made once in setup.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.harness import Case

_state: dict = {}


def _setup() -> None:
    if _state:
        return
    from khcn_analysis import pipeline
    from khcn_analysis.data.build import build_processed
    from khcn_analysis.model.scenarios import list_scenarios

    out = Path(tempfile.mkdtemp(prefix="khcn-bench-charts-"))
    build_processed(processed_dir=out)
    inputs = pipeline.load_inputs(out)
    scenarios = sorted(list_scenarios(), key=lambda sc: sc.name != "plan_as_written")
    first = pipeline.run(scenarios[0], inputs=inputs, uncertainty=True, draws=1000, seed=1, tornado=True)
    _state["runs"] = [first, *pipeline.run_many(scenarios[1:], inputs=inputs, national=False)]
    _state["out"] = Path(tempfile.mkdtemp(prefix="khcn-bench-chart-files-"))


def _standard_set() -> None:
    from khcn_analysis.present import charts

    figs = charts.standard_charts(_state["runs"], lang="vi", size="slide")
    assert len(figs) == 7


def _one_chart_to_files() -> None:
    from khcn_analysis.present import charts

    fig = charts.funding_sufficiency_chart(_state["runs"], lang="vi")
    charts.save_figure(fig, _state["out"] / "chart", formats=("png", "svg"))


def cases() -> list[Case]:
    return [
        Case("charts: standard set of 7 from 5 judged runs (build only)", _standard_set, repeat=3, setup=_setup),
        Case("charts: one chart built and written as PNG (300 dpi) + SVG", _one_chart_to_files, repeat=3,
             setup=_setup),
    ]
