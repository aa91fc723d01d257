"""Section II: what changed since the previous report, with dates and reasons.

The first report for a set of snapshots says it is the first. Later ones list the inputs
that changed (each Department import or revert with its date, who filled the template and
the documents it cites; new or revised public figures; assumptions; the scenario; the
method), then every verdict that moved and every key value that moved, each with the
reasons :mod:`.changes` found in its provenance. Values of future years other than the
milestones move with the figures they are projected from: they are counted, not listed.
"""

from __future__ import annotations

from typing import Any

from khcn_analysis.core.config import MILESTONES
from khcn_analysis.present.brief.words import bare_value, lower_first
from khcn_analysis.report.progress.changes import ASSUMPTION_FILES, PLAN_PREFIX, Changes
from khcn_analysis.report.progress.periods import parse_period_id
from khcn_analysis.report.progress.texts import (
    date_text,
    grade_word,
    indicator_label,
    reason_text,
    target_name,
    value_cell,
    verdict_word,
)

__all__ = ["changes_section", "input_items", "listed_values"]


def _event_item(ctx: Any, event: dict[str, Any], department: dict[str, Any]) -> str:
    when = date_text(event.get("when"), ctx.lang)
    if event.get("kind") == "revert":
        imported = next((e for e in department.get("events", []) if e.get("kind") == "import"
                         and e.get("import_id") == event.get("import_id")), {})
        return ctx.tr("progress.input.revert", date=when, import_date=date_text(imported.get("when"), ctx.lang))
    documents = "; ".join(event.get("documents") or []) or ctx.tr("progress.unknown")
    figures = event.get("figures")
    return ctx.tr("progress.input.import", date=when, filler=event.get("filled_by") or ctx.tr("progress.unknown"),
                  n=figures if figures is not None else ctx.tr("progress.unknown"), documents=documents)


def input_items(ctx: Any, changes: Changes) -> list[str]:
    """The inputs that changed between the two snapshots, dated where they have a date."""
    items = [_event_item(ctx, e, changes.current.department) for e in changes.inputs.department_events]
    files = changes.inputs.files
    if "sources.csv" in files:
        items.append(ctx.tr("progress.input.file.sources.csv"))
    if any(f in ASSUMPTION_FILES for f in files):
        items.append(ctx.tr("progress.input.file.assumptions"))
    if any(f.startswith(PLAN_PREFIX) for f in files):
        items.append(ctx.tr("progress.input.file.plan"))
    others = [f for f in files if f != "sources.csv" and f not in ASSUMPTION_FILES and not f.startswith(PLAN_PREFIX)]
    if others:
        items.append(ctx.tr("progress.input.file.other", n=len(others)))
    if changes.inputs.scenario:
        old, new = changes.previous.scenario, changes.current.scenario
        title = f"title_{ctx.lang}"
        if old.get("name") != new.get("name"):
            items.append(ctx.tr("progress.input.scenario", old=old.get(title) or old.get("name"),
                                new=new.get(title) or new.get("name")))
        else:
            items.append(ctx.tr("progress.input.scenario_edit", new=new.get(title) or new.get("name")))
    if changes.inputs.code:
        items.append(ctx.tr("progress.input.code", old=changes.previous.code.get("version"),
                            new=changes.current.code.get("version")))
    return items


def _reasons(ctx: Any, reasons: list[Any]) -> str:
    results = ctx.parts.results
    texts = [reason_text(r, ctx.lang, department=ctx.parts.snapshot.department, results=results) for r in reasons]
    return "; ".join(dict.fromkeys(texts))


def _verdict_cell(ctx: Any, row: dict[str, Any] | None) -> str:
    if row is None:
        return ctx.tr("progress.absent")
    verdict = verdict_word(row.get("verdict") or row.get("status"), ctx.lang)
    if not (row.get("grade") or row.get("value_status")):
        return verdict
    return ctx.tr("progress.verdict_cell", verdict=verdict, grade=lower_first(grade_word(row, ctx.lang)))


#: Statuses of a value that is part of the record (not a projection, back-cast or counterfactual).
RECORDED = ("observed", "interpolated", "derived", "assumption")


def _recorded(row: dict[str, Any] | None) -> bool:
    return row is not None and row.get("status") in RECORDED


