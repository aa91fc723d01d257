"""The one pipeline: load → project → judge, returning a :class:`Results`.

The CLI, every notebook, the explorer, the chart set, the Excel export and the
briefs take their numbers and verdicts from here; none of them reads
``data/processed`` or calls the engine on its own.

>>> from khcn_analysis import pipeline
>>> inputs = pipeline.load_inputs()                    # data/processed + the plan, read once
>>> results = pipeline.run("plan_as_written", inputs=inputs)
>>> results.attainment                                 # the judge's verdicts
"""

from __future__ import annotations

from khcn_analysis.pipeline.baseline import BaselineView, load_baseline
from khcn_analysis.pipeline.inputs import Inputs, load_inputs
from khcn_analysis.pipeline.results import Results
from khcn_analysis.pipeline.run import run, run_many

__all__ = ["BaselineView", "Inputs", "Results", "load_baseline", "load_inputs", "run", "run_many"]
