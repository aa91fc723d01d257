"""Options and output helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=["vi", "en"],
        default="vi",
        help="language of labels and numbers (default: vi, Tiếng Việt)",
    )


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("table", "json")
) -> None:
    parser.add_argument(
        "--format", choices=list(choices), default=choices[0], help="output format"
    )


def print_json(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
