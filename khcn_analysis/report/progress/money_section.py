"""Section III: the plan's budget by phase and line, what the Department recorded as spent, the gap."""

from __future__ import annotations

from typing import Any

from khcn_analysis.present.brief.words import is_missing, money, number
from khcn_analysis.report.progress.money import SPENT, PhaseMoney
from khcn_analysis.report.progress.texts import years_text

__all__ = ["money_section"]


def _amount(value: float, lang: str) -> str:
    return "–" if is_missing(value) else number(value, 1, lang)


def _phase_label(ctx: Any, m: PhaseMoney) -> str:
    if m.after_plan:
        return ctx.tr("progress.period_after", start=m.start, end=m.end)
    return f"{m.start}–{m.end}"


def _budget_table(ctx: Any) -> None:
    plan = ctx.parts.results.plan
    header = [ctx.tr(f"progress.col.{k}") for k in ("phase", "line", "money_source", "amount")]
    rows = []
    for phase in plan.phases:
        label = f"{phase.start_year}–{phase.end_year}"
        for line in phase.lines:
            purpose = getattr(line, f"purpose_{ctx.lang}")
            rows.append([label, purpose, ctx.tr(f"progress.money.source.{line.source_of_money}"),
                         number(float(line.amount), 1, ctx.lang)])
        rows.append([label, ctx.tr("progress.budget.subtotal"), "",
                     number(float(sum(x.amount for x in phase.lines)), 1, ctx.lang)])
    if plan.phases:
        total = sum(float(x.amount) for ph in plan.phases for x in ph.lines)
        rows.append([ctx.tr("progress.budget.total", start=plan.phases[0].start_year, end=plan.phases[-1].end_year),
                     "", "", number(total, 1, ctx.lang)])
    source = ctx.tr("brief.source", names=ctx.tr("sources.plan.lai-chau-2013"))
    ctx.w.table(ctx.tr("progress.table.budget"), header, rows, [2.2, 7.2, 3.6, 2.4], numeric={3},
                source=source, merge_first=True)


def _recorded_cell(ctx: Any, m: PhaseMoney, variable: str) -> str:
    years = m.recorded_years[variable]
    if not years:
        return ctx.tr("progress.absent")
    return ctx.tr("progress.recorded_cell", amount=_amount(m.recorded[variable], ctx.lang),
                  years=years_text(years, ctx.lang))


def _spending_table(ctx: Any) -> None:
    header = [ctx.tr(f"progress.col.{k}") for k in ("phase", "plan_money", "recorded_budget",
                                                    "recorded_investment", "estimated", "needed", "gap")]
    rows = []
    for m in ctx.parts.money:
        rows.append([_phase_label(ctx, m), _amount(m.plan_budget, ctx.lang) if m.plan_budget else "–",
                     _recorded_cell(ctx, m, "st_budget"), _recorded_cell(ctx, m, "st_investment"),
                     _amount(m.estimated, ctx.lang), _amount(m.needed, ctx.lang), _amount(m.gap, ctx.lang)])
    ctx.w.table(ctx.tr("progress.table.spending"), header, rows, [2.6, 1.9, 2.6, 2.6, 2.2, 2.2, 1.9],
                numeric={1, 4, 5, 6}, source=ctx.source_line(("plan_funding", "st_investment", "st_budget")))


def money_section(ctx: Any) -> None:
    ctx.section("money")
    _budget_table(ctx)
    recorded = sorted({y for m in ctx.parts.money for v in SPENT for y in m.recorded_years[v]})
    if recorded:
        ctx.w.paragraph("Normal", ctx.tr("progress.money.recorded", years=years_text(recorded, ctx.lang)))
    else:
        ctx.w.paragraph("Normal", ctx.tr("progress.money.none_recorded"))
    _spending_table(ctx)
    gaps = [ctx.tr("progress.money.gap", period=_phase_label(ctx, m), needed=money(m.needed, ctx.lang),
                   estimated=money(m.estimated, ctx.lang), gap=money(m.gap, ctx.lang))
            for m in ctx.parts.money if not is_missing(m.gap) and m.gap > 0]
    if gaps:
        ctx.w.paragraph("Normal", ctx.tr("progress.money.gap_intro"))
        ctx.w.bullets(gaps)
