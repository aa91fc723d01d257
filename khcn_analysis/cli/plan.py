"""``khcn plan`` and ``khcn audit``: show the plan as data and the audit of its arithmetic.

Thin by design: parse, call :mod:`khcn_analysis.plan.model` / :mod:`khcn_analysis.plan.audit`, print.
A plan file that loads exits 0 even when the audit has findings; an invalid file raises a
:class:`~khcn_analysis.plan.model.PlanError`, which ``khcn`` turns into a message and exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path

from khcn_analysis.cli.common import add_format_option, add_lang_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    plan = subparsers.add_parser("plan", help="the plan's targets and budget (Plan 182 by default)")
    _common_options(plan)
    plan.set_defaults(handler=run_plan)

    audit = subparsers.add_parser("audit", help="audit the plan's own arithmetic")
    _common_options(audit)
    audit.set_defaults(handler=run_audit)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        default=None,
        metavar="FILE",
        help="plan file to load (default: data/raw/plans/lai-chau-2013.yaml)",
    )
    add_lang_option(parser)
    add_format_option(parser)


def run_plan(args: argparse.Namespace) -> int:
    from khcn_analysis.plan.model import load_plan, plan_report

    plan = load_plan(args.plan)
    if args.format == "json":
        payload = plan.model_dump(mode="json")
        payload["budget_table"] = plan.budget_table().to_dict(orient="records")
        print_json(payload)
    else:
        print(plan_report(plan, lang=args.lang, width=_width()))
    return 0


def run_audit(args: argparse.Namespace) -> int:
    from khcn_analysis.plan.audit import SEVERITY_LABELS, audit_plan
    from khcn_analysis.plan.model import load_plan

    plan = load_plan(args.plan)
    findings = audit_plan(plan)
    if args.format == "json":
        print_json(
            {
                "plan": plan.id,
                "findings": [f.model_dump(mode="json") for f in findings],
            }
        )
        return 0
    width = _width()
    title = plan.title_vi if args.lang == "vi" else plan.title_en
    heading = (
        "Kiểm tra số học của kế hoạch" if args.lang == "vi" else "Audit of the plan's arithmetic"
    )
    print(f"{heading}: {title}")
    counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
    print(", ".join(f"{SEVERITY_LABELS[s][args.lang]}: {n}" for s, n in counts.items()))
    for f in findings:
        label = f"[{SEVERITY_LABELS[f.severity][args.lang]}] {f.id}"
        print()
        print(label)
        print(
            textwrap.fill(
                f.message(args.lang), width=width, initial_indent="  ", subsequent_indent="  "
            )
        )
    return 0


def _width() -> int:
    return max(60, min(110, shutil.get_terminal_size((100, 24)).columns))
