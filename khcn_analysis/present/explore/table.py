"""The milestone table: four indicators at 2015, 2020 and 2030, with the judge's verdicts.

Every "met / not met / short by" in it is a row of the judge
(:attr:`Results.attainment` and :attr:`Results.sufficiency`); this module only
words and lays them out. A value that is assumed (or back-cast, or counterfactual)
carries its status in words and in colour, so it never reads as recorded data.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.core.indicators import get_indicator, unit_label
from khcn_analysis.pipeline import Results
from khcn_analysis.present.explore.markup import attr, esc
from khcn_analysis.present.explore.statuses import VERDICT_STYLES, status_label, status_style
from khcn_analysis.present.explore.targets import specs, target_text

__all__ = ["TABLE_INDICATORS", "summary_html", "summary_rows", "verdict_word"]

#: Rows of the table, in reading order.
TABLE_INDICATORS = (
    "st_investment_share_grdp", "researcher_density", "st_budget_share_expenditure", "funding_sufficiency",
)
SUFFICIENCY = "funding_sufficiency"
#: Decimals of a gap, by the gap's unit (money to the tenth of a billion, people whole).
_GAP_DECIMALS = {"bn VND": 1, "persons": 0}


def verdict_word(indicator: str, verdict: str, lang: str) -> str:
    """The badge's word: the judge's verdict, said as "enough"/"short" for the money."""
    if indicator == SUFFICIENCY and verdict in ("met", "not_met"):
        return t(f"sufficiency.{verdict}", lang)
    return t(f"verdict.{verdict}", lang)


def _judge_rows(result: Results) -> dict[tuple[str, int], dict[str, Any]]:
    """The judge's first province row per (indicator, year), in the judge's order."""
    att = result.attainment
    att = att.loc[att["scope"] == "province"] if "scope" in att.columns else att
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for row in att.to_dict("records"):
        out.setdefault((str(row["indicator"]), int(row["year"])), row)
    return out


def _amount(gap: float, unit: str, lang: str) -> str:
    return f"{format_number(abs(gap), _GAP_DECIMALS.get(unit, 1), lang)} {unit_label(unit, lang)}"


def _gap_text(gap: Any, unit: str, lang: str) -> str:
    gap = float(gap)
    if math.isnan(gap) or gap == 0:
        return ""
    key = "explore.table.short_by" if gap > 0 else "explore.table.above_range"
    return t(key, lang, amount=_amount(gap, unit, lang))


def _grade(row: dict[str, Any] | None, fallback: str) -> str:
    """The status a verdict rests on: the judge's grade when it gives one, else the value's status."""
    if row is not None:
        for column in ("grade", "value_status"):
            value = row.get(column)
            if isinstance(value, str) and value:
                return value
    return fallback


def _sentence(row: dict[str, Any] | None, verdict: str, lang: str) -> str:
    """For an undetermined verdict, the judge's own sentence: what would decide it (its breakpoint)."""
    if row is None or verdict != "undetermined":
        return ""
    text = row.get(f"sentence_{lang}")
    return text if isinstance(text, str) else ""


def summary_rows(result: Results, lang: Lang = "vi") -> pd.DataFrame:
    """The table as tidy rows: indicator, year, value, the judge's verdict, target and gap as text.

    ``status`` is the verdict (``met`` / ``not_met`` / ``undetermined`` /
    ``not_computable``, or ``no_target`` when the plan sets none that year);
    ``value_status`` the judge's evidence grade (else the value's status);
    ``sentence`` the judge's sentence for an undetermined verdict (what decides it).
    """
    lang = check_lang(lang)
    table = result.table
    # One pass over each table into dicts: per-cell pandas filters cost more than the engine.
    sub = table.loc[table["year"].isin(MILESTONES) & table["variable"].isin(TABLE_INDICATORS)]
    cells = {(v, int(y)): (float(x), str(st)) for v, y, x, st in
             zip(sub["variable"], sub["year"], sub["value"], sub["status"], strict=True)}
    judged = _judge_rows(result)
    enough = ({int(r["year"]): r for r in result.sufficiency.to_dict("records")}
              if result.sufficiency is not None else {})
    rows = []
    for ind in TABLE_INDICATORS:
        meta = get_indicator(ind)
        by_id = {s.target_id: s for s in specs(result.attainment, ind)}
        for year in MILESTONES:
            value, value_status = cells.get((ind, year), (math.nan, ""))
            if ind == SUFFICIENCY:
                row = enough.get(year)
                verdict = str(row["status"]) if row is not None else "not_computable"
                shown = format_number(value * 100, 0, lang) + "%" if not math.isnan(value) else "–"
                target = t("explore.table.sufficiency_target", lang)
                gap = _gap_text(row["gap"], str(row["gap_unit"]), lang) if row is not None else ""
            else:
                row = judged.get((ind, year))
                verdict = str(row["status"]) if row is not None else "no_target"
                shown = meta.format_value(value, lang)
                spec = by_id.get(str(row["target_id"])) if row is not None else None
                target = t("explore.table.target", lang, target=target_text(spec, lang, meta.unit)) if spec else ""
                gap = _gap_text(row["gap"], str(row["gap_unit"]), lang) if verdict == "not_met" else ""
            rows.append({
                "indicator": ind, "label": meta.label(lang), "year": year, "value": value,
                "value_text": shown, "value_status": _grade(row, value_status), "status": verdict,
                "target_text": target, "gap_text": gap, "sentence": _sentence(row, verdict, lang),
            })
    return pd.DataFrame(rows)


