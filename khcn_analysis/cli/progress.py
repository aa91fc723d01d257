"""``khcn progress``: the plan's own half-year report to the Provincial People's Committee.

Thin: parses options and calls :func:`khcn_analysis.report.progress.write_progress_report`,
which validates the period (``YYYY-H1``/``YYYY-H2``, begun; ``current`` for today's),
refuses a period already reported unless ``--replace``, rebuilds ``data/processed``,
judges the scenario, writes the Word report (``--pdf``: also the PDF through LibreOffice)
and keeps the period's snapshot in ``reports/progress/<period>/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress", help="write the half-year report on the plan (Word, optionally PDF)",
        description=(
            "Write the six-monthly report the plan asks for (Plan 182, D' closing): where each target "
            "stands at 2015, 2020 and 2030, what changed since the previous report and why, the money, "
            "the Department's imports of the period and a data-request annex naming the agency the plan "
            "makes responsible. Each report keeps a snapshot in reports/progress/<period>/ that the next "
            "one compares with; a period is reported once unless --replace."),
    )
    parser.add_argument("--period", required=True, metavar="YYYY-H1|YYYY-H2|current",
                        help="the half-year reported on (not one that has not begun); 'current' for today's")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.docx", help="the Word file to write")
    parser.add_argument("--scenario", default=None, metavar="NAME|FILE",
                        help="scenario for the projections (default: latest_trend)")
    parser.add_argument("--since", default=None, metavar="PERIOD",
                        help="compare with this earlier period's report (default: the latest one before)")
    parser.add_argument("--replace", action="store_true",
                        help="write a period already reported again (its old snapshot is kept as a dated backup)")
    parser.add_argument("--pdf", action="store_true",
                        help="also write FILE.pdf beside it through LibreOffice (soffice)")
    parser.add_argument("--template", type=Path, default=None, metavar="FILE.docx",
                        help="a restyled copy of the briefing note's template (same style names)")
    add_lang_option(parser)
    parser.set_defaults(handler=run_progress)


def run_progress(args: argparse.Namespace) -> int:
    from khcn_analysis.report.progress import DEFAULT_SCENARIO, write_progress_report

    report = write_progress_report(
        args.period, args.out, scenario=args.scenario or DEFAULT_SCENARIO, lang=args.lang, pdf=args.pdf,
        since=args.since, replace=args.replace, template=args.template)
    echo(t("progress.written", args.lang, path=report.docx))
    if report.pdf is not None:
        echo(t("progress.written", args.lang, path=report.pdf))
    echo(t("progress.snapshot_written", args.lang, period=report.period.id, path=report.snapshot))
    if report.backup is not None:
        echo(t("progress.backup_written", args.lang, path=report.backup))
    return 0
