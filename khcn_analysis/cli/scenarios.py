"""``khcn scenarios``: the shipped scenarios, each with its title, rule and description."""

from __future__ import annotations

import argparse

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.labels import scenario_label
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import has, t


def register(subparsers: argparse._SubParsersAction) -> None:
    s = subparsers.add_parser("scenarios", help="list the shipped scenarios")
    add_lang_option(s)
    s.set_defaults(handler=run_scenarios)


def run_scenarios(args: argparse.Namespace) -> int:
    from khcn_analysis.model.scenarios import list_scenarios

    lang = args.lang
    for sc in list_scenarios():
        key = f"choice.st_budget_rule.{sc.st_budget_rule}"
        rule = t(key, lang) if has(key) else sc.st_budget_rule
        echo(t("cli.scenario.listed", lang, scenario=scenario_label(sc, lang), rule=rule))
        echo(f"    {sc.description(lang)}")
    return 0
