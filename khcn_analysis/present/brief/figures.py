"""The note's figures: the house charts, each rendered once to PNG at print resolution.

The charts are the standard set's (:mod:`khcn_analysis.present.charts`), drawn from the
same ``Results`` as the rest of the note, rendered as a report page renders them
(:func:`~khcn_analysis.present.charts.png_bytes`: a slide-size chart 2,000 px wide, over
300 dots per inch at the width it takes on the A4 page). So in a batch the note takes
the renders page 03 has just saved (``rendered``, by the page's file stem) instead of
drawing the same charts again; the bytes are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES, YEAR_FIRST, YEAR_LAST

__all__ = ["PRINT_DPI", "BriefFigure", "brief_figures", "render_png"]

#: The least resolution a figure has at its width on the page (a check, see :func:`render_png`).
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
    """The figure as PNG bytes, as a report page renders it; the figure is closed.

    Raises ``ValueError`` if that would give less than :data:`PRINT_DPI` at ``width_in``
    inches (a chart size or page layout changed so far that the page's render no longer prints).
    """
    import matplotlib.pyplot as plt

    from khcn_analysis.present.charts import SCREEN_DPI, png_bytes

    pixels = float(fig.get_figwidth()) * SCREEN_DPI
    if pixels < PRINT_DPI * width_in:
        plt.close(fig)
        raise ValueError(f"a {pixels:.0f} px wide chart gives under {PRINT_DPI} dpi at {width_in:.2f} in")
    png = png_bytes(fig)
    plt.close(fig)
    return png


def _span(lang: str) -> dict[str, object]:
    return {"first": YEAR_FIRST, "last": YEAR_LAST}


def _years_text(years: tuple[int, ...], lang: str) -> str:
    return ", ".join(str(y) for y in years[:-1]) + t("brief.and", lang) + str(years[-1])


#: The file stem report page 03 saves each of the note's single-scenario figures under.
PAGE_STEMS = {"share": "dau-tu-khcn-grdp", "density": "can-bo-nghien-cuu", "sufficiency": "muc-dap-ung-kinh-phi"}


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


def brief_figures(results_list: list[Any], lang: str, width_in: float,
                  rendered: Mapping[str, bytes] | None = None) -> list[BriefFigure]:
    """The note's figures for the scenarios given (the first is the main one).

    ``rendered``: PNG bytes a report page already made of one scenario's charts, by the
    page's file stem (:data:`PAGE_STEMS`); used for a one-scenario note, drawn otherwise.
    """
    reuse = rendered if rendered and len(results_list) == 1 else {}
    figures = []
    for key, draw, caption, variables in _specs(results_list, lang):
        png = reuse.get(PAGE_STEMS.get(key, ""))
        figures.append(BriefFigure(key, png if png is not None else render_png(draw(), width_in), caption, variables))
    return figures
