"""The findings: the judge's verdicts in the milestone years, and what each rests on.

Only the judge decides "met" (:mod:`khcn_analysis.judge`); this module picks its rows for
the province's targets in the milestone years (:data:`khcn_analysis.core.config.MILESTONES`)
and writes them for a reader. When the judge's rows carry an evidence ``grade`` and a
robust verdict (met under every plausible value, not met under any, or undetermined, with
``deciding_assumption``, ``breakpoint`` and the judge's own ``sentence_vi``/``sentence_en``),
the grade is what the verdict rests on and the sentence says what would decide it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import LANGS, has, t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.indicators import unit_label
from khcn_analysis.core.provenance import is_assumed
from khcn_analysis.present.brief.words import (
    bare_value,
    basis_text,
    clause_text,
    gap_text,
    goal_text,
    is_missing,
    lower_first,
    money,
    target_label,
    verdict_text,
)
from khcn_analysis.present.brief.words import number as fmt_number

__all__ = [
    "Table",
    "deciding_sentences",
    "findings_table",
    "judged_rows",
    "milestone_sentences",
    "not_computable_sentence",
    "value_source",
]

@dataclass
class Table:
    """A table for the note: header, rows of text, and which columns hold numbers."""

    header: list[str]
    rows: list[list[str]]
    numeric: set[int]
    widths: list[float]  # relative column widths
    merge_first: bool = False  # equal first cells in a run become one cell (a milestone year)
    note: str = ""  # a sentence said once for every row, printed with the source line

    def drop_column(self, index: int) -> None:
        self.header.pop(index)
        self.widths.pop(index)
        for row in self.rows:
            row.pop(index)
        self.numeric = {i - (i > index) for i in self.numeric if i != index}


def judged_rows(results: Any, years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """The province's targets the judge could decide, in the milestone years, by year then plan order."""
    att = results.attainment
    sel = att[(att["scope"] == "province") & (att["status"] != "not_computable") & att["year"].isin(list(years))]
    order = {tid: i for i, tid in enumerate(dict.fromkeys(att["target_id"]))}
    return sel.assign(_order=sel["target_id"].map(order)).sort_values(["year", "_order"], kind="stable").drop(
        columns="_order")


def value_source(results: Any, indicator: str, year: int) -> str:
    """The ``source`` cell of the projected value a verdict compares (empty if none)."""
    table = results.table
    rows = table[(table["variable"] == indicator) & (table["year"] == year)]
    return "" if rows.empty else str(rows["source"].iloc[0])


def _targets(results: Any) -> dict[str, Any]:
    return {tg.id: tg for tg in results.plan.targets}


#: Relative column widths of the targets table. English words are longer where it matters
#: ("(projected)", "Undetermined", "Counterfactual" were split or cut); the target column gives.
#: Numbers, not words: one row per language of catalogue.LANGS (Vietnamese, English).
_FINDINGS_WIDTHS = ((1.75, 4.4, 2.2, 2.0, 1.6, 2.1, 2.45), (2.0, 3.3, 1.9, 1.5, 2.5, 2.0, 2.8))


def findings_table(results: Any, lang: str) -> Table:
    """The judged targets grouped by milestone year: level, value, verdict, shortfall, evidence."""
    rows = judged_rows(results)
    last_recorded = _last_recorded_year(results)
    header = [t(f"brief.col.{k}", lang) for k in ("year", "target", "goal", "value", "verdict", "gap", "basis")]
    widths = list(_FINDINGS_WIDTHS[LANGS.index(lang)])
    body: list[list[str]] = []
    for r in rows.to_dict("records"):
        year = int(r["year"])
        key = "brief.year_cell_projected" if year > last_recorded else "brief.year_cell"
        source = value_source(results, r["indicator"], year)
        cells = [
            t(key, lang, year=year),
            f"{upper_first(short_label(results, r, lang))} ({clause_text(r['clause'], lang)})",
            goal_text(r, lang), bare_value(r["indicator"], r["value"], lang),
            verdict_text(r["status"], lang), gap_text(r, lang),
            basis_text(str(r.get("value_status", "")), is_assumed(source), lang, r.get("grade")),
        ]
        body.append(cells)
    table = Table(header, body, {3}, widths, merge_first=True)
    bases = {row[6] for row in body}
    if len(bases) == 1:  # one basis for every row: said once under the table, not in a column
        table.drop_column(6)
        table.note = t("brief.basis.all", lang, basis=lower_first(bases.pop()))
    return table


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def short_label(results: Any, row: dict, lang: str) -> str:
    """A target's short name inside a sentence (``đầu tư xã hội cho KH&CN/GRDP``)."""
    key = f"brief.short.{row['indicator']}"
    if has(key):
        return t(key, lang)
    return lower_first(target_label(_targets(results).get(row["target_id"]), row["indicator"], lang))


