"""``khcn report``: batch reports (issue #6 builds the real thing).

Until the batch reporter lands this says what is not built yet and exits 0,
so ``make report`` never fails on a fresh clone.
"""

from __future__ import annotations

import argparse
import sys

from khcn_analysis.cli.common import add_lang_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="execute the notebooks and write reports/")
    parser.add_argument("--all", action="store_true", help="every shipped scenario")
    parser.add_argument("--scenario", action="append", default=[], help="scenario name or file")
    parser.add_argument("--out", help="output folder (default: reports/)")
    add_lang_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print(
        "khcn report: batch reports are not built yet (issue #6); "
        "nothing was written to reports/.",
        file=sys.stderr,
    )
    return 0
