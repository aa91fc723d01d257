"""Page 02 (baseline data) for readers: what is known, where from, what is assumed.

Receives a :class:`~khcn_analysis.pipeline.BaselineView` and returns what a planner
reads: headings and sentences in the page's language, and tables whose headers and
cells are words and formatted numbers (never ids, ``NaN`` or ``True``/``False``),
narrow enough for an A4 page or a 1,280 px window. The page used to print the
build's English log and dump the raw frames. Charts: :mod:`.baseline_charts`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.catalogue.status import value_status_label
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.provenance import plain_references, source_labels
from khcn_analysis.present.baseline_charts import (
    HISTORY_STATUSES,
    MAIN_SERIES,
    REGIONAL_ORDER,
    region_name,
)

__all__ = [
    "assumption_values_table",
    "assumptions_table",
    "checks_table",
    "conflicts_tables",
    "department_text",
    "dispositions_table",
    "findings_table",
    "heading",
    "html",
    "known_table",
    "regional_tables",
    "rules_table",
    "sources_table",
    "title",
]

DASH = "–"
#: Styles for the page's tables: wrap long cells, never wider than the page.
CSS = (
    "<style>table.khcn-b02{border-collapse:collapse;max-width:100%;margin:.4rem 0 1rem;font-size:.92rem}"
    "table.khcn-b02 th,table.khcn-b02 td{text-align:left !important;vertical-align:top;padding:.3rem .5rem;"
    "border-bottom:1px solid #ddd;overflow-wrap:normal !important;word-break:normal !important;"
    "hyphens:manual !important;max-width:30rem}"
    "table.khcn-b02 th{background:#eef2f7}</style>"
)


def number(value: object, lang: str) -> str:
    """A number as a reader writes it (12.345,6; 0,18), or a dash when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return DASH
    value = float(value)  # type: ignore[arg-type]
    if value.is_integer():
        return format_number(value, 0, lang)
    if abs(value) >= 1:
        return format_number(value, 1 if abs(value) >= 100 else 2, lang)
    text = format_number(value, 3, lang)
    return text.rstrip("0")  # 0,42 rather than 0,420


def year_runs(years: Iterable[object]) -> str:
    """2010–2016, 2019, 2022."""
    ys = sorted({int(y) for y in years})  # type: ignore[call-overload]
    if not ys:
        return DASH
    runs, start = [], ys[0]
    for a, b in zip(ys, [*ys[1:], None], strict=True):
        if b != a + 1:
            runs.append(str(start) if start == a else f"{start}–{a}")
            start = b
    return ", ".join(runs)


def variable_label(variable: str, lang: str) -> str:
    key = f"data.var.{variable}"
    return t(key, lang) if has(key) else variable


def title(view, lang: str) -> str:
    return f"# {t('data.page.title', lang)}\n\n{t('data.page.intro', lang, built=view.built_at or DASH)}"


def heading(section: str, lang: str) -> str:
    """``## heading`` and the section's first paragraph."""
    text_key = f"data.page.{section}_text"
    body = f"\n\n{t(text_key, lang)}" if has(text_key) else ""
    return f"## {t(f'data.page.{section}', lang)}{body}"


def html(frame: pd.DataFrame, name: str) -> str:
    """A reader table as HTML: no index, escaped text, the page's styles."""
    body = frame.to_html(index=False, escape=True, border=0, na_rep=DASH,
                         classes=["dataframe", "khcn-b02", f"khcn-b02-{name}"])
    return CSS + body


def _lai_chau(obs: pd.DataFrame) -> pd.DataFrame:
    return obs[obs["region"] == "Lai Chau"]


