"""The house style every chart shares, so a slide or a briefing page looks the same everywhere.

A chart is a frame (title that states the finding, subtitle with unit and scenario,
source line built from the plotted values' sources) around one plot area. Sizes fit a
16:9 slide and an A4 page; numbers follow Vietnamese conventions unless English is asked
for; colours are Okabe–Ito so readers with colour-vision deficiency can tell series apart.
Exports are deterministic (same data, same bytes) so regenerated charts do not show up
as spurious changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import Formatter, FuncFormatter, MaxNLocator  # noqa: E402

from khcn_analysis.core.errors import InputError  # noqa: E402
from khcn_analysis.core.formatting import Lang, check_lang, format_number  # noqa: E402

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


@dataclass(frozen=True)
class Size:
    """A chart size in inches with the type sizes that read well at that size."""

    name: str
    width: float
    height: float
    title: float
    subtitle: float
    body: float
    small: float


SIZES: dict[str, Size] = {
    # PowerPoint/Impress 16:9 slide: 13.333 × 7.5 in.
    "slide": Size("slide", 13.333, 7.5, title=21, subtitle=14, body=13, small=10.5),
    # A4 landscape page (297 × 210 mm), so the multi-page PDF prints one chart per sheet.
    "a4": Size("a4", 11.69, 8.27, title=17, subtitle=12, body=11, small=9),
}

FONT = "DejaVu Sans"  # ships with matplotlib and covers every Vietnamese diacritic

RC: dict[str, object] = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT],
    "pdf.fonttype": 42,  # TrueType in PDF: text stays selectable and editable
    "ps.fonttype": 42,
    "svg.fonttype": "none",  # SVG keeps text as text (searchable, editable in slides)
    "svg.hashsalt": "khcn-workbook",  # stable ids: same chart, same bytes
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

# Metadata pinned so exports are byte-for-byte reproducible.
_METADATA: dict[str, dict[str, object]] = {
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": "khcn-workbook"},
    "svg": {"Date": None},
    "png": {"Software": "khcn-workbook"},
}

TEXT: dict[str, dict[str, str]] = {
    "source": {"vi": "Nguồn", "en": "Source"},
    "assumption": {"vi": "giả định", "en": "assumption"},
    "scenario": {"vi": "kịch bản", "en": "scenario"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "year": {"vi": "Năm", "en": "Year"},
}


PLAN_SHORT = {"vi": "Kế hoạch kèm QĐ 182/QĐ-UBND", "en": "Plan attached to Decision 182/QĐ-UBND"}


def t(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def get_size(size: str) -> Size:
    if size not in SIZES:
        raise InputError(None, "size", size, f"one of {', '.join(SIZES)}")
    return SIZES[size]


@contextmanager
def house_style():
    """Apply the house rc settings for the duration of a chart's construction."""
    with plt.rc_context(RC):
        yield


# ---------------------------------------------------------------- number formats


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


def year_axis(ax, years: Iterable[int] | None = None) -> None:
    """Integer years, never '2.015' or '2015.5'."""
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(round(v))}"))
    if years is not None:
        ys = sorted(int(y) for y in years)
        if ys:
            ax.set_xlim(ys[0] - 0.6, ys[-1] + 0.6)


# ---------------------------------------------------------------- the frame


@dataclass
class Frame:
    fig: Figure
    ax: plt.Axes
    size: Size
    lang: Lang


def new_frame(
    *,
    title: str,
    subtitle: str,
    source: str,
    lang: str = "vi",
    size: str = "slide",
    right_margin: float = 0.5,
    left_margin: float = 1.05,
) -> Frame:
    """A figure with title, subtitle and source line placed and the plot area reserved.

    The layout is fixed in inches rather than left to tight_layout, so the title block
    and source line sit at the same place on every chart of a deck.
    """
    lang = check_lang(lang)
    sz = get_size(size)
    with house_style():
        fig = plt.figure(figsize=(sz.width, sz.height))
    fig.set_dpi(100)
    margin = 0.45
    text_width = sz.width - 2 * margin
    title_text = wrap_to_width(fig, title, sz.title, text_width, weight="bold")
    subtitle_text = wrap_to_width(fig, subtitle, sz.subtitle, text_width)
    source_text = wrap_to_width(fig, source, sz.small, text_width)
    top = margin / 2
    fig.text(
        margin / sz.width, 1 - top / sz.height, title_text,
        fontsize=sz.title, fontweight="bold", ha="left", va="top", family=FONT,
    )
    title_h = _lines(title_text) * sz.title * 1.25 / 72
    fig.text(
        margin / sz.width, 1 - (top + title_h + 0.08) / sz.height, subtitle_text,
        fontsize=sz.subtitle, color="#333333", ha="left", va="top", family=FONT,
    )
    sub_h = _lines(subtitle_text) * sz.subtitle * 1.3 / 72
    fig.text(
        margin / sz.width, 0.18 / sz.height, source_text,
        fontsize=sz.small, color=GREY, ha="left", va="bottom", family=FONT,
    )
    src_h = _lines(source_text) * sz.small * 1.3 / 72
    plot_top = top + title_h + 0.08 + sub_h + 0.35
    plot_bottom = 0.18 + src_h + 0.75
    left = left_margin
    rect = (
        left / sz.width,
        plot_bottom / sz.height,
        (sz.width - left - right_margin) / sz.width,
        (sz.height - plot_top - plot_bottom) / sz.height,
    )
    with house_style():
        ax = fig.add_axes(rect)
    ax.tick_params(labelsize=sz.body)
    # Remember the texts so tests and reports can read what the chart claims.
    fig._khcn = {"title": title, "subtitle": subtitle, "source": source}  # type: ignore[attr-defined]
    return Frame(fig, ax, sz, lang)


