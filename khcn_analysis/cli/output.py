"""Everything the ``khcn`` commands write: text lines, tables, strict JSON, CSV.

Why one module: a scenario title is free text from a file someone shared, so an
escape sequence in it (``\\x1b[2J`` clears the screen, OSC 8 fakes a link) must
not reach the terminal; :func:`clean_text` is applied to every line a command
prints through here. JSON is strict: a missing value is ``null``, never ``NaN``
(JavaScript's ``JSON.parse`` and many BI tools reject ``NaN``).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.plain_text import clean_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Column", "clean_text", "echo", "json_safe", "print_csv", "print_json", "print_table"]

def echo(*parts: object, file: TextIO | None = None) -> None:
    """Print a line of text, cleaned of control characters."""
    stream = file if file is not None else sys.stdout
    print(clean_text(" ".join(str(p) for p in parts)), file=stream)


@dataclass(frozen=True)
class Column:
    """A table column: its heading (a catalogue key, or literal text such as a year) and alignment."""

    heading: str
    align: Literal["left", "right"] = "right"
    literal: bool = False

    @classmethod
    def text(cls, heading: str, align: Literal["left", "right"] = "right") -> Column:
        """A column headed by ``heading`` as is (a year, ``P50``)."""
        return cls(heading, align, literal=True)

    def title(self, lang: str) -> str:
        return self.heading if self.literal else t(self.heading, lang)


def print_table(columns: Sequence[Column], rows: Iterable[Sequence[object]], lang: str,
                *, file: TextIO | None = None) -> None:
    """A plain-text table: headings, a rule, one line per row; every cell cleaned."""
    header = [clean_text(c.title(lang)) for c in columns]
    body = [[clean_text(cell) for cell in row] for row in rows]
    for row in body:
        if len(row) != len(columns):
            raise ValueError(f"row of {len(row)} cells for {len(columns)} columns: {row}")
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(columns))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) if col.align == "left" else c.rjust(w)
                         for c, w, col in zip(cells, widths, columns, strict=True)).rstrip()

    stream = file if file is not None else sys.stdout
    first = line(header)
    print(first, file=stream)
    print("-" * len(first), file=stream)
    for row in body:
        print(line(row), file=stream)


def json_safe(value: Any) -> Any:
    """``value`` as plain JSON data: NaN/inf/NA → None, numpy → Python, paths and dates → text.

    numpy and pandas are looked up in ``sys.modules``, not imported: a value of theirs can
    only exist once they are loaded, and light commands (``khcn validate``) never load them.
    """
    if value is None or isinstance(value, bool | str | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    np = sys.modules.get("numpy")
    if np is not None:
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.integer):
            return int(value)
        if isinstance(value, np.floating):
            return json_safe(float(value))
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if np is not None and isinstance(value, np.ndarray):
        return [json_safe(v) for v in value]
    pd = sys.modules.get("pandas")
    if pd is not None:
        if isinstance(value, pd.DataFrame):
            return [json_safe(r) for r in value.to_dict(orient="records")]
        if value is pd.NaT or value is pd.NA:
            return None
        if isinstance(value, pd.Timestamp):
            return value.isoformat()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return str(value)


#: Characters JSON allows raw inside strings but a terminal may act on: written as \\uXXXX.
_JSON_CONTROLS = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(payload: Any, *, file: TextIO | None = None) -> None:
    """Strict JSON (``allow_nan=False``; missing values are ``null``), Vietnamese kept readable."""
    text = json.dumps(json_safe(payload), ensure_ascii=False, indent=2, allow_nan=False)
    text = _JSON_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    stream = file if file is not None else sys.stdout
    stream.write(text + "\n")


def print_csv(frame: pd.DataFrame, *, file: TextIO | None = None) -> None:
    """A table as CSV (missing values as empty cells), text cells cleaned of control characters."""
    clean = frame.copy()
    for column in clean.columns:
        if clean[column].dtype == object:
            clean[column] = clean[column].map(lambda v: clean_text(v) if isinstance(v, str) else v)
    clean.to_csv(file if file is not None else sys.stdout, index=False)
