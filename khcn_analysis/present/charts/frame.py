"""The frame around every chart: title block, source line, plot area and legend, laid out in inches.

A chart is a title that states the finding, a subtitle with unit and scenario, a
source line, one plot area and (usually) a legend to its right. The layout is fixed
in inches rather than left to ``tight_layout``, so the title block and source line
sit at the same place on every chart of a deck; texts are wrapped by measuring them
with the real font, and the plot area gives way to the legend rather than letting
the legend run off the page (a slide used to clip "Chi KH&CN giữ tỷ lệ so với G…").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.present.charts.style import FONT, GREY, SCREEN_DPI, Size, get_size, house_style

__all__ = ["MARGIN", "Frame", "chart_texts", "new_frame", "place_legend", "wrap_to_width"]

#: Blank border of the page, inches (left/right of the title block and legend).
MARGIN = 0.45
_LEGEND_GAP = 0.25  # inches between the plot area and its legend


@dataclass
class Frame:
    fig: Figure
    ax: Axes
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
    """A figure with title, subtitle and source line placed and the plot area reserved."""
    lang = check_lang(lang)
    sz = get_size(size)
    with house_style():
        # Not through pyplot: a chart is an object to show or save, never a window that
        # inline backends show again at the end of a cell.
        fig = Figure(figsize=(sz.width, sz.height), dpi=SCREEN_DPI)
        FigureCanvasAgg(fig)
    # A little short of the full width: glyph widths change with the output resolution.
    text_width = (sz.width - 2 * MARGIN) * 0.97
    renderer = fig.canvas.get_renderer()
    x = MARGIN / sz.width

    def bottom_of(artist) -> float:  # inches from the bottom of the page, measured
        return artist.get_window_extent(renderer).y0 / fig.dpi

    title_artist = fig.text(x, 1 - (MARGIN / 2) / sz.height,
                            wrap_to_width(fig, title, sz.title, text_width, weight="bold"),
                            fontsize=sz.title, fontweight="bold", ha="left", va="top", family=FONT,
                            gid="khcn-title")
    sub_artist = fig.text(x, (bottom_of(title_artist) - 0.1) / sz.height,
                          wrap_to_width(fig, subtitle, sz.subtitle, text_width),
                          fontsize=sz.subtitle, color="#333333", ha="left", va="top", family=FONT,
                          gid="khcn-subtitle")
    source_artist = fig.text(x, 0.18 / sz.height, wrap_to_width(fig, source, sz.small, text_width),
                             fontsize=sz.small, color=GREY, ha="left", va="bottom", family=FONT,
                             gid="khcn-source")
    plot_top = sz.height - bottom_of(sub_artist) + 0.4
    plot_bottom = source_artist.get_window_extent(renderer).y1 / fig.dpi + 0.75
    rect = (
        left_margin / sz.width,
        plot_bottom / sz.height,
        (sz.width - left_margin - right_margin) / sz.width,
        (sz.height - plot_top - plot_bottom) / sz.height,
    )
    with house_style():
        ax = fig.add_axes(rect)
    ax.tick_params(labelsize=sz.body)
    # Remember the texts so tests, reports and the brief can read what the chart claims.
    fig._khcn = {"title": title, "subtitle": subtitle, "source": source}  # type: ignore[attr-defined]
    return Frame(fig, ax, sz, lang)


def wrap_to_width(fig: Figure, text: str, fontsize: float, width_in: float, weight="normal") -> str:
    """Break ``text`` into lines that fit ``width_in`` inches, measured with the real font.

    Character-count wrapping misjudges bold Vietnamese text (wide diacritic letters) and
    lets titles run off the slide; measuring does not. Words are measured once each (a
    line is its words plus its spaces), so a deck of charts costs little to wrap.
    """
    limit = width_in * fig.dpi
    space = _width(" ", fontsize, weight, fig.dpi)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current, used = "", 0.0
        for word in paragraph.split(" "):
            width = _width(word, fontsize, weight, fig.dpi)
            if current and used + space + width > limit:
                lines.append(current)
                current, used = word, width
            else:
                current, used = (f"{current} {word}", used + space + width) if current else (word, width)
        lines.append(current)
    return "\n".join(lines)


@functools.lru_cache(maxsize=50_000)
def _width(word: str, fontsize: float, weight: str, dpi: float) -> float:
    """Width in pixels of one word (or a space) in the house font."""
    renderer = _probe_renderer(dpi)
    prop = FontProperties(family=FONT, size=fontsize, weight=weight)
    if word == " ":
        return renderer.get_text_width_height_descent("x x", prop, ismath=False)[0] - 2 * _width(
            "x", fontsize, weight, dpi)
    return renderer.get_text_width_height_descent(word, prop, ismath=False)[0] if word else 0.0


@functools.lru_cache(maxsize=4)
def _probe_renderer(dpi: float) -> RendererAgg:
    return RendererAgg(10, 10, dpi)


def chart_texts(fig: Figure) -> dict[str, str]:
    """The title, subtitle and source line a chart was built with (unwrapped)."""
    return dict(getattr(fig, "_khcn", {}))


def place_legend(frame: Frame, handles: list, labels: list[str], *, centre: bool = False):
    """A legend right of the plot area, inside the page: labels wrapped, the plot narrowed to fit.

    The legend is measured once drawn; the plot area's right edge moves left until
    legend and plot both fit between the page margins. A legend taller than the plot
    gets a smaller type size, then two columns.
    """
    fig, ax, sz = frame.fig, frame.ax, frame.size
    renderer = fig.canvas.get_renderer()
    pos = ax.get_position()
    bottom_in, height_in = pos.y0 * sz.height, pos.height * sz.height
    fontsize, ncol = sz.small + 1, 1
    while True:
        wrapped = [wrap_to_width(fig, str(lab), fontsize, sz.legend_width / ncol) for lab in labels]
        with house_style():
            legend = ax.legend(handles, wrapped, loc="center left" if centre else "upper left",
                               bbox_to_anchor=(0, 0), bbox_transform=fig.transFigure, fontsize=fontsize,
                               ncol=ncol, labelspacing=0.7, borderaxespad=0.0)
        box = legend.get_window_extent(renderer)
        if box.height / fig.dpi <= height_in or (ncol == 2 and fontsize <= sz.small - 1.5):
            break
        if fontsize > sz.small - 1.5:
            fontsize -= 0.5
        else:
            ncol, fontsize = 2, sz.small + 1
        legend.remove()
    width_in = box.width / fig.dpi
    right = sz.width - MARGIN - width_in - _LEGEND_GAP
    left_in = pos.x0 * sz.width
    ax.set_position((pos.x0, pos.y0, (right - left_in) / sz.width, pos.height))
    x = (right + _LEGEND_GAP) / sz.width
    y = (bottom_in + (height_in / 2 if centre else height_in)) / sz.height
    legend.set_bbox_to_anchor((x, y), transform=fig.transFigure)
    return legend
