"""An executed notebook as a reader's page: no code, no scripts, outputs sanitised, tables that fit.

Three rules, each from a defect:

- *No script reaches a page.* A scenario's title and description are typed by
  colleagues and saved by the explorer; ``<img onerror=…>`` in a title once ran in
  pages 03–05. The notebooks escape what they insert, and here every HTML and
  Markdown output is rendered and cleaned with nh3 (an allow-list: tables, headings,
  lists, links to http/https/mailto or within the page) before the page is built.
  The page carries no script either (nbconvert's ``basic`` body in a page of our own),
  so nothing in it runs.
- *Pages are read offline,* on office machines: nothing is fetched from a CDN. A chart is
  an image file beside the page (``files/<job>/…png``), linked rather than embedded a
  second time; a page is a few tens of kilobytes.
- *Tables fit a 1,280 px window and an A4 page:* long cells wrap (a URL anywhere),
  tables never scroll sideways.
"""

from __future__ import annotations

import html
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["REPORT_HIDDEN_TAG", "notebook_to_html", "sanitise_html"]

#: Cells with this tag speak to whoever runs the notebook (parameters, how to run it),
#: not to the reader of the report: the HTML page leaves them out.
REPORT_HIDDEN_TAG = "hide-in-report"

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul", "wbr",
}
_ATTRIBUTES = {
    "*": {"class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
    **{f"h{n}": {"id"} for n in range(1, 7)},  # the anchors nbconvert gives headings
}
_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(fragment: str) -> str:
    """An HTML fragment with only the allowed tags and attributes: no handlers, no scripts,
    no ``javascript:`` or ``data:`` links (nh3, an allow-list)."""
    import nh3

    return nh3.clean(
        fragment,
        tags=_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "svg", "math"},
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _markdown_to_html(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return markdown2html_mistune(text)


def _clean_output(output: dict[str, Any], page_dir: Path) -> None:
    """Rewrite one output in place: HTML and Markdown become sanitised HTML; active types go;
    a chart saved beside the page is linked, not embedded a second time."""
    data = output.get("data")
    if not isinstance(data, dict):
        return
    linked = _linked_image(output, page_dir)
    if linked:
        output["data"] = {"text/html": linked}
        return
    for active in ("application/javascript", "application/vnd.jupyter.widget-view+json", "image/svg+xml"):
        data.pop(active, None)
    markdown = data.pop("text/markdown", None)
    if "text/html" in data:
        data["text/html"] = sanitise_html(_joined(data["text/html"]))
    elif markdown is not None:
        data["text/html"] = sanitise_html(_markdown_to_html(_joined(markdown)))


def _linked_image(output: dict[str, Any], page_dir: Path) -> str | None:
    """``<img src="files/…png">`` for a chart whose output names its file (``khcn_file``,
    written by :class:`khcn_analysis.present.notebook.Page`) when that file is beside the page."""
    meta = (output.get("metadata") or {}).get("image/png") or {}
    rel = meta.get("khcn_file")
    if not isinstance(rel, str) or rel.startswith("/") or ".." in Path(rel).parts:
        return None
    if not (page_dir / rel).is_file():
        return None
    alt = html.escape(str(meta.get("alt") or Path(rel).stem))
    width = meta.get("width")
    size = f' width="{width}"' if isinstance(width, int) and not isinstance(width, bool) and 0 < width < 4000 else ""
    return f'<img src="{html.escape(rel)}" alt="{alt}" class="khcn-chart"{size}>'


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


#: The page around nbconvert's ``basic`` body: a few kilobytes of CSS instead of the lab
#: template's 256 KB, no script. Tables wrap between words instead of scrolling (a year or a
#: word is never split: "202/0" was unreadable; a URL breaks anywhere) and a page prints on A4
#: portrait. Text columns are left-aligned, numbers right-aligned; the plan and baseline pages'
#: tables (khcn-b02: their own style block is stripped with every <style> of an output) left.
READER_CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1f2328; margin: 0; line-height: 1.45; }
main.khcn-page { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; margin: 1.2rem 0 .6rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.1rem; }
a.anchor-link { display: none; }
table { border-collapse: collapse; margin: .6rem 0 1rem; max-width: 100%; font-size: .9rem; }
th, td { padding: .35rem .55rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; text-align: right;
         overflow-wrap: break-word; max-width: 36rem; }
table.khcn-sources td, td a { overflow-wrap: anywhere; }
thead th { border-bottom: 1px solid #8c959f; }
th { font-weight: 600; }
td:first-child, th:first-child, table.khcn-sources td, table.khcn-assumptions td { text-align: left; }
table.khcn-sources th, table.khcn-assumptions th, table.khcn-b02 th, table.khcn-b02 td { text-align: left; }
tbody tr:nth-child(even) { background: #f6f8fa; }
img { max-width: 100%; height: auto; display: block; margin: .5rem 0 1.2rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; background: #f6f8fa; padding: .5rem; }
.output_error pre, .output_stderr pre { background: #fff5f5; color: #8a1c1c; }
@page { size: A4 portrait; margin: 14mm; }
@media print {
  main.khcn-page { max-width: none; padding: 0; }
  table { font-size: 9pt; }
  tr, img { break-inside: avoid; }
  h2 { break-after: avoid; }
}
"""

_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body><main class="khcn-page">
{body}
</main></body></html>
"""


@cache
def _exporter() -> Any:
    """nbconvert's ``basic`` body without inputs or prompts (made once per process)."""
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def notebook_to_html(executed: Path, out: Path, *, title: str | None = None, lang: str = "vi") -> Path:
    """A self-contained page: inputs and prompts hidden, outputs sanitised, charts linked from beside it."""
    import nbformat

    notebook = nbformat.read(executed, as_version=4)
    notebook.cells = [
        c for c in notebook.cells if REPORT_HIDDEN_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            _clean_output(output, Path(out).parent)
    body, _ = _exporter().from_notebook_node(notebook)
    page = _PAGE.format(lang=html.escape(lang), title=html.escape(title or Path(executed).stem),
                        css=READER_CSS, body=body)
    Path(out).write_text(page, encoding="utf-8")  # inside the run's folder, published whole by one rename
    return out
