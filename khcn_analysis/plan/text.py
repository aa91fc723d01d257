"""The plan as readable text for a terminal (``khcn plan``): targets, budget, lists.

Words are ``plan.report.*`` keys of the catalogue; the plan's own sentences come from
the plan file in the reader's language.
"""

from __future__ import annotations

import textwrap

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang, format_number
from khcn_analysis.plan.fields import source_of_money_label, text_in
from khcn_analysis.plan.model import Plan

__all__ = ["plan_report"]


def _num(x: float, lang: Lang) -> str:
    return format_number(x, 0 if float(x).is_integer() else 1, lang)


def _text_table(header: list[str], rows: list[list[str]], right: frozenset[int] = frozenset()) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def fmt(row: list[str]) -> str:
        cells = [
            str(c).rjust(widths[i]) if i in right else str(c).ljust(widths[i])
            for i, c in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(header), rule, *(fmt(r) for r in rows)])


def plan_report(plan: Plan, lang: Lang = "vi", width: int = 100) -> str:
    """The plan as readable text: title, documents, general aim, targets, budget, lists."""
    lang = check_lang(lang)

    def w(key: str, **fields: object) -> str:
        return t(f"plan.report.{key}", lang, **fields)

    out = [plan.title(lang)]
    for doc in plan.documents:
        ref = text_in(doc, "reference", lang)
        out.append(w("document", reference=ref) + ("" if doc.found else f" ({w('missing_doc')})"))
    if plan.general_aim:
        aim = plan.general_aim
        out += ["", textwrap.fill(w("aim", clause=aim.clause, text=text_in(aim, "text", lang)), width)]
    out += ["", *_targets(plan, lang, w)]
    if plan.budget:
        out += ["", *_budget(plan, lang, w)]
    if plan.fields_of_work:
        out += ["", w("fields")]
        out += [f"  {f.clause}  {text_in(f, 'name', lang)}" for f in plan.fields_of_work]
    if plan.vision_2030:
        out += ["", w("vision")]
        for v in plan.vision_2030:
            out.append(textwrap.fill(text_in(v, "text", lang), width, initial_indent="  - ", subsequent_indent="    "))
    if plan.agencies:
        out += ["", w("agencies")]
        out += [f"  {a.clause}  {text_in(a, 'name', lang)}" for a in plan.agencies]
    return "\n".join(out)


def _targets(plan: Plan, lang: Lang, w) -> list[str]:
    rows = [
        [target.clause, target.title(lang), target.describe(lang), target.years_label(lang),
         w("from_data") if target.computable else w("by_hand")]
        for target in plan.targets
    ]
    header = [w("col.clause"), w("col.indicator"), w("col.target"), w("col.years"), w("col.computable")]
    return [w("targets"), _text_table(header, rows)]


def _budget(plan: Plan, lang: Lang, w) -> list[str]:
    b = plan.budget
    assert b is not None
    rows = []
    for ph in b.phases:
        span = f"{ph.start_year}–{ph.end_year}"
        for line in ph.lines:
            rows.append([span, text_in(line, "purpose", lang), source_of_money_label(line.source_of_money, lang),
                         format_number(line.amount, 1, lang)])
        rows.append([span, w("phase_total"), "", format_number(ph.stated_total, 1, lang)])
    header = [w("col.phase"), w("col.line"), w("col.money"), w("col.amount")]
    total = w("total_about" if b.total.qualifier == "about" else "total", clause=b.clause,
              value=_num(b.total.value, lang), start=b.total.start_year, end=b.total.end_year,
              average=_num(b.yearly_average.value, lang))
    return [w("budget"), _text_table(header, rows, right=frozenset({3})), total]