TABLE_CSS = """
<style>
.khcn-table {border-collapse: collapse; font-size: 15px; width: 100%; margin: 4px 0 10px 0;}
.khcn-table th {background: #F2F2F2; text-align: left; padding: 6px 10px; border-bottom: 2px solid #888;}
.khcn-table td {padding: 4px 10px; line-height: 1.35; border-bottom: 1px solid #DDD; vertical-align: top;}
.khcn-table td.khcn-label {font-weight: 600; max-width: 260px;}
.khcn-table .khcn-num {font-size: 19px; font-weight: 700;}
.khcn-table .khcn-assumed .khcn-num {border-bottom: 2px dotted currentColor;}
.khcn-table .khcn-small {font-size: 12px; color: #555;}
.khcn-table .khcn-badge {display: inline-block; padding: 1px 6px; border-radius: 4px; font-weight: 700;
  font-size: 13px; margin-left: 6px;}
</style>
"""


def _badge(indicator: str, verdict: str, lang: str) -> str:
    if verdict in ("met", "not_met", "undetermined"):
        style = VERDICT_STYLES[verdict]
        return (f'<span class="khcn-badge khcn-{verdict}" style="color:{style.colour};background:{style.background}">'
                f"{esc(style.symbol)} {esc(verdict_word(indicator, verdict, lang))}</span>")
    if verdict == "not_computable":
        return f'<span class="khcn-small khcn-not_computable">{esc(verdict_word(indicator, verdict, lang))}</span>'
    return ""


def _cell(r: Any, lang: str) -> str:
    style = status_style(r.value_status) if r.value_status else None
    assumed = style is not None and style.assumed
    first = []
    if r.target_text:
        first.append(esc(r.target_text))
    elif r.status == "no_target":
        first.append(esc(t("explore.table.no_target", lang)))
    if r.value_status:
        word = esc(status_label(r.value_status, lang, lower=True))
        first.append(f'<b style="color:{style.colour}"><i>{word}</i></b>' if assumed else f"<i>{word}</i>")
    lines = [" · ".join(first)] + ([esc(r.gap_text)] if r.gap_text else [])
    if r.sentence:
        lines.append(f'<span class="khcn-why">{esc(r.sentence)}</span>')
    value_attr = "" if math.isnan(r.value) else repr(float(r.value))
    colour = f' style="color:{style.colour}"' if assumed else ""
    return (
        f'<td class="khcn-cell{" khcn-assumed" if assumed else ""}" data-indicator={attr(r.indicator)} '
        f"data-year={attr(r.year)} data-value={attr(value_attr)} data-status={attr(r.status)} "
        f"data-value-status={attr(r.value_status)}><span class=\"khcn-num\"{colour}>{esc(r.value_text)}</span>"
        f'{_badge(r.indicator, r.status, lang)}<br><span class="khcn-small">{"<br>".join(lines)}</span></td>'
    )


def summary_html(result: Results, lang: Lang = "vi") -> str:
    """The table as HTML; each value cell carries ``data-indicator/-year/-value/-status/-value-status``."""
    rows = summary_rows(result, lang)
    head = "".join(f"<th>{y}</th>" for y in MILESTONES)
    parts = [TABLE_CSS, f'<table class="khcn-table"><thead><tr><th>{esc(t("explore.table.indicator", lang))}</th>'
                        f"{head}</tr></thead><tbody>"]
    for ind in TABLE_INDICATORS:
        sel = rows.loc[rows["indicator"] == ind]
        unit = t("explore.table.sufficiency_unit", lang) if ind == SUFFICIENCY else get_indicator(ind).unit_label(lang)
        label = f'{esc(sel["label"].iloc[0])} <span class="khcn-small">({esc(unit)})</span>'
        cells = "".join(_cell(r, lang) for r in sel.itertuples(index=False))
        parts.append(f'<tr><td class="khcn-label">{label}</td>{cells}</tr>')
    parts.append("</tbody></table>")
    return "".join(parts)
