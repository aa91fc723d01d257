"""The data-request annex: each missing figure that holds a verdict back, and whom to ask.

A figure is requested for a year when a verdict of that year cannot be given without it
(the judge says ``undetermined`` or ``not_computable``), or rests on an assumption or a
back-cast where a record would settle it, or when the latest complete year has no record
of a series that a later milestone (2030) is judged on. A year counts as missing when
the processed record has no *observed* value for it (a public figure or the Department's
own). The agency asked is the one the plan makes responsible, as encoded in
``lai-chau-2013-responsibilities.yaml`` (:mod:`khcn_analysis.plan.responsibilities`).
Nothing here decides a verdict; it reads the judge's rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from khcn_analysis.core.config import REGION
from khcn_analysis.data.department import TABLES
from khcn_analysis.plan.responsibilities import Link, Responsibilities
from khcn_analysis.report.progress.periods import Period

__all__ = ["OPEN_VERDICTS", "WEAK_GRADES", "Request", "data_requests", "template_place"]

#: Verdicts a figure would decide.
OPEN_VERDICTS = ("undetermined", "not_computable")
#: Grades of a verdict that a record would replace (the judge's evidence grades).
WEAK_GRADES = ("assumption", "back-cast", "counterfactual", "projected")


@dataclass
class Request:
    """One figure to ask for: the years missing, the verdicts it serves, who is responsible."""

    variable: str
    link: Link
    years: set[int] = field(default_factory=set)
    decides: dict[tuple[str, int], str] = field(default_factory=dict)  # (target id, year) -> verdict
    firms_up: set[tuple[str, int]] = field(default_factory=set)
    outlook: set[tuple[str, int]] = field(default_factory=set)

    @property
    def priority(self) -> int:
        return 0 if self.decides else 1 if self.firms_up else 2


def template_place(variable: str) -> tuple[Any, Any] | None:
    """(table, column) of the Department's template where ``variable`` is entered."""
    for table in TABLES:
        for column in table.columns:
            if column.variable == variable:
                return table, column
    return None


def _observed_years(observations: pd.DataFrame, variable: str) -> set[int]:
    rows = observations[(observations["region"] == REGION) & (observations["variable"] == variable)
                        & (observations["status"] == "observed")]
    return {int(y) for y in rows["year"]}


def _years_needed(target: Any, year: int, last: int) -> list[int]:
    """The years of records a verdict in ``year`` needs: the year, or the averaged/counted range."""
    if getattr(target, "aggregation", "year") in ("period_average", "cumulative", "interval"):
        end = min(target.year_to or last, last, year)
        return list(range(int(target.year_from), end + 1))
    return [year] if year <= last else []


def data_requests(results: Any, responsibilities: Responsibilities, period: Period) -> list[Request]:
    """The figures to request, most decisive first, each with its years and responsible agency."""
    last = period.last_complete_year
    targets = {t.id: t for t in results.plan.targets}
    observations = results.inputs.observations
    observed: dict[str, set[int]] = {}
    requests: dict[str, Request] = {}
    att = results.attainment
    rows = att[att["scope"] == "province"].to_dict("records")
    for r in rows:
        target = targets.get(r["target_id"])
        link = responsibilities.for_indicator(r["indicator"])
        if target is None or link is None:
            continue
        year = int(r["year"])
        verdict = str(r.get("verdict", r["status"]))
        grade = str(r.get("grade") or r.get("value_status") or "")
        if year > last:  # a later milestone: the latest complete year's record anchors the outlook
            if verdict == "not_computable":
                continue
            needed, role = [last], "outlook"
        elif verdict in OPEN_VERDICTS:
            needed, role = _years_needed(target, year, last), "decides"
        elif grade in WEAK_GRADES:
            needed, role = [year], "firms_up"
        else:
            continue
        for variable in link.variables:
            have = observed.setdefault(variable, _observed_years(observations, variable))
            missing = [y for y in needed if y not in have]
            if not missing:
                continue
            request = requests.setdefault(variable, Request(variable, link))
            request.years.update(missing)
            key = (r["target_id"], year)
            if role == "decides":
                request.decides[key] = verdict
            elif role == "firms_up":
                request.firms_up.add(key)
            else:
                request.outlook.add(key)
    order = {link.indicator: i for i, link in enumerate(responsibilities.links)}
    return sorted(requests.values(), key=lambda q: (q.priority, order.get(q.link.indicator, 99),
                                                   q.link.variables.index(q.variable)))
