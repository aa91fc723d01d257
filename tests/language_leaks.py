"""What must never appear in a reader's text, by language (issue 14.1), shared by the output tests.

:func:`leaks` lists every English working word in a Vietnamese text, every Vietnamese word
in an English one, raw source or variable ids, ``NaN``/``None``/``True``/``False`` and
temporary paths. The word lists are named so a failure says which rule a text broke; the
allowlists are short and say why each entry is legitimate.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

#: English words of the workbook's own trade: a Vietnamese reader must see them in Vietnamese.
ENGLISH_WORKING_WORDS = (
    "met", "not met", "on track", "off track", "achieved", "projected", "projection", "observed",
    "derived", "interpolated", "assumption", "assumptions", "assumed", "scenario", "scenarios",
    "target", "targets", "source", "sources", "draws", "seed", "baseline", "counterfactual",
    "undetermined", "unknown", "missing", "budget", "funding", "sufficiency", "share", "growth",
    "researchers", "researcher", "investment", "spending", "revenue", "population", "year", "years",
    "value", "values", "status", "hold", "triangular", "uniform", "normal", "item", "closing",
    "hand-tracked", "series", "excerpt", "portal", "thesis", "report", "yearbook", "decision",
    "plan", "phase", "total", "gap", "needed", "required", "probability", "sensitivity",
    "uncertainty", "range", "low", "high", "central", "from", "the", "and", "of", "with", "for",
    "not", "per", "by", "is", "are", "was", "yes", "see", "note",
)
#: Values that mean a frame leaked into the page instead of a sentence or a dash.
RAW_VALUES = ("NaN", "nan", "None", "True", "False", "NaT", "<NA>", "null")
#: Vietnamese words a correct English text still holds: proper names of places, bodies and
#: documents (Lai Châu, the plan's "Quyết định" is glossed, not translated, in citations).
VIETNAMESE_PROPER_NAMES = (
    "Lai Châu", "Việt Nam", "Hà Nội", "Điện Biên", "Sơn La", "Lào Cai", "Hà Giang", "Yên Bái",
    "Tây Bắc", "Thái Nguyên", "Bắc Kạn", "Cao Bằng", "Tuyên Quang", "Lạng Sơn", "Phú Thọ", "Bắc Giang",
    "Hòa Bình", "Quảng Ninh", "Nghệ An", "Hà Nam", "Bà Rịa", "Vũng Tàu", "Tam Đường", "Sìn Hồ", "Mường Tè", "Phong Thổ", "Than Uyên", "Tân Uyên", "Nậm Nhùn",
    "Quyết định", "Nghị quyết", "Kế hoạch", "Công văn", "Báo cáo", "Niên giám Thống kê",
    "Chỉ thị", "Thông tư", "Nghị định", "Luật", "UBND", "HĐND", "Sở", "KH&CN",
)

#: Document numbers keep their Vietnamese letters in English (182/QĐ-UBND, 569/QĐ-TTg, 20-NQ/TW).
DOCUMENT_NUMBERS = re.compile(r"\d+/(?:QĐ|NQ|CT|TB|BC|KH)-[A-ZĐa-z]+|\d+-NQ/TW")
_SNAKE_ID = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_DOTTED_ID = re.compile(r"\b[a-z]+\.[a-z0-9_]+\.(?:\d{4}\.)?[a-z0-9_]+\b")
_SOURCE_PREFIX = re.compile(r"\b(?:gso|mof|most|plan|assumption|scenario|dept|department)[_:][a-z0-9]", re.I)
_TEMP_PATH = re.compile(r"(?:/tmp/|/var/folders/|\btmp[a-z0-9_]{5,}|/pytest-of-|/home/\w+/|/work/)")
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+")
#: A file name where the file is the point (a link, "the reason is in data/raw/assumptions.yaml").
_FILE_NAME = re.compile(r"[\w./-]+\.(?:csv|xlsx|docx|pdf|png|svg|yaml|json|html|ipynb)\b")
_VIETNAMESE_ONLY = "ăâđêôơưĂÂĐÊÔƠƯ"


def _is_vietnamese_word(word: str) -> bool:
    """A word spelt with a letter or tone mark English never uses."""
    if any(ch in _VIETNAMESE_ONLY for ch in word):
        return True
    decomposed = unicodedata.normalize("NFD", word)
    return any(unicodedata.category(ch) == "Mn" for ch in decomposed) and word.isalpha()


def _strip(text: str, allowed: Iterable[str]) -> str:
    """``text`` without the allowed phrases (any case: a heading writes LAI CHÂU), whitespace folded."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    for phrase in sorted(allowed, key=len, reverse=True):
        text = re.sub(re.escape(" ".join(unicodedata.normalize("NFC", phrase).split())), " ", text,
                      flags=re.IGNORECASE)
    return text


def leaks(text: str, lang: str, *, allow: Iterable[str] = ()) -> list[str]:
    """Every rule ``text`` breaks for a reader of ``lang``, as 'rule: the offending text'.

    ``allow``: phrases that are legitimate here (a file name where the file is the point).
    """
    text = _strip(DOCUMENT_NUMBERS.sub(" ", text), allow)
    found = [f"temporary path: {m.group(0)}" for m in _TEMP_PATH.finditer(text)]
    text = _FILE_NAME.sub(" ", _WEB_ADDRESS.sub(" ", text))
    for value in RAW_VALUES:
        found += [f"raw value: {m.group(0)}" for m in re.finditer(rf"(?<![\w.]){re.escape(value)}(?![\w])", text)]
    found += [f"raw id: {m.group(0)}" for m in _SNAKE_ID.finditer(text)]
    found += [f"raw id: {m.group(0)}" for m in _DOTTED_ID.finditer(text) if not _is_web_address(m, text)]
    found += [f"raw id: {m.group(0)}" for m in _SOURCE_PREFIX.finditer(text)]
    if lang == "vi":
        for word in ENGLISH_WORKING_WORDS:
            pattern = rf"(?<![\w&'-]){re.escape(word)}(?![\w&'-])"
            found += [f"English word: {m.group(0)!r} in …{_around(text, m)}…"
                      for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    else:
        rest = _strip(text, VIETNAMESE_PROPER_NAMES)
        found += [f"Vietnamese word: {m.group(0)!r} in …{_around(rest, m)}…"
                  for m in re.finditer(r"\w+", rest) if _is_vietnamese_word(m.group(0))]
    return found


def _is_web_address(match: re.Match, text: str) -> bool:
    before = text[max(0, match.start() - 12): match.start()]
    return "://" in before or before.endswith(("www.", "/")) or match.group(0).endswith((".vn", ".gov", ".com", ".net", ".org"))


def _around(text: str, match: re.Match, width: int = 40) -> str:
    return " ".join(text[max(0, match.start() - width): match.end() + width].split())
