"""Page 03: where the numbers come from, counted over the projection's ``source`` cells.

A reader sees what each source is (a sourced figure and its publisher, an
assumption and its reason, a clause of the plan, the scenario) and how many values
rest on it; the source ids stay in the CSV beside the page, where a machine wants them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import pandas as pd

from khcn_analysis.core import provenance
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.present.narrative.scenarios import scenario_title
from khcn_analysis.present.narrative.text import Column, build_table, clause_text, indicator_label

__all__ = ["SOURCE_COLUMNS", "sources_used"]


class _Lookup:
    """What the pipeline's inputs say about each kind of source id."""

    def __init__(self, results: Any) -> None:
        sources = getattr(results, "sources", None)
        assumptions = getattr(getattr(results, "inputs", None), "assumptions", None)
        self.facts = sources.drop_duplicates("id").set_index("id") if sources is not None else None
        self.names = provenance.name_lookup(sources) if sources is not None else {}
        self.assumptions = (assumptions.drop_duplicates("id").set_index("id")
                            if assumptions is not None else None)
        self.plan = getattr(results, "plan", None)

    def fact(self, sid: str, lang: Lang) -> tuple[str, str]:
        """A sourced figure (or a department import): its reader's name and its URL."""
        if self.facts is None or sid not in self.facts.index:
            return provenance.source_label(sid, lang), ""
        row = self.facts.loc[sid]
        url = row.get("url")
        return provenance.display_name(str(row["name"]), lang), "" if pd.isna(url) else str(url)

    def assumption(self, sid: str, lang: Lang) -> tuple[str, str]:
        key = sid.split(":", 1)[1]
        if self.assumptions is None or key not in self.assumptions.index:
            return key, ""
        row = self.assumptions.loc[key]
        variable = indicator_label(str(row["variable"]), lang) if "variable" in row else key
        reason = row.get(f"reason_{lang}")
        if (reason is None or pd.isna(reason)) and lang == "en":  # the data give the reason in English
            reason = row.get("reason")
        if reason is None or pd.isna(reason):
            return variable, t("narrative.source.assumption_reason", lang)
        return variable, provenance.plain_references(str(reason), lang, self.names)

    def plan_item(self, sid: str, lang: Lang) -> tuple[str, str]:
        name = provenance.source_label(sid, lang)
        item = sid.rsplit(":", 1)[-1]
        for phase in getattr(self.plan, "phases", []) or []:
            if phase.id == item:
                return name, t("narrative.source.plan_phase", lang, start=phase.start_year, end=phase.end_year,
                               clause=clause_text(phase.clause, lang))
        for target in getattr(self.plan, "targets", []) or []:
            if target.id == item:
                return name, t("narrative.source.plan_target", lang, clause=clause_text(target.clause, lang))
        return name, ""

    def describe(self, sid: str, lang: Lang) -> tuple[str, str, str]:
        """(kind, name, detail) of one id."""
        kind = provenance.source_kind(sid)
        if kind == "assumption":
            name, detail = self.assumption(sid, lang)
        elif kind == "plan":
            name, detail = self.plan_item(sid, lang)
        elif kind == "scenario":
            name = t("narrative.source.scenario_named", lang, title=scenario_title(sid.split(":", 1)[1], lang))
            detail = ""
        else:
            name, detail = self.fact(sid, lang)
        return t(f"narrative.source.{'observed' if kind == 'fact' else kind}", lang), name, detail


SOURCE_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.kind", lambda r, lg: r["kind"]),
    Column("narrative.col.source", lambda r, lg: r["name"]),
    Column("narrative.col.detail", lambda r, lg: r["detail"]),
    Column("narrative.col.uses", lambda r, lg: r["uses"]),
)
ID_COLUMN = Column("narrative.col.source_id", lambda r, lg: r["id"])


def sources_used(results: Any, lang: Lang = "vi", *, ids: bool = True, limit: int | None = None) -> pd.DataFrame:
    """Every source behind the projection, most used first: kind, name, URL or reason, uses.

    Ids that read the same to a reader (two targets of one clause) are one row. ``ids=True``
    (for the CSV file) adds the source ids as the last column; a page leaves them out.
    """
    lang = check_lang(lang)
    counts = Counter(sid for cell in results.table["source"] for sid in provenance.split_sources(cell))
    lookup = _Lookup(results)
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for sid, uses in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        kind, name, detail = lookup.describe(sid, lang)
        row = merged.setdefault((kind, name, detail), {"kind": kind, "name": name, "detail": detail,
                                                       "uses": 0, "ids": []})
        row["uses"] += uses
        row["ids"].append(sid)
    rows: list[Mapping[str, Any]] = sorted(merged.values(), key=lambda r: -r["uses"])[:limit]
    for row in rows:
        row["id"] = provenance.join_sources(*row["ids"])  # type: ignore[index]
    return build_table(rows, (*SOURCE_COLUMNS, ID_COLUMN) if ids else SOURCE_COLUMNS, lang)
