"""Evidence grades: how much the workbook knows about a value, and about a verdict.

Every value in a tidy table carries a ``status``, and that status *is* its grade:
one of :data:`GRADES`, ordered from the strongest evidence to the weakest. A value
computed from others carries the weakest grade of its inputs (:func:`weakest`), and
so does every verdict built on it. Before grades, a researcher density grown from an
invented count was labelled ``projected`` like a forecast from recorded data, a
back-cast before a series' first record looked like history, and a scenario's
rewrite of the past (the plan's money "as if spent") sat beside recorded years
without a word: a confident "met" could rest on any of them.

The grades (``../shared/DESIGN.md`` §2):

``observed``        a sourced figure (or the Department's own import)
``interpolated``    between two recorded values of the same series
``derived``         computed from sourced figures by a stated rule
``projected``       a scenario's path from recorded values (its growth rates are choices)
``assumption``      rests on an assumption with a plausible low–high range
``back-cast``       before a series' first record, extended backwards by its own trend
``counterfactual``  a scenario's declared rewrite of the past ("if the plan's money had been spent")

A verdict is one of :data:`VERDICTS`: ``met`` under every plausible value,
``not_met`` under any plausible value, ``undetermined`` (the plausible values
straddle the target; the judge names the deciding assumption and the breakpoint)
or ``not_computable``.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

__all__ = [
    "GRADES",
    "QUALIFYING_GRADES",
    "RECORD_GRADES",
    "VERDICTS",
    "Grade",
    "grade_rank",
    "is_grade",
    "weakest",
    "weakest_of",
]

Grade = str

#: From the strongest evidence to the weakest.
GRADES: tuple[Grade, ...] = (
    "observed", "interpolated", "derived", "projected", "assumption", "back-cast", "counterfactual",
)
#: Grades of values that are part of the recorded past without any assumption.
RECORD_GRADES: frozenset[Grade] = frozenset({"observed", "interpolated", "derived"})
#: Grades a verdict names wherever it is stated in a sentence (a chart's headline, its marker):
#: the verdict rests on something no one recorded. A projection is said by the year itself.
QUALIFYING_GRADES: frozenset[Grade] = frozenset({"assumption", "back-cast", "counterfactual"})
#: The words of a verdict (the attainment table's ``verdict`` and ``status`` columns).
VERDICTS: tuple[str, ...] = ("met", "not_met", "undetermined", "not_computable")

_RANK = {g: i for i, g in enumerate(GRADES)}


def is_grade(value: object) -> bool:
    return isinstance(value, str) and value in _RANK


def grade_rank(grade: Grade) -> int:
    """Position in :data:`GRADES` (0 = observed); an unknown grade is an error."""
    try:
        return _RANK[grade]
    except KeyError:
        raise ValueError(f"unknown evidence grade {grade!r}; expected one of {', '.join(GRADES)}") from None


def weakest(*grades: Grade | None) -> Grade:
    """The weakest of the grades given; blanks and ``None`` are skipped ("" if none is left)."""
    known = [g for g in grades if g]
    if not known:
        return ""
    return max(known, key=grade_rank)


def weakest_of(columns: Iterable[Iterable[Grade]]) -> list[Grade]:
    """Element-wise :func:`weakest` of several equally long grade sequences."""
    arrays = [np.asarray(list(c), dtype=object) for c in columns]
    if not arrays:
        return []
    ranks = np.full((len(arrays), len(arrays[0])), -1)
    for k, arr in enumerate(arrays):
        for i, g in enumerate(arr):
            if g:
                ranks[k, i] = grade_rank(str(g))
    top = ranks.max(axis=0)
    return [GRADES[r] if r >= 0 else "" for r in top]
