"""Section IV (data received, data still missing) and the data-request annex, ready to send.

The imports of the period come from the Department's import history (date, who filled the
template, the documents cited, how many figures, whether it is in force). The annex lists
each figure to request (:mod:`.annex`): where it goes in the Department's template, the
years missing, the verdicts it would decide, and the agency the plan makes responsible,
with the plan's own sentence for each assignment.
"""

from __future__ import annotations

from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.present.brief.words import clause_text
from khcn_analysis.report.progress.annex import Request, template_place
from khcn_analysis.report.progress.received import events_in
from khcn_analysis.report.progress.texts import date_text, indicator_label, target_name, years_text

__all__ = ["annex", "data_section", "request_rows"]


def _imports_table(ctx: Any, events: list[dict[str, Any]]) -> None:
    department = ctx.parts.department
    header = [ctx.tr(f"progress.col.{k}") for k in ("import_date", "filler", "documents", "figures", "in_force")]
    rows = []
    current = department.get("current_import")
    for e in events:
        if e.get("kind") == "revert":
            imported = next((x for x in department.get("events", []) if x.get("kind") == "import"
                             and x.get("import_id") == e.get("import_id")), {})
            what = ctx.tr("progress.event.revert", import_date=date_text(imported.get("when"), ctx.lang))
            rows.append([date_text(e.get("when"), ctx.lang), what, "", "", ""])
            continue
        in_force = e.get("import_id") == current and e is _last_event_of(department, current)
        rows.append([date_text(e.get("when"), ctx.lang), e.get("filled_by") or ctx.tr("progress.unknown"),
                     "; ".join(e.get("documents") or []) or ctx.tr("progress.unknown"),
                     str(e.get("figures")) if e.get("figures") is not None else ctx.tr("progress.unknown"),
                     ctx.tr("progress.yes" if in_force else "progress.no")])
    source = ctx.tr("brief.source", names=t("sources.department", ctx.lang))
    ctx.w.table(ctx.tr("progress.table.imports"), header, rows, [2.4, 3.9, 5.6, 1.5, 1.8], numeric={3},
                source=source)


def _last_event_of(department: dict[str, Any], import_id: str | None) -> dict[str, Any] | None:
    events = [e for e in department.get("events", []) if e.get("import_id") == import_id and e.get("kind") == "import"]
    return events[-1] if events else None


def data_section(ctx: Any) -> None:
    ctx.section("data")
    department = ctx.parts.department
    events = events_in(department, ctx.parts.period)
    if events:
        ctx.w.paragraph("Normal", ctx.tr("progress.data.imports", period=ctx.period_label, n=len(events)))
        _imports_table(ctx, events)
    else:
        ctx.w.paragraph("Normal", ctx.tr("progress.data.no_imports", period=ctx.period_label))
    current = department.get("current_import")
    if current:
        event = _last_event_of(department, current) or {}
        ctx.w.paragraph("Normal", ctx.tr("progress.data.in_force", date=date_text(event.get("when"), ctx.lang),
                                         filler=event.get("filled_by") or ctx.tr("progress.unknown")))
    else:
        ctx.w.paragraph("Normal", ctx.tr("progress.data.never"))
    requests = ctx.parts.requests
    ctx.w.paragraph("Normal", ctx.tr("progress.data.missing", n=len(requests)) if requests
                    else ctx.tr("progress.data.complete"))


# --------------------------------------------------------------------------- the annex


def _agency(ctx: Any, agency_id: str, clause: str) -> str:
    agency = next(a for a in ctx.parts.results.plan.agencies if a.id == agency_id)
    return ctx.tr("progress.agency", name=getattr(agency, f"name_{ctx.lang}"), clause=clause)


def _figure(ctx: Any, variable: str) -> str:
    place = template_place(variable)
    label = indicator_label(variable, ctx.lang)
    if place is None:
        return label
    table, column = place
    return ctx.tr("progress.request.figure", label=column.label(ctx.lang), unit=column.unit_text(ctx.lang),
                  sheet=table.sheet(ctx.lang))


