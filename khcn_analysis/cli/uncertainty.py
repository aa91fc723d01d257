"""``khcn uncertainty``: Monte Carlo bands and the probability of meeting each target.

``--years`` selects the years of every format (the table shows 2015, 2020 and 2030
when it is not given; csv and json then carry every year).
"""

from __future__ import annotations

import argparse
import sys

from khcn_analysis.cli.common import (
    add_format_option,
    add_lang_option,
    add_scenario_option,
    check_years,
    refuse_unused,
)
from khcn_analysis.cli.labels import format_value, indicator_label, scenario_label, target_titles
from khcn_analysis.cli.output import Column, echo, print_csv, print_json, print_table
from khcn_analysis.cli.warnings import print_warnings, warning_rows
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import format_number, format_percent

FORMATS = ("table", "csv", "json")


def register(subparsers: argparse._SubParsersAction) -> None:
    u = subparsers.add_parser("uncertainty", help="Monte Carlo bands and probability of meeting targets")
    add_scenario_option(u)
    u.add_argument("--draws", type=int, help="number of draws (default: the scenario's)")
    u.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    u.add_argument("--years", nargs="+", type=int, metavar="YEAR", default=None,
                   help="only these years (default: 2015 2020 2030 in the table, every year in csv/json)")
    add_format_option(u, FORMATS)
    add_lang_option(u)
    u.set_defaults(handler=run_uncertainty)


def run_uncertainty(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline
    from khcn_analysis.core.config import MILESTONES, YEARS
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.model.uncertainty import check_draws_and_seed

    if args.format != "table":
        refuse_unused(args, ["lang"], when=f"--format {args.format}")
    years = check_years(args.years, YEARS)
    check_draws_and_seed(args.draws, args.seed)
    scenario = load_scenario(args.scenario)
    results = pipeline.run(scenario, national=False, uncertainty=True, draws=args.draws, seed=args.seed)
    mc = results.uncertainty
    if years is None and args.format == "table":
        years = list(MILESTONES)
    bands, probs = mc.bands, mc.probabilities
    if years is not None:
        bands, probs = bands[bands["year"].isin(years)], probs[probs["year"].isin(years)]
    if args.format == "csv":
        print_warnings(results, args.lang, file=sys.stderr)
        print_csv(bands)
        return 0
    if args.format == "json":
        print_json({"scenario": mc.scenario.name, "draws": mc.draws, "seed": mc.seed,
                    "warnings": warning_rows(results), "bands": bands, "probabilities": probs})
        return 0
    print_bands(results, bands, probs, args.lang)
    return 0


def print_bands(results, bands, probs, lang: str) -> None:
    from khcn_analysis.model.uncertainty import PERCENTILES

    mc = results.uncertainty
    echo(t("cli.uncertainty.heading", lang, scenario=scenario_label(mc.scenario, lang),
           draws=format_number(mc.draws, 0, lang), seed=mc.seed))  # type: ignore[arg-type]
    echo()
    rows = [[indicator_label(r.variable, lang), str(r.year),
             *[format_value(getattr(r, f"p{q}"), r.variable, lang) for q in PERCENTILES]]
            for r in bands.itertuples(index=False)]
    print_table([Column("cli.col.indicator", "left"), Column("cli.col.year"),
                 *(Column.text(f"P{q}") for q in PERCENTILES)], rows, lang)
    echo()
    titles = target_titles(results, lang)
    print_table([Column("cli.col.target", "left"), Column("cli.col.year"), Column("cli.col.probability")],
                [[titles.get(r.target_id, r.target_id), str(r.year),
                  format_percent(r.probability * 100, 1, lang)]  # type: ignore[arg-type]
                 for r in probs.itertuples(index=False)], lang)
    print_warnings(results, lang)
