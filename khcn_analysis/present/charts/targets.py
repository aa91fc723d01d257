"""The plan's targets as a chart draws them, and the judge's verdicts as a chart states them.

Targets come from the judge's attainment rows (or a plan's targets table): a level
or a range over the years it applies, labelled with its clause. Whether a value
meets a target is never decided here: :func:`milestone_verdicts` reads the judge's
``status`` and asks :func:`khcn_analysis.judge.compare.above_range` whether a range
was passed. (A copy of the comparison used to live here and called 7.5 against
"5–7" not met while the judge said met.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.grades import QUALIFYING_GRADES
from khcn_analysis.judge.compare import above_range
from khcn_analysis.present.charts.inputs import require_columns
from khcn_analysis.present.charts.placement import Candidate, movable
from khcn_analysis.present.charts.style import TARGET_COLOUR
from khcn_analysis.present.charts.text import (
    dash,
    decimals_of,
    format_value,
    status_word,
    verdict_word,
    w,
)

__all__ = ["TargetSpec", "Verdict", "draw_targets", "milestone_verdicts", "short_clause",
           "target_specs", "targets_table", "verdict_words"]


@dataclass(frozen=True)
class TargetSpec:
    """One target as a chart draws it: a level over a span of years, with its clause."""

    target_id: str
    comparator: str
    lower: float | None
    upper: float | None
    year_from: int | None
    year_to: int | None
    clause: str

    def value_text(self, lang: str, unit: str) -> str:
        """'5–7 người/vạn dân', 'trên 2%': levels as the plan writes them (1,5 not 1,50)."""
        lo, hi = self.lower, self.upper
        if self.comparator == "between" and lo is not None and hi is not None:
            hi_text = format_value(hi, unit, lang, decimals_of(hi))
            return f"{format_number(lo, decimals_of(lo), lang)}–{hi_text}"  # type: ignore[arg-type]
        level = lo if lo is not None else hi
        value = format_value(level, unit, lang, decimals_of(level))  # type: ignore[arg-type]
        if self.comparator in ("at_least", "greater_than", "at_most", "equal"):
            return w(f"target.{self.comparator}", lang, v=value)
        return value

    def when_text(self, lang: str) -> str:
        if self.year_from is None and self.year_to is None:
            return w("target.every_year", lang)
        if self.year_to is None:
            return w("target.from", lang, year=self.year_from)
        if self.year_from == self.year_to or self.year_from is None:
            return f"{self.year_to}"
        return dash(self.year_from, self.year_to)

    def label(self, lang: str, unit: str) -> str:
        return w("target.label", lang, clause=self.clause, level=self.value_text(lang, unit),
                 when=self.when_text(lang))

    def covers(self, year: int) -> bool:
        lo = self.year_from if self.year_from is not None else -10**6
        hi = self.year_to if self.year_to is not None else 10**6
        return lo <= year <= hi


def short_clause(clause: object) -> str:
    """'B.II item 4' -> 'B.II.4', the way the plan's readers cite it."""
    return re.sub(r"\s+item\s+", ".", str(clause)).strip()