def _purpose(ctx: Any, request: Request) -> str:
    """"Kết luận trích Quỹ KH&CN/thu ngân sách địa phương (2013–2025)": each role, its targets and years."""
    plan = ctx.parts.results.plan
    indicators = {x.id: x.indicator for x in plan.targets}

    def items(keys) -> str:
        years: dict[str, list[int]] = {}
        for tid, year in keys:
            years.setdefault(tid, []).append(year)
        order = {x.id: i for i, x in enumerate(plan.targets)}
        return "; ".join(ctx.tr("progress.request.item", label=target_name(plan, tid, indicators.get(tid, ""), ctx.lang),
                                years=years_text(ys, ctx.lang, most=3))
                         for tid, ys in sorted(years.items(), key=lambda kv: order.get(kv[0], 99)))

    parts = []
    if request.decides:
        parts.append(ctx.tr("progress.request.decides", items=items(request.decides)))
    if request.firms_up:
        parts.append(ctx.tr("progress.request.firms_up", items=items(request.firms_up)))
    if request.outlook:
        parts.append(ctx.tr("progress.request.outlook", items=items(request.outlook)))
    return "; ".join(parts)


def request_rows(ctx: Any) -> list[list[str]]:
    rows = []
    for n, request in enumerate(ctx.parts.requests, start=1):
        lead = request.link.lead
        support = "; ".join(_agency(ctx, r.agency, r.clause) for r in request.link.support)
        rows.append([str(n), _figure(ctx, request.variable), years_text(request.years, ctx.lang),
                     _purpose(ctx, request), _agency(ctx, lead.agency, lead.clause), support or "–"])
    return rows


def _grounds(ctx: Any) -> list[str]:
    """The plan's sentence for each assignment the annex relies on, in the plan's order (D'.II.1–7)."""
    plan = ctx.parts.results.plan
    order = {a.id: i for i, a in enumerate(plan.agencies)}
    seen: dict[tuple[str, str], str] = {}
    used = [r for request in ctx.parts.requests for r in request.link.responsible]
    for r in sorted(used, key=lambda r: order.get(r.agency, 99)):
        key = (r.agency, r.text_vi)
        if key in seen:
            continue
        agency = next(a for a in plan.agencies if a.id == r.agency)
        name = getattr(agency, f"name_{ctx.lang}")
        kind = "duty" if r.basis == "duty" else "focal"
        seen[key] = ctx.tr(f"progress.annex.{kind}", name=name, clause=r.clause, text=r.text_vi, gloss=r.text_en)
    return list(seen.values())


def annex(ctx: Any) -> None:
    rule = ctx.parts.responsibilities.reporting
    ctx.w.paragraph("Title", ctx.tr("progress.annex.title"))
    ctx.w.paragraph("Subtitle", ctx.tr("progress.annex.subtitle"))
    ctx.w.paragraph("Scenario Line", ctx.tr("progress.annex.attached", period=ctx.period_label))
    ctx.w.paragraph("Normal", ctx.tr("progress.annex.intro", clause=clause_text(rule.clause, ctx.lang),
                                     rule=getattr(rule, f"text_{ctx.lang}")))
    if not ctx.parts.requests:
        ctx.w.paragraph("Normal", ctx.tr("progress.annex.none"))
        return
    header = [ctx.tr(f"progress.col.{k}") for k in ("no", "figure", "years_missing", "purpose", "lead", "support")]
    source = ctx.tr("brief.source", names=ctx.tr("sources.plan.lai-chau-2013"))
    ctx.w.table(ctx.tr("progress.table.requests"), header, request_rows(ctx), [0.9, 4.0, 2.1, 4.2, 2.6, 2.6],
                source=source)
    ctx.w.heading(ctx.tr("progress.annex.grounds"), 2)
    ctx.w.bullets(_grounds(ctx))
