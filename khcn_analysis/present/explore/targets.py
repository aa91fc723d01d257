"""The targets as the explorer writes and draws them, taken from the judge's rows.

A thin adapter over the chart set's target model, so the table, the live charts
and the house charts word a target the same way ("5–7 người/vạn dân", "trên 2%")
and a change there reaches the explorer in one place.
"""

from __future__ import annotations

import pandas as pd

from khcn_analysis.present.charts import TargetSpec, target_specs

__all__ = ["TargetSpec", "specs", "target_text"]


def specs(attainment: pd.DataFrame, indicator: str) -> list[TargetSpec]:
    """The province's targets of ``indicator`` in the judge's attainment rows."""
    return target_specs(attainment, indicator)


def target_text(spec: TargetSpec, lang: str, unit: str) -> str:
    """The target level as the plan writes it, in ``lang``."""
    return spec.value_text(lang, unit)
