"""Page 05: how likely the targets are over the Monte Carlo draws, and which parameter matters most."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang, format_number, format_percent
from khcn_analysis.present.narrative.text import (
    MILESTONES,
    Column,
    build_table,
    clause_text,
    indicator_label,
    target_text,
)

__all__ = ["PROBABILITY_COLUMNS", "bands_long", "probability_sentence", "probability_table", "tornado_effects"]

PROBABILITY_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.indicator", lambda r, lg: indicator_label(r["indicator"], lg)),
    Column("narrative.col.year", lambda r, lg: int(r["year"])),
    Column("narrative.col.target", target_text),
    Column("narrative.col.probability", lambda r, lg: format_percent(float(r["probability"]) * 100, 0, lg)),
    Column("narrative.col.clause", lambda r, lg: clause_text(r["clause"], lg)),
)


def probability_table(probabilities: pd.DataFrame, lang: Lang = "vi",
                      years: Sequence[int] = MILESTONES) -> pd.DataFrame:
    """Share of Monte Carlo draws meeting each target in the milestone years."""
    sel = probabilities.loc[probabilities["year"].isin(list(years))]
    return build_table((r for _, r in sel.iterrows()), PROBABILITY_COLUMNS, check_lang(lang))


def probability_sentence(probabilities: pd.DataFrame, draws: int, seed: int, lang: Lang = "vi",
                         year: int = 2030) -> str:
    """Markdown: the targets most and least likely to be met in ``year``."""
    lang = check_lang(lang)
    sel = probabilities.loc[(probabilities["year"] == year) & probabilities["probability"].notna()]
    if sel.empty:
        return ""
    best = sel.loc[sel["probability"].idxmax()]
    worst = sel.loc[sel["probability"].idxmin()]
    return t("narrative.sentence.probability", lang, draws=format_number(draws, 0, lang), seed=seed, year=year,
             best=indicator_label(best["indicator"], lang), best_p=format_percent(best["probability"] * 100, 0, lang),
             worst=indicator_label(worst["indicator"], lang),
             worst_p=format_percent(worst["probability"] * 100, 0, lang))


def bands_long(bands: pd.DataFrame) -> pd.DataFrame:
    """Uncertainty bands (``p5 … p95`` columns) as ``variable, unit, year, percentile, value``."""
    pcols = [c for c in bands.columns if str(c).startswith("p") and str(c)[1:].isdigit()]
    keep = [c for c in ("scenario", "variable", "unit", "year") if c in bands.columns]
    long = bands.melt(id_vars=keep, value_vars=pcols, var_name="percentile", value_name="value")
    long["percentile"] = long["percentile"].str[1:].astype(int)
    return long


def tornado_effects(tornado: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """:func:`khcn_analysis.model.sensitivity.tornado` rows for one indicator, as the chart takes them."""
    sel = tornado.loc[tornado["variable"] == indicator]
    return sel.rename(columns={"value_low": "low", "value_high": "high"})
