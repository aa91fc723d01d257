"""One finding of the audit, and the number formats its messages share.

A finding carries an id, a severity, its message in Vietnamese and English (built from
catalogue ``audit.*`` keys) and the numbers behind it, so a reader can check the sum.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict

from khcn_analysis.core.catalogue import LANGS, t
from khcn_analysis.core.formatting import Lang, check_lang, format_number, format_percent
from khcn_analysis.core.indicators import unit_label

__all__ = ["SEVERITIES", "TOLERANCE", "Finding", "Severity", "bn", "finding", "num", "pct", "per_year", "span"]

Severity = Literal["info", "warning", "error"]
#: Most serious first: the order findings are listed in.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
TOLERANCE = 1e-6  # bn VND; the plan's figures have at most one decimal


class Finding(BaseModel):
    """One result of the audit: what, how serious, in both languages, with its numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    severity: Severity
    message_vi: str
    message_en: str
    numbers: dict[str, float | int | str | None]

    def message(self, lang: Lang = "vi") -> str:
        return getattr(self, f"message_{check_lang(lang)}")


def finding(id: str, severity: Severity, say: Callable[[Lang], str], numbers: dict) -> Finding:
    """A finding whose message ``say(lang)`` writes in each language."""
    messages = {f"message_{lang}": say(lang) for lang in LANGS}
    return Finding(id=id, severity=severity, numbers=numbers, **messages)


def num(x: float, lang: Lang, decimals: int | None = None) -> str:
    """A number with as many decimals as it needs (at most two), or ``decimals``."""
    if decimals is None:
        decimals = 0 if float(x).is_integer() else (1 if float(x * 10).is_integer() else 2)
    return format_number(x, decimals, lang)


def bn(x: float, lang: Lang, decimals: int | None = None) -> str:
    """An amount in bn VND: ``41,5 tỷ đồng``."""
    return f"{num(x, lang, decimals)} {unit_label('bn VND', lang)}"


def per_year(amount: str, lang: Lang) -> str:
    """``41,5 tỷ đồng/năm``."""
    return t("audit.per_year", lang, amount=amount)


def pct(x: float, lang: Lang, decimals: int = 1) -> str:
    return format_percent(x, decimals, lang)


def span(a: int, b: int) -> str:
    return f"{a}–{b}"
