"""The briefing note in Word (``khcn brief``): a Vietnamese administrative summary report.

Two to four A4 pages built from ``pipeline.Results`` into the Department's Word template
(``template.docx``, shipped with the package; restyle it in Word, or pass another with
the same style names): the header block of an administrative document, the judge's
verdicts for the milestone years with what they rest on, the house charts with numbered
captions and source lines, the funding gap and what would close it, the assumptions
that decide the findings, and the sources. Several results: one note comparing them,
the first being the main scenario.

>>> from khcn_analysis import pipeline
>>> from khcn_analysis.present.brief import write_brief
>>> write_brief([pipeline.run("plan_as_written")], "bao-cao.docx", pdf=True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khcn_analysis.core.atomic import atomic_path
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import check_lang
from khcn_analysis.present.brief.document import REQUIRED_STYLES, TEMPLATE
from khcn_analysis.present.brief.pdf import PdfUnavailable, find_soffice, to_pdf

__all__ = [
    "REQUIRED_STYLES",
    "TEMPLATE",
    "PdfUnavailable",
    "build_brief",
    "find_soffice",
    "to_pdf",
    "write_brief",
    "write_page_brief",
]


def build_brief(results: Sequence[Any], *, lang: str = "vi", template: str | Path | None = None,
                rendered: Mapping[str, bytes] | None = None):
    """The note as a python-docx ``Document`` (not yet saved); ``rendered``: see :func:`write_page_brief`."""
    from khcn_analysis.present.brief.compose import compose

    lang = check_lang(lang)
    results = list(results)
    if not results:
        raise InputError(None, "scenarios", "none", "at least one scenario")
    return compose(results, lang, template, rendered)


def write_brief(results: Sequence[Any], out: str | Path, *, lang: str = "vi", pdf: bool = False,
                template: str | Path | None = None, rendered: Mapping[str, bytes] | None = None) -> list[Path]:
    """Write the note to ``out`` (a ``.docx``) and, with ``pdf``, ``out`` with ``.pdf`` beside it.

    Both are written atomically. Returns the paths written. Without LibreOffice, ``pdf``
    raises :class:`PdfUnavailable` after the ``.docx`` is written.
    """
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise InputError(out, "--out", out.suffix or "no extension", "a file name ending in .docx")
    for path in (out, out.with_suffix(".pdf")) if pdf else (out,):
        if path.is_dir():
            raise InputError(path, "--out", "a folder", "a file name (the note is a file)")
    doc = build_brief(results, lang=lang, template=template, rendered=rendered)
    with atomic_path(out) as tmp:
        doc.save(str(tmp))
    written = [out]
    if pdf:
        written.append(to_pdf(out, out.with_suffix(".pdf"), lang=lang))
    return written


def write_page_brief(results: Any, folder: str | Path, *, lang: str = "vi",
                     rendered: Mapping[str, bytes] | None = None) -> Path:
    """The batch report's hook: one scenario's note as ``<folder>/<scenario>.docx``.

    Notebook 03 calls it with its output folder, the way it leaves the Excel workbook
    there, so the report's index lists the note beside the scenario's page; with
    ``rendered`` (the page's :attr:`~khcn_analysis.present.notebook.Page.rendered`) the
    note embeds the charts the page has just rendered, the same bytes ``khcn brief`` draws.
    """
    return write_brief([results], Path(folder) / f"{results.scenario.name}.docx", lang=lang,
                       rendered=rendered)[0]
