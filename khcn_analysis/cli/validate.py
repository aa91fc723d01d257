"""``khcn validate``: check scenario files (every shipped one by default); all problems at once."""

from __future__ import annotations

import argparse

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    v = subparsers.add_parser("validate", help="validate scenario files (all shipped ones by default)")
    v.add_argument("scenarios", nargs="*", metavar="FILE|NAME")
    add_lang_option(v)
    v.set_defaults(handler=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.scenarios import ScenarioError, list_scenarios, load_scenario

    if not args.scenarios:
        for sc in list_scenarios():
            echo(t("cli.validate.ok", args.lang, path=sc.path))
        return 0
    errors: list[InputError] = []
    for ref in args.scenarios:
        try:
            sc = load_scenario(ref)
        except ScenarioError as exc:
            errors.extend(exc.errors)
            continue
        echo(t("cli.validate.ok", args.lang, path=sc.path))
    if errors:
        raise ScenarioError(errors, "the scenario files given")
    return 0