def listed_values(ctx: Any, changes: Changes) -> tuple[list[Any], int]:
    """The value changes a reader sees one by one, and how many others moved with them.

    Listed: the milestone years, and past years where the value is part of the record in
    either report; the projected years in between move with those and are only counted.
    """
    shown = [c for c in changes.values if c.year in MILESTONES
             or (ctx.is_past(c.year) and (_recorded(c.before) or _recorded(c.after)))]
    return shown, len(changes.values) - len(shown)


def _status(row: dict[str, Any] | None) -> str | None:
    return None if row is None else str(row.get("status"))


def _runs(changes: list[Any]) -> list[list[Any]]:
    """Consecutive non-milestone years of one series that moved alike (same statuses before and
    after, same reasons), as one row; a milestone year is always a row of its own."""
    runs: list[list[Any]] = []
    for c in changes:
        last = runs[-1][-1] if runs else None
        if (last is not None and last.variable == c.variable and last.year + 1 == c.year
                and last.year not in MILESTONES and c.year not in MILESTONES
                and (_status(last.before), _status(last.after)) == (_status(c.before), _status(c.after))
                and last.reasons == c.reasons):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _years(run: list[Any]) -> str:
    return str(run[0].year) if len(run) == 1 else f"{run[0].year}–{run[-1].year}"


def _side(ctx: Any, run: list[Any], side: str) -> str:
    first, last = getattr(run[0], side), getattr(run[-1], side)
    if first is None or last is None:
        return ctx.tr("progress.absent" if side == "before" else "progress.dropped")
    if len(run) == 1:
        return value_cell(run[0].variable, first, ctx.lang)
    first_text = (bare_value(run[0].variable, float(first["value"]), ctx.lang)
                  if first.get("status") == last.get("status") and first.get("value") is not None
                  else value_cell(run[0].variable, first, ctx.lang))
    last_text = value_cell(run[-1].variable, last, ctx.lang)
    if last_text.startswith(first_text + " ") or last_text == first_text:  # equal once rounded: said once
        return last_text
    return ctx.tr("progress.value_span", first=first_text, last=last_text)


def changes_section(ctx: Any) -> None:
    ctx.section("changes")
    changes: Changes | None = ctx.parts.changes
    if changes is None:
        ctx.w.paragraph("Normal", ctx.tr("progress.changes.first"))
        return
    previous = ctx.parts.previous
    period = parse_period_id(previous.period)
    ctx.w.paragraph("Normal", ctx.tr("progress.changes.since", previous=period.label(ctx.lang) if period else
                                     previous.period, date=date_text(previous.written_at, ctx.lang)))
    items = input_items(ctx, changes)
    if not items and not changes.verdicts and not changes.values:
        ctx.w.paragraph("Normal", ctx.tr("progress.changes.none"))
        return
    if items:
        ctx.w.heading(ctx.tr("progress.h.inputs"), 2)
        ctx.w.bullets(items)
    plan = ctx.parts.results.plan
    source = ctx.tr("brief.source", names=ctx.tr("brief.source.workbook"))
    if changes.verdicts:
        header = [ctx.tr(f"progress.col.{k}") for k in ("year", "target", "before", "after", "reason")]
        rows = []
        for c in changes.verdicts:
            name = target_name(plan, c.target_id, c.indicator, ctx.lang)
            rows.append([str(c.year), name[:1].upper() + name[1:], _verdict_cell(ctx, c.before),
                         _verdict_cell(ctx, c.after), _reasons(ctx, c.reasons)])
        ctx.w.table(ctx.tr("progress.table.verdicts"), header, rows, [1.4, 4.0, 3.0, 3.0, 4.0],
                    source=source, merge_first=True)
    else:
        ctx.w.paragraph("Normal", ctx.tr("progress.changes.no_verdict"))
    shown, more = listed_values(ctx, changes)
    if shown:
        header = [ctx.tr(f"progress.col.{k}") for k in ("indicator", "year", "before", "after", "reason")]
        rows = [[indicator_label(run[0].variable, ctx.lang), _years(run), _side(ctx, run, "before"),
                 _side(ctx, run, "after"), _reasons(ctx, run[0].reasons)] for run in _runs(shown)]
        ctx.w.table(ctx.tr("progress.table.values"), header, rows, [3.5, 1.4, 3.0, 3.0, 4.3],
                    source=source, merge_first=True)
    elif not more:
        ctx.w.paragraph("Normal", ctx.tr("progress.changes.no_value"))
    if more:
        ctx.w.paragraph("Normal", ctx.tr("progress.values.more", n=more))