def known_table(obs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per main series: the years covered by each kind of figure."""
    lc = _lai_chau(obs)
    rows = []
    for variable in MAIN_SERIES:
        part = lc[lc["variable"] == variable]
        row = {t("data.col.indicator", lang): t(f"data.series.{variable}", lang),
               t("data.col.unit", lang): t(f"data.unit.{variable}", lang)}
        for status in HISTORY_STATUSES:
            row[value_status_label(status, lang)] = year_runs(part.loc[part["status"] == status, "year"])
        rows.append(row)
    return pd.DataFrame(rows)


def sources_table(view, lang: str) -> pd.DataFrame:
    """One row per main series and set of sources: which years come from whom."""
    lc = _lai_chau(view.observations)
    rows = []
    for variable in MAIN_SERIES:
        part = lc[lc["variable"] == variable].sort_values("year")
        groups: dict[str, list[int]] = {}
        for year, status, source in zip(part["year"], part["status"], part["source"], strict=True):
            names = "; ".join(source_labels(source, lang, names=view.sources))
            if status == "interpolated":
                names = f"{t('data.interpolated_between', lang)} ({names})"
            groups.setdefault(names, []).append(int(year))
        for names, years in groups.items():
            rows.append({t("data.col.indicator", lang): t(f"data.series.{variable}", lang),
                         t("data.col.years", lang): year_runs(years), t("data.col.sources", lang): names})
    return pd.DataFrame(rows)


def _assumption_text(assumption_id: str, reason: str, lang: str, view_sources=None) -> str:
    key = f"data.assumption.{assumption_id}"
    return t(key, lang) if has(key) else plain_references(reason, lang, view_sources)


def assumptions_table(view, lang: str) -> pd.DataFrame:
    """One row per assumption: what it says, for which indicator, on what it rests."""
    rows = []
    for assumption_id, part in view.assumptions.groupby("id", sort=False):
        first = part.iloc[0]
        sources = [s for cell in part["sources"].dropna() for s in str(cell).split(";") if s]
        basis = "; ".join(source_labels(sources, lang, names=view.sources)) or DASH
        rows.append({t("data.col.assumption", lang): _assumption_text(str(assumption_id), str(first["reason"]), lang,
                                                                         view.sources),
                     t("data.col.indicator", lang): variable_label(str(first["variable"]), lang),
                     t("data.col.basis", lang): basis})
    return pd.DataFrame(rows)


def _superseded_by(cell: object, view, lang: str) -> str:
    text = "" if cell is None or (isinstance(cell, float) and math.isnan(cell)) else str(cell)
    status, _, source = text.partition(": ")
    names = "; ".join(source_labels(source, lang, names=view.sources))
    by = value_status_label(status, lang, lower=True) + (f" ({names})" if names else "")
    return t("data.state.superseded", lang, by=by)


def assumption_values_table(view, lang: str) -> pd.DataFrame:
    """One row per assumed value: the year, the number, and whether it is used."""
    rows = []
    for r in view.assumptions.sort_values(["variable", "year"]).itertuples():
        used = bool(r.used) if not isinstance(r.used, str) else r.used.lower() == "true"
        rows.append({t("data.col.indicator", lang): variable_label(str(r.variable), lang),
                     t("data.col.year", lang): str(int(r.year)),
                     t("data.col.value", lang): number(r.value, lang),
                     t("data.col.state", lang): t("data.state.used", lang) if used
                     else _superseded_by(r.superseded_by, view, lang)})
    return pd.DataFrame(rows)


def assumption_ranges_table(view, lang: str) -> pd.DataFrame:
    """One row per assumption's plausible range: low, the central value the projection uses, high, sources
    (the assumption's name carries its unit).

    The raw assumption (e.g. about 330 researchers in 2011) may be an end of its range;
    without this table a reader would take it for the value in use.
    """
    rows = []
    for r in view.ranges:
        rows.append({t("data.col.assumption", lang): t(f"param.{r.id}", lang) if has(f"param.{r.id}") else r.id,
                     t("data.col.range_low", lang): number(r.low, lang),
                     t("data.col.range_central", lang): number(r.central, lang),
                     t("data.col.range_high", lang): number(r.high, lang),
                     t("data.col.sources", lang): "; ".join(source_labels(";".join(r.sources), lang,
                                                                          names=view.sources)) or DASH})
    return pd.DataFrame(rows)


def department_text(view, lang: str) -> str:
    """Which import is in force (or that none is), and whether any figure was set aside."""
    current = view.current_import()
    if current is None:
        text = t("data.page.department_none", lang)
    else:
        used = view.facts[(view.facts["source_quality"] == "department") & (view.facts["reason_code"] == "used")]
        when = pd.Timestamp(current.when).strftime("%d/%m/%Y %H:%M") if current.when else DASH
        text = t("data.page.department_current", lang, import_id=current.import_id, when=when,
                 who=current.filled_by or DASH, n=len(used))
    more = t("data.page.findings_text", lang) if len(view.findings) else t("data.page.findings_none", lang)
    return f"{text}\n\n{more}"


def findings_table(view, lang: str) -> pd.DataFrame:
    """The department figures set aside, each with the sentence that says why."""
    rows = [{t("data.col.indicator", lang): variable_label(str(f["variable"]), lang),
             t("data.col.year", lang): str(int(f["year"])),
             t("data.col.why", lang): text}
            for f, text in zip(view.findings.to_dict("records"), view.finding_texts(lang), strict=True)]
    return pd.DataFrame(rows, columns=[t("data.col.indicator", lang), t("data.col.year", lang),
                                       t("data.col.why", lang)])


def rules_table(view, lang: str) -> pd.DataFrame:
    return pd.DataFrame({t("data.col.order", lang): [str(i) for i in range(1, len(view.conflict_rules) + 1)],
                         t("data.col.rule", lang): [t(f"data.rule.{name}", lang) for name in view.conflict_rules]})


def conflicts_tables(view, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Every contested value, one table per region: who said what, and which rule chose.

    One table per region keeps each narrow enough for the page (a region column made
    the table so wide that the years wrapped).
    """
    order = {name: i for i, name in enumerate(view.conflict_rules, start=1)}
    out = []
    regions = [r for r in REGIONAL_ORDER if r in set(view.conflicts["region"])]
    for region in regions:
        rows = []
        for r in view.conflicts[view.conflicts["region"] == region].itertuples():
            kind = t(f"data.kind.{r.kind}", lang) if has(f"data.kind.{r.kind}") else str(r.kind)
            rows.append({
                t("data.col.indicator", lang): variable_label(str(r.variable), lang),
                t("data.col.year", lang): str(int(r.year)),
                t("data.col.value", lang): number(r.value, lang),
                t("data.col.kind", lang): kind,
                t("data.col.sources", lang): "; ".join(source_labels(r.fact_id, lang, names=view.sources)),
                t("data.col.decision", lang): t(f"data.state.{r.decision}", lang, rule=order.get(str(r.rule), DASH)),
            })
        out.append((region_name(region, lang), pd.DataFrame(rows)))
    return out


def dispositions_table(view, lang: str) -> pd.DataFrame:
    """How many raw figures are used, and why the others are not."""
    counts = view.facts["reason_code"].value_counts()
    order = ["used", *[c for c in counts.index if c != "used"]]
    return pd.DataFrame({t("data.col.reason", lang): [t(f"data.disposition.{c}", lang) for c in order if c in counts],
                         t("data.col.rows", lang): [number(counts[c], lang) for c in order if c in counts]})


def _check_note(check: str, year: int, lang: str) -> str:
    known = f"data.check.known.{check}.{year}"
    return t(known, lang) if has(known) else t("data.check.unexplained", lang)


def checks_table(view, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The cross-checks, and the notes on those that do not match (numbered in the table)."""
    rows, notes = [], []
    for r in view.crosschecks.itertuples():
        ok = bool(r.ok) if not isinstance(r.ok, str) else r.ok.lower() == "true"
        key = f"data.check.{r.check}"
        if ok:
            result = t("data.state.match", lang)
        else:
            notes.append(_check_note(str(r.check), int(r.year), lang))
            result = t("data.state.mismatch", lang, note=len(notes))
        rows.append({
            t("data.col.check", lang): t(key, lang) if has(key) else str(r.check),
            t("data.col.region", lang): region_name(str(r.region), lang),
            t("data.col.year", lang): str(int(r.year)),
            t("data.col.published", lang): number(r.published, lang),
            t("data.col.recomputed", lang): number(r.recomputed, lang),
            t("data.col.result", lang): result,
        })
    return pd.DataFrame(rows), notes


def regional_tables(view, lang: str, per_table: int = 3) -> list[pd.DataFrame]:
    """The latest value per region and indicator, split so each table fits the page width."""
    table = view.regional
    latest = table.sort_values("year").groupby(["variable", "region"]).tail(1)
    cells = {(r.variable, r.region): f"{number(r.value, lang)} ({int(r.year)})" for r in latest.itertuples()}
    variables = list(dict.fromkeys(table["variable"]))
    regions = [r for r in REGIONAL_ORDER if r in set(table["region"])]
    out = []
    for i in range(0, len(variables), per_table):
        chunk = variables[i:i + per_table]
        frame = pd.DataFrame({t("data.col.region", lang): [region_name(r, lang) for r in regions]})
        for variable in chunk:
            frame[t(f"data.regional.{variable}", lang)] = [cells.get((variable, r), DASH) for r in regions]
        out.append(frame)
    return out
