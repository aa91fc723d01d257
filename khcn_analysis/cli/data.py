"""``khcn data``: build processed tables; the department's template, import, history and revert."""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_format_option, add_lang_option
from khcn_analysis.cli.output import echo, print_json
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("data", help="baseline data: build, template, import, history, revert")
    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)

    build = sub.add_parser("build", help="validate data/raw/ and write data/processed/")
    build.set_defaults(handler=run_build)

    template = sub.add_parser("template", help="write the Excel input template for the department")
    template.add_argument("--out", type=Path, default=Path("khcn-mau-nhap-lieu.xlsx"))
    template.add_argument("--force", action="store_true", help="replace an existing file")
    add_lang_option(template)
    template.set_defaults(handler=run_template)

    imp = sub.add_parser("import", help="check a filled template and store it as the current import")
    imp.add_argument("file", type=Path)
    add_lang_option(imp)
    imp.set_defaults(handler=run_import)

    hist = sub.add_parser("history", help="list the department's imports and which one is current")
    add_lang_option(hist)
    add_format_option(hist)
    hist.set_defaults(handler=run_history)

    rev = sub.add_parser("revert", help="make an earlier import current again (nothing is deleted)")
    rev.add_argument("import_id", metavar="IMPORT", help="an import id from `khcn data history` (or its beginning)")
    add_lang_option(rev)
    rev.set_defaults(handler=run_revert)


def run_build(args: argparse.Namespace) -> int:
    from khcn_analysis.data.build import build_processed

    report = build_processed()
    echo(report.summary())
    return 0


def run_template(args: argparse.Namespace) -> int:
    from khcn_analysis.data.department import write_template

    path = write_template(args.out, lang=args.lang, overwrite=args.force)
    echo(t("department.cli.template_written", args.lang, path=path))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from khcn_analysis.data.department import import_template

    result = import_template(args.file, lang=args.lang)
    echo(t("department.cli.imported", args.lang, n=result.n_figures, file=args.file,
            import_id=result.import_id, path=result.path))
    if result.same_as:
        echo(t("department.cli.same_as", args.lang, earlier=result.same_as))
    echo(t("department.cli.rebuild", args.lang))
    return 0


def run_history(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from khcn_analysis.data.department import history, history_text

    rows = history()
    if args.format == "json":
        print_json([asdict(row) for row in rows])
    else:
        echo(history_text(rows, args.lang))
    return 0


def run_revert(args: argparse.Namespace) -> int:
    from khcn_analysis.data.department import revert

    import_id, event = revert(args.import_id)
    if event is None:
        echo(t("department.cli.already_current", args.lang, import_id=import_id))
    else:
        echo(t("department.cli.reverted", args.lang, import_id=import_id, at=event.meta["recorded_at"]))
        echo(t("department.cli.rebuild", args.lang))
    return 0
