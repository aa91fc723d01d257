"""The reason a scenario file gives for each value: the comments above (or beside) its keys.

Scenario files say why each number is what it is in a YAML comment; the Excel
export shows those reasons beside the assumptions, and the explorer copies them
into a saved scenario for every key it did not change.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["key_comments"]

_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)$")


def key_comments(path: str | Path | None) -> dict[str, str]:
    """``{top-level key: its comment text}`` of a scenario file (empty for no file)."""
    if path is None or not Path(path).is_file():
        return {}
    out: dict[str, str] = {}
    pending: list[str] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            pending.append(stripped.lstrip("#").strip())
            continue
        match = _KEY.match(line)
        if match:
            key, rest = match.groups()
            inline = rest.split(" #", 1)[1].strip() if " #" in rest else ""
            text = " ".join(p for p in [*pending, inline] if p)
            if text:
                out[key] = text
        pending = [] if not line.startswith(" ") else pending
        if not stripped:
            pending = []
    return out
