"""The half-year report, section by section, as a Vietnamese administrative report reads.

Header block (issuing body, number, place and date), title and addressee, the opening that
cites the plan's reporting rule; I. where each target stands at 2015, 2020 and 2030; II. what
changed since the previous report (:mod:`.changes_section`); III. the money
(:mod:`.money_section`); IV. data received and missing (:mod:`.data_section`); V. proposals;
recipients and signature; then the data-request annex on its own page. The document is
written into the briefing note's Word template with its writer
(:class:`khcn_analysis.present.brief.document.Writer`): same styles, captions, tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from docx.document import Document as DocxDocument

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.indicators import unit_label
from khcn_analysis.plan.responsibilities import Responsibilities
from khcn_analysis.present.brief.document import Writer, open_template, plain
from khcn_analysis.present.brief.grounds import assumption_name, main_sources
from khcn_analysis.present.brief.words import (
    bare_value,
    clause_text,
    goal_text,
    is_missing,
    lower_first,
    number,
)
from khcn_analysis.report.progress.annex import Request
from khcn_analysis.report.progress.changes import Changes
from khcn_analysis.report.progress.money import PhaseMoney
from khcn_analysis.report.progress.periods import Period
from khcn_analysis.report.progress.snapshot import Snapshot
from khcn_analysis.report.progress.texts import date_text, grade_word, target_name, verdict_word

__all__ = ["Context", "ReportParts", "compose"]

_ROMAN = ("I", "II", "III", "IV", "V", "VI")
STANDINGS = ("met", "not_met", "undetermined")


@dataclass
class ReportParts:
    """Everything the document shows, gathered before it is written."""

    results: Any
    period: Period
    written: datetime
    snapshot: Snapshot
    previous: Snapshot | None
    changes: Changes | None
    department: dict[str, Any]
    requests: list[Request]
    money: list[PhaseMoney]
    responsibilities: Responsibilities


class Context:
    """The writer, the language and the parts, shared by the section modules."""

    def __init__(self, doc: DocxDocument, parts: ReportParts, lang: str) -> None:
        self.w = Writer(doc, lang)
        self.lang = lang
        self.parts = parts
        self.sections: dict[str, str] = {}

    def tr(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def section(self, name: str) -> str:
        numeral = _ROMAN[len(self.sections)]
        self.sections[name] = numeral
        self.w.heading(f"{numeral}. {self.tr(f'progress.h.{name}')}", 1)
        return numeral

    @property
    def period_label(self) -> str:
        return self.parts.period.label(self.lang)

    def is_past(self, year: int) -> bool:
        return year <= self.parts.period.last_complete_year

    def source_line(self, variables: tuple[str, ...]) -> str:
        names, more = main_sources([self.parts.results], self.lang, variables, 3)
        listed = "; ".join(names) if names else self.tr("brief.source.workbook")
        if more:
            listed = self.tr("progress.source.more", names=listed, n=more)
        return self.tr("brief.source", names=listed)


# --------------------------------------------------------------------------- header and opening


def _header(ctx: Context) -> None:
    tr = ctx.tr
    left = [("Header Agency", tr("brief.header.agency")), ("Header Issuer", tr("brief.header.issuer")),
            ("Header Rule", tr("brief.header.rule")), ("Header Number", tr("progress.header.number"))]
    right = [("Header Country", tr("brief.header.country")), ("Header Motto", tr("brief.header.motto")),
             ("Header Rule", tr("brief.header.rule")), ("Header Date", tr("brief.header.date"))]
    ctx.w.layout([left, right], [7.4, 10.4], indent_cm=-1.3)
    ctx.w.paragraph("Title", tr("progress.title"))
    ctx.w.paragraph("Subtitle", tr("progress.subtitle", period=ctx.period_label))
    ctx.w.paragraph("Scenario Line", tr("progress.addressee"))
    ctx.w.paragraph("Normal", tr("progress.intro", period=ctx.period_label))
    scenario = ctx.parts.results.scenario.title(ctx.lang)
    ctx.w.paragraph("Normal", tr("progress.basis", date=date_text(ctx.parts.written, ctx.lang), scenario=scenario))


# --------------------------------------------------------------------------- I. targets


def milestone_rows(results: Any, years: tuple[int, ...] = MILESTONES) -> list[dict[str, Any]]:
    """The judge's province rows in the milestone years it could compute, by year then plan order."""
    att = results.attainment
    order = {tid: i for i, tid in enumerate(dict.fromkeys(att["target_id"]))}
    sel = att[(att["scope"] == "province") & (att["status"] != "not_computable") & att["year"].isin(list(years))]
    rows = sel.to_dict("records")
    return sorted(rows, key=lambda r: (int(r["year"]), order[r["target_id"]]))


