"""``khcn charts``: the standard chart set as PNG (300 dpi), SVG and PDF, plus one PDF of all."""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "charts", help="write the standard chart set (PNG, SVG, PDF and one multi-page PDF)"
    )
    parser.add_argument(
        "--scenario", dest="scenarios", nargs="+", action="extend", metavar="NAME",
        help="scenario names or files; the first is the one single-scenario charts describe "
             "(default: every shipped scenario, plan_as_written first)",
    )
    parser.add_argument("--out", type=Path, default=None,
                        help="output folder (default: reports/charts)")
    add_lang_option(parser)
    parser.add_argument("--size", choices=["slide", "a4"], default="slide",
                        help="16:9 slide (13.33 × 7.5 in) or an A4 landscape page")
    parser.add_argument("--draws", type=int, default=None,
                        help="Monte Carlo draws for the fan chart (default: the scenario's)")
    parser.set_defaults(handler=run_charts)


def run_charts(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline
    from khcn_analysis.core.formatting import check_lang
    from khcn_analysis.core.paths import reports_dir
    from khcn_analysis.model.scenarios import list_scenarios, load_scenario
    from khcn_analysis.present.charts import SET_PDF, standard_charts, write_chart_set

    lang = check_lang(args.lang)
    if args.scenarios:
        loaded = [load_scenario(name) for name in args.scenarios]
    else:
        loaded = sorted(list_scenarios(), key=lambda sc: sc.name != "plan_as_written")
    inputs = pipeline.load_inputs()
    # The first scenario is the one the single-scenario charts (targets, fan, tornado) describe.
    first = pipeline.run(loaded[0], inputs=inputs, uncertainty=True, draws=args.draws, tornado=True)
    rest = pipeline.run_many(loaded[1:], inputs=inputs, national=False)
    figures = standard_charts([first, *rest], lang=lang, size=args.size)
    out = args.out if args.out is not None else reports_dir() / "charts"
    paths = write_chart_set(figures, out, lang=lang)
    for stem in figures:
        echo(f"{out / stem}.{{png,svg,pdf}}")
    echo(t("cli.charts.set_pdf", lang, path=f"{out / SET_PDF}.pdf", n=len(figures)))
    echo(t("cli.charts.files", lang, n=len(paths)))
    return 0
