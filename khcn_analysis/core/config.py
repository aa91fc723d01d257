"""The workbook's fixed settings, written down once.

Region, model name, the year grid, the plan's milestone years and the numeric
tolerances every stage shares. Before this module the milestone years were
written in six places and "enough money" had three tolerances; a constant that
decides an answer lives here or nowhere.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "COMPARE_RTOL",
    "MILESTONES",
    "MODEL",
    "REGION",
    "STRICT_MARGIN",
    "SUFFICIENCY_RTOL",
    "YEARS",
    "YEAR_FIRST",
    "YEAR_LAST",
]

#: The ``model`` column of every projection and IAMC export.
MODEL = "khcn-workbook"
#: The province the plan is about (ASCII id; the reader's name is in the catalogue).
REGION = "Lai Chau"

YEAR_FIRST = 2010
YEAR_LAST = 2030
#: The engine's year grid.
YEARS = np.arange(YEAR_FIRST, YEAR_LAST + 1)

#: The plan's milestone years: 2015 and 2020 are judged against history, 2030 is ahead.
MILESTONES: tuple[int, ...] = (2015, 2020, 2030)

#: Relative tolerance of "at least" / "between" / "equal": a float round trip
#: (Excel, CSV) must not turn a value exactly on the target into a miss.
COMPARE_RTOL = 1e-9
#: A strict target ("above 2 %") is met by the smallest value this far above it (relative).
STRICT_MARGIN = 1e-6
#: Funding is enough when investment / requirement >= 1 - SUFFICIENCY_RTOL.
SUFFICIENCY_RTOL = 1e-9
