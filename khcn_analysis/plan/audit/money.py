"""Is the money where the targets need it: per year by phase, by source, by budget, after 2020."""

from __future__ import annotations

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang
from khcn_analysis.plan.audit.finding import (
    Finding,
    Severity,
    bn,
    finding,
    num,
    pct,
    span,
)
from khcn_analysis.plan.budget import BudgetLine, Phase
from khcn_analysis.plan.clauses import clause_text
from khcn_analysis.plan.fields import source_of_money_label, text_in
from khcn_analysis.plan.model import Plan

__all__ = ["CHECKS", "RECURRENT_PURPOSES", "INVESTMENT_PURPOSES"]

#: A provincial budget line whose purpose names construction is development investment
#: (vốn đầu tư phát triển); one naming research tasks is S&T recurrent spending (SNKH).
#: Matched in the English purpose of each line; anything else could be either.
INVESTMENT_PURPOSES = ("construction",)
RECURRENT_PURPOSES = ("research tasks",)


def _per_year(phase: Phase) -> float:
    return phase.stated_total / len(phase.years)


def _lower_first(text: str) -> str:
    """``Construction of offices`` → ``construction of offices``; ``S&T tasks`` stays as is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _purposes(lines: list[BudgetLine], lang: Lang) -> str:
    return ", ".join(_lower_first(text_in(line, "purpose", lang)) for line in lines)


def funding_vs_targets(plan: Plan) -> list[Finding]:
    """Money per year by phase beside how the targets rise between the phases' end years."""
    phases = sorted(plan.phases, key=lambda p: p.start_year)
    if len(phases) < 2:
        return []
    first, last = phases[0], phases[-1]
    a, b = _per_year(first), _per_year(last)
    change = (b - a) / a * 100 if a else float("nan")
    inv_a = plan.target_for("st_investment_share_grdp", first.end_year)
    inv_b = plan.target_for("st_investment_share_grdp", last.end_year)
    res_b = plan.target_for("researcher_density", last.end_year)
    nums: dict = {f"{first.id}.per_year": a, f"{last.id}.per_year": b, "change_percent": change,
                  "ratio": b / a if a else None}
    if inv_a:
        nums[f"st_investment_share_grdp.{first.end_year}"] = inv_a.lower
    if inv_b:
        nums[f"st_investment_share_grdp.{last.end_year}"] = inv_b.lower
    if res_b:
        nums[f"researcher_density.{last.end_year}.lower"] = res_b.lower
        nums[f"researcher_density.{last.end_year}.upper"] = res_b.upper
    # which lines carried the first phase and stop in the second
    last_ids = {line.id for line in last.lines}
    stopped = [line for line in first.lines if line.id not in last_ids]
    stopped_total = sum(line.amount for line in stopped)
    nums["lines_stopping_after_first_phase"] = stopped_total
    for lid in [line.id for line in first.lines if line.id in last_ids]:
        nums[f"{lid}.per_year.{first.id}"] = next(x for x in first.lines if x.id == lid).amount / len(first.years)
        nums[f"{lid}.per_year.{last.id}"] = next(x for x in last.lines if x.id == lid).amount / len(last.years)
    rises = inv_a is not None and inv_b is not None and (inv_b.lower or 0) > (inv_a.lower or 0)
    severity: Severity = "warning" if change < 0 and (rises or res_b) else "info"

    def say(lang: Lang) -> str:
        parts = [t("audit.funding.falls" if change < 0 else "audit.funding.rises", lang,
                   first=bn(a, lang, 1), first_span=span(first.start_year, first.end_year),
                   last=bn(b, lang, 1), last_span=span(last.start_year, last.end_year), change=pct(abs(change), lang))]
        if inv_a and inv_b:
            parts.append(t("audit.funding.investment_target", lang, first=inv_a.describe(lang),
                           first_years=inv_a.years_label(lang), last=inv_b.describe(lang),
                           last_years=inv_b.years_label(lang)))
        if res_b:
            parts.append(t("audit.funding.researcher_target", lang, target=res_b.describe(lang), year=last.end_year))
        text = ", ".join(parts) + "."
        if stopped:
            text += " " + t("audit.funding.stopped", lang, lines=_purposes(stopped, lang),
                            amount=bn(stopped_total, lang))
        return text

    return [finding("funding_vs_targets", severity, say, nums)]


