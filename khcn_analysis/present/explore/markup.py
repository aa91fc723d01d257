"""HTML for the page's widgets, with every piece of text escaped on its way in.

Scenario titles and descriptions come from files colleagues share, names and notes
are typed on the page, and error messages quote what was typed: any of them could
hold ``<img src=x onerror=…>``. The explorer allows no markup from users at all,
so text is escaped (``html.escape`` with quotes) and only these helpers build tags.
"""

from __future__ import annotations

import html

__all__ = ["attr", "bold", "esc", "heading", "italic", "message"]


def esc(text: object) -> str:
    """Text as HTML text: ``<``, ``>``, ``&`` and both quotes escaped."""
    return html.escape(str(text), quote=True)


def attr(value: object) -> str:
    """An attribute value, quoted and escaped."""
    return f'"{esc(value)}"'


def bold(text: object) -> str:
    return f"<b>{esc(text)}</b>"


def italic(text: object) -> str:
    return f"<i>{esc(text)}</i>"


def heading(text: object, level: int = 3) -> str:
    return f"<h{level} style='margin:2px 0'>{esc(text)}</h{level}>"


def message(text: str, *, ok: bool, colours: tuple[str, str]) -> str:
    """A coloured box beside a button; line breaks kept, everything else escaped."""
    fg, bg = colours
    body = esc(text).replace("\n", "<br>")
    return (f'<div class="khcn-{"ok" if ok else "refused"}" style="color:{fg};background:{bg};padding:6px 8px;'
            f'border-radius:4px;font-size:13px;white-space:normal">{body}</div>')
