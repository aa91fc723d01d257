"""Options shared by the sub-commands, and the check that every option given has an effect.

An option that silently does nothing (``uncertainty --years 2031 --format json`` used
to ignore the years) misleads: each command states which options apply to which
format and :func:`refuse_unused` turns the others into a clear error.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence

from khcn_analysis.core.errors import InputError

__all__ = [
    "add_format_option",
    "add_lang_option",
    "add_scenario_option",
    "check_years",
    "given",
    "refuse_unused",
]


class _Given(argparse.Action):
    """Store the value and remember that the user typed the option."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[override]
        setattr(namespace, self.dest, values)
        given_set = set(getattr(namespace, "_given", set()))
        given_set.add(self.dest)
        namespace._given = given_set


def given(args: argparse.Namespace, dest: str) -> bool:
    """Whether the option stored in ``dest`` was typed (not just defaulted)."""
    return dest in getattr(args, "_given", set())


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=["vi", "en"],
        default="vi",
        action=_Given,
        help="language of labels and numbers (default: vi, Vietnamese)",
    )


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("table", "json")
) -> None:
    parser.add_argument(
        "--format", choices=list(choices), default=choices[0], help="output format"
    )


def add_scenario_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--scenario", required=True, metavar="NAME|FILE",
                        help="shipped scenario name (khcn scenarios) or path of a scenario .yaml")


def refuse_unused(args: argparse.Namespace, options: Iterable[str], *, when: str) -> None:
    """Refuse each of ``options`` (dest names) the user typed: it does nothing ``when``."""
    for dest in options:
        if given(args, dest):
            flag = "--" + dest.replace("_", "-")
            raise InputError(None, flag, f"{flag} with {when}",
                             f"no {flag} there (it has no effect {when}); leave it out")


def check_years(years: Sequence[int] | None, allowed: Iterable[int], *, option: str = "--years") -> list[int] | None:
    """``years`` if every one is in ``allowed``; else an error naming the range."""
    if not years:
        return None
    allowed = sorted(int(y) for y in allowed)
    bad = [y for y in years if y not in set(allowed)]
    if bad:
        shown = ", ".join(str(y) for y in bad)
        raise InputError(None, option, shown, f"years {allowed[0]}–{allowed[-1]}")
    return list(dict.fromkeys(years))
