"""A clause of the plan as a reader writes it, in the reader's language.

The plan file names clauses as its editors do (``B.II item 4``, ``D' closing``,
``D.IV``); a Vietnamese page must say ``mục B.II.4`` and ``phần D', đoạn cuối``.
"""

from __future__ import annotations

import re

from khcn_analysis.core.catalogue import t

__all__ = ["clause_text"]

_CLAUSE_ITEM = re.compile(r"^(?P<section>[A-Z]'?(?:\.[IVX]+)*)\s+item\s+(?P<item>\d+)$")
_CLAUSE_CLOSING = re.compile(r"^(?P<section>[A-Z]'?(?:\.[IVX]+)*)\s+closing$")
_CLAUSE_SECTION = re.compile(r"^(?P<section>[A-Z]'?(?:\.[IVX0-9]+)*)$")


def clause_text(clause: str, lang: str) -> str:
    """``B.II item 4`` → ``mục B.II.4``; ``D' closing`` → ``phần D', đoạn cuối``; ``D.IV`` → ``mục D.IV``."""
    clause = str(clause).strip()
    for pattern, key in ((_CLAUSE_ITEM, "item"), (_CLAUSE_CLOSING, "closing"), (_CLAUSE_SECTION, "section")):
        found = pattern.match(clause)
        if found:
            return t(f"brief.clause.{key}", lang, **found.groupdict())
    return clause
