"""The house-style charts: one module per chart family, loaded when first used.

>>> from khcn_analysis import pipeline
>>> from khcn_analysis.present import charts
>>> run = pipeline.run("plan_as_written")
>>> fig = charts.funding_sufficiency_chart(run, lang="vi")     # Results in, Figure out

Every chart takes a :class:`~khcn_analysis.pipeline.Results` (or several, or the
frames from one) and states the judge's verdicts; none decides "met" itself, reads a
file or runs the engine. Modules:

``style``        palette, sizes, number formats, how statuses and verdicts are drawn
``frame``        title block, source line, plot area, legend that fits the page
``text``         titles' pieces, subtitles, source lines (names from core.provenance)
``inputs``       checked tables; :func:`chart_data` unpacks Results
``targets``      the plan's targets as lines and bands; the judge's milestone verdicts
``lines``        series by status, several scenarios, verdict rings
``budget`` ``indicator`` ``comparison`` ``sufficiency`` ``fan`` ``tornado``   the charts
``chart_set``    the standard set and writing files
``readback``     reading a chart back: verdicts against the judge, text that does not fit

Importing this package costs nothing: matplotlib is imported by the chart modules
when a chart is first asked for, so a report kernel that only computes does not pay
for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE: dict[str, str] = {
    # the charts
    "plan_budget_chart": "budget", "BUDGET_COLUMNS": "budget",
    "indicator_chart": "indicator", "st_investment_share_chart": "indicator",
    "researcher_density_chart": "indicator",
    "scenario_comparison_chart": "comparison",
    "funding_sufficiency_chart": "sufficiency", "SUFFICIENCY_YEARS": "sufficiency",
    "fan_chart": "fan", "percentile_bands": "fan",
    "tornado_chart": "tornado",
    # the set and files
    "CHART_NAMES": "chart_set", "SET_PDF": "chart_set", "standard_charts": "chart_set",
    "save_figure": "chart_set", "write_chart_set": "chart_set", "png_bytes": "chart_set", "SCREEN_DPI": "style",
    # inputs, targets, verdicts
    "ChartData": "inputs", "chart_data": "inputs",
    "TargetSpec": "targets", "target_specs": "targets", "targets_table": "targets",
    "short_clause": "targets", "milestone_verdicts": "targets",
    # style, frame and text, for charts drawn elsewhere in the house style
    "GREY": "style", "HISTORY_COLOUR": "style", "OKABE_ITO": "style", "PALETTE": "style",
    "SIZES": "style", "STATUS_MARKERS": "style", "STATUS_STYLES": "style", "TARGET_COLOUR": "style", "VERDICT_STYLES": "style",
    "house_style": "style", "number_formatter": "style", "year_axis": "style",
    "chart_texts": "frame", "new_frame": "frame",
    "source_line": "text",
    # reading a chart back
    "layout_problems": "readback", "verdict_disagreements": "readback",
}

__all__ = sorted(_WHERE)
#: The chart modules, each loaded when one of its names is first asked for.
MODULES = tuple(sorted(set(_WHERE.values())))


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))


if TYPE_CHECKING:  # for editors and type checkers; nothing is imported at run time
    from khcn_analysis.present.charts.budget import BUDGET_COLUMNS, plan_budget_chart  # noqa: F401
    from khcn_analysis.present.charts.chart_set import (  # noqa: F401
        CHART_NAMES,
        SCREEN_DPI,
        SET_PDF,
        png_bytes,
        save_figure,
        standard_charts,
        write_chart_set,
    )
    from khcn_analysis.present.charts.comparison import scenario_comparison_chart  # noqa: F401
    from khcn_analysis.present.charts.fan import fan_chart, percentile_bands  # noqa: F401
    from khcn_analysis.present.charts.frame import chart_texts, new_frame  # noqa: F401
    from khcn_analysis.present.charts.indicator import (  # noqa: F401
        indicator_chart,
        researcher_density_chart,
        st_investment_share_chart,
    )
    from khcn_analysis.present.charts.inputs import ChartData, chart_data  # noqa: F401
    from khcn_analysis.present.charts.readback import layout_problems, verdict_disagreements  # noqa: F401
    from khcn_analysis.present.charts.style import (  # noqa: F401
        GREY,
        HISTORY_COLOUR,
        OKABE_ITO,
        PALETTE,
        SIZES,
        STATUS_MARKERS,
        STATUS_STYLES,
        TARGET_COLOUR,
        VERDICT_STYLES,
        house_style,
        number_formatter,
        year_axis,
    )
    from khcn_analysis.present.charts.sufficiency import (  # noqa: F401
        SUFFICIENCY_YEARS,
        funding_sufficiency_chart,
    )
    from khcn_analysis.present.charts.targets import (  # noqa: F401
        TargetSpec,
        milestone_verdicts,
        short_clause,
        target_specs,
        targets_table,
    )
    from khcn_analysis.present.charts.text import source_line  # noqa: F401
    from khcn_analysis.present.charts.tornado import tornado_chart  # noqa: F401
