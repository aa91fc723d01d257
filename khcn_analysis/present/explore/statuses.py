"""How the explorer shows where a number comes from and what the judge said.

The live charts drew every non-projected value as "số liệu" (data), so the
*assumed* 2011 researcher density looked recorded. A value's look now comes from
the workbook's one status table, :data:`khcn_analysis.present.charts.style.STATUS_STYLES`
(its mark, and whether the number is a model's); this module only adds what a
screen preview and an HTML table need on top of it, by rule rather than by a second
table: a value that is not recorded is *assumed* (amber, dotted, hatched bar,
"giả định" in the table), a projection is the scenario's colour. A status the
table does not know is drawn as an assumption: a number of unknown origin must
never look recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from khcn_analysis.core.catalogue.status import value_status_label
from khcn_analysis.present.charts.style import HISTORY_COLOUR, OKABE_ITO, PALETTE
from khcn_analysis.present.charts.style import STATUS_STYLES as CHART_STATUS_STYLES

__all__ = ["RECORDED", "VERDICT_STYLES", "Look", "VerdictStyle", "status_label", "status_style"]

#: Statuses of recorded numbers (observed, or computed from observed ones).
RECORDED = ("observed", "interpolated", "derived")
ASSUMED = OKABE_ITO["orange"]
PROJECTED = "projected"


@dataclass(frozen=True)
class Look:
    """The look of one value status on the page.

    ``colour``/``line``/``marker``/``filled``: the chart series; ``hatch``: a bar of
    that status (None: a solid bar); ``assumed``: not recorded, and not a projection.
    """

    colour: str
    line: object
    marker: str
    filled: bool
    hatch: str | None
    assumed: bool


def status_style(status: str) -> Look:
    """The look of ``status``: the charts' mark and line, the explorer's colour and hatch."""
    known = status in CHART_STATUS_STYLES
    chart = CHART_STATUS_STYLES.get(status if known else "assumption")
    recorded = status in RECORDED
    projected = status == PROJECTED
    assumed = not recorded and not projected
    if projected:
        colour, line, hatch = PALETTE[0], (0, (5, 2.5)), "///"
    elif assumed:
        colour, line, hatch = ASSUMED, ":" if not chart.modelled else (0, (2, 2)), "..."
    else:
        colour, line, hatch = HISTORY_COLOUR, "-", None
    return Look(colour, line, chart.marker or "", chart.filled, hatch, assumed)


def status_label(status: str, lang: str, *, lower: bool = False) -> str:
    """The reader's word for a value status (``status.*``, else the id)."""
    return value_status_label(status, lang, lower=lower)


@dataclass(frozen=True)
class VerdictStyle:
    """A verdict as an HTML badge and a chart label: symbol, text colour, background.

    Darker than the chart marks' green and vermillion: these colours carry text.
    """

    symbol: str
    colour: str
    background: str


#: The judge's verdict (``met`` / ``not_met`` / ``undetermined`` / ``not_computable``) → its badge.
VERDICT_STYLES: dict[str, VerdictStyle] = {
    "met": VerdictStyle("✓", "#00734F", "#E3F4EC"),
    "not_met": VerdictStyle("✗", "#A33F00", "#FBE5D8"),
    "undetermined": VerdictStyle("?", "#6B3F8F", "#EFE6F6"),
    "not_computable": VerdictStyle("", "#555555", "#F2F2F2"),
}
NEUTRAL = "#333333"