def _verdict(row: dict[str, Any]) -> str:
    return str(row.get("verdict") or row["status"])


def _milestone_sentences(ctx: Context, rows: list[dict[str, Any]]) -> list[str]:
    plan = ctx.parts.results.plan
    out = []
    for year in MILESTONES:
        sel = [r for r in rows if int(r["year"]) == year]
        when = "past" if ctx.is_past(year) else "future"
        groups = []
        for standing in STANDINGS:
            names = [target_name(plan, r["target_id"], r["indicator"], ctx.lang) for r in sel if _verdict(r) == standing]
            if names:
                groups.append(ctx.tr("progress.milestone.group", standing=ctx.tr(f"progress.standing.{when}.{standing}"),
                                     n=len(names), names=", ".join(names)))
        summary = "; ".join(groups) if groups else ctx.tr("progress.milestone.none")
        out.append(ctx.tr(f"progress.milestone.{when}", year=year, summary=summary))
    return out


def _value_with_range(row: dict[str, Any], lang: str) -> str:
    value = bare_value(row["indicator"], row["value"], lang)
    low, high = row.get("value_low"), row.get("value_high")
    if is_missing(low) or is_missing(high) or bare_value(row["indicator"], low, lang) == bare_value(
            row["indicator"], high, lang):
        return value
    return t("progress.value_range", lang, value=value, low=bare_value(row["indicator"], low, lang),
             high=bare_value(row["indicator"], high, lang))


def _targets_table(ctx: Context, rows: list[dict[str, Any]]) -> None:
    plan = ctx.parts.results.plan
    header = [ctx.tr(f"progress.col.{k}") for k in ("milestone", "target", "goal", "value", "verdict", "grade")]
    body = []
    for r in rows:
        year = int(r["year"])
        name = target_name(plan, r["target_id"], r["indicator"], ctx.lang)
        body.append([
            ctx.tr("progress.year_past" if ctx.is_past(year) else "progress.year_future", year=year),
            f"{name[:1].upper()}{name[1:]} ({clause_text(r['clause'], ctx.lang)})",
            goal_text(r, ctx.lang), _value_with_range(r, ctx.lang),
            verdict_word(_verdict(r), ctx.lang, long=True), grade_word(r, ctx.lang)])
    years = ", ".join(str(y) for y in MILESTONES)
    indicators = tuple(dict.fromkeys(r["indicator"] for r in rows))
    source = f"{ctx.tr('progress.table.targets_note')} {ctx.source_line(indicators)}"
    ctx.w.table(ctx.tr("progress.table.targets", years=years), header, body, [1.7, 4.0, 1.9, 2.5, 2.9, 2.4],
                numeric={3}, source=source, merge_first=True)


def _decides_sentence(ctx: Context, row: dict[str, Any]) -> str:
    """The judge's own sentence for an undetermined verdict, else one built from its breakpoint."""
    own = row.get(f"sentence_{ctx.lang}")
    plan = ctx.parts.results.plan
    label = target_name(plan, row["target_id"], row["indicator"], ctx.lang, short=False)
    label = label[:1].upper() + label[1:]
    if isinstance(own, str) and own.strip():  # the judge's sentence says the verdict itself
        return ctx.tr("progress.decides.own", label=label, year=int(row["year"]), sentence=lower_first(own.strip()))
    verdict = verdict_word(_verdict(row), ctx.lang, long=True).lower()
    if not is_missing(row.get("breakpoint")) and row.get("deciding_assumption"):
        unit = str(row.get("breakpoint_unit") or "")
        decimals = 0 if unit == "persons" else 2
        decides = ctx.tr("progress.decides.breakpoint",
                         comparator=ctx.tr(f"progress.comparator.{row.get('breakpoint_comparator') or 'at_least'}"),
                         breakpoint=f"{number(float(row['breakpoint']), decimals, ctx.lang)} "
                                    f"{unit_label(unit, ctx.lang)}".strip(),
                         assumption=assumption_name(str(row["deciding_assumption"]), ctx.lang, ctx.parts.results))
    else:
        decides = ctx.tr("progress.decides.unknown")
    return ctx.tr("progress.decides", label=label, year=int(row["year"]), verdict=verdict, decides=decides)


