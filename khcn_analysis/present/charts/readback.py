"""Reading a drawn chart back: its texts, the verdicts it states, and whether its text fits.

Two checks that outlive any one test: :func:`verdict_disagreements` draws the
standard charts from pipeline runs and compares every verdict word a chart shows
(titles, counts, chances) with the judge's rows; :func:`layout_problems` lists
every text that runs off the page or sits on another text, a legend or a line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.text import Text

from khcn_analysis.core.catalogue import LANGS, label_pair
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.grades import QUALIFYING_GRADES
from khcn_analysis.judge.compare import above_range
from khcn_analysis.present.charts.frame import chart_texts
from khcn_analysis.present.charts.placement import crosses
from khcn_analysis.present.charts.targets import verdict_words
from khcn_analysis.present.charts.text import short_value

__all__ = ["figure_texts", "layout_problems", "pattern", "ring_years", "title_items", "verdict_disagreements"]


def pattern(key: str, lang: str, **groups: str) -> re.Pattern[str]:
    """A regex from a catalogue sentence: each ``{field}`` a named group (``.+?`` unless given)."""
    text = label_pair(f"charts.{key}")[LANGS.index(lang)]  # type: ignore[arg-type]
    out, pos = "", 0
    for m in re.finditer(r"\{(\w+)\}", text):
        out += re.escape(text[pos:m.start()])
        out += f"(?P<{m.group(1)}>{groups.get(m.group(1), '.+?')})"
        pos = m.end()
    return re.compile(out + re.escape(text[pos:]))


def title_items(fig: Figure, lang: str) -> dict[int, tuple[str, str]]:
    """``{year: (value, verdict words)}`` stated in the title ("0,76% năm 2015 (chưa đạt)")."""
    title = chart_texts(fig).get("title", "")
    found = pattern("title.item", lang, value=r"\S+", year=r"\d{4}", verdict=r"[^()]*").finditer(title)
    return {int(m["year"]): (m["value"], m["verdict"]) for m in found}


def figure_texts(fig: Figure) -> list[tuple[str, Text]]:
    """Every visible, non-empty text of the figure with the part it belongs to."""
    fig.canvas.draw()
    out: list[tuple[str, Text]] = [("figure", t) for t in fig.texts]
    for i, ax in enumerate(fig.axes):
        out += [(f"axes{i}", t) for t in ax.texts]
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            eps = (hi - lo) * 1e-9
            out += [(f"ticks{i}", t) for loc, t in zip(axis.get_majorticklocs(), axis.get_majorticklabels(),
                                                       strict=False) if lo - eps <= loc <= hi + eps]
        out += [(f"axis-label{i}", t) for t in (ax.xaxis.label, ax.yaxis.label)]
        legend = ax.get_legend()
        if legend is not None:
            out += [(f"legend{i}", t) for t in legend.get_texts()]
    return [(part, t) for part, t in out if t.get_visible() and t.get_text().strip()]


def layout_problems(fig: Figure, *, tolerance: float = 1.0) -> list[str]:
    """Texts outside the figure, texts overlapping texts or a legend, labels sitting on lines."""
    texts = figure_texts(fig)
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    boxes = [(part, t, t.get_window_extent(renderer).padded(-tolerance)) for part, t in texts]
    problems = []
    for _part, t, box in boxes:
        if box.x0 < page.x0 or box.y0 < page.y0 or box.x1 > page.x1 or box.y1 > page.y1:
            problems.append(f"outside the page: {t.get_text()!r}")
    for i, (pa, ta, a) in enumerate(boxes):
        for pb, tb, b in boxes[i + 1:]:
            if pa == pb and pa.startswith("legend"):
                continue  # the legend lays out its own rows
            if a.overlaps(b):
                problems.append(f"overlap: {ta.get_text()!r} and {tb.get_text()!r}")
    for ax in fig.axes:
        legend = ax.get_legend()
        if legend is not None:
            lbox = legend.get_window_extent(renderer)
            for part, t, box in boxes:
                if not part.startswith("legend") and box.overlaps(lbox):
                    problems.append(f"legend covers {t.get_text()!r}")
        for t in ax.texts:
            if not t.get_visible() or not t.get_text().strip():
                continue
            box = t.get_window_extent(renderer).padded(-tolerance)
            for line in ax.lines:
                if crosses(line, box):
                    problems.append(f"label on a line: {t.get_text()!r}")
                    break
    return problems


# ---------------------------------------------------------------- verdicts against the judge


def _judged(attainment, indicator: str):
    rows = attainment.loc[(attainment["indicator"] == indicator) & attainment["year"].isin(MILESTONES)]
    return rows.loc[rows["scope"] == "province"] if "scope" in rows.columns else rows


def _expected_words(row, lang: str) -> str:
    """The judge's row in words: its verdict, a passed range, and the grade it rests on when that
    is an assumption, a back-cast or a counterfactual."""
    value = float(row["value"]) if not math.isnan(float(row["value"])) else math.nan
    upper = None if row["upper"] is None or math.isnan(float(row["upper"])) else float(row["upper"])
    above = row["status"] == "met" and above_range(str(row["comparator"]), upper, value)
    grade = row["grade"] if "grade" in row.index and isinstance(row["grade"], str) else ""
    return verdict_words(str(row["status"]), above, grade, lang)


def ring_years(fig: Figure) -> dict[int, bool]:
    """``{year: dashed}`` of the verdict rings drawn (dashed: the verdict rests on a construction)."""
    out: dict[int, bool] = {}
    for ax in fig.axes:
        for coll in ax.collections:
            gid = coll.get_gid() or ""
            if gid.startswith("verdict"):
                for x, _y in coll.get_offsets():
                    out[int(round(float(x)))] = gid == "verdict-graded"
    return out


def verdict_disagreements(runs: Sequence, lang: str, size: str = "slide", *, judge: Sequence | None = None,
                          ) -> list[str]:
    """Draw the standard charts from ``runs`` (pipeline Results, the first with uncertainty for
    the fan) and list every verdict a chart states that differs from the judge's.

    Checked: each indicator chart's value and verdict words per milestone (the 7.5-in-5–7
    case reads "met, above the range"; a verdict resting on an assumption, a back-cast or a
    counterfactual names it) and its rings (dashed for those), the funding-sufficiency words
    (one run) or counts (several), the comparison chart's count of scenarios meeting the
    target, the fan chart's chance of meeting the target. An empty list means every chart
    agrees. ``judge``: the Results whose rows are the reference (default ``runs``; a test
    hands the charts other rows to prove a disagreement is caught).
    """
    from khcn_analysis.present.charts.chart_set import CHART_NAMES, standard_charts
    from khcn_analysis.present.charts.sufficiency import funding_sufficiency_chart, sufficiency_word
    from khcn_analysis.present.charts.text import indicator_decimals

    first = runs[0]
    name = first.scenario.name
    judge = list(judge) if judge is not None else list(runs)
    figs = standard_charts(list(runs), lang=lang, size=size)
    figs["single-sufficiency"] = funding_sufficiency_chart(first, lang=lang, size=size)
    out: list[str] = []
    for stem, indicator in ((CHART_NAMES[1], "st_investment_share_grdp"), (CHART_NAMES[2], "researcher_density")):
        stated = title_items(figs[stem], lang)
        rings = ring_years(figs[stem])
        decimals = indicator_decimals(indicator)
        judged = _judged(judge[0].attainment, indicator)
        for _, row in judged.iterrows():
            want = (short_value(float(row["value"]), str(row["unit"]), lang, decimals), _expected_words(row, lang))
            got = stated.get(int(row["year"]))
            if got != want:
                out.append(f"{name} {stem} {indicator} {int(row['year'])} [{lang}]: chart {got}, judge {want}")
            graded = isinstance(row["grade"], str) and row["grade"] in QUALIFYING_GRADES
            if not math.isnan(float(row["value"])) and rings.get(int(row["year"])) != graded:
                out.append(f"{name} {stem} {indicator} {int(row['year'])}: ring dashed={rings.get(int(row['year']))}"
                           f", judge's grade {row['grade']!r}")
        extra = set(stated) - set(judged["year"].astype(int))
        if extra:
            out.append(f"{name} {stem}: verdicts for years the judge did not rule on: {sorted(extra)}")
    first = judge[0]
    suff = first.sufficiency
    stated = title_items(figs["single-sufficiency"], lang)
    for _, row in suff.iterrows():
        want = sufficiency_word(str(row["status"]), lang, row.get("value_status", ""))
        got = stated.get(int(row["year"]), ("", ""))[1]
        if got != want:
            out.append(f"{name} sufficiency {int(row['year'])} [{lang}]: chart {got!r}, judge {want!r}")
    if len(runs) > 1:
        out += _count_disagreements(judge, figs, lang)
    fan = figs.get(CHART_NAMES[5])
    if fan is not None:
        out += _fan_disagreement(first, fan, lang)
    return out


def _count_disagreements(runs: Sequence, figs: dict, lang: str) -> list[str]:
    from khcn_analysis.present.charts.chart_set import CHART_NAMES

    out = []
    title = chart_texts(figs[CHART_NAMES[3]]).get("title", "")
    counts = {int(m["year"]): int(m["k"]) for m in pattern("sufficiency.count", lang, k=r"\d+", n=r"\d+",
                                                           year=r"\d{4}").finditer(title)}
    for year in MILESTONES:
        want = sum(int((r.sufficiency.loc[r.sufficiency["year"] == year, "status"] == "met").sum())
                   for r in runs)
        if counts.get(year) != want:
            out.append(f"sufficiency count {year} [{lang}]: chart {counts.get(year)}, judge {want}")
    title = chart_texts(figs[CHART_NAMES[4]]).get("title", "")
    m = pattern("comparison.count", lang, k=r"\d+", n=r"\d+", year=r"\d{4}", title=".*").search(title)
    year = MILESTONES[-1]
    want = 0
    for r in runs:
        judged = _judged(r.attainment, "st_investment_share_grdp")
        want += bool((judged.loc[judged["year"] == year, "status"] == "met").all())
    if m is None or int(m["k"]) != want or int(m["year"]) != year:
        out.append(f"comparison count {year} [{lang}]: chart {m and m['k']}, judge {want}")
    return out


def _fan_disagreement(first, fig: Figure, lang: str) -> list[str]:
    probs = first.uncertainty.probabilities
    year = int(first.uncertainty.bands["year"].max())
    rows = probs.loc[(probs["indicator"] == "st_investment_share_grdp") & (probs["year"] == year)]
    m = pattern("fan.chance", lang, title=".*", p=r"\S+").search(chart_texts(fig).get("title", ""))
    if rows.empty:
        return [] if m is None else [f"fan [{lang}]: states a chance the judge did not compute"]
    want = format_number(float(rows["probability"].iloc[0]) * 100, 0, lang) + "%"  # type: ignore[arg-type]
    if m is None or m["p"] != want:
        return [f"fan [{lang}]: chart {m and m['p']}, judge {want}"]
    return []
