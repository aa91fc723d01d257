"""``khcn data``: build processed tables, write the department's Excel template, import it."""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("data", help="baseline data: build, template, import")
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    build = sub.add_parser("build", help="validate data/raw/ and write data/processed/")
    build.set_defaults(handler=run_build)

    template = sub.add_parser("template", help="write the Excel input template for the department")
    template.add_argument("--out", type=Path, default=Path("khcn-mau-nhap-lieu.xlsx"))
    template.add_argument("--force", action="store_true", help="replace an existing file")
    add_lang_option(template)
    template.set_defaults(handler=run_template)

    imp = sub.add_parser("import", help="validate a filled template and store it in data/raw/")
    imp.add_argument("file", type=Path)
    add_lang_option(imp)
    imp.set_defaults(handler=run_import)


def run_build(args: argparse.Namespace) -> int:
    from khcn_analysis.data.build import build_processed

    report = build_processed()
    echo(report.summary())
    return 0


def run_template(args: argparse.Namespace) -> int:
    from khcn_analysis.data.department import write_template

    path = write_template(args.out, lang=args.lang, overwrite=args.force)
    echo(t("cli.data.template_written", args.lang, path=path))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from khcn_analysis.data.department import import_template

    result = import_template(args.file)
    if result.created:
        echo(t("cli.data.imported", args.lang, n=result.n_figures, file=args.file, path=result.path))
    else:
        echo(t("cli.data.already_imported", args.lang, file=args.file, path=result.path))
    return 0
