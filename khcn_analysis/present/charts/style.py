"""The house style every chart shares: palette, sizes, fonts, number formats, status marks.

Sizes fit a 16:9 slide and an A4 page; numbers follow Vietnamese conventions unless
English is asked for; colours are Okabe–Ito so readers with colour-vision deficiency
can tell series apart. How a value's status (observed, interpolated, projected …)
and a verdict (met, not met …) are drawn is a table here, so a new status is one
entry, not a new branch in every chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg", force=False)

from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator  # noqa: E402

from khcn_analysis.core.errors import InputError  # noqa: E402
from khcn_analysis.core.formatting import Lang, format_number  # noqa: E402

__all__ = [
    "DEFAULT_STATUS_STYLE", "DEFAULT_VERDICT_STYLE", "FONT", "GREY", "HISTORY_COLOUR", "OKABE_ITO",
    "PALETTE", "RC", "SAVE_METADATA", "SIZES", "STATUS_MARKERS", "STATUS_STYLES", "TARGET_COLOUR", "VERDICT_STYLES",
    "NumberFormatter", "Size", "StatusStyle", "VerdictStyle", "get_size", "house_style",
    "min_decimals", "number_formatter", "status_style", "text_on", "verdict_style", "year_axis",
]

# Okabe & Ito (2008), "Color Universal Design": distinguishable under the common forms of
# colour-vision deficiency and in greyscale print.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
# Series colours; vermillion is kept for targets so a scenario line is never read as one.
PALETTE: list[str] = [c for k, c in OKABE_ITO.items() if k != "vermillion"]
GREY = "#6E6E6E"
TARGET_COLOUR = OKABE_ITO["vermillion"]
HISTORY_COLOUR = "#222222"


@dataclass(frozen=True)
class Size:
    """A chart size in inches with the type sizes that read well at that size.

    ``legend_width``: the widest a legend column may be (labels wrap to it), so a long
    scenario title wraps instead of running off a slide ("Chi KH&CN giữ tỷ lệ so với G…").
    """

    name: str
    width: float
    height: float
    title: float
    subtitle: float
    body: float
    small: float
    legend_width: float


SIZES: dict[str, Size] = {
    # PowerPoint/Impress 16:9 slide: 13.333 × 7.5 in.
    "slide": Size("slide", 13.333, 7.5, title=21, subtitle=14, body=13, small=10.5, legend_width=3.0),
    # A4 landscape page (297 × 210 mm), so the multi-page PDF prints one chart per sheet.
    "a4": Size("a4", 11.69, 8.27, title=17, subtitle=12, body=11, small=9, legend_width=2.6),
}

FONT = "DejaVu Sans"  # ships with matplotlib and covers every Vietnamese diacritic

RC: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "pdf.fonttype": 42,  # TrueType in PDF: text stays selectable and editable
    "ps.fonttype": 42,
    "svg.fonttype": "none",  # SVG keeps text as text (searchable, editable in slides)
    "svg.hashsalt": "khcn-workbook",  # stable ids: same chart, same bytes
    # Glyphs unhinted: at 150 dpi and more the text looks the same, and laying it out takes
    # about 40% less time than with FreeType's autohinter (matplotlib's default); a chart
    # renders 13-17% faster. Widths are measured under the same setting, so wrapping fits.
    "text.hinting": "no_hinting",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.8,
    "axes.edgecolor": "#555555",
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "savefig.facecolor": "white",
    "figure.facecolor": "white",
}

#: Resolution of a chart shown on a report page and embedded in the Word brief: a slide-size
#: chart is 2,000 px wide, more than 300 dpi at the width the brief gives it on A4. One
#: resolution for both, so the page's render is the brief's figure (drawn once per batch page).
#: Charts are also laid out at it (their figures' dpi): the text measured to place titles,
#: labels and legends is then the text the render draws, measured once, not again at 100 dpi.
SCREEN_DPI = 150

#: Metadata pinned so exports are byte-for-byte reproducible.
SAVE_METADATA: dict[str, dict[str, object]] = {
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": "khcn-workbook"},
    "svg": {"Date": None},
    "png": {"Software": "khcn-workbook"},
}


def get_size(size: str) -> Size:
    if size not in SIZES:
        raise InputError(None, "size", size, f"one of {', '.join(SIZES)}")
    return SIZES[size]


@contextmanager
def house_style():
    """Apply the house rc settings for the duration of a chart's construction."""
    with matplotlib.rc_context(RC):
        yield


