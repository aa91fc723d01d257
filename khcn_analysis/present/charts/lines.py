"""Series over the years: records solid with a mark per status, a model's numbers dashed.

How each status is drawn is :data:`~khcn_analysis.present.charts.style.STATUS_STYLES`;
a segment is dashed when either end is a model's number (projected, back-cast,
counterfactual), so a reader never takes a construction for history. The judge's
verdicts at the milestone years are rings in the verdict's colour.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.lines import Line2D

from khcn_analysis.present.charts.style import (
    GREY,
    HISTORY_COLOUR,
    PALETTE,
    STATUS_STYLES,
    house_style,
    number_formatter,
    status_style,
    verdict_style,
    year_axis,
)
from khcn_analysis.present.charts.targets import TargetSpec, Verdict, draw_targets
from khcn_analysis.present.charts.text import scenario_title, status_word, verdict_word, w

__all__ = ["DASHED", "GRADED_RING", "draw_scenarios", "draw_series", "draw_verdicts", "spread_labels",
           "status_handles", "verdict_handles"]

DASHED = (0, (5, 2.5))
LINE_WIDTH = 2.6


def _runs(modelled: list[bool]) -> list[tuple[int, int, bool]]:
    """Consecutive segments of one style: (first index, last index, dashed)."""
    out: list[tuple[int, int, bool]] = []
    for i in range(len(modelled) - 1):
        dashed = modelled[i] or modelled[i + 1]
        if out and out[-1][2] == dashed and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1, dashed)
        else:
            out.append((i, i + 1, dashed))
    return out


def draw_series(ax, rows: pd.DataFrame, colour: str, label: str | None) -> None:
    """One series: solid between records, dashed into and between a model's numbers, marks by status."""
    rows = rows.sort_values("year")
    years = rows["year"].to_numpy()
    values = rows["value"].to_numpy(dtype=float)
    statuses = [str(s) for s in rows["status"]]
    modelled = [status_style(s).modelled for s in statuses]
    segments = _runs(modelled)
    labelled = False
    # The label goes on the dashed part when there is one: the legend line shows a projection.
    label_dashed = any(d for _, _, d in segments)
    for a, b, dashed in segments:
        give = label if (not labelled and dashed == label_dashed) else None
        labelled = labelled or give is not None
        ax.plot(years[a:b + 1], values[a:b + 1], color=colour, linewidth=LINE_WIDTH, zorder=3,
                linestyle=DASHED if dashed else "-", label=give)
    if len(rows) == 1:
        ax.plot(years, values, color=colour, linewidth=LINE_WIDTH, zorder=3, label=label)
    for status in dict.fromkeys(statuses):
        style = status_style(status)
        if style.marker is None:
            continue
        sel = [i for i, s in enumerate(statuses) if s == status]
        ax.plot(years[sel], values[sel], linestyle="none", marker=style.marker, markersize=7.5,
                markeredgewidth=1.6, markeredgecolor=colour,
                markerfacecolor=colour if style.filled else "white", zorder=4)


def status_handles(statuses: set[str], lang: str) -> list[Line2D]:
    """Legend entries for the statuses drawn, in the table's order (unknown ones last)."""
    order = list(STATUS_STYLES) + sorted(statuses - set(STATUS_STYLES))
    handles = []
    for status in order:
        if status not in statuses:
            continue
        st = status_style(status)
        handles.append(Line2D(
            [], [], color=GREY, linewidth=2.4 if st.modelled else 0,
            linestyle=DASHED if st.modelled else "none", marker=st.marker or "",
            markersize=7.5, markeredgecolor=GREY, markeredgewidth=1.6,
            markerfacecolor=GREY if st.filled else "white", label=status_word(status, lang)))
    return handles


#: The ring of a verdict resting on an assumption, a back-cast or a counterfactual: dashed.
GRADED_RING = (0, (2.2, 1.6))


