"""The note's figures: the house charts, each rendered once to PNG at print resolution.

The charts are the standard set's (:mod:`khcn_analysis.present.charts`), drawn from the
same ``Results`` as the rest of the note; each is saved once, at the pixel size that
gives 300 dots per inch at the width it takes on the A4 page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES, YEAR_FIRST, YEAR_LAST

__all__ = ["PRINT_DPI", "BriefFigure", "brief_figures", "render_png"]

PRINT_DPI = 300
#: Chart size of the house style used in the note (16:9, the slide size).
CHART_SIZE = "slide"


@dataclass
class BriefFigure:
    """One figure: the PNG, its caption (without the "Hình n." number) and what it plots."""

    key: str
    png: bytes
    caption: str
    variables: tuple[str, ...]


def render_png(fig: Any, width_in: float) -> bytes:
    """The figure as PNG bytes, 300 dpi at ``width_in`` inches wide; the figure is closed."""
    import matplotlib.pyplot as plt

    from khcn_analysis.present.charts import house_style

    dpi = PRINT_DPI * width_in / float(fig.get_figwidth())
    buffer = io.BytesIO()
    with house_style():
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": "khcn-workbook"})
    plt.close(fig)
    return buffer.getvalue()


def _span(lang: str) -> dict[str, object]:
    return {"first": YEAR_FIRST, "last": YEAR_LAST}


def _years_text(years: tuple[int, ...], lang: str) -> str:
    return ", ".join(str(y) for y in years[:-1]) + t("brief.and", lang) + str(years[-1])


def _specs(results_list: list[Any], lang: str) -> list[tuple[str, Callable[[], Any], str, tuple[str, ...]]]:
    """(key, draw, caption, variables) for each figure of the note, in order."""
    from khcn_analysis.present import charts

    main = results_list[0]
    names = [r.scenario.name for r in results_list]
    common = {"lang": lang, "size": CHART_SIZE}
    if len(results_list) > 1:  # the share under every scenario, in place of the main one's alone
        share = ("comparison", lambda: charts.scenario_comparison_chart(
            results_list, "st_investment_share_grdp", scenarios=names, **common),
            t("brief.fig.comparison", lang, **_span(lang)), ("st_investment_share_grdp",))
    else:
        share = ("share", lambda: charts.st_investment_share_chart(main, **common),
                 t("brief.fig.share", lang, **_span(lang)), ("st_investment_share_grdp",))
    specs = [
        share,
        ("density", lambda: charts.researcher_density_chart(main, **common),
         t("brief.fig.density", lang, **_span(lang)), ("researcher_density",)),
        ("sufficiency", lambda: charts.funding_sufficiency_chart(results_list, scenarios=names, **common),
         t("brief.fig.sufficiency", lang, years=_years_text(MILESTONES, lang)), ("funding_sufficiency",)),
    ]
    return specs


def brief_figures(results_list: list[Any], lang: str, width_in: float) -> list[BriefFigure]:
    """The note's figures for the scenarios given (the first is the main one)."""
    return [BriefFigure(key, render_png(draw(), width_in), caption, variables)
            for key, draw, caption, variables in _specs(results_list, lang)]
