"""Is the money enough? Investment as % of what the targets need, at the milestone years.

One unit everywhere: % of the need, 100 % = exactly enough (the tables keep the
ratio, 1.0 = enough). "Enough" and "short" are the judge's
(:func:`khcn_analysis.judge.sufficiency.sufficiency`), never a comparison here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang, format_number
from khcn_analysis.core.grades import GRADES, QUALIFYING_GRADES
from khcn_analysis.present.charts.frame import new_frame, place_legend
from khcn_analysis.present.charts.inputs import chart_data, older_names, scenario_series
from khcn_analysis.present.charts.style import (
    GREY,
    PALETTE,
    TARGET_COLOUR,
    house_style,
    number_formatter,
)
from khcn_analysis.present.charts.text import (
    chart_source,
    mid,
    scenario_title,
    status_word,
    verdict_word,
    w,
)

__all__ = ["SUFFICIENCY_YEARS", "funding_sufficiency_chart", "sufficiency_title", "sufficiency_word"]

SUFFICIENCY_YEARS: tuple[int, ...] = MILESTONES


#: Bars not resting on records: white, with a hatch per grade (records are solid).
GRADE_HATCH: dict[str, str] = {"projected": "///", "assumption": "...", "back-cast": "\\\\\\", "counterfactual": "xx"}


def sufficiency_word(status: str, lang: str, grade: object = "") -> str:
    """'đủ' / 'thiếu' / 'chưa tính được' for the judge's sufficiency status (met / not_met / …),
    and the grade it rests on when that is an assumption, a back-cast or a counterfactual.

    The shared words (``sufficiency.*``, status.py); a status without one takes the verdict word.
    """
    text = mid(t(f"sufficiency.{status}", lang)) if has(f"sufficiency.{status}") else verdict_word(status, lang)
    if isinstance(grade, str) and grade in QUALIFYING_GRADES:
        text = w("verdict.graded", lang, verdict=text, grade=status_word(grade, lang))
    return text


def percent(ratio: float, lang: str) -> str:
    return format_number(ratio * 100, 0, lang) + "%"  # type: ignore[arg-type]


def sufficiency_title(rows: pd.DataFrame, verdicts: pd.DataFrame | None, names: list[str],
                      years: list[int], lang: str) -> str:
    """One scenario: each milestone's % of the need with the judge's word; several: how many have enough."""
    judged = None
    if verdicts is not None and len(verdicts):
        if "scenario" not in verdicts.columns:  # one run's rows: they judge the first scenario
            verdicts = verdicts.assign(scenario=names[0])
        judged = verdicts.loc[verdicts["scenario"].astype(str).isin(names) & verdicts["year"].isin(years)]
    if len(names) > 1 and judged is not None and set(judged["scenario"].astype(str)) >= set(names):
        items = []
        for y in years:
            sel = judged.loc[judged["year"] == y]
            k = int((sel["status"] == "met").sum())
            items.append(w("sufficiency.count", lang, k=k, n=len(names), year=y))
        return w("sufficiency.title.many", lang, items=", ".join(items))
    primary = rows.loc[rows["scenario"] == names[0]].set_index("year")["value"]
    if judged is not None:
        own = judged.loc[judged["scenario"].astype(str) == names[0]].set_index("year")
        mine = own["status"]
        grades = own["value_status"] if "value_status" in own.columns else pd.Series(dtype=object)
        items = [w("title.item", lang, value=percent(primary[y], lang), year=y,
                   verdict=sufficiency_word(str(mine[y]), lang, grades.get(y, ""))) for y in years if y in mine.index]
        return w("sufficiency.title.one", lang, items=", ".join(items))
    items = [w("sufficiency.item.none", lang, value=percent(primary[y], lang), year=y)
             for y in years if y in primary.index]
    return w("sufficiency.title.none", lang, items=", ".join(items))


@older_names
def funding_sufficiency_chart(
    data,
    *,
    years: Sequence[int] = SUFFICIENCY_YEARS,
    scenarios: Sequence[str] | None = None,
    verdicts: pd.DataFrame | None = None,
    lang: str = "vi",
    size: str = "slide",
    sources: pd.DataFrame | None = None,
    titles: Mapping[str, Mapping[str, str]] | None = None,
) -> Figure:
    """Investment as % of what the milestone year needs (100% = exactly enough), bars per scenario.

    ``data``: a projection table or :class:`Results` (one or several). ``verdicts``:
    the judge's sufficiency rows (``Results.sufficiency``); without them the title
    gives the numbers and no verdict. Only bars resting on records are solid; each other
    grade has its own hatch (:data:`GRADE_HATCH`), so a back-cast or an assumption never
    looks like history.
    """
    lang = check_lang(lang)
    cd = chart_data(data)
    verdicts = verdicts if verdicts is not None else cd.sufficiency
    sources = sources if sources is not None else cd.sources
    titles = titles if titles is not None else cd.titles
    rows, names = scenario_series(cd.table, "funding_sufficiency", scenarios)
    rows = rows.loc[rows["year"].isin(list(years))]
    shown = [y for y in years if y in set(rows["year"])]
    if not shown:
        raise InputError("projection table", "funding_sufficiency years",
                         "none of " + ", ".join(map(str, years)), "rows for at least one of those years")
    scen = ", ".join(scenario_title(n, lang, titles) for n in names)
    sub = "; ".join([w("sufficiency.what", lang), w("unit", lang, unit=w("sufficiency.unit", lang)),
                     w("scenarios" if len(names) > 1 else "scenario", lang, names=scen)])
    frame = new_frame(title=sufficiency_title(rows, verdicts, names, shown, lang), subtitle=sub,
                      source=chart_source(rows, [], lang, sources), lang=lang, size=size)
    ax, sz = frame.ax, frame.size
    pct = rows.assign(pct=rows["value"] * 100)
    n = len(names)
    width = min(0.8 / n, 0.3)
    label_size = sz.body if n <= 3 else sz.small
    with house_style():
        for i, name in enumerate(names):
            sc = pct.loc[pct["scenario"] == name].set_index("year")
            colour = PALETTE[i % len(PALETTE)]
            for j, y in enumerate(shown):
                if y not in sc.index:
                    continue
                v, hatch = float(sc.loc[y, "pct"]), GRADE_HATCH.get(str(sc.loc[y, "status"]))
                x = j + (i - (n - 1) / 2) * width
                ax.bar(x, v, width=width * 0.92, color="white" if hatch else colour, edgecolor=colour,
                       hatch=hatch, linewidth=2, zorder=3)
                ax.text(x, v, f"{format_number(v, 0, lang)}%", ha="center", va="bottom",
                        fontsize=label_size, fontweight="bold", zorder=4)
        line = ax.axhline(100, color=TARGET_COLOUR, linewidth=2.2, linestyle=(0, (6, 3)), zorder=2)
        ax.set_xticks(range(len(shown)), [str(y) for y in shown])
        ax.set_xlim(-0.5, len(shown) - 0.5)
        ax.set_ylim(0, max(110.0, float(pct["pct"].max()) * 1.15))
        ax.yaxis.set_major_formatter(number_formatter(lang, decimals=0, suffix="%"))  # type: ignore[arg-type]
        ax.set_ylabel(w("sufficiency.axis", lang), fontsize=sz.body)
        ax.grid(axis="x", visible=False)
        ax.set_axisbelow(True)
    # one solid swatch per scenario: its colour, not the hatch of whichever bar came first
    handles = [Patch(facecolor=PALETTE[i % len(PALETTE)], label=scenario_title(name, lang, titles))
               for i, name in enumerate(names)]
    labels = [h.get_label() for h in handles]
    extra: list = [Line2D([], [], color=line.get_color(), linewidth=2.2, linestyle=(0, (6, 3)),
                          label=w("sufficiency.line", lang))]
    grades = [g for g in GRADES if g in set(rows["status"].astype(str))]
    recorded = [g for g in grades if g not in GRADE_HATCH]
    if recorded:
        extra.append(Patch(facecolor=GREY, edgecolor=GREY,
                           label=", ".join(status_word(s, lang) for s in recorded)))
    extra += [Patch(facecolor="white", edgecolor=GREY, hatch=GRADE_HATCH[g], label=status_word(g, lang))
              for g in grades if g in GRADE_HATCH]
    place_legend(frame, handles + extra, labels + [h.get_label() for h in extra])
    return frame.fig