def draw_verdicts(ax, verdicts: list[Verdict]) -> None:
    """A ring in the verdict's colour around each value the judge ruled on; dashed when the
    verdict rests on an assumption, a back-cast or a counterfactual (the title says which)."""
    for v in verdicts:
        if np.isnan(v.value):
            continue
        style = verdict_style(v.status)
        ax.scatter([v.year], [v.value], s=17 ** 2, marker=style.marker, facecolors="none",
                   edgecolors=style.colour, linewidths=2.4, zorder=6,
                   linestyles=GRADED_RING if v.qualified else "solid", gid="verdict-graded" if v.qualified else "verdict")


def verdict_handles(verdicts: list[Verdict], lang: str) -> list[Line2D]:
    shown = [v for v in verdicts if not np.isnan(v.value)]
    handles = []
    for status in dict.fromkeys(v.status for v in shown):
        style = verdict_style(status)
        handles.append(Line2D([], [], linestyle="none", marker=style.marker, markersize=13,
                              markerfacecolor="none", markeredgecolor=style.colour, markeredgewidth=2.2,
                              label=w("legend.verdict", lang, verdict=verdict_word(status, lang))))
    if any(v.qualified for v in shown):
        handles.append(Line2D([], [], color=GREY, linestyle=GRADED_RING, linewidth=2.2,
                              label=w("legend.graded", lang)))
    return handles


def draw_scenarios(frame, rows: pd.DataFrame, names: list[str], specs: list[TargetSpec], unit: str,
                   lang: str, titles=None, *, end_room: float = 0.0) -> tuple[list, list[str]]:
    """History once in near-black, each scenario's own path in colour, the targets; legend entries.

    ``end_room``: years of blank space right of the last year (for end-of-line labels).
    """
    ax, sz = frame.ax, frame.size
    years = sorted(rows["year"].unique().tolist())
    with house_style():
        primary_hist = None
        for i, name in enumerate(names):
            sc = rows.loc[rows["scenario"] == name]
            hist = sc.loc[sc["status"] != "projected"]
            hist_key = hist[["year", "value", "status"]].reset_index(drop=True)
            colour = PALETTE[i % len(PALETTE)]
            title = scenario_title(name, lang, titles)
            if i == 0 or hist_key.equals(primary_hist):
                if i == 0:
                    draw_series(ax, hist, HISTORY_COLOUR, None)
                    primary_hist = hist_key
                own = sc.loc[~sc.index.isin(hist.index)]
                if len(own):
                    joined = pd.concat([hist.tail(1).assign(status="projected"), own]) if len(hist) else own
                    draw_series(ax, joined, colour, title)
            else:
                draw_series(ax, sc, colour, title)
        draw_targets(ax, specs, years, lang=lang, unit=unit, sz=sz, x_end=max(years) + (0 if end_room else 0.5))
        top = max([rows["value"].max()] + [s.upper or s.lower or 0 for s in specs])
        ax.set_ylim(0, top * 1.18 if top > 0 else 1)
        year_axis(ax, years, right_pad=0.6 + end_room)
        ax.yaxis.set_major_formatter(number_formatter(lang, suffix="%" if unit == "%" else ""))  # type: ignore[arg-type]
    handles, labels = ax.get_legend_handles_labels()
    status_h = status_handles({str(s) for s in rows["status"]}, lang)
    return handles + status_h, labels + [h.get_label() for h in status_h]


def spread_labels(ax, values: list[float], min_gap_pt: float) -> list[float]:
    """End-of-line label positions pushed apart so close values do not print on each other."""
    if not values:
        return []
    y0, y1 = ax.get_ylim()
    height_pt = ax.get_window_extent().height * 72 / ax.figure.dpi
    gap = min_gap_pt * (y1 - y0) / height_pt
    order = np.argsort(values)
    out = np.array(values, dtype=float)
    for k in range(1, len(order)):
        prev, cur = order[k - 1], order[k]
        if out[cur] - out[prev] < gap:
            out[cur] = out[prev] + gap
    return out.tolist()
