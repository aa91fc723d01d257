"""The national targets beside the province's: the nearest provincial indicator and why it differs."""

from __future__ import annotations

import pandas as pd

from khcn_analysis.core.formatting import Lang, check_lang
from khcn_analysis.plan.fields import text_in
from khcn_analysis.plan.model import Plan

__all__ = ["side_by_side"]


def side_by_side(plan: Plan, national: Plan, lang: Lang = "vi") -> pd.DataFrame:
    """National targets next to the provincial targets of the nearest indicator, with caveats."""
    lang = check_lang(lang)
    rows = []
    for nt in national.targets:
        link = nt.comparable_to
        provincial = plan.targets_for(link.indicator) if link else []
        doc = national.document(nt.document)
        rows.append(
            {
                "national_target_id": nt.id,
                "document": text_in(doc, "reference", lang),
                "national_indicator": nt.indicator,
                "national_target": f"{nt.describe(lang)} ({nt.years_label(lang)})",
                "provincial_indicator": link.indicator if link else None,
                "provincial_target": "; ".join(
                    f"{p.describe(lang)} ({p.years_label(lang)})" for p in provincial
                )
                or "–",
                "caveat": text_in(link, "caveat", lang) if link else None,
                "sources": ";".join(s.fact_id for s in nt.sources),
            }
        )
    return pd.DataFrame(rows)
