"""The Sources sheet: every source id the workbook uses, who published it, and the quote.

The ids come from the run (``Results.table``'s ``source`` cells, the parameters'
and the assumed values' sources); their details from ``Results.sources``. The
id column is the one place raw ids appear (a reader looks them up); the kind,
publisher and quality are in the reader's language (publisher names through
:func:`khcn_analysis.core.provenance.source_label`). A quote is the source's own
words, verbatim, in the source's language; an assumption's reason is ours, shown
only in the language it is written in (otherwise its rule is described).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.core.paths import project_root
from khcn_analysis.core.provenance import source_kind, source_label, split_sources
from khcn_analysis.present.excel.formats import (
    STATUS_FILLS,
    Formats,
    RowFit,
    page_setup,
    protect,
    write_title,
)
from khcn_analysis.present.excel.inputs import assumption_reason
from khcn_analysis.present.excel.layout import HEADER_ROW
from khcn_analysis.present.excel.summary import clause_label

if TYPE_CHECKING:
    from khcn_analysis.pipeline import Results

__all__ = ["COLUMNS", "source_rows", "sources_sheet", "used_source_ids"]

#: Columns of the table, in order, with their widths.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("id", 44), ("kind", 16), ("publisher", 36), ("url", 50), ("quote", 80), ("quality", 16),
)


def used_source_ids(results: Results, extra: list[str]) -> list[str]:
    """Every id in the projection's source cells, then those of ``extra`` cells, once each."""
    return split_sources([*results.table["source"].tolist(), *extra])


def _scenario_file(results: Results) -> str:
    """The scenario's file as a reader can find it: relative to the project, else its name."""
    path = results.scenario.path
    if path is None:
        return f"scenarios/{results.scenario.name}.yaml"
    path = Path(path).resolve()
    root = project_root().resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def _plan_texts(results: Results, lang: str) -> dict[str, str]:
    """Plan item id → "clause: the plan's sentence" (Vietnamese verbatim, or the English gloss)."""
    plan = results.plan
    items: dict[str, str] = {}
    for item in [*plan.targets, *plan.phases]:
        text = getattr(item, f"text_{lang}", None) or item.text_en
        items[item.id] = f"{clause_label(item.clause, lang)}: {text}"
    return items


def source_rows(ids: list[str], results: Results, lang: str) -> list[tuple[str, ...]]:
    """(id, kind, publisher, url, quote, quality) for each id, in the reader's language."""
    details = {str(r["id"]): r for r in results.sources.fillna("").to_dict("records")}
    assumptions = results.inputs.assumptions.drop_duplicates("id").set_index("id")
    plan_items = _plan_texts(results, lang)
    documents = results.plan.documents
    sc = results.scenario
    out = []
    for sid in ids:
        kind = source_kind(sid)
        d: dict[str, Any] = details.get(sid, {})
        quality = str(d.get("quality", ""))
        publisher = source_label(sid, lang, results.sources)
        url, quote = str(d.get("url", "")), str(d.get("quote", ""))
        if kind == "scenario":
            publisher = t("excel.publisher.scenario", lang, title=sc.title(lang))
            url, quote, quality = _scenario_file(results), sc.description(lang), "assumption"
        elif kind == "plan":
            publisher = getattr(documents[0], f"reference_{lang}") if documents else publisher
            quote, quality = plan_items.get(sid.split(":")[-1], ""), "plan"
        elif kind == "assumption":
            aid = sid.removeprefix("assumption:")
            variable = str(assumptions["variable"].get(aid, "")) if aid in assumptions.index else ""
            rule = str(assumptions["rule"].get(aid, "")) if aid in assumptions.index else ""
            ind = INDICATORS.get(variable)
            publisher = t("excel.publisher.assumption", lang, indicator=ind.label(lang) if ind else variable)
            quote = assumption_reason(aid, rule, quote, lang)
        elif not d:
            quote = t("excel.sources.missing", lang)
        out.append((sid, t(f"excel.kind.{kind}", lang), publisher, url, quote, _quality(quality, lang)))
    return out


def _quality(quality: str, lang: str) -> str:
    key = f"excel.quality.{quality}"
    return t(key, lang) if has(key) else quality


def sources_sheet(ws: Any, fmt: Formats, rows: list[tuple[str, ...]], lang: str) -> None:
    write_title(ws, fmt, t("excel.sources.title", lang), t("excel.sources.subtitle", lang),
                t("excel.sources.note", lang))
    for col, (key, width) in enumerate(COLUMNS):
        ws.write_string(HEADER_ROW, col, t(f"excel.sources.head.{key}", lang), fmt.head())
        ws.set_column(col, col, width)
    wrap = fmt.text()
    flagged = fmt.text(bg_color=STATUS_FILLS["assumption"])
    link = fmt.text(font_color="#0563C1", underline=1)
    assumed = {t("excel.kind.assumption", lang), t("excel.kind.scenario", lang)}
    fit = RowFit({col: width for col, (_, width) in enumerate(COLUMNS)})
    for k, rec in enumerate(rows):
        row = HEADER_ROW + 1 + k
        for col, text in enumerate(rec):
            if col == 3 and text.startswith(("http://", "https://")) and len(text) < 2000:
                ws.write_url(row, col, text, link, string=text)
            else:
                ws.write_string(row, col, text, flagged if col == 1 and text in assumed else wrap)
            fit.note(row, col, text)
    fit.apply(ws)
    page_setup(ws, HEADER_ROW)
    protect(ws)