# ---------------------------------------------------------------- value statuses and verdicts


@dataclass(frozen=True)
class StatusStyle:
    """How a value of one status is drawn.

    ``marker``/``filled``: the point's mark (None: no mark); ``modelled``: the line into
    and out of the point is dashed, because the number is a model's (a projection, a
    back-cast or a scenario's rewrite of the past), not a record.
    """

    marker: str | None
    filled: bool
    modelled: bool


#: Every value status a chart accepts (the ``status`` column); a new status is one entry.
STATUS_STYLES: dict[str, StatusStyle] = {
    "observed": StatusStyle("o", True, False),
    "derived": StatusStyle("D", True, False),
    "interpolated": StatusStyle("o", False, False),
    "assumption": StatusStyle("s", False, False),
    "back-cast": StatusStyle("v", False, True),
    "counterfactual": StatusStyle("^", False, True),
    "projected": StatusStyle(None, False, True),
}
DEFAULT_STATUS_STYLE = StatusStyle("X", False, True)
#: The same marks in the older ``{"marker", "fill"}`` form (the baseline page draws with it).
STATUS_MARKERS: dict[str, dict[str, object]] = {
    status: {"marker": st.marker, "fill": st.filled} for status, st in STATUS_STYLES.items() if st.marker
}


def status_style(status: str) -> StatusStyle:
    return STATUS_STYLES.get(status, DEFAULT_STATUS_STYLE)


@dataclass(frozen=True)
class VerdictStyle:
    """The ring drawn around a value the judge ruled on, in the verdict's colour."""

    colour: str
    marker: str


#: The judge's verdicts (attainment ``status``) as chart marks; a new verdict is one entry.
VERDICT_STYLES: dict[str, VerdictStyle] = {
    "met": VerdictStyle(OKABE_ITO["green"], "o"),
    "not_met": VerdictStyle(OKABE_ITO["vermillion"], "o"),
    "not_computable": VerdictStyle(GREY, "o"),
}
DEFAULT_VERDICT_STYLE = VerdictStyle(OKABE_ITO["purple"], "o")


def verdict_style(status: str) -> VerdictStyle:
    return VERDICT_STYLES.get(status, DEFAULT_VERDICT_STYLE)


# ---------------------------------------------------------------- number formats and axes


class NumberFormatter(Formatter):
    """Tick labels with the reader's decimal and thousands marks (1,5 / 12.345).

    All ticks of an axis get the same number of decimals (0,5 / 1,0 / 1,5, not
    0,5 / 1 / 1,5), the fewest that tell them apart.
    """

    def __init__(self, lang: Lang, decimals: int | None = None, suffix: str = "") -> None:
        self.lang = lang
        self.decimals = decimals
        self.suffix = suffix
        self._auto = 0

    def set_locs(self, locs) -> None:
        super().set_locs(locs)
        self._auto = max((min_decimals(v) for v in locs), default=0)

    def __call__(self, value: float, pos: object = None) -> str:
        d = self.decimals if self.decimals is not None else self._auto
        return format_number(value, d, self.lang) + self.suffix


def number_formatter(lang: Lang, decimals: int | None = None, suffix: str = "") -> NumberFormatter:
    return NumberFormatter(lang, decimals, suffix)


def min_decimals(value: float, most: int = 3) -> int:
    """Fewest decimals that show ``value`` exactly (to ``most`` places): 0.5 → 1, 2.0 → 0."""
    for d in range(most + 1):
        if abs(round(float(value), d) - float(value)) < 1e-9 * max(1.0, abs(float(value))):
            return d
    return most


def year_axis(ax, years: Iterable[int] | None = None, *, right_pad: float = 0.6) -> None:
    """Integer years, never '2.015' or '2015.5'."""
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(round(v))}"))
    if years is not None:
        ys = sorted(int(y) for y in years)
        if ys:
            ax.set_xlim(ys[0] - 0.6, ys[-1] + right_pad)


def text_on(colour: str) -> str:
    """Black or white text, whichever reads better on the given fill."""
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"
