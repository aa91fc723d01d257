"""Former home of the house style, kept as a thin alias while callers move.

The house style now lives in :mod:`khcn_analysis.present.charts` (``style``,
``frame``, ``text``); import from there. This module only re-exports the names the
explorer, the baseline page and the notebook page helper still use.
"""

from __future__ import annotations

from khcn_analysis.present.charts.chart_set import save_figure
from khcn_analysis.present.charts.frame import chart_texts, new_frame
from khcn_analysis.present.charts.style import (
    GREY,
    OKABE_ITO,
    PALETTE,
    SIZES,
    TARGET_COLOUR,
    house_style,
    number_formatter,
    year_axis,
)
from khcn_analysis.present.charts.text import source_line

__all__ = ["GREY", "OKABE_ITO", "PALETTE", "SIZES", "TARGET_COLOUR", "chart_texts", "house_style", "new_frame",
           "number_formatter", "save_figure", "source_line", "year_axis"]
