"""``khcn project | targets | uncertainty | scenarios | validate``: the scenario engine's commands.

Thin: parse, call the library, print. ``--scenario`` takes a shipped name or a
scenario file path; ``--format csv`` of ``project`` is the IAMC wide format that pyam
reads (``--layout long``; ``--status-table FILE`` for each value's status and sources).
"""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from khcn_analysis.cli.common import add_format_option, add_lang_option, print_json
from khcn_analysis.core.catalogue.status import (
    ATTAINMENT_LABELS,
    attainment_label,
    value_status_label,
)
from khcn_analysis.core.formatting import format_number, format_percent

FORMATS = ("table", "csv", "json")

_STATUS_MARK = {"observed": "", "interpolated": "i", "derived": "d", "assumption": "a", "projected": "p"}
_LEGEND = {
    lang: ", ".join(f"{mark} = {value_status_label(status, lang, lower=True)}"
                    for status, mark in _STATUS_MARK.items() if mark)
    + ("; không đánh dấu = " if lang == "vi" else "; unmarked = ")
    + value_status_label("observed", lang, lower=True)
    for lang in ("vi", "en")
}
_ATTAIN_LABEL = {lang: {status: attainment_label(status, lang, lower=True) for status in ATTAINMENT_LABELS}
                 for lang in ("vi", "en")}


def _scenario_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", required=True, metavar="NAME|FILE",
                        help="shipped scenario name (khcn scenarios) or path of a scenario .yaml")


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

    t = subparsers.add_parser("targets", help="attainment of the plan's (and national) targets")
    _scenario_arg(t)
    add_format_option(t, FORMATS)
    add_lang_option(t)
    t.set_defaults(handler=run_targets)

    u = subparsers.add_parser("uncertainty", help="Monte Carlo bands and probability of meeting targets")
    _scenario_arg(u)
    u.add_argument("--draws", type=int, help="number of draws (default: the scenario's)")
    u.add_argument("--seed", type=int, help="random seed (default: the scenario's)")
    u.add_argument("--years", nargs="+", type=int, metavar="YEAR", default=None,
                   help="years shown in the table (default: 2015 2020 2030)")
    add_format_option(u, FORMATS)
    add_lang_option(u)
    u.set_defaults(handler=run_uncertainty)

    s = subparsers.add_parser("scenarios", help="list the shipped scenarios")
    add_lang_option(s)
    s.set_defaults(handler=run_scenarios)

    v = subparsers.add_parser("validate", help="validate scenario files (all shipped ones by default)")
    v.add_argument("scenarios", nargs="*", metavar="FILE|NAME")
    v.set_defaults(handler=run_validate)


# --------------------------------------------------------------------------- helpers


def _label(variable: str, lang: str) -> str:
    from khcn_analysis.core.indicators import INDICATORS

    ind = INDICATORS.get(variable)
    if ind is None:
        return variable
    return f"{ind.label(lang)} ({ind.unit_label(lang)})"


def _fmt(value: float, variable: str, lang: str) -> str:
    from khcn_analysis.core.indicators import INDICATORS

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    decimals = INDICATORS[variable].decimals if variable in INDICATORS else 2
    return format_number(float(value), decimals, lang)  # type: ignore[arg-type]


def _print_grid(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(h.ljust(widths[0]) if i == 0 else h.rjust(widths[i]) for i, h in enumerate(header))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))


def _select_years(table: pd.DataFrame, years: list[int] | None) -> pd.DataFrame:
    if not years:
        return table
    from khcn_analysis.core.config import YEARS
    from khcn_analysis.core.errors import InputError

    bad = [y for y in years if y not in set(int(x) for x in YEARS)]
    if bad:
        raise InputError(None, "--years", bad, f"years {int(YEARS[0])}–{int(YEARS[-1])}")
    return table[table["year"].isin(years)]


# --------------------------------------------------------------------------- commands


def _shown(scenario, lang: str) -> str:
    """The scenario for a human reader: its title, with the id to type in brackets."""
    title = scenario.title(lang)
    return scenario.name if title == scenario.name else f"{title} ({scenario.name})"


def _project_refs(args: argparse.Namespace) -> list:
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
    from khcn_analysis import pipeline
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.iamc import to_iamc, write_status_table

    if args.format != "csv":
        for flag, value in (("--layout", args.layout), ("--status-table", args.status_table)):
            if value is not None:
                raise InputError(None, flag, f"with --format {args.format}", "--format csv")
    scenarios = _project_refs(args)
    inputs = pipeline.load_inputs()
    projections = [pipeline.run(sc, inputs=inputs, national=False).projection for sc in scenarios]
    if args.format == "csv":
        table = _select_years(pd.concat([p.table for p in projections], ignore_index=True), args.years)
        if args.status_table:
            write_status_table(table, args.status_table)
        to_iamc(table, layout=args.layout or "wide").to_csv(sys.stdout, index=False)
        return 0
    if args.format == "json":
        if len(projections) == 1:
            proj = projections[0]
            rows = _select_years(proj.table, args.years).to_dict(orient="records")
            print_json({"scenario": proj.scenario.name, "notes": proj.notes, "rows": rows})
        else:
            table = _select_years(pd.concat([p.table for p in projections], ignore_index=True), args.years)
            print_json({"scenarios": [p.scenario.name for p in projections],
                        "notes": {p.scenario.name: p.notes for p in projections},
                        "rows": table.to_dict(orient="records")})
        return 0
    for i, proj in enumerate(projections):
        if i:
            print()
        _print_projection(proj, _select_years(proj.table, args.years), args.lang)
    return 0


