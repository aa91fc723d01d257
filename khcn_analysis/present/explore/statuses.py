"""How the explorer shows where a number comes from and what the judge said: one table each.

The live charts drew every non-projected value as "số liệu" (data), so the
*assumed* 2011 researcher density looked recorded. Now a value's status picks its
look from :data:`STATUS_STYLES` (line, marker, colour, and whether it is an
assumption) and its words from the catalogue; the table and the charts use the
same entry. A status the table does not know yet is shown as an assumption: a
number of unknown origin must never look recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.present.chart_style import GREY, OKABE_ITO, PALETTE

__all__ = ["STATUS_STYLES", "VERDICT_STYLES", "StatusStyle", "VerdictStyle", "status_label", "status_style"]

RECORDED = "#222222"
ASSUMED = OKABE_ITO["orange"]


@dataclass(frozen=True)
class StatusStyle:
    """The look of one value status.

    ``colour``/``line``/``marker``/``filled``: the chart series; ``hatch``: a bar of
    that status; ``assumed``: the value is not recorded (a reader must see so).
    """

    colour: str
    line: object
    marker: str
    filled: bool
    hatch: str | None
    assumed: bool


#: Value status (the ``status`` column, or a verdict's ``grade``) → its look.
STATUS_STYLES: dict[str, StatusStyle] = {
    "observed": StatusStyle(RECORDED, "-", "o", True, None, False),
    "interpolated": StatusStyle(RECORDED, "-", "o", False, None, False),
    "derived": StatusStyle(RECORDED, "-", "s", True, None, False),
    "assumption": StatusStyle(ASSUMED, ":", "D", False, "...", True),
    "back-cast": StatusStyle(GREY, ":", "v", False, "xx", True),
    "counterfactual": StatusStyle(OKABE_ITO["purple"], "-.", "P", False, "\\\\", True),
    "projected": StatusStyle(PALETTE[0], (0, (5, 2.5)), "", False, "///", False),
}


def status_style(status: str) -> StatusStyle:
    return STATUS_STYLES.get(status, STATUS_STYLES["assumption"])


def status_label(status: str, lang: str, *, lower: bool = False) -> str:
    """The reader's word for a value status (``status.*``, else the explorer's own, else the id)."""
    key = next((k for k in (f"status.{status}", f"explore.status.{status}") if has(k)), None)
    text = t(key, lang) if key else status
    return text[:1].lower() + text[1:] if lower else text


@dataclass(frozen=True)
class VerdictStyle:
    """The badge of a verdict: symbol, text colour, background."""

    symbol: str
    colour: str
    background: str


#: The judge's verdict (``met`` / ``not_met`` / ``not_computable``) → its badge.
VERDICT_STYLES: dict[str, VerdictStyle] = {
    "met": VerdictStyle("✓", "#00734F", "#E3F4EC"),
    "not_met": VerdictStyle("✗", "#A33F00", "#FBE5D8"),
    "not_computable": VerdictStyle("", "#555555", "#F2F2F2"),
}
NEUTRAL = "#333333"