def wrap_to_width(fig: Figure, text: str, fontsize: float, width_in: float, weight="normal") -> str:
    """Break ``text`` into lines that fit ``width_in`` inches, measured with the real font.

    Character-count wrapping misjudges bold Vietnamese text (wide diacritic letters) and
    lets titles run off the slide; measuring each candidate line does not.
    """
    renderer = fig.canvas.get_renderer()
    probe = fig.text(0, 0, "", fontsize=fontsize, fontweight=weight, family=FONT)
    limit = width_in * fig.dpi
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            probe.set_text(candidate)
            if current and probe.get_window_extent(renderer).width > limit:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    probe.remove()
    return "\n".join(lines)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def chart_texts(fig: Figure) -> dict[str, str]:
    """The title, subtitle and source line a chart was built with."""
    return dict(getattr(fig, "_khcn", {}))


# ---------------------------------------------------------------- sources


def _source_details() -> pd.DataFrame | None:
    try:
        from khcn_analysis.data.baseline import load_source_details
    except ImportError:
        return None
    try:
        return load_source_details()
    except Exception:  # noqa: BLE001 - data not built yet: fall back to the raw ids
        return None


def split_sources(values: Iterable[object]) -> list[str]:
    """The distinct source ids of a ``source`` column (';'-joined), in first-seen order."""
    seen: dict[str, None] = {}
    for value in values:
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        for part in str(value).split(";"):
            part = part.strip()
            if part:
                seen.setdefault(part, None)
    return list(seen)


def source_names(
    ids: Sequence[str], *, lang: Lang = "vi", details: pd.DataFrame | None = None
) -> list[str]:
    """Short publisher names for source ids; an id with no details is shown as itself.

    ``assumption:*`` ids become one "giả định"/"assumption" entry; ``department:*`` ids
    become the department's name. Nothing is dropped: an unknown id stays visible.
    """
    if details is None:
        details = _source_details()
    lookup: dict[str, str] = {}
    if details is not None and len(details):
        name_col = "name" if "name" in details.columns else None
        if name_col:
            lookup = {
                str(i): str(n)
                for i, n in zip(details["id"], details[name_col], strict=False)
                if isinstance(n, str) and n
            }
    names: dict[str, None] = {}
    has_assumption = False
    for sid in ids:
        if sid.startswith(("assumption:", "scenario:")) or sid == "assumption":
            # A scenario's parameters are assumptions too; the subtitle names the scenario.
            has_assumption = True
            continue
        if sid.startswith("plan:"):
            names.setdefault(PLAN_SHORT[lang], None)
            continue
        if sid in lookup:
            names.setdefault(short_publisher(lookup[sid]), None)
        elif sid.startswith("department"):
            names.setdefault("Sở KH&CN Lai Châu" if lang == "vi" else "Lai Châu DOST", None)
        else:
            names.setdefault(sid, None)
    out = list(names)
    if has_assumption:
        out.append(t("assumption", lang))
    return out


def short_publisher(name: str) -> str:
    """'GSO statistical yearbook via GitHub choisy/gso' -> 'GSO statistical yearbook'.

    The chart shows who published a figure; the mirror it was read from stays in the
    Sources table, where the full URL and quote are.
    """
    return name.split(" via ")[0].strip()


MAX_SOURCE_NAMES = 8


def source_line(
    sources: Iterable[object] = (),
    *,
    lang: Lang = "vi",
    statuses: Iterable[object] = (),
    extra: Sequence[str] = (),
    details: pd.DataFrame | None = None,
) -> str:
    """'Nguồn: A; B; giả định' from the plotted rows' source ids and statuses."""
    names = list(extra) + source_names(split_sources(sources), lang=lang, details=details)
    assumed = t("assumption", lang)
    if any(str(s) == "assumption" for s in statuses) and assumed not in names:
        names.append(assumed)
    names = list(dict.fromkeys(names))
    if len(names) > MAX_SOURCE_NAMES:
        # Keep the line readable but say how many were left out and where to find them.
        keep = names[: MAX_SOURCE_NAMES - 1]
        if assumed in names and assumed not in keep:
            keep.append(assumed)
        rest = len(names) - len(keep)
        more = (
            f"và {rest} nguồn khác (xem bảng Nguồn)" if lang == "vi"
            else f"and {rest} more (see the Sources table)"
        )
        names = keep + [more]
    return f"{t('source', lang)}: " + ("; ".join(names) if names else "–")


# ---------------------------------------------------------------- saving


def save_figure(
    fig: Figure,
    out_stem: str | Path,
    formats: Sequence[str] = ("png", "svg", "pdf"),
    dpi: int = 300,
) -> list[Path]:
    """Write ``out_stem.<fmt>`` for each format, reproducibly; return the paths written."""
    out_stem = Path(out_stem)
    out_stem.parent.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    title = chart_texts(fig).get("title")
    for fmt in formats:
        if fmt not in _METADATA:
            raise InputError(None, "formats", fmt, "png, svg or pdf")
        meta = dict(_METADATA[fmt])
        if title and fmt in ("pdf", "svg"):
            meta["Title"] = title
        path = out_stem.with_name(f"{out_stem.name}.{fmt}")
        with house_style():
            fig.savefig(path, format=fmt, dpi=dpi, metadata=meta)
        paths.append(path)
    return paths
