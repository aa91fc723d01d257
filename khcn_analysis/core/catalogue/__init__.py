"""Every word a reader sees, in Vietnamese and English, behind one lookup.

Why one catalogue: the same status was "số liệu" on one page and "giả định" on
another, a parameter had four wordings, and English slipped into Vietnamese
pages from label tables scattered over 14 modules. Now a label is a key here and
:func:`t` is the only way to get its text.

The catalogue is a package so each stage can keep its words in its own file
(``status.py``, ``charts.py``, ``excel.py`` …): every module in this package that
defines ``WORDS = {key: (vi, en)}`` is merged at first use, and a key defined
twice is an error. Keys are dotted, the first part naming the file
(``chart.sufficiency.title``). Texts may hold ``{name}`` fields filled from
``t(key, lang, name=value)``.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Literal

__all__ = ["LANGS", "CatalogueError", "Lang", "has", "label_pair", "t", "words"]

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


class CatalogueError(KeyError):
    """A key is missing or defined twice: a programming error, caught by the tests."""

    def __str__(self) -> str:  # KeyError quotes its argument; this is a sentence
        return str(self.args[0])


@cache
def words() -> dict[str, tuple[str, str]]:
    """All entries of every catalogue module, checked for duplicate keys."""
    merged: dict[str, tuple[str, str]] = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, pair in getattr(module, "WORDS", {}).items():
            if key in merged:
                raise CatalogueError(f"catalogue key {key!r} is defined in both {owner[key]} and {info.name}")
            if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair)):
                raise CatalogueError(f"catalogue key {key!r} in {info.name}: expected (vi, en) strings")
            merged[key] = pair
            owner[key] = info.name
    return merged


def has(key: str) -> bool:
    return key in words()


def label_pair(key: str) -> tuple[str, str]:
    """``(vi, en)`` of a key."""
    try:
        return words()[key]
    except KeyError:
        raise CatalogueError(f"no catalogue entry {key!r}") from None


def t(key: str, lang: str = "vi", /, **values: object) -> str:
    """The text of ``key`` in ``lang`` (``vi`` or ``en``), with ``{fields}`` filled in."""
    vi, en = label_pair(key)
    if lang not in LANGS:
        raise CatalogueError(f"language {lang!r}: expected 'vi' or 'en'")
    text = vi if lang == "vi" else en
    return text.format(**values) if values else text
