"""User text made safe to show anywhere: no terminal escapes, no control characters.

A scenario title or an imported note is data. Pasted into a terminal it must not move
the cursor or retitle the window; drawn in a chart it must not become a missing-glyph
box; written into Word XML it must not break the file. One definition serves the CLI,
the charts and the brief.
"""

from __future__ import annotations

import re

__all__ = ["clean_text"]

#: ESC-introduced sequences (CSI ``ESC [ … final``, OSC ``ESC ] … BEL/ST``, two-byte ``ESC x``).
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
#: C0 and C1 control characters (newline kept), DEL, and the bidirectional overrides that
#: make text display in another order than it reads.
_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: object) -> str:
    """``text`` without terminal escape sequences or control characters (tabs become spaces)."""
    out = _ESCAPES.sub("", str(text))
    return _CONTROLS.sub(lambda m: " " if m.group() == "\t" else "", out)
