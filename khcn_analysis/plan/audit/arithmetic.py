"""Do the plan's sums add up: each phase's lines, the phases against the total, the yearly average."""

from __future__ import annotations

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang
from khcn_analysis.plan.audit.finding import TOLERANCE, Finding, bn, finding, num, span
from khcn_analysis.plan.budget import Phase
from khcn_analysis.plan.clauses import clause_text
from khcn_analysis.plan.model import Plan

__all__ = ["CHECKS"]


def _per_year(phase: Phase) -> float:
    return phase.stated_total / len(phase.years)


def phase_sums(plan: Plan) -> list[Finding]:
    out = []
    for ph in plan.phases:
        diff = ph.lines_total - ph.stated_total
        ok = abs(diff) <= TOLERANCE
        nums = {"phase": ph.id, "stated_total": ph.stated_total, "lines_total": ph.lines_total,
                "difference": diff, "lines": len(ph.lines)}

        def say(lang: Lang, ph=ph, diff=diff, ok=ok) -> str:
            return t("audit.phase_sum.ok" if ok else "audit.phase_sum.off", lang,
                     span=span(ph.start_year, ph.end_year), clause=clause_text(ph.clause, lang), n=len(ph.lines),
                     lines=bn(ph.lines_total, lang), stated=bn(ph.stated_total, lang), difference=bn(diff, lang))

        out.append(finding(f"phase_sum.{ph.id}", "info" if ok else "error", say, nums))
    return out


def grand_total(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    budget = plan.budget
    total = budget.total
    phases_sum = sum(ph.stated_total for ph in plan.phases)
    lines_sum = sum(ph.lines_total for ph in plan.phases)
    diff = phases_sum - total.value
    ok = abs(diff) <= TOLERANCE and abs(lines_sum - total.value) <= TOLERANCE
    nums = {"stated_total": total.value, "qualifier": total.qualifier, "phases_total": phases_sum,
            "lines_total": lines_sum, "difference": diff}
    key = ("audit.grand_total.ok_about" if total.qualifier == "about" else "audit.grand_total.ok") if ok \
        else "audit.grand_total.off"

    def say(lang: Lang) -> str:
        return t(key, lang, total=bn(total.value, lang), clause=clause_text(budget.clause, lang), phases=bn(phases_sum, lang),
                 lines=bn(lines_sum, lang), difference=bn(diff, lang))

    out = [finding("grand_total", "info" if ok else "error", say, nums)]

    # phases must tile the period the total covers, without gaps or overlaps
    years = [y for ph in plan.phases for y in ph.years]
    period = list(range(total.start_year, total.end_year + 1))
    missing = sorted(set(period) - set(years))
    overlap = sorted({y for y in years if years.count(y) > 1})
    outside = sorted(set(years) - set(period))
    if missing or overlap or outside:
        nums2 = {"missing_years": ",".join(map(str, missing)) or None,
                 "overlapping_years": ",".join(map(str, overlap)) or None,
                 "years_outside_period": ",".join(map(str, outside)) or None}

        def listed(years: list[int], lang: Lang) -> str:
            return ", ".join(map(str, years)) or t("audit.none", lang)

        def say2(lang: Lang) -> str:
            return t("audit.phase_coverage", lang, span=span(total.start_year, total.end_year),
                     missing=listed(missing, lang), overlap=listed(overlap, lang), outside=listed(outside, lang))

        out.append(finding("phase_coverage", "error", say2, nums2))
    return out


def yearly_average(plan: Plan) -> list[Finding]:
    if not plan.budget:
        return []
    avg = plan.budget.yearly_average
    total = plan.budget.total
    n_years = total.end_year - total.start_year + 1
    implied = total.value / n_years
    years_at_stated = total.value / avg.value if avg.value else float("nan")
    nums: dict = {"stated_average": avg.value, "stated_total": total.value, "years": n_years,
                  "implied_average": implied, "difference": avg.value - implied,
                  "years_implied_by_stated_average": years_at_stated}
    for ph in plan.phases:
        nums[f"{ph.id}.per_year"] = _per_year(ph)
    ok = abs(avg.value - implied) <= 0.5  # the plan rounds to whole billions

    def say(lang: Lang) -> str:
        phases = "; ".join(
            t("audit.yearly_average.phase", lang, span=span(p.start_year, p.end_year),
              total=bn(p.stated_total, lang), years=len(p.years), per_year=bn(_per_year(p), lang, 1))
            for p in plan.phases)
        return t("audit.yearly_average", lang, average=bn(avg.value, lang), total=bn(total.value, lang),
                 years=n_years, span=span(total.start_year, total.end_year), implied=bn(implied, lang, 2),
                 average_number=num(avg.value, lang), years_needed=num(years_at_stated, lang, 1), phases=phases)

    return [finding("yearly_average", "info" if ok else "warning", say, nums)]


CHECKS = [phase_sums, grand_total, yearly_average]
