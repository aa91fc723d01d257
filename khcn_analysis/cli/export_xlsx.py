"""``khcn export-xlsx``: one scenario as an Excel workbook whose formulas recalculate."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from khcn_analysis.cli.common import add_lang_option

if TYPE_CHECKING:
    from khcn_analysis.model.scenarios import Scenario
    from khcn_analysis.present.excel import WorkbookLayout


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-xlsx",
        help="write a scenario's workbook (Summary, Projection, Assumptions, Sources, Charts)",
    )
    parser.add_argument("--scenario", required=True, metavar="NAME",
                        help="a shipped scenario name (plan_as_written) or a scenario .yaml file")
    parser.add_argument("--out", type=Path, default=None, metavar="FILE",
                        help="output .xlsx file (default: reports/excel/<scenario name>.xlsx)")
    add_lang_option(parser)
    parser.set_defaults(handler=run_export)


def export_xlsx(scenario: Scenario | str | Path, out: str | Path | None = None, *, lang: str = "vi",
                processed_dir: str | Path | None = None) -> WorkbookLayout:
    """Run the pipeline for ``scenario`` and write its workbook.

    ``out`` defaults to ``reports/excel/<name>.xlsx``, ``<name>`` being the run's
    validated scenario name; ``processed_dir`` to ``data/processed/`` (``khcn data build``).
    """
    from khcn_analysis import pipeline
    from khcn_analysis.present.excel import write_workbook

    inputs = pipeline.load_inputs(processed_dir)
    results = pipeline.run(scenario, inputs=inputs, national=False)
    return write_workbook(results, out, lang=lang)  # type: ignore[arg-type]


def run_export(args: argparse.Namespace) -> int:
    from khcn_analysis.core.errors import InputError

    if args.out is not None and args.out.suffix.lower() != ".xlsx":
        raise InputError(None, "--out", str(args.out), "a file name ending in .xlsx")
    layout = export_xlsx(args.scenario, args.out, lang=args.lang)
    print(layout.path)
    return 0