def _not_computable(ctx: Context) -> str | None:
    att = ctx.parts.results.attainment
    prov = att[att["scope"] == "province"]
    judged = set(prov.loc[prov["status"] != "not_computable", "target_id"])
    names: dict[str, None] = {}
    for r in prov[prov["status"] == "not_computable"].to_dict("records"):
        if r["target_id"] in judged or r["indicator"] == "progress_report_interval_months":
            continue  # this report is the six-monthly report itself
        name = target_name(ctx.parts.results.plan, r["target_id"], r["indicator"], ctx.lang)
        names.setdefault(f"{name} ({clause_text(r['clause'], ctx.lang)})", None)
    if not names:
        return None
    return ctx.tr("progress.not_computable", n=len(names), items="; ".join(names))


def targets_section(ctx: Context) -> None:
    ctx.section("targets")
    rows = milestone_rows(ctx.parts.results)
    ctx.w.bullets(_milestone_sentences(ctx, rows))
    _targets_table(ctx, rows)
    open_rows = [r for r in rows if _verdict(r) == "undetermined"]
    if open_rows:
        ctx.w.heading(ctx.tr("progress.h.undetermined"), 2)
        ctx.w.bullets([_decides_sentence(ctx, r) for r in open_rows])
    missing = _not_computable(ctx)
    if missing:
        ctx.w.paragraph("Normal", missing)


# --------------------------------------------------------------------------- V. proposals, closing


def proposals_section(ctx: Context) -> None:
    ctx.section("proposals")
    items = []
    if ctx.parts.requests:
        items.append(ctx.tr("progress.propose.data"))
    if any(not is_missing(m.gap) and m.gap > 0 for m in ctx.parts.money):
        items.append(ctx.tr("progress.propose.money", section=ctx.sections.get("money", "III")))
    ctx.w.bullets(items)
    last = ctx.w.doc.paragraphs[-1] if items else None
    if last is not None:  # the last proposal stays on the page of the signature block
        last.paragraph_format.keep_with_next = True


def closing(ctx: Context) -> None:
    left = [("Recipients Heading", ctx.tr("brief.recipients")),
            ("Recipients", ctx.tr("brief.recipient.committee"))]
    if ctx.parts.requests:
        left.append(("Recipients", ctx.tr("progress.recipient.agencies")))
    left.append(("Recipients", ctx.tr("brief.recipient.archive")))
    right = [("Signer", ctx.tr("brief.signer")), ("Signer", ""), ("Signer", "")]  # room to sign, as in the brief
    ctx.w.layout([left, right], [8.0, 8.5])


def compose(parts: ReportParts, lang: str, template: Any = None) -> DocxDocument:
    """The whole report as a python-docx Document."""
    from khcn_analysis.report.progress.changes_section import changes_section
    from khcn_analysis.report.progress.data_section import annex, data_section
    from khcn_analysis.report.progress.money_section import money_section

    doc = open_template(template)
    ctx = Context(doc, parts, lang)
    _header(ctx)
    targets_section(ctx)
    changes_section(ctx)
    money_section(ctx)
    data_section(ctx)
    proposals_section(ctx)
    closing(ctx)
    doc.add_page_break()
    annex(ctx)
    props = doc.core_properties
    props.title = plain(f"{t('progress.title', lang)}: {t('progress.subtitle', lang, period=ctx.period_label)}")
    props.subject = ctx.period_label
    props.author = props.last_modified_by = t("brief.author", lang)
    props.keywords = t("progress.keywords", lang)
    props.language = t("brief.language", lang)
    return doc
