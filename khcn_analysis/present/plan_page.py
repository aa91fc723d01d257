"""Page 01 (the plan and its audit) for readers: words and tables in the page's language.

The page used to show the plan's frames as they are: English column names, phase and
money ids (``p2013_2015``, ``state_budget``), ``True``/``False`` and clauses such as
"B.II item 3" in a Vietnamese page, and its headings in both languages at once. Here
every header and cell is a word from the catalogue or a formatted number.
"""

from __future__ import annotations

import pandas as pd

from khcn_analysis.core.catalogue import has, t
from khcn_analysis.core.formatting import format_number
from khcn_analysis.plan.audit import Finding
from khcn_analysis.plan.clauses import clause_text
from khcn_analysis.plan.fields import text_in
from khcn_analysis.plan.model import Plan
from khcn_analysis.present.baseline_page import html

__all__ = ["budget_table", "findings_table", "heading", "html", "national_table", "targets_table", "title"]


def title(plan: Plan, lang: str) -> str:
    name = getattr(plan, f"title_{lang}")
    return f"# {t('plan_page.title', lang)}\n\n{t('plan_page.intro', lang, title=name)}"


def heading(section: str, lang: str) -> str:
    """``## heading`` and the section's first paragraph."""
    text_key = f"plan_page.{section}_text"
    body = f"\n\n{t(text_key, lang)}" if has(text_key) else ""
    return f"## {t(f'plan_page.{section}', lang)}{body}"


def _col(name: str, lang: str) -> str:
    text = t(f"plan.report.col.{name}", lang)
    return text[:1].upper() + text[1:]


def targets_table(plan: Plan, lang: str) -> pd.DataFrame:
    """One row per target: clause, indicator, target, years, computed from data or by hand."""
    rows = [
        {
            _col("clause", lang): clause_text(target.clause, lang),
            _col("indicator", lang): target.title(lang),
            _col("target", lang): target.describe(lang),
            _col("years", lang): target.years_label(lang),
            _col("computable", lang): t("plan.report.from_data" if target.computable else "plan.report.by_hand",
                                        lang),
        }
        for target in plan.targets
    ]
    return pd.DataFrame(rows)


def budget_table(plan: Plan, lang: str) -> pd.DataFrame:
    """One row per budget line: phase years, purpose, source of money, amount (bn VND), clause."""
    rows = [
        {
            _col("phase", lang): f"{phase.start_year}–{phase.end_year}",
            _col("line", lang): getattr(line, f"purpose_{lang}"),
            _col("money", lang): t(f"plan.money.{line.source_of_money}", lang),
            _col("amount", lang): format_number(float(line.amount), 1, lang),
            _col("clause", lang): clause_text(phase.clause, lang),
        }
        for phase in plan.phases
        for line in phase.lines
    ]
    return pd.DataFrame(rows)


def findings_table(findings: list[Finding], lang: str) -> pd.DataFrame:
    """One row per audit finding: severity in words and the finding in the page's language."""
    rows = [
        {
            t("plan_page.col.severity", lang): t(f"audit.severity.{f.severity}", lang).capitalize(),
            t("plan_page.col.finding", lang): f.message(lang),
        }
        for f in findings
    ]
    return pd.DataFrame(rows)


def national_table(plan: Plan, national: Plan, lang: str) -> pd.DataFrame:
    """National targets beside the nearest provincial indicator's targets, with the caveat."""
    rows = []
    for nt in national.targets:
        link = nt.comparable_to
        provincial = plan.targets_for(link.indicator) if link else []
        rows.append({
            t("plan_page.col.document", lang): text_in(national.document(nt.document), "reference", lang),
            t("plan_page.col.national_target", lang): (
                f"{nt.title(lang)}: {nt.describe(lang)} ({nt.years_label(lang)})"
            ),
            t("plan_page.col.provincial_target", lang): "; ".join(
                f"{p.title(lang)}: {p.describe(lang)} ({p.years_label(lang)})" for p in provincial[:1]
            ) + "".join(f"; {p.describe(lang)} ({p.years_label(lang)})" for p in provincial[1:]) or "–",
            t("plan_page.col.caveat", lang): (text_in(link, "caveat", lang) if link else None) or "–",
        })
    return pd.DataFrame(rows)