def _print_projection(proj, table: pd.DataFrame, lang: str) -> None:
    print(f"{_shown(proj.scenario, lang)}: {proj.scenario.description(lang)}")
    years = sorted(set(int(y) for y in table["year"]))
    chunk = 7
    for start in range(0, len(years), chunk):
        part = years[start:start + chunk]
        rows = []
        for variable in dict.fromkeys(table["variable"]):
            sel = table[table["variable"] == variable].set_index("year")
            cells = [_label(variable, lang)]
            for y in part:
                if y in sel.index:
                    cells.append(_fmt(sel.at[y, "value"], variable, lang) + _STATUS_MARK.get(sel.at[y, "status"], "?"))
                else:
                    cells.append("–")
            rows.append(cells)
        print()
        _print_grid(rows, ["chỉ tiêu" if lang == "vi" else "indicator", *map(str, part)])
    print()
    print(_LEGEND[lang])


def run_targets(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline

    results = pipeline.run(args.scenario)
    proj, frame = results.projection, results.attainment
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
        return 0
    if args.format == "json":
        print_json({"scenario": proj.scenario.name, "rows": frame.to_dict(orient="records")})
        return 0
    lang = args.lang
    labels = {t.id: t for t in proj.plan.targets}
    rows = []
    for r in frame.itertuples(index=False):
        target = labels.get(r.target_id)
        name = getattr(target, "label_vi" if lang == "vi" else "label_en", r.target_id) if target else r.target_id
        gap = "" if (isinstance(r.gap, float) and math.isnan(r.gap)) else (
            f"{format_number(r.gap, 1, lang)} {_unit(r.gap_unit, lang)}")
        value = "–" if math.isnan(r.value) else format_number(r.value, 2, lang)
        rows.append([f"{name} [{r.scope}]", str(r.year), value, _ATTAIN_LABEL[lang][r.status], gap])
    head = (["mục tiêu", "năm", "giá trị", "đánh giá", "thiếu hụt"] if lang == "vi"
            else ["target", "year", "value", "status", "gap"])
    print(f"{_shown(proj.scenario, lang)}: {proj.scenario.description(lang)}\n")
    _print_grid(rows, head)
    return 0


def _unit(unit: str, lang: str) -> str:
    from khcn_analysis.core.indicators import unit_label

    return unit_label(unit, lang)  # type: ignore[arg-type]


def run_uncertainty(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline
    from khcn_analysis.model.uncertainty import PERCENTILES, check_draws_and_seed

    check_draws_and_seed(args.draws, args.seed)
    result = pipeline.run(args.scenario, national=False, uncertainty=True, draws=args.draws,
                          seed=args.seed).uncertainty
    if args.format == "csv":
        result.bands.to_csv(sys.stdout, index=False)
        return 0
    if args.format == "json":
        print_json({"scenario": result.scenario.name, "draws": result.draws, "seed": result.seed,
                    "bands": result.bands.to_dict(orient="records"),
                    "probabilities": result.probabilities.to_dict(orient="records")})
        return 0
    lang = args.lang
    years = args.years or [2015, 2020, 2030]
    bands = _select_years(result.bands, years)
    rows = [[_label(r.variable, lang), str(r.year),
             *[_fmt(getattr(r, f"p{q}"), r.variable, lang) for q in PERCENTILES]]
            for r in bands.itertuples(index=False)]
    title = "số lần mô phỏng" if lang == "vi" else "draws"
    print(f"{_shown(result.scenario, lang)}: {title} {format_number(result.draws, 0, lang)}, seed {result.seed}\n")
    _print_grid(rows, ["chỉ tiêu" if lang == "vi" else "indicator", "năm" if lang == "vi" else "year",
                       *[f"P{q}" for q in PERCENTILES]])
    probs = result.probabilities[result.probabilities["year"].isin(years)]
    print()
    _print_grid([[r.target_id, str(r.year), format_percent(r.probability * 100, 1, lang)]  # type: ignore[arg-type]
                 for r in probs.itertuples(index=False)],
                ["mục tiêu" if lang == "vi" else "target", "năm" if lang == "vi" else "year",
                 "xác suất đạt" if lang == "vi" else "probability met"])
    return 0


def run_scenarios(args: argparse.Namespace) -> int:
    from khcn_analysis.model.scenarios import RULE_LABELS, list_scenarios

    for sc in list_scenarios():
        rule = RULE_LABELS.get(sc.st_budget_rule, {}).get(args.lang, sc.st_budget_rule)
        print(f"{_shown(sc, args.lang)}  [{rule}]")
        print(f"    {sc.description(args.lang)}")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.scenarios import ScenarioError, list_scenarios, load_scenario

    if not args.scenarios:
        scenarios = list_scenarios()
        for sc in scenarios:
            print(f"ok  {sc.path}")
        return 0
    errors: list[InputError] = []
    for ref in args.scenarios:
        try:
            sc = load_scenario(ref)
        except ScenarioError as exc:
            errors.extend(exc.errors)
            continue
        print(f"ok  {sc.path}")
    if errors:
        raise ScenarioError(errors, "the scenario files given")
    return 0
