"""``khcn project``: scenarios projected 2010–2030, every indicator.

``--format csv`` is the IAMC wide format that pyam reads (``--layout long``;
``--status-table FILE`` for each value's status and sources); ``--years`` applies
to every format.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from khcn_analysis.cli.common import add_format_option, add_lang_option, check_years, refuse_unused
from khcn_analysis.cli.labels import (
    STATUS_MARK,
    format_value,
    indicator_label,
    scenario_heading,
    status_legend,
)
from khcn_analysis.cli.output import Column, echo, print_csv, print_json, print_table
from khcn_analysis.cli.warnings import print_warnings, warning_rows

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "json")
#: Years per block of the table, so it fits a terminal.
YEARS_PER_BLOCK = 7


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("project", help="project scenarios 2010–2030 (every indicator)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--scenario", nargs="+", action="extend", metavar="NAME|FILE",
                       help="shipped scenario names (khcn scenarios) or paths of scenario .yaml files")
    which.add_argument("--all", action="store_true", help="every shipped scenario")
    p.add_argument("--years", nargs="+", type=int, metavar="YEAR", help="only these years (default: all)")
    add_format_option(p, FORMATS)
    p.add_argument("--layout", choices=["wide", "long"], default=None,
                   help="csv only: IAMC wide (a column per year, default) or long (year, value)")
    p.add_argument("--status-table", metavar="FILE", default=None,
                   help="csv only: also write each value's status and sources to FILE (.csv or .xlsx)")
    add_lang_option(p)
    p.set_defaults(handler=run_project)


def _scenarios(args: argparse.Namespace) -> list:
    """The scenarios to project: those named (in order), or every shipped one, the plan first."""
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.scenarios import list_scenarios, load_scenario

    if args.all:
        return sorted(list_scenarios(), key=lambda sc: sc.name != "plan_as_written")
    loaded = [load_scenario(ref) for ref in args.scenario]
    names = [sc.name for sc in loaded]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(None, "--scenario", ", ".join(repeated) + " given twice",
                         "each scenario once (a copied file needs its own name:)")
    return loaded


def run_project(args: argparse.Namespace) -> int:
    import pandas as pd

    from khcn_analysis import pipeline
    from khcn_analysis.core.config import YEARS
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.iamc import to_iamc, write_status_table

    if args.format != "csv":
        for flag, value in (("--layout", args.layout), ("--status-table", args.status_table)):
            if value is not None:
                raise InputError(None, flag, f"with --format {args.format}", "--format csv")
    if args.format != "table":
        refuse_unused(args, ["lang"], when=f"--format {args.format}")
    years = check_years(args.years, YEARS)
    scenarios = _scenarios(args)  # a scenario's problems before any missing data
    inputs = pipeline.load_inputs()
    runs = [pipeline.run(sc, inputs=inputs, national=False) for sc in scenarios]

    def chosen(table: pd.DataFrame) -> pd.DataFrame:
        return table if years is None else table[table["year"].isin(years)]

    if args.format == "csv":
        for results in runs:
            print_warnings(results, args.lang, file=sys.stderr)
        table = chosen(pd.concat([r.table for r in runs], ignore_index=True))
        if args.status_table:
            write_status_table(table, args.status_table)
        print_csv(to_iamc(table, layout=args.layout or "wide"))
        return 0
    if args.format == "json":
        if len(runs) == 1:
            (results,) = runs
            print_json({"scenario": results.scenario.name, "notes": results.notes,
                        "warnings": warning_rows(results), "rows": chosen(results.table)})
        else:
            print_json({"scenarios": [r.scenario.name for r in runs],
                        "notes": {r.scenario.name: r.notes for r in runs},
                        "warnings": {r.scenario.name: warning_rows(r) for r in runs},
                        "rows": chosen(pd.concat([r.table for r in runs], ignore_index=True))})
        return 0
    for i, results in enumerate(runs):
        if i:
            echo()
        print_projection(results, chosen(results.table), args.lang)
    return 0


def print_projection(results, table: pd.DataFrame, lang: str) -> None:
    """One scenario's projection as blocks of years, each value marked with its status."""
    echo(scenario_heading(results.scenario, lang))
    years = sorted(set(int(y) for y in table["year"]))
    for start in range(0, len(years), YEARS_PER_BLOCK):
        part = years[start:start + YEARS_PER_BLOCK]
        rows = []
        for variable in dict.fromkeys(table["variable"]):
            sel = table[table["variable"] == variable].set_index("year")
            cells = [indicator_label(variable, lang)]
            for y in part:
                if y in sel.index:
                    cells.append(format_value(sel.at[y, "value"], variable, lang)
                                 + STATUS_MARK.get(sel.at[y, "status"], "?"))
                else:
                    cells.append("–")
            rows.append(cells)
        echo()
        print_table([Column("cli.col.indicator", "left"), *(Column.text(str(y)) for y in part)], rows, lang)
    echo()
    echo(status_legend(lang))
    print_warnings(results, lang)
