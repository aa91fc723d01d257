"""``khcn plan``: the plan as data: targets, budget, lists (Plan 182 by default).

A plan file that loads exits 0; an invalid file raises a
:class:`~khcn_analysis.plan.fields.PlanError`, which ``khcn`` turns into a message and exit code 2.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from khcn_analysis.cli.common import add_format_option, add_lang_option, refuse_unused
from khcn_analysis.cli.output import echo, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    plan = subparsers.add_parser("plan", help="the plan's targets and budget (Plan 182 by default)")
    add_plan_options(plan)
    plan.set_defaults(handler=run_plan)


def add_plan_options(parser: argparse.ArgumentParser) -> None:
    """``--plan FILE``, ``--lang``, ``--format``: the options ``plan`` and ``audit`` share."""
    parser.add_argument(
        "--plan",
        type=Path,
        default=None,
        metavar="FILE",
        help="plan file to load (default: data/raw/plans/lai-chau-2013.yaml)",
    )
    add_lang_option(parser)
    add_format_option(parser)


def terminal_width() -> int:
    return max(60, min(110, shutil.get_terminal_size((100, 24)).columns))


def run_plan(args: argparse.Namespace) -> int:
    from khcn_analysis.plan.load import load_plan
    from khcn_analysis.plan.text import plan_report

    plan = load_plan(args.plan)
    if args.format == "json":
        refuse_unused(args, ["lang"], when="--format json (the plan's data carries both languages)")
        payload = plan.model_dump(mode="json")
        payload["budget_table"] = plan.budget_table()
        print_json(payload)
    else:
        echo(plan_report(plan, lang=args.lang, width=terminal_width()))
    return 0
