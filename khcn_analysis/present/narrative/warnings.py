"""The judge's plausibility warnings as reader lines, for every output that shows the numbers.

A projection no province could follow (a researcher density above any country's) is
still shown, but never without saying so: the CLI, the explorer, the report pages, the
Excel summary and the brief all print these lines beside the numbers.
"""

from __future__ import annotations

from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, check_lang

__all__ = ["warning_lines"]


def warning_lines(results: Any, lang: Lang = "vi") -> list[str]:
    """One "Cảnh báo: …" line per warning of the run (none for a plausible run)."""
    lang = check_lang(lang)
    frame = getattr(results, "warnings", None)
    if frame is None or len(frame) == 0:
        return []
    return [t("warning.line", lang, text=text) for text in frame[f"message_{lang}"]]
