"""Page 03: the scenario's assumptions as a reader names them.

Parameter names come from ``param.<key>`` and id-valued choices from
``choice.<key>.<value>`` (``core/catalogue/parameters.py``), so the page says
"Giữ mức bình quân năm của giai đoạn cuối", never ``hold``, and a distribution is
"phân phối tam giác", never ``triangular``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.present.narrative.text import Column, build_table

__all__ = ["ASSUMPTION_ROWS", "AssumptionRow", "assumptions_table"]


@dataclass(frozen=True)
class AssumptionRow:
    """A scenario key shown to readers; ``unit_from`` names the key whose choice is its unit."""

    key: str
    unit_from: str | None = None
    plain: bool = False  # shown as written (a year, a seed), not as a formatted number


#: The keys a reader needs, in order; keys whose value is empty (None) are left out.
ASSUMPTION_ROWS: tuple[AssumptionRow, ...] = (
    AssumptionRow("base_year", plain=True),
    AssumptionRow("grdp_growth_pct"),
    AssumptionRow("population_growth_pct"),
    AssumptionRow("budget_expenditure_growth_pct"),
    AssumptionRow("budget_revenue_growth_pct"),
    AssumptionRow("st_budget_rule"),
    AssumptionRow("st_budget_share_expenditure_pct"),
    AssumptionRow("after_plan"),
    AssumptionRow("austerity_cut_pct"),
    AssumptionRow("nonstate_value", unit_from="nonstate_mode"),
    AssumptionRow("researcher_rule"),
    AssumptionRow("researcher_growth_value", unit_from="researcher_growth_mode"),
    AssumptionRow("draws"),
    AssumptionRow("seed", plain=True),
)


def _number(value: float, lang: Lang) -> str:
    return format_number(value, 2 if float(value) % 1 else 0, lang)


def _value_text(row: AssumptionRow, params: Mapping[str, Any], lang: Lang) -> str:
    value = params[row.key]
    if isinstance(value, str):
        choice = f"choice.{row.key}.{value}"
        if has(choice):
            return t(choice, lang)
        return t("narrative.cell.latest_year", lang) if value == "latest" else value
    text = str(value) if row.plain or isinstance(value, bool) else _number(value, lang)
    unit_key = f"choice.{row.unit_from}.{params.get(row.unit_from)}"
    if row.unit_from and has(unit_key):
        unit = t(unit_key, lang)
        text = f"{text}{unit}" if unit.startswith("%") else t("narrative.cell.with_unit", lang, value=text, unit=unit)
    dist = params.get("uncertainty", {}).get(row.key)
    if dist:
        text = t("narrative.cell.distribution", lang, value=text,
                 kind=t(f"choice.distribution.{dist['kind']}", lang),
                 low=format_number(dist["low"], 1, lang), high=format_number(dist["high"], 1, lang))
    return text


ASSUMPTION_COLUMNS: tuple[Column, ...] = (
    Column("narrative.col.parameter", lambda r, lg: t(f"param.{r['row'].key}", lg)),
    Column("narrative.col.value", lambda r, lg: _value_text(r["row"], r["params"], lg)),
)


def assumptions_table(scenario: Any, lang: Lang = "vi") -> pd.DataFrame:
    """The scenario's main assumptions, labelled, with their uncertainty ranges."""
    params = scenario.as_parameters()
    rows = [{"row": row, "params": params} for row in ASSUMPTION_ROWS if params.get(row.key) is not None]
    return build_table(rows, ASSUMPTION_COLUMNS, check_lang(lang))
