"""Hostile text and a check for live markup in a page, shared by the page tests.

A scenario's title and description are typed by colleagues and saved by the
explorer; each payload below once ran, or would have run, in a report page.
:func:`live_markup` parses a page with the standard library's HTML parser (as a
browser tokenises it) and lists everything that could execute or navigate.
"""

from __future__ import annotations

from html.parser import HTMLParser

PAYLOADS: tuple[str, ...] = (
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '<iframe src="javascript:alert(4)"></iframe>',
    "[x](javascript:alert(5))",
    "<script>alert(1)</script>",
    '<a href="javascript:alert(6)">y</a>',
    "<javascript:alert(7)>",
    "![i](javascript:alert(8))",
    '<details open ontoggle=alert(9)>',
    '"><b onmouseover=alert(10)>',
    "[y]( JaVaScRiPt:alert(11))",
    "<math><mi xlink:href=javascript:alert(12)>",
)

#: Elements that never belong in a reader's page, whoever made them.
FORBIDDEN_ELEMENTS = {"script", "iframe", "object", "embed", "svg", "math", "frame", "frameset", "base", "form"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_ELEMENTS:
            self.findings.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…> event handler")
            if name in URL_ATTRIBUTES and value:
                url = "".join(value.split()).lower()
                if url.startswith(("javascript:", "vbscript:", "data:text/html")):
                    self.findings.append(f"<{tag} {name}={value!r}> script URL")

    handle_startendtag = handle_starttag


def live_markup(page: str) -> list[str]:
    """Every element, handler or URL in ``page`` that could run code or navigate to script."""
    scan = _Scan()
    scan.feed(page)
    scan.close()
    return scan.findings


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "script", "title")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "script", "title")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    """The text a reader sees (no style, script or title), whitespace collapsed."""
    parser = _Text()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())
