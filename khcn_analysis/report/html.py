"""An executed notebook as a reader's page: no code, no scripts, outputs sanitised, tables that fit.

Three rules, each from a defect:

- *No script reaches a page.* A scenario's title and description are typed by
  colleagues and saved by the explorer; ``<img onerror=…>`` in a title once ran in
  pages 03–05. The notebooks escape what they insert, and here every HTML and
  Markdown output is rendered and cleaned with nh3 (an allow-list: tables, headings,
  lists, links to http/https/mailto or within the page) before the page is built.
  The template carries no script either (no require.js, MathJax, Mermaid or widgets),
  so a page works offline and nothing in it runs.
- *Pages are read offline,* on office machines: nothing is fetched from a CDN.
- *Tables fit a 1,280 px window and an A4 page:* long cells wrap (a URL anywhere),
  tables never scroll sideways.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from khcn_analysis.core.atomic import write_text

__all__ = ["REPORT_HIDDEN_TAG", "notebook_to_html", "sanitise_html"]

#: Cells with this tag speak to whoever runs the notebook (parameters, how to run it),
#: not to the reader of the report: the HTML page leaves them out.
REPORT_HIDDEN_TAG = "hide-in-report"

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul", "wbr",
}
_ATTRIBUTES = {
    "*": {"class", "title", "lang"},
    "a": {"href"},
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


def _clean_output(output: dict[str, Any]) -> None:
    """Rewrite one output in place: HTML and Markdown become sanitised HTML; active types go."""
    data = output.get("data")
    if not isinstance(data, dict):
        return
    for active in ("application/javascript", "application/vnd.jupyter.widget-view+json", "image/svg+xml"):
        data.pop(active, None)
    markdown = data.pop("text/markdown", None)
    if "text/html" in data:
        data["text/html"] = sanitise_html(_joined(data["text/html"]))
    elif markdown is not None:
        data["text/html"] = sanitise_html(_markdown_to_html(_joined(markdown)))


def _joined(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


# The lab template without any script: require.js and MathJax from a CDN, the Mermaid
# loader, widget state and JavaScript outputs. Reader CSS last, so it wins.
_HTML_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block data_javascript scoped -%}{%- endblock -%}
{%- block data_widget_view scoped -%}{%- endblock -%}
{%- block footer_js -%}{%- endblock footer_js -%}
{%- block html_head_css -%}<style>{{ resources.khcn_css }}</style>{%- endblock html_head_css -%}
"""

#: Tables wrap instead of scrolling: a URL breaks anywhere, columns share the width, and a
#: page prints on A4 portrait. Text columns are left-aligned, numbers stay right-aligned.
READER_CSS = """
.jp-Notebook { max-width: 72rem; margin: 0 auto; }
.jp-RenderedHTMLCommon table { table-layout: auto; width: auto; max-width: 100%; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {
  overflow-wrap: anywhere; word-break: normal; hyphens: auto; max-width: 36rem;
}
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon td:first-child,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon th:first-child,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon table.khcn-sources td,
:not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon table.khcn-assumptions td { text-align: left; }
.jp-OutputArea-output { overflow-x: visible; }
.jp-RenderedImage img, .jp-OutputArea-output img { max-width: 100%; height: auto; }
.jp-RenderedHTMLCommon pre, .jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: anywhere; }
@page { size: A4 portrait; margin: 14mm; }
@media print {
  .jp-Notebook { max-width: none; padding: 0; }
  .jp-RenderedHTMLCommon table { page-break-inside: auto; font-size: 9pt; }
  .jp-RenderedHTMLCommon tr, .jp-RenderedImage { page-break-inside: avoid; }
}
"""


def notebook_to_html(executed: Path, out: Path, *, title: str | None = None, lang: str = "vi") -> Path:
    """A self-contained page: inputs and prompts hidden, outputs sanitised, images inline."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    notebook = nbformat.read(executed, as_version=4)
    notebook.cells = [
        c for c in notebook.cells if REPORT_HIDDEN_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            _clean_output(output)
    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"khcn_report.html.j2": _HTML_TEMPLATE})],
        template_file="khcn_report.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        language_code=lang,
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": title or Path(executed).stem}, "khcn_css": READER_CSS}
    )
    write_text(out, body)
    return out
