"""``khcn targets``: the judge's verdict on every target of the plan (and the national ones).

The rows are :func:`khcn_analysis.pipeline.run`'s attainment table as is; the table
names each target by its title and its scope in words.
"""

from __future__ import annotations

import argparse
import math
import sys

from khcn_analysis.cli.common import (
    add_format_option,
    add_lang_option,
    add_scenario_option,
    refuse_unused,
)
from khcn_analysis.cli.labels import scenario_heading, target_titles
from khcn_analysis.cli.output import Column, echo, print_csv, print_json, print_table
from khcn_analysis.cli.warnings import print_warnings, warning_rows
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.catalogue.status import attainment_label, value_status_label
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.indicators import unit_label

FORMATS = ("table", "csv", "json")

#: The table's columns; a column added here (and a cell in :func:`target_row`) shows everywhere.
COLUMNS = [
    Column("cli.col.target", "left"),
    Column("cli.col.scope", "left"),
    Column("cli.col.year"),
    Column("cli.col.value"),
    Column("cli.col.status", "left"),
    Column("evidence.col.grade", "left"),
    Column("cli.col.gap"),
]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("targets", help="attainment of the plan's (and national) targets")
    add_scenario_option(p)
    add_format_option(p, FORMATS)
    add_lang_option(p)
    p.set_defaults(handler=run_targets)


def run_targets(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline
    from khcn_analysis.model.scenarios import load_scenario

    if args.format != "table":
        refuse_unused(args, ["lang"], when=f"--format {args.format}")
    results = pipeline.run(load_scenario(args.scenario))
    frame = results.attainment
    if args.format == "csv":
        print_warnings(results, args.lang, file=sys.stderr)
        print_csv(frame)
        return 0
    if args.format == "json":
        print_json({"scenario": results.scenario.name, "warnings": warning_rows(results), "rows": frame})
        return 0
    lang = args.lang
    titles = target_titles(results, lang)
    echo(scenario_heading(results.scenario, lang))
    echo()
    print_table(COLUMNS, [target_row(r, titles, lang) for r in frame.itertuples(index=False)], lang)
    _print_undetermined(frame, titles, lang)
    print_warnings(results, lang)
    return 0


def _print_undetermined(frame, titles: dict[str, str], lang: str) -> None:
    """Under the table, what would decide each undetermined verdict (the judge's sentence)."""
    rows = frame[frame["verdict"] == "undetermined"]
    if rows.empty:
        return
    echo()
    for r in rows.itertuples(index=False):
        echo(f"- {titles.get(r.target_id, r.target_id)}, {r.year}: {getattr(r, f'sentence_{lang}')}")


def target_row(r, titles: dict[str, str], lang: str) -> list[str]:
    """The cells of one attainment row, in :data:`COLUMNS` order."""
    gap = "" if (isinstance(r.gap, float) and math.isnan(r.gap)) else (
        f"{format_number(r.gap, 1, lang)} {unit_label(r.gap_unit, lang)}")
    value = "–" if math.isnan(r.value) else format_number(r.value, 2, lang)
    return [titles.get(r.target_id, r.target_id), t(f"plan.scope.{r.scope}", lang), str(r.year), value,
            attainment_label(r.status, lang, lower=True),
            value_status_label(r.grade, lang, lower=True) if r.grade else "", gap]
