"""``khcn``: a thin command-line shell over the library.

Each sub-command lives in its own module here, named after it, and exposes
``register(subparsers)``; the module parses arguments, takes its numbers from
:mod:`khcn_analysis.pipeline` (or the stage that owns the command) and prints through
:mod:`khcn_analysis.cli.output`. No computation here.

Errors of our own become a one-line message and exit code 2, never a traceback; so do
failures of the environment the user can fix (a full disk, a name too long, a
terminal that cannot show Vietnamese). Exit code 1 is kept for our own bugs.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys

from khcn_analysis import __version__
from khcn_analysis.cli.output import clean_text
from khcn_analysis.core.errors import KhcnError

# One module per command (or command group), in the order they appear in ``khcn --help``.
COMMAND_MODULES = [
    "khcn_analysis.cli.plan",
    "khcn_analysis.cli.audit",
    "khcn_analysis.cli.data",
    "khcn_analysis.cli.project",
    "khcn_analysis.cli.targets",
    "khcn_analysis.cli.uncertainty",
    "khcn_analysis.cli.scenarios",
    "khcn_analysis.cli.validate",
    "khcn_analysis.cli.charts",
    "khcn_analysis.cli.export_xlsx",
    "khcn_analysis.cli.brief",
    "khcn_analysis.cli.progress",
    "khcn_analysis.cli.report",
    "khcn_analysis.cli.explore",
]

#: A file name longer than this is cut in messages (a 6,000-character path must not flood the screen).
MAX_NAME_CHARS = 160


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khcn",
        description="Workbook for the Lai Chau S&T plan (Decision 182/QD-UBND, 2013).",
    )
    parser.add_argument("--version", action="version", version=f"khcn-workbook {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _fail(message: str, code: int = 2) -> int:
    print(f"khcn: error: {clean_text(message)}", file=sys.stderr)
    return code


def _short(name: object) -> str:
    text = str(name)
    if len(text) <= MAX_NAME_CHARS:
        return text
    return f"{text[:60]}…{text[-60:]} ({len(text):,} characters)"


def _leave_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _os_error(err: OSError) -> int:
    if isinstance(err, BrokenPipeError):
        # `khcn project --format csv | head`: the reader left; that is not an error.
        _leave_stdout()
        return 0
    if isinstance(err, FileExistsError):  # a file where a folder is needed (mkdir of --out)
        return _fail(f"{_short(err.filename)}: found a file; expected a folder (or nothing) there")
    reason = err.strerror or str(err)
    if err.errno == errno.ENAMETOOLONG:
        reason = "found a file name longer than the system allows; expected a shorter path"
    elif err.errno in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full; free some space and run again"
    if err.filename is not None:
        return _fail(f"{_short(err.filename)}: {reason}")
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG):
        _leave_stdout()  # most likely standard output itself (khcn … > /dev/full)
        return _fail(f"cannot write the output ({reason})")
    return _fail(reason)


def _encoding_error(err: UnicodeEncodeError) -> int | None:
    """A terminal that cannot show the text; None if the error came from elsewhere."""
    encoding = str(getattr(sys.stdout, "encoding", None) or "")
    if encoding.lower().replace("-", "").startswith("utf"):
        return None
    _leave_stdout()
    return _fail(
        f"the terminal's encoding ({encoding}) cannot show {err.object[err.start:err.end]!r}; "
        "expected a UTF-8 terminal (set LANG=C.UTF-8 or PYTHONIOENCODING=utf-8), "
        "or write to a file"
    )


def main(argv: list[str] | None = None) -> int:
    # Error messages must get out whatever the terminal's encoding.
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full device fails here, not in the interpreter's exit
        return code
    except KhcnError as err:
        return _fail(str(err), err.exit_code)
    except OSError as err:
        return _os_error(err)
    except KeyboardInterrupt:
        print("khcn: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - last line of defence for users
        if isinstance(err, UnicodeEncodeError):
            code = _encoding_error(err)
            if code is not None:
                return code
        if os.environ.get("KHCN_DEBUG"):
            raise
        print(
            f"khcn: internal error: {type(err).__name__}: {clean_text(err)}\n"
            "Run again with KHCN_DEBUG=1 for the traceback and report it.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
