"""Which raw facts are yearly point observations, under which processed id.

Split from the build so the cross-checks can classify facts without importing the
build (which runs them): one direction of import, no cycle.
"""

from __future__ import annotations

import pandas as pd

from khcn_analysis.core import config
from khcn_analysis.data.sources import region_of

__all__ = ["PLAN_SERIES", "REASON_CODES", "UNIT_LABELS", "classify_facts", "processed_variable", "reason_code",
           "set_aside"]

#: Variables the model reads as budget plans (dự toán); their outturns become ``<id>_final``.
PLAN_SERIES = frozenset({
    "budget_expenditure", "budget_revenue_local", "budget_revenue_local_total",
    "budget_expenditure_recurrent", "budget_expenditure_investment",
    "budget_expenditure_recurrent_provincial_level", "st_budget_recurrent_provincial_level",
})
UNIT_LABELS = {
    "billion VND": "bn VND",
    "billion USD": "bn USD",
    "million VND per person": "M VND per person",
    "million VND per person per year": "M VND per person per year",
    "million VND per person per month": "M VND per person per month",
}


def processed_variable(variable: str, kind: str, quality: str) -> str:
    """Variable id in the processed tables: plans and final accounts never share an id."""
    if quality == "department":
        return variable
    if variable in PLAN_SERIES:
        return variable if kind == "plan" else f"{variable}_final"
    return f"{variable}_plan" if kind == "plan" else variable


def _exclusion(row) -> str | None:
    """Why a fact is not a yearly point observation, or None if it is one."""
    if row.kind == "target":
        return "excluded: target (a policy goal, not an observation; plans live in data/raw/plans/)"
    if row.period in ("H1", "Q1", "Jan-Sep", "Jan-Oct"):
        return "excluded: part-year figure (not comparable with calendar years)"
    if row.period:
        return "excluded: multi-year period figure (used by the cross-checks)"
    if row.qualifier in ("more than", "less than", "at least", "at most"):
        return f"excluded: a bound ('{row.qualifier}'), not a point value"
    if region_of(row.geography) == config.REGION and row.year < 2004:
        return "excluded: old Lai Chau province before the 2004 split"
    return None


def classify_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Add region, processed variable/unit and a first disposition to every fact."""
    out = facts.copy()
    out["region"] = out["geography"].map(region_of)
    out["pvariable"] = [processed_variable(v, k, q) for v, k, q in
                        zip(out["variable"], out["kind"], out["source_quality"], strict=True)]
    out["punit"] = out["unit"].map(lambda u: UNIT_LABELS.get(u, u))
    reasons = [_exclusion(r) for r in out.itertuples()]
    out["disposition"] = ["excluded" if r else "candidate" for r in reasons]
    out["reason"] = [r or "" for r in reasons]
    return out


def set_aside(facts: pd.DataFrame, rows: pd.DataFrame, reason: str | list[str]) -> pd.DataFrame:
    """The facts table plus raw rows the build did not use, each with the reason.

    Every raw row stays visible in ``facts.csv``: the rows of an import that is not
    in force, and department figures outside their plausible range.
    """
    if rows.empty:
        return facts
    out = classify_facts(rows)
    out["disposition"] = "excluded"
    out["reason"] = reason
    out["processed_variable"] = out["pvariable"]
    out = out.drop(columns=["pvariable", "punit"]).rename(columns={"file": "raw_file", "row": "raw_row"})
    return pd.concat([facts, out[facts.columns]], ignore_index=True)


#: The first words of a reason (``facts.csv``) -> a short code readers' labels are keyed by.
REASON_CODES: tuple[tuple[str, str], ...] = (
    ("excluded: target", "target"),
    ("excluded: part-year", "part_year"),
    ("excluded: multi-year", "period"),
    ("excluded: a bound", "bound"),
    ("excluded: old ", "old_province"),
    ("conflict:", "conflict"),
    ("excluded: not the department import", "superseded"),
    ("excluded: implausible", "implausible"),
)


def reason_code(disposition: str, reason: str) -> str:
    """``used`` for an observation, else the code of the reason (``other`` when none fits)."""
    if disposition == "observation":
        return "used"
    return next((code for prefix, code in REASON_CODES if str(reason).startswith(prefix)), "other")
