"""How the commands name things for a reader: scenarios, indicators, targets, value statuses.

Machine formats (csv, json) keep ids; tables show a reader's words, never an id
(a national target row once read ``res31_rd_2021_2025 [national]``).
"""

from __future__ import annotations

import math

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import value_status_label
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.indicators import INDICATORS

__all__ = [
    "STATUS_MARK",
    "format_value",
    "indicator_label",
    "scenario_heading",
    "scenario_label",
    "status_legend",
    "target_titles",
]

#: One-letter marks after a value in the projection table (observed values carry none).
STATUS_MARK = {"observed": "", "interpolated": "i", "derived": "d", "assumption": "a", "projected": "p"}


def scenario_label(scenario, lang: str) -> str:
    """The scenario's title, with the id to type in brackets (just the id if it has no title)."""
    title = scenario.title(lang)
    return scenario.name if title == scenario.name else t("cli.scenario.shown", lang, title=title,
                                                            name=scenario.name)


def scenario_heading(scenario, lang: str) -> str:
    """``Title (id): description``: the first line of a scenario's table."""
    return t("cli.scenario.heading", lang, scenario=scenario_label(scenario, lang),
             description=scenario.description(lang))


def indicator_label(variable: str, lang: str) -> str:
    """``Label (unit)`` of an indicator id; an id the registry does not know is shown as is."""
    ind = INDICATORS.get(variable)
    if ind is None:
        return variable
    return f"{ind.label(lang)} ({ind.unit_label(lang)})"  # type: ignore[arg-type]


def format_value(value: float | None, variable: str, lang: str) -> str:
    """A value with the indicator's decimals (``–`` when missing)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    decimals = INDICATORS[variable].decimals if variable in INDICATORS else 2
    return format_number(float(value), decimals, lang)  # type: ignore[arg-type]


def status_legend(lang: str) -> str:
    """What the marks after the values mean."""
    marks = [t("cli.legend.mark", lang, mark=mark, status=value_status_label(status, lang, lower=True))
             for status, mark in STATUS_MARK.items() if mark]
    unmarked = t("cli.legend.unmarked", lang, status=value_status_label("observed", lang, lower=True))
    return ", ".join(marks) + "; " + unmarked


def target_titles(results, lang: str) -> dict[str, str]:
    """Every target id of a run (the plan's and the national ones) → its title in ``lang``."""
    titles: dict[str, str] = {}
    plans = [results.inputs.plan, results.inputs.national]
    for plan in plans:
        if plan is None:
            continue
        for target in plan.targets:
            titles[target.id] = target.title(lang)
    return titles
