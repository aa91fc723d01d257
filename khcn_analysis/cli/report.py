"""``khcn report``: execute the notebooks, write HTML reports, index and manifest.

Thin: parses options, calls :func:`khcn_analysis.report.batch.run_reports` (which first
rebuilds data/processed/ from data/raw/), returns its
exit code (0 complete or skipped or nothing to run yet, 1 a notebook failed).
Progress lines go to stderr; the final line names the report folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="execute the notebooks and write reports/",
        description=(
            "Run the notebooks through papermill for the chosen scenarios, convert them "
            "to HTML and publish them as reports/run-<time>-<hash> (reports/latest points "
            "at the newest complete run). Exit code 1 if any notebook failed."
        ),
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--all", action="store_true", help="every shipped scenario (the default)")
    chosen.add_argument(
        "--scenario", action="append", default=None, metavar="NAME",
        help="scenario name or YAML file; repeat for several",
    )
    parser.add_argument("--out", type=Path, help="reports folder (default: reports/)")
    parser.add_argument(
        "--jobs", type=int, default=2, metavar="N", help="notebooks run in parallel (default: 2)"
    )
    parser.add_argument(
        "--if-changed", action="store_true",
        help="skip when inputs and code are unchanged since the last complete run",
    )
    parser.add_argument(
        "--progress", action="store_true",
        help="also write the current half-year's progress report (khcn progress) into "
             "reports/progress/<period>/, once per period",
    )
    parser.add_argument(
        "--rerun-all", action="store_true",
        help="run every notebook again, even those whose inputs did not change since the last run",
    )
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from khcn_analysis.report.batch import run_reports

    result = run_reports(
        None if args.all or not args.scenario else args.scenario,
        out=args.out,
        jobs=args.jobs,
        lang=args.lang,
        if_changed=args.if_changed,
        build_data=True,
        reuse_pages=not args.rerun_all,
    )
    if args.progress:
        _progress(args)
    return result.exit_code


def _progress(args: argparse.Namespace) -> None:
    """The scheduled half-year report (a separate job: the batch's notebooks do not make it)."""
    import sys

    from khcn_analysis.cli.output import echo
    from khcn_analysis.core.catalogue import t
    from khcn_analysis.report.progress import due_period, periods, scheduled_report, snapshot_path

    folder = args.out / "progress" if args.out else None
    report = scheduled_report(lang=args.lang, folder=folder)
    if report is None:
        period = due_period(periods.now(), folder)
        echo(t("progress.scheduled_skip", args.lang, period=period.id, path=snapshot_path(period, folder)),
             file=sys.stderr)
        return
    for path in (report.docx, report.pdf):
        if path is not None:
            echo(t("progress.written", args.lang, path=path), file=sys.stderr)
