"""Warnings that travel with a run's numbers into every format.

A projection far outside what is plausible (173 million researchers in a province of
half a million) is still printed, but never without saying so: tables end with the
warnings, JSON carries them in ``warnings``, CSV (whose standard output must stay a
clean table) sends them to standard error.
"""

from __future__ import annotations

from typing import TextIO

from khcn_analysis.cli.output import echo, json_safe

__all__ = ["print_warnings", "warning_rows"]


def warning_rows(results) -> list[dict]:
    """The run's plausibility warnings as plain records (empty when there are none)."""
    frame = getattr(results, "warnings", None)
    if frame is None or len(frame) == 0:
        return []
    return json_safe(frame)


def print_warnings(results, lang: str, *, file: TextIO | None = None) -> None:
    """One line per warning, in ``lang``."""
    from khcn_analysis.core.catalogue import t

    frame = getattr(results, "warnings", None)
    if frame is None or len(frame) == 0:
        return
    for text in frame[f"message_{lang}"]:
        echo(t("cli.warning", lang, text=text), file=file)