def _opt(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _opt_int(v) -> int | None:
    return None if v is None or pd.isna(v) else int(v)


def _province(rows: pd.DataFrame) -> pd.DataFrame:
    # The charts show the province against its own plan; national targets are other
    # indicators (R&D/GDP, FTE) and belong to the national comparison.
    return rows.loc[rows["scope"] == "province"] if "scope" in rows.columns else rows


def target_specs(targets: pd.DataFrame | None, indicator: str) -> list[TargetSpec]:
    """Targets for one indicator from the judge's attainment rows or a plan-targets table.

    An attainment table has one row per target and year (and per scenario when
    several runs are drawn); a plan targets table (:func:`targets_table`) has
    ``year_from``/``year_to``. Either works.
    """
    if targets is None or len(targets) == 0:
        return []
    require_columns(targets, ("target_id", "indicator", "comparator", "lower", "upper", "clause"),
                    "targets table")
    rows = _province(targets.loc[targets["indicator"] == indicator])
    last_year = int(targets["year"].max()) if "year" in targets.columns else None
    specs: list[TargetSpec] = []
    for tid, grp in rows.groupby("target_id", sort=False):
        first = grp.iloc[0]
        if "year_from" in grp.columns:
            y_from, y_to = _opt_int(first["year_from"]), _opt_int(first.get("year_to"))
        else:
            years = sorted({int(y) for y in grp["year"]})
            y_from, y_to = years[0], years[-1]
            if len(years) > 1 and y_to == last_year:
                y_to = None  # judged up to the horizon: a standing target ("từ 2020")
        specs.append(TargetSpec(str(tid), str(first["comparator"]), _opt(first["lower"]),
                                _opt(first["upper"]), y_from, y_to, short_clause(first["clause"])))
    return specs


def targets_table(plan) -> pd.DataFrame:
    """A plan's targets (``Plan.targets``) as a table charts can draw."""
    rows = [
        {"target_id": tg.id, "indicator": tg.indicator, "comparator": tg.comparator,
         "lower": tg.lower, "upper": tg.upper, "unit": tg.unit, "year_from": tg.year_from,
         "year_to": tg.year_to, "clause": short_clause(tg.clause)}
        for tg in plan.targets
    ]
    return pd.DataFrame(rows, columns=["target_id", "indicator", "comparator", "lower", "upper",
                                       "unit", "year_from", "year_to", "clause"])


# ---------------------------------------------------------------- the judge's verdicts


@dataclass(frozen=True)
class Verdict:
    """The judge's ruling on one indicator in one milestone year, as a chart words it."""

    year: int
    value: float
    status: str
    above_range: bool
    target_id: str
    grade: str = ""

    @property
    def qualified(self) -> bool:
        """The verdict rests on an assumption, a back-cast or a counterfactual: it must say so."""
        return self.grade in QUALIFYING_GRADES

    def words(self, lang: str) -> str:
        """'đạt', 'chưa đạt', 'đạt, vượt khoảng mục tiêu', 'chưa xác định; giả định'."""
        return verdict_words(self.status, self.above_range, self.grade, lang)


def verdict_words(status: str, above: bool, grade: str, lang: str) -> str:
    """A verdict as a chart states it: the judge's word, a passed range, the grade it rests on."""
    text = verdict_word(status, lang)
    if above:
        text = f"{text}, {w('verdict.above_range', lang)}"
    if grade in QUALIFYING_GRADES:
        text = w("verdict.graded", lang, verdict=text, grade=status_word(grade, lang))
    return text


def milestone_verdicts(attainment: pd.DataFrame | None, indicator: str,
                       scenario: str | None = None) -> list[Verdict]:
    """The judge's rows for one indicator at the milestone years (2015, 2020, 2030), in order.

    Rows of other scenarios are left out when the table has a ``scenario`` column.
    One verdict per year: where two targets are judged in one year, the first missed
    one speaks (a year is met only when every target of that year is).
    """
    if attainment is None or len(attainment) == 0 or "status" not in attainment.columns:
        return []
    rows = _province(attainment.loc[attainment["indicator"] == indicator])
    if scenario is not None and "scenario" in rows.columns:
        rows = rows.loc[rows["scenario"].astype(str) == scenario]
    rows = rows.loc[rows["year"].isin(MILESTONES)]
    out: dict[int, Verdict] = {}
    for _, r in rows.sort_values("year", kind="stable").iterrows():
        value = float(r["value"]) if not pd.isna(r["value"]) else float("nan")
        status = str(r["status"])
        passed = status == "met" and above_range(str(r["comparator"]), _opt(r["upper"]), value)
        grade = r["grade"] if "grade" in r.index and isinstance(r["grade"], str) else ""
        v = Verdict(int(r["year"]), value, status, bool(passed), str(r["target_id"]), grade)
        year = int(r["year"])
        if year not in out or (out[year].status == "met" and status != "met"):
            out[year] = v
    return [out[y] for y in sorted(out)]


# ---------------------------------------------------------------- drawing


def _label_places(a: float, b: float, y_above: float, y_below: float, *, near_end: bool) -> list[Candidate]:
    """Where a target's label may go: above the level (or band), then below it; at its start,
    a quarter in, its middle or its end; close to it first, then a little further."""
    spots = [(a, "left"), (a + (b - a) * 0.25, "left"), ((a + b) / 2, "center"), (b, "right")]
    if near_end:  # a label starting near the right edge would run off the plot
        spots = spots[::-1]
    out = []
    for gap in (4, 14):
        out += [Candidate(x, y_above, 0, gap, ha, "bottom") for x, ha in spots]
        out += [Candidate(x, y_below, 0, -gap, ha, "top") for x, ha in spots]
    return out


def draw_targets(ax, specs: list[TargetSpec], years: list[int], *, lang: str, unit: str, sz,
                 x_end: float | None = None) -> list:
    """Target levels: a band for a range, a line over the years it applies, a label with clause.

    ``x_end``: where a standing target's line stops (the last year, so end-of-line
    labels to its right never sit on it). Returns the label artists.
    """
    x_lo = min(years) - 0.5
    x_hi = x_end if x_end is not None else max(years) + 0.5
    labels = []
    for spec in specs:
        a = spec.year_from if spec.year_from is not None else x_lo
        b = spec.year_to if spec.year_to is not None else x_hi
        if spec.year_from is not None and spec.year_to is not None and a == b:
            a, b = a - 0.45, b + 0.45
        if spec.comparator == "between" and spec.lower is not None and spec.upper is not None:
            ax.fill_between([a, b], spec.lower, spec.upper, color=TARGET_COLOUR, alpha=0.18,
                            linewidth=0, zorder=1)
            ax.plot([a, b, b, a, a], [spec.lower, spec.lower, spec.upper, spec.upper, spec.lower],
                    color=TARGET_COLOUR, linewidth=1.2, zorder=2)
            y_text = spec.upper
        else:
            level = spec.lower if spec.lower is not None else spec.upper
            point = spec.year_from is not None and spec.year_from == spec.year_to
            # A target for one year is a solid tick at that year; a standing target is a
            # dashed level over every year it applies to.
            ax.plot([a, b], [level, level], color=TARGET_COLOUR, linewidth=3.6 if point else 2.2,
                    linestyle="-" if point else (0, (6, 3)), zorder=2, solid_capstyle="butt")
            y_text = level
        y_below = spec.lower if spec.comparator == "between" and spec.lower is not None else y_text
        places = _label_places(a, b, y_text, y_below, near_end=a - x_lo >= (x_hi - x_lo) * 0.7)
        first = places[0]
        label = ax.annotate(spec.label(lang, unit), xy=(first.x, first.y), xytext=(first.dx, first.dy),
                            textcoords="offset points", ha=first.ha, va=first.va, fontsize=sz.small + 0.5,
                            color=TARGET_COLOUR, fontweight="bold", zorder=5)
        movable(label, places)
        labels.append(label)
    return labels
