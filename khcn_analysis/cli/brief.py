"""``khcn brief``: the briefing note in Word (a Vietnamese administrative summary report).

``--scenario`` once for one scenario's note, several times (or several names) for one
note comparing them, the first being the main one. ``--pdf`` also writes the PDF
through LibreOffice; without LibreOffice the ``.docx`` is written and the command
exits 2 with the package to install.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from khcn_analysis.cli.common import add_lang_option
from khcn_analysis.cli.output import echo
from khcn_analysis.core.catalogue import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "brief", help="write a briefing note in Word (2–4 A4 pages), optionally as PDF too")
    parser.add_argument("--scenario", dest="scenarios", nargs="+", action="extend", required=True,
                        metavar="NAME|FILE",
                        help="scenario names or files; several make one note comparing them, the first the main one")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.docx", help="the Word file to write")
    parser.add_argument("--pdf", action="store_true",
                        help="also write FILE.pdf beside it through LibreOffice (soffice)")
    parser.add_argument("--template", type=Path, default=None, metavar="FILE.docx",
                        help="a restyled copy of the shipped template (same style names)")
    add_lang_option(parser)
    parser.set_defaults(handler=run_brief)


def run_brief(args: argparse.Namespace) -> int:
    from khcn_analysis import pipeline
    from khcn_analysis.core.errors import InputError
    from khcn_analysis.model.scenarios import load_scenario
    from khcn_analysis.present.brief import write_brief

    if args.out.suffix.lower() != ".docx":
        raise InputError(None, "--out", str(args.out), "a file name ending in .docx")
    scenarios = [load_scenario(ref) for ref in args.scenarios]
    names = [sc.name for sc in scenarios]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(None, "--scenario", ", ".join(repeated) + " given twice", "each scenario once")
    results = pipeline.run_many(scenarios)
    docx = write_brief(results, args.out, lang=args.lang, template=args.template)[0]
    echo(t("brief.written", args.lang, path=docx))
    if args.pdf:
        from khcn_analysis.present.brief import to_pdf

        echo(t("brief.written", args.lang, path=to_pdf(docx, docx.with_suffix(".pdf"), lang=args.lang)))
    return 0
