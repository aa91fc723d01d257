"""What every run reads, read once: the processed baseline, the plans, the source details.

A planner moving a slider in the explorer, or a batch projecting five scenarios,
must not re-read ``data/processed`` each time; :func:`load_inputs` reads it once
and every :func:`~khcn_analysis.pipeline.run` takes the same :class:`Inputs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from khcn_analysis.core import paths
from khcn_analysis.data.assumption_ranges import AssumptionRange, load_assumption_ranges
from khcn_analysis.data.baseline import load_observations, load_processed_table, load_source_details
from khcn_analysis.plan.load import load_national_targets, load_plan
from khcn_analysis.plan.model import Plan

__all__ = ["Inputs", "load_inputs"]


@dataclass(frozen=True)
class Inputs:
    """The validated inputs of a run.

    ``observations``: the processed long table; ``plan``: Plan 182; ``national``:
    the national targets (None when that file is absent); ``sources``: every
    source id with its URL, publisher, quality and quote; ``assumptions``: the
    processed assumptions table (id, value, reason …); ``ranges``: the plausible
    range of each assumption (``data/raw/assumption-ranges.yaml``), which the engine,
    the Monte Carlo and the judge's robust verdicts use.
    """

    observations: pd.DataFrame
    plan: Plan
    national: Plan | None
    sources: pd.DataFrame
    assumptions: pd.DataFrame
    processed_dir: Path
    ranges: tuple[AssumptionRange, ...] = field(default_factory=load_assumption_ranges)


def load_inputs(
    processed_dir: str | Path | None = None,
    *,
    plan_path: str | Path | None = None,
    national_path: str | Path | None = None,
) -> Inputs:
    """Read the processed baseline (``khcn data build`` makes it) and the plans."""
    folder = Path(processed_dir) if processed_dir is not None else paths.require_project(paths.processed_dir())
    national_file = Path(national_path) if national_path is not None else None
    try:
        national = load_national_targets(national_file)
    except FileNotFoundError:
        national = None
    return Inputs(
        observations=load_observations(folder),
        plan=load_plan(plan_path),
        national=national,
        sources=load_source_details(folder),
        assumptions=load_processed_table("assumptions", folder),
        processed_dir=folder,
        ranges=load_assumption_ranges(),
    )
