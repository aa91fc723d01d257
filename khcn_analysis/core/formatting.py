"""Numbers as Vietnamese officials write them: 1,5% and 12.345 tỷ đồng.

Vietnamese uses a comma for decimals and a dot for thousands; English output
uses the opposite. Everything shown to a reader goes through these helpers so
tables, charts and notebooks agree.
"""

from __future__ import annotations

import math
from typing import Literal

from khcn_analysis.core.catalogue import t

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


def check_lang(lang: str) -> Lang:
    if lang not in LANGS:
        from khcn_analysis.core.errors import InputError

        raise InputError(None, "lang", lang, "'vi' (Vietnamese) or 'en' (English)")
    return lang  # type: ignore[return-value]


def format_number(value: float | None, decimals: int = 0, lang: Lang = "vi") -> str:
    """Format with grouping; ``vi`` gives ``12.345,6``, ``en`` gives ``12,345.6``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_percent(value: float | None, decimals: int = 1, lang: Lang = "vi") -> str:
    """A percentage already scaled to 0–100: ``1,5%``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_number(value, decimals, lang)}%"


def format_money_bn(value: float | None, decimals: int = 1, lang: Lang = "vi") -> str:
    """Billion VND: ``12.345,0 tỷ đồng`` or ``12,345.0 bn VND``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_number(value, decimals, lang)} {t('unit.bn VND', check_lang(lang))}"