def milestone_sentences(results: Any, lang: str, years: Sequence[int] = MILESTONES) -> list[str]:
    """One sentence per milestone: how many computable targets are met, which are and which are not."""
    rows = judged_rows(results, years)
    last_recorded = _last_recorded_year(results)
    out = []
    for year in years:
        sel = rows[rows["year"] == year]
        when = t("brief.milestone.year_projected" if year > last_recorded else "brief.milestone.year",
                 lang, year=year)
        groups = {status: [short_label(results, r, lang) for r in sel[sel["status"] == status].to_dict("records")]
                  for status in ("met", "not_met", "undetermined")}
        met, missed, open_ = groups["met"], groups["not_met"], groups["undetermined"]
        if sel.empty:
            out.append(t("brief.milestone.none", lang, when=when))
        elif not missed and not open_:
            out.append(t("brief.milestone.all", lang, when=when, total=len(sel), met=", ".join(met)))
        elif not met and not open_:
            out.append(t("brief.milestone.nothing", lang, when=when, total=len(sel), missed=", ".join(missed)))
        else:
            text = t("brief.milestone.head", lang, when=when, n=len(met), total=len(sel))
            if met:
                text += t("brief.milestone.head_met", lang, met=", ".join(met))
            for status, items in (("not_met", missed), ("undetermined", open_)):
                if items:
                    text += t("brief.milestone.group", lang, word=lower_first(verdict_text(status, lang)),
                              items=", ".join(items))
            out.append(text + ".")
    return out


def _last_recorded_year(results: Any) -> int:
    """The last year with any observed value in the projection (the rest is projected)."""
    table = results.table
    recorded = table["recorded"].astype(bool) if "recorded" in table.columns else table["status"] == "observed"
    years = table.loc[recorded, "year"]
    return int(years.max()) if len(years) else int(table["year"].min())


def not_computable_sentence(results: Any, lang: str) -> str | None:
    """The plan's targets the workbook cannot judge yet (hand-tracked or without data)."""
    att = results.attainment
    prov = att[att["scope"] == "province"]
    judged = set(prov.loc[prov["status"] != "not_computable", "target_id"])
    names: dict[str, None] = {}
    for r in prov[prov["status"] == "not_computable"].to_dict("records"):
        if r["target_id"] not in judged:
            names.setdefault(short_label(results, r, lang), None)
    if not names:
        return None
    return t("brief.not_computable", lang, n=len(names), items="; ".join(names))


def deciding_sentences(results: Any, lang: str, assumption_name) -> list[str]:
    """For each verdict an assumption decides: the judge's own sentence when its rows carry
    one (``sentence_vi``/``sentence_en``), else which assumption and its breakpoint."""
    rows = judged_rows(results)
    if "deciding_assumption" not in rows.columns:
        return []
    out = []
    for r in rows.to_dict("records"):
        deciding = r.get("deciding_assumption")
        undecided = r["status"] == "undetermined"
        if not undecided and (is_missing(deciding) or not str(deciding).strip()):
            continue
        label = upper_first(short_label(results, r, lang))
        sentence = r.get(f"sentence_{lang}")
        if isinstance(sentence, str) and sentence.strip():
            out.append(t("brief.assume.sentence", lang, label=label, year=int(r["year"]), sentence=sentence.strip()))
            continue
        if is_missing(deciding) or not str(deciding).strip():
            continue
        text = t("brief.assume.deciding", lang, label=label, year=int(r["year"]),
                 verdict=lower_first(verdict_text(r["status"], lang)), assumption=assumption_name(str(deciding)))
        breakpoint_ = r.get("breakpoint")
        if not is_missing(breakpoint_) and str(breakpoint_).strip():
            text += t("brief.assume.breakpoint", lang, breakpoint=_breakpoint_text(breakpoint_, r, lang))
        out.append(text + ".")
    return out


def _breakpoint_text(value: object, row: dict, lang: str) -> str:
    """A breakpoint in natural units: a number with the row's gap unit, or the judge's own words."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    unit = str(row.get("breakpoint_unit") or row.get("gap_unit") or "")
    if unit == "bn VND":
        return money(number, lang)
    decimals = 0 if unit == "persons" else 2
    return f"{fmt_number(number, decimals, lang)} {unit_label(unit, lang)}".strip()  # type: ignore[arg-type]