def implied_ceilings(plan: Plan) -> list[Finding]:
    """The largest GRDP / budget for which the plan's own money would meet its share targets."""
    out = []
    for ph in plan.phases:
        state_per_year = sum(x.amount for x in ph.lines if x.source_of_money == "state_budget") / len(ph.years)
        inv = plan.target_for("st_investment_share_grdp", ph.end_year)
        bud = plan.target_for("st_budget_share_expenditure", ph.end_year)
        nums: dict = {"phase": ph.id, "per_year": _per_year(ph), "state_budget_per_year": state_per_year}
        if inv is not None and inv.lower:
            nums["st_investment_share_grdp"] = inv.lower
            nums["max_grdp"] = _per_year(ph) / inv.lower * 100
        if bud is not None and bud.lower:
            nums["st_budget_share_expenditure"] = bud.lower
            nums["max_budget_expenditure"] = state_per_year / bud.lower * 100
        if len(nums) <= 3:
            continue

        def say(lang: Lang, nums=nums, ph=ph, inv=inv, bud=bud) -> str:
            parts = []
            if "max_grdp" in nums:
                parts.append(t("audit.ceiling.grdp", lang, per_year=bn(nums["per_year"], lang, 1),
                               target=inv.describe(lang), max_grdp=bn(nums["max_grdp"], lang, 0)))
            if "max_budget_expenditure" in nums:
                parts.append(t("audit.ceiling.budget", lang, per_year=bn(nums["state_budget_per_year"], lang, 1),
                               target=bud.describe(lang), max_budget=bn(nums["max_budget_expenditure"], lang, 0)))
            return (t("audit.ceiling.phase", lang, span=span(ph.start_year, ph.end_year), parts="; ".join(parts))
                    + " " + t("audit.ceiling.compare", lang))

        out.append(finding(f"implied_ceiling.{ph.id}", "info", say, nums))
    return out


def sources_of_money(plan: Plan) -> list[Finding]:
    """Whose money the plan counts on: the province's own budget, central programmes, others."""
    if not plan.budget:
        return []
    table = plan.budget_table()
    by_source = table.groupby("source_of_money")["amount"].sum()
    total = float(table["amount"].sum())
    state = float(by_source.get("state_budget", 0.0))
    central = float(by_source.get("central_programmes", 0.0))
    other = float(by_source.get("other_mobilised", 0.0))
    n_years = plan.budget.total.end_year - plan.budget.total.start_year + 1
    inferred = sum(line.amount for ph in plan.phases for line in ph.lines if not line.source_of_money_stated)
    average = plan.budget.yearly_average.value
    nums = {"total": total, "state_budget": state, "central_programmes": central, "other_mobilised": other,
            "state_budget_share": state / total * 100 if total else None,
            "non_state_share": other / total * 100 if total else None,
            "state_budget_per_year": state / n_years, "all_sources_per_year": total / n_years,
            "stated_average": average, "stated_average_covers": "all sources", "source_not_stated": inferred}
    social = plan.targets_for("st_investment_share_grdp")

    def say(lang: Lang) -> str:
        def label(source: str) -> str:
            return _lower_first(source_of_money_label(source, lang))

        text = t("audit.sources.split", lang, total=bn(total, lang), state_label=label("state_budget"),
                 state=bn(state, lang), state_share=pct(nums["state_budget_share"], lang),
                 central_label=label("central_programmes"), central=bn(central, lang),
                 other_label=label("other_mobilised"), other=bn(other, lang), other_share=pct(nums["non_state_share"], lang))
        text += " " + t("audit.sources.province_part", lang, state=bn(state, lang),
                        state_per_year=bn(state / n_years, lang, 1), average=num(average, lang),
                        total=bn(total, lang), years=n_years, all_per_year=bn(total / n_years, lang, 2))
        if social:
            text += " " + t("audit.sources.social", lang, other=bn(other, lang))
        if inferred:
            text += " " + t("audit.sources.inferred", lang, amount=bn(inferred, lang))
        return text

    return [finding("sources_of_money", "warning", say, nums)]


