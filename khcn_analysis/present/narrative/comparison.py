"""Page 04: scenarios side by side, and how many targets each meets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.present.narrative.attainment import province_computable
from khcn_analysis.present.narrative.scenarios import scenario_title
from khcn_analysis.present.narrative.text import (
    MILESTONES,
    Column,
    build_table,
    indicator_label,
    md_text,
    value_text,
)

__all__ = ["COMPARISON_INDICATORS", "attainment_counts", "comparison_sentence", "comparison_table"]

#: Indicators a comparison across scenarios shows.
COMPARISON_INDICATORS = (
    "st_investment",
    "st_investment_share_grdp",
    "st_budget_share_expenditure",
    "researcher_density",
    "funding_sufficiency",
)


def comparison_table(table: pd.DataFrame, lang: Lang = "vi", year: int = 2030,
                     indicators: Sequence[str] = COMPARISON_INDICATORS) -> pd.DataFrame:
    """Scenarios side by side: one row per indicator, one column per scenario (by title), in ``year``."""
    lang = check_lang(lang)
    names = list(dict.fromkeys(table["scenario"].astype(str)))
    at_year = table.loc[table["year"] == year].set_index(["variable", "scenario"])["value"]
    at_year = at_year[~at_year.index.duplicated()]
    frame = pd.DataFrame({t("narrative.col.indicator", lang): [indicator_label(i, lang) for i in indicators]})
    for name in names:
        frame[scenario_title(name, lang)] = [value_text(i, at_year.get((i, name)), lang) for i in indicators]
    return frame


def _met_column(year: int) -> Column:
    def cell(r: Mapping[str, object], lang: Lang) -> str:
        sel = province_computable(r["att"], [year])  # type: ignore[arg-type]
        return f"{int((sel['status'] == 'met').sum())}/{len(sel)}"

    return Column("narrative.col.targets_met", cell, fields={"year": year})


def attainment_counts(attainments: Mapping[str, pd.DataFrame], lang: Lang = "vi",
                      years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """Per scenario and milestone year: the judge's computable targets met, as ``k/n``."""
    columns = (Column("narrative.col.scenario", lambda r, lg: scenario_title(r["name"], lg)),
               *(_met_column(y) for y in years))
    rows = [{"name": name, "att": att} for name, att in attainments.items()]
    return build_table(rows, columns, check_lang(lang))


def comparison_sentence(table: pd.DataFrame, lang: Lang = "vi", year: int = 2030,
                        indicator: str = "st_investment_share_grdp") -> str:
    """Markdown: which scenario is highest and lowest on ``indicator`` in ``year``."""
    lang = check_lang(lang)
    sel = table.loc[(table["variable"] == indicator) & (table["year"] == year)].set_index("scenario")["value"]
    if sel.empty:
        return ""
    hi, lo = sel.idxmax(), sel.idxmin()
    return t("narrative.sentence.comparison", lang, year=year, indicator=indicator_label(indicator, lang),
             high=md_text(scenario_title(hi, lang)), high_value=value_text(indicator, sel[hi], lang),
             low=md_text(scenario_title(lo, lang)), low_value=value_text(indicator, sel[lo], lang))
