"""The plan's own arithmetic, checked the way a Department of Finance reviewer would.

Why: a plan can be internally inconsistent (a yearly average that does not follow from
its total, money that halves while targets rise) long before any outturn data exists.
Every finding is computed from the loaded :class:`~khcn_analysis.plan.model.Plan`, carries
the numbers behind it and a severity, and reads in Vietnamese and English. Nothing here
uses outside data: the comparison with real GRDP and budgets happens in the projection
and attainment steps. The checks are grouped by theme: ``arithmetic`` (do the sums add
up), ``money`` (is the money where the targets need it), ``targets`` (can the targets be
measured).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from khcn_analysis.core.formatting import Lang
from khcn_analysis.plan.audit import arithmetic, money, targets
from khcn_analysis.plan.audit.finding import SEVERITIES, Finding, Severity
from khcn_analysis.plan.model import Plan

__all__ = ["SEVERITIES", "Finding", "Severity", "audit_plan", "findings_table"]

CHECKS: list[Callable[[Plan], list[Finding]]] = [*arithmetic.CHECKS, *money.CHECKS, *targets.CHECKS]


def audit_plan(plan: Plan) -> list[Finding]:
    """All findings on ``plan``, errors first; a plan without a budget gets target checks only."""
    findings: list[Finding] = []
    for check in CHECKS:
        findings += check(plan)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: order[f.severity])


def findings_table(findings: list[Finding], lang: Lang | None = None) -> pd.DataFrame:
    """Findings as a DataFrame; with ``lang`` a single ``message`` column in that language."""
    rows = []
    for f in findings:
        row = {"id": f.id, "severity": f.severity}
        if lang is None:
            row |= {"message_vi": f.message_vi, "message_en": f.message_en}
        else:
            row["message"] = f.message(lang)
        row["numbers"] = dict(f.numbers)
        rows.append(row)
    columns = ["id", "severity"]
    columns += ["message_vi", "message_en"] if lang is None else ["message"]
    return pd.DataFrame(rows, columns=[*columns, "numbers"])
