"""``khcn export-xlsx``: one scenario as an Excel workbook whose formulas recalculate."""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-xlsx",
        help="write a scenario's workbook (Summary, Projection, Assumptions, Sources, Charts)",
    )
    parser.add_argument("--scenario", required=True, metavar="NAME",
                        help="a shipped scenario name (plan_as_written) or a scenario .yaml file")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="output .xlsx file (default: reports/excel/<scenario>.xlsx)")
    add_lang_option(parser)
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.present.excel import export_xlsx

    if args.out is not None and args.out.suffix.lower() != ".xlsx":
        raise InputError(None, "--out", str(args.out), "a file name ending in .xlsx")
    layout = export_xlsx(args.scenario, args.out, lang=args.lang)
    print(layout.path)
    return 0
