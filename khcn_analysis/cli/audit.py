"""``khcn audit``: the plan's own arithmetic, with severities and the numbers behind each finding.

A plan whose audit has findings still exits 0: the findings are the output.
"""

from __future__ import annotations

import argparse
import textwrap

from khcn_analysis.cli.output import echo, print_json
from khcn_analysis.cli.plan import add_plan_options, terminal_width
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    audit = subparsers.add_parser("audit", help="audit the plan's own arithmetic")
    add_plan_options(audit)
    audit.set_defaults(handler=run_audit)


def run_audit(args: argparse.Namespace) -> int:
    from khcn_analysis.plan.audit import SEVERITIES, audit_plan
    from khcn_analysis.plan.load import load_plan

    plan = load_plan(args.plan)
    findings = audit_plan(plan)
    lang = args.lang
    if args.format == "json":
        print_json({"plan": plan.id, "findings": [
            {**f.model_dump(mode="json"), "message": f.message(lang)} for f in findings]})
        return 0
    width = terminal_width()
    echo(t("audit.heading", lang, title=plan.title(lang)))
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
    echo(", ".join(t("audit.count", lang, severity=t(f"audit.severity.{s}", lang), n=n)
                   for s, n in counts.items()))
    for f in findings:
        echo()
        echo(f"[{t(f'audit.severity.{f.severity}', lang)}] {f.id}")
        echo(textwrap.fill(f.message(lang), width=width, initial_indent="  ", subsequent_indent="  "))
    return 0
