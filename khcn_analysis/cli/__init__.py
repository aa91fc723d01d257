"""``khcn``: a thin command-line shell over the library.

Each sub-command lives in its own module here and exposes ``register(subparsers)``;
the module parses arguments, calls the library and prints. No computation here.
Errors of our own become a one-line message and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from khcn_analysis import __version__
from khcn_analysis.core.errors import KhcnError

# One module per command group, in the order they appear in ``khcn --help``.
COMMAND_MODULES = [
    "khcn_analysis.cli.plan",
    "khcn_analysis.cli.data",
    "khcn_analysis.cli.engine",
    "khcn_analysis.cli.charts",
    "khcn_analysis.cli.excel",
    "khcn_analysis.cli.report",
    "khcn_analysis.cli.explore",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khcn",
        description="Workbook for the Lai Châu S&T plan (Decision 182/QĐ-UBND, 2013).",
    )
    parser.add_argument("--version", action="version", version=f"khcn-workbook {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except KhcnError as err:
        print(f"khcn: error: {err}", file=sys.stderr)
        return err.exit_code
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError) as err:
        print(f"khcn: error: {err.strerror or err}: {err.filename}", file=sys.stderr)
        return 2
    except FileExistsError as err:  # a file where a folder is needed (mkdir of --out)
        print(f"khcn: error: {err.filename}: found a file; expected a folder (or nothing) there",
              file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `khcn project --format csv | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("khcn: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - last line of defence for users
        if os.environ.get("KHCN_DEBUG"):
            raise
        print(
            f"khcn: internal error: {type(err).__name__}: {err}\n"
            "Run again with KHCN_DEBUG=1 for the traceback and report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