def investment_vs_recurrent(plan: Plan) -> list[Finding]:
    """Which provincial lines are development investment and which S&T recurrent spending."""
    if not plan.budget or not plan.budget.yearly_average.includes:
        return []
    provincial = [line for ph in plan.phases for line in ph.lines if line.source_of_money == "state_budget"]

    def kind(line: BudgetLine) -> str | None:
        purpose = line.purpose_en.lower()
        if any(word in purpose for word in INVESTMENT_PURPOSES):
            return "development_investment"
        if any(word in purpose for word in RECURRENT_PURPOSES):
            return "st_recurrent"
        return None

    groups: dict[str | None, list[BudgetLine]] = {"development_investment": [], "st_recurrent": [], None: []}
    for line in provincial:
        groups[kind(line)].append(line)
    amount = {k: float(sum(x.amount for x in v)) for k, v in groups.items()}
    nums = {"includes": ",".join(plan.budget.yearly_average.includes),
            "development_investment": amount["development_investment"], "st_recurrent": amount["st_recurrent"],
            "either": amount[None]}

    def unique(lines: list[BudgetLine]) -> list[BudgetLine]:
        return list({line.id: line for line in lines}.values())

    def say(lang: Lang) -> str:
        text = t("audit.recurrent.intro", lang)
        known = [t(key, lang, lines=_purposes(unique(groups[group]), lang), amount=bn(amount[group], lang))
                 for key, group in (("audit.recurrent.investment", "development_investment"),
                                    ("audit.recurrent.recurrent", "st_recurrent")) if groups[group]]
        if known:
            text += " " + t("audit.recurrent.known", lang, parts="; ".join(known))
        if groups[None]:
            text += " " + t("audit.recurrent.unclassified", lang, lines=_purposes(unique(groups[None]), lang),
                            amount=bn(amount[None], lang))
        return text

    severity: Severity = "warning" if groups[None] else "info"
    return [finding("investment_vs_recurrent", severity, say, nums)]


def fund_outside_budget(plan: Plan) -> list[Finding]:
    fund = plan.targets_for("st_fund_share_revenue_local")
    if not fund or not plan.budget:
        return []
    target = fund[0]
    nums = {"lower": target.lower, "upper": target.upper,
            "ratio_upper_to_lower": target.upper / target.lower if target.lower else None}

    def say(lang: Lang) -> str:
        return t("audit.fund_outside_budget", lang, target=target.describe(lang), clause=clause_text(target.clause, lang),
                 total=bn(plan.budget.total.value, lang))

    return [finding("fund_outside_budget", "warning", say, nums)]


def no_budget_after(plan: Plan) -> list[Finding]:
    """Targets that run past the last budgeted year, named as the plan states them."""
    if not plan.budget:
        return []
    last_year = max(ph.end_year for ph in plan.phases)
    later = [x for x in plan.targets if (x.year_to is None or x.year_to > last_year) and x.aggregation != "interval"]
    if not later:
        return []
    latest = max((x.year_to or x.year_from) for x in later)
    nums = {"last_budget_year": last_year, "latest_target_year": latest, "targets": ",".join(x.id for x in later)}

    def say(lang: Lang) -> str:
        items = "; ".join(t("audit.target_item", lang, title=x.title(lang), target=x.describe(lang),
                            years=x.years_label(lang)) for x in later)
        return t("audit.no_budget_after", lang, year=last_year, n=len(later), latest=latest, items=items)

    return [finding("no_budget_after", "warning", say, nums)]


CHECKS = [funding_vs_targets, implied_ceilings, sources_of_money, investment_vs_recurrent,
          fund_outside_budget, no_budget_after]
