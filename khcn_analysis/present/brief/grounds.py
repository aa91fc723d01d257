"""What the findings rest on: the assumptions behind the judged values, the scenario's
own settings, and the sources, each named for a reader.

Assumption ids are read from the ``source`` cells of the values the judge compared
(:mod:`khcn_analysis.core.provenance`); their descriptions come from the catalogue
(``assumptions.<id>`` once the data stage names them, else ``brief.assumption.<id>``),
or from the indicator they are about: never an id, never an English working note.
"""

from __future__ import annotations

from typing import Any

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.indicators import INDICATORS
from khcn_analysis.core.provenance import assumption_ids, source_labels, split_sources
from khcn_analysis.present.brief.findings import judged_rows, short_label, value_source
from khcn_analysis.present.brief.words import is_missing, lower_first, short_number

__all__ = ["SHOWN", "assumption_items", "assumption_name", "main_sources", "scenario_settings", "source_names"]

#: Scenario keys a reader needs to weigh a finding, in the order they are listed.
_SETTINGS = (
    "grdp_growth_pct", "population_growth_pct", "budget_expenditure_growth_pct", "st_budget_rule",
    "after_plan", "after_plan_growth_pct", "st_budget_share_expenditure_pct", "austerity_cut_pct",
    "nonstate_value", "researcher_growth_value",
)
_CHOICES = {"st_budget_rule", "after_plan"}


def _assumption_variable(results: Any, aid: str) -> str | None:
    table = getattr(results.inputs, "assumptions", None)
    if table is None or "id" not in table.columns:
        return None
    sel = table[table["id"] == aid]
    return None if sel.empty else str(sel["variable"].iloc[0])


def assumption_name(aid: str, lang: str, results: Any = None) -> str:
    """A reader's description of an assumption id (or of a scenario key)."""
    for key in (f"evidence.deciding.{aid}", f"assumptions.{aid}", f"brief.assumption.{aid}", f"param.{aid}"):
        if has(key):
            return t(key, lang)
    variable = _assumption_variable(results, aid) if results is not None else None
    indicator = INDICATORS.get(variable or "")
    what = lower_first(indicator.label(lang)) if indicator else lower_first(t("status.assumption", lang))
    return t("brief.assume.generic", lang, indicator=what)


def assumption_items(results: Any, lang: str) -> list[str]:
    """Each assumption behind a judged value, with the indicators whose verdicts it touches."""
    rows = judged_rows(results)
    touched: dict[str, dict[str, None]] = {}
    for r in rows.to_dict("records"):
        label = short_label(results, r, lang)
        for aid in assumption_ids(value_source(results, r["indicator"], int(r["year"]))):
            touched.setdefault(aid, {}).setdefault(label, None)
    return [t("brief.assume.affects", lang, text=assumption_name(aid, lang, results), indicators="; ".join(labels))
            for aid, labels in touched.items()]


def _setting_value(scenario: Any, key: str, value: object, lang: str) -> str:
    if key in _CHOICES:
        choice = f"choice.{key}.{value}"
        return t(choice, lang) if has(choice) else str(value)
    text = short_number(float(value), lang)  # type: ignore[arg-type]
    unit = ""
    if key == "nonstate_value":
        unit = t(f"choice.nonstate_mode.{scenario.nonstate_mode}", lang)
    elif key == "researcher_growth_value":
        unit = t(f"choice.researcher_growth_mode.{scenario.researcher_growth_mode}", lang)
    if unit:
        text += unit if unit.startswith("%") else " " + unit
    dist = getattr(scenario, "uncertainty", {}).get(key)
    if dist is not None:
        low, high = short_number(dist.low, lang), short_number(dist.high, lang)
        text = t("brief.assume.range", lang, value=text, low=low, high=high)
    return text


def scenario_settings(scenario: Any, lang: str, *, unlike: Any = None) -> list[str]:
    """The scenario's settings that shape its projection, labelled (``Tăng trưởng GRDP …: 12``).

    ``unlike``: another scenario; only the settings that differ from it are listed.
    """
    params = scenario.as_parameters()
    other = unlike.as_parameters() if unlike is not None else None
    out = []
    for key in _SETTINGS:
        value = params.get(key)
        if other is not None and other.get(key) == value and (
                other.get("uncertainty", {}).get(key) == params.get("uncertainty", {}).get(key)):
            continue
        if is_missing(value) or (key in ("austerity_cut_pct", "after_plan_growth_pct") and not value):
            continue
        if key == "after_plan_growth_pct" and params.get("after_plan") != "growth_pct":
            continue
        if key == "researcher_growth_value" and params.get("researcher_rule") != "growth":
            continue
        out.append(t("brief.assume.parameter", lang, label=t(f"param.{key}", lang),
                     value=_setting_value(scenario, key, value, lang)))
    return out


def _cells(results_list: list[Any], variables: tuple[str, ...] | None) -> list[str]:
    wanted = variables or SHOWN
    cells: list[str] = []
    for results in results_list:
        table = results.table
        cells += table.loc[table["variable"].isin(wanted), "source"].dropna().astype(str).tolist()
    return cells


def source_names(results_list: list[Any], lang: str, variables: tuple[str, ...] | None = None) -> list[str]:
    """Reader's names of every source behind the values shown (``variables``; default the
    note's indicators), the plan first, assumptions named once, last."""
    ids = split_sources(_cells(results_list, variables))
    ordered = [i for i in ids if i.startswith("plan:")] + [i for i in ids if not i.startswith("plan:")]
    return source_labels(ordered, lang, names=results_list[0].sources)


def main_sources(results_list: list[Any], lang: str, variables: tuple[str, ...], limit: int) -> tuple[list[str], int]:
    """The ``limit`` sources most of the shown values rest on (the plan first, an assumption
    last when there is one), and how many others there are."""
    names = results_list[0].sources
    counts: dict[str, int] = {}
    for cell in _cells(results_list, variables):
        for label in source_labels(cell, lang, names=names):
            counts[label] = counts.get(label, 0) + 1
    every = source_names(results_list, lang, variables)
    assumed = t("sources.assumption", lang)
    plan = [n for n in every[:1] if n != assumed and any(i.startswith("plan:") for i in split_sources(
        _cells(results_list, variables)))]
    ranked = sorted((n for n in every if n not in plan and n != assumed), key=lambda n: -counts.get(n, 0))
    keep = plan + ranked[: max(limit - len(plan), 0)]
    if assumed in every:
        keep.append(assumed)
    return keep, len(every) - len(keep)


#: The indicators the note shows (in tables, sentences and figures).
SHOWN = ("st_investment_share_grdp", "st_budget_share_expenditure", "researcher_density",
         "funding_sufficiency", "st_investment", "st_budget", "researchers", "grdp", "population",
         "budget_expenditure", "plan_funding", "funding_required")
