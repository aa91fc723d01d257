"""Writing into the Word template: paragraphs, tables, figures, captions, by style name only.

Every paragraph names a style of the template (``template.docx``); fonts, sizes,
spacing and colours are the template's, so the Department restyles the note in Word
without code. Text is always inserted as plain runs: a scenario title such as
``{ PAGE }`` or ``<b>`` stays those characters, never a field or markup. Figures and
tables are numbered in the order they are added ("Hình 1.", "Bảng 1.").
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.plain_text import clean_text

__all__ = ["REQUIRED_STYLES", "TEMPLATE", "Writer", "open_template", "plain"]

TEMPLATE = Path(__file__).with_name("template.docx")

#: The styles the note uses; a restyled template must keep their names.
REQUIRED_STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Caption", "List Bullet",
    "Header Agency", "Header Issuer", "Header Country", "Header Motto", "Header Rule",
    "Header Number", "Header Date", "Scenario Line", "Source Line", "Table Text", "Table Number",
    "Table Heading", "Table Group", "Figure", "Recipients Heading", "Recipients", "Signer", "Table Grid",
    "Normal Table",
)

def plain(text: object) -> str:
    """Text as it may go into a run: control characters removed (XML 1.0 forbids most), nothing interpreted."""
    return clean_text(text)


def open_template(path: str | Path | None = None) -> DocxDocument:
    """The template, emptied of body content, checked for the styles the note needs."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    path = Path(path) if path is not None else TEMPLATE
    if not path.is_file():
        raise InputError(path, None, "no such file", "a Word template (.docx)")
    try:
        doc = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as err:
        raise InputError(path, None, f"not a Word document ({type(err).__name__})", "a .docx file") from None
    names = {s.name for s in doc.styles}
    missing = [s for s in REQUIRED_STYLES if s not in names]
    if missing:
        raise InputError(path, "styles", t("brief.error.template", "en", styles=", ".join(missing)),
                         f"a template with the styles of {TEMPLATE.name}")
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


class Writer:
    """Adds the note's parts to a document, numbering figures and tables."""

    def __init__(self, doc: DocxDocument, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.figures = 0
        self.tables = 0
        self._style_ids: dict[str, str | None] = {}

    def _style(self, par: Paragraph, name: str) -> Paragraph:
        """Give ``par`` the template's style ``name``, as ``Paragraph.style = ...`` would.

        python-docx looks the style up by name and compares it with the default style on
        every assignment (a walk over all the template's styles, most of a note's time);
        the id is looked up once per name here and set on the paragraph's XML directly.
        """
        if name not in self._style_ids:
            style = self.doc.styles[name]
            default = self.doc.styles.default(style.type)
            self._style_ids[name] = None if default is not None and default.style_id == style.style_id \
                else style.style_id
        par._p.style = self._style_ids[name]
        return par

    @property
    def text_width(self) -> int:
        """The width between the margins, in EMU."""
        section = self.doc.sections[-1]
        return int(section.page_width - section.left_margin - section.right_margin)

    # ------------------------------------------------------------------ text

    def paragraph(self, style: str, *parts: str, container=None) -> Paragraph:
        """A paragraph of ``style`` made of plain runs."""
        target = container if container is not None else self.doc
        par = self._style(target.add_paragraph(), style)
        for part in parts:
            if part:
                par.add_run(plain(part))
        return par

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.paragraph(f"Heading {level}", text)

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self.paragraph("List Bullet", item)

    # ------------------------------------------------------------------ tables

    def _cell_text(self, cell, style: str, text: str) -> None:
        par = self._style(cell.paragraphs[0], style)
        for i, line in enumerate(str(text).split("\n")):
            if i:
                par = self._style(cell.add_paragraph(), style)
            par.add_run(plain(line))

    def layout(self, columns: Sequence[Sequence[tuple[str, str]]], widths_cm: Sequence[float],
               indent_cm: float = 0.0) -> DocxTable:
        """A borderless table placing blocks side by side (the header, the signature).

        ``widths_cm`` are absolute; ``indent_cm`` < 0 lets the block reach into the left
        margin, as the header of an administrative document often does.
        """
        table = self.doc.add_table(rows=1, cols=len(columns))
        table.style = self.doc.styles["Normal Table"]
        self._set_widths(table, [int(Cm(w)) for w in widths_cm])
        if indent_cm:
            _indent(table, int(Cm(indent_cm)))
        _keep_row_together(table.rows[0])
        for cell, lines in zip(table.rows[0].cells, columns, strict=True):
            for i, (style, text) in enumerate(lines):
                par = self._style(cell.paragraphs[0] if i == 0 else cell.add_paragraph(), style)
                par.add_run(plain(text))
        return table

    def table(self, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], numeric: set[int] = frozenset(), source: str | None = None,
              merge_first: bool = False) -> DocxTable:
        """"Bảng n. caption" above a grid table; a source line below.

        ``merge_first``: runs of equal first cells (a milestone year) become one cell
        spanning those rows, so a page break never strands a year from its rows.
        """
        self.tables += 1
        caption_par = self.paragraph("Caption", t("brief.table", self.lang, n=self.tables), caption)
        caption_par.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            self._cell_text(cell, "Table Heading", text)
        _repeat_header(table.rows[0])
        previous = None
        for values in rows:
            row = table.add_row()
            _keep_row_together(row)
            for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                if i == 0 and merge_first and text == previous:
                    continue
                self._cell_text(cell, "Table Number" if i in numeric else "Table Text", text)
            previous = values[0]
        if merge_first:
            _merge_runs(table)
        self._widths(table, widths)
        self.paragraph("Source Line", source or "")
        return table

    def _widths(self, table: DocxTable, widths: Sequence[float]) -> None:
        """Relative widths spread over the text width."""
        total = float(sum(widths))
        self._set_widths(table, [int(self.text_width * w / total) for w in widths])

    @staticmethod
    def _set_widths(table: DocxTable, emus: Sequence[int]) -> None:
        table.autofit = False
        width = table._tbl.tblPr.find(qn("w:tblW"))
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(int(sum(emus) / 635)))
        for column, width in zip(table.columns, emus, strict=True):
            column.width = Emu(width)
        for row in table.rows:
            tcs = [cell._tc for cell in row.cells]
            for i, tc in enumerate(tcs):
                if i and tc is tcs[i - 1]:
                    continue  # a merged cell: its width is the sum of the columns it spans
                span = sum(1 for other in tcs if other is tc)
                tc.width = Emu(sum(emus[i:i + span]))

    # ------------------------------------------------------------------ figures

    def figure(self, png: bytes, caption: str, source: str, width_emu: int | None = None) -> None:
        """The picture, "Hình n. caption" under it, then its source line."""
        self.figures += 1
        par = self.paragraph("Figure")
        par.add_run().add_picture(io.BytesIO(png), width=Emu(width_emu or self.text_width))
        self.paragraph("Caption", t("brief.figure", self.lang, n=self.figures), caption)
        self.paragraph("Source Line", source)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _indent(table: DocxTable, emu: int) -> None:
    props = table._tbl.tblPr
    node = OxmlElement("w:tblInd")
    node.set(qn("w:w"), str(int(emu / 635)))  # twentieths of a point
    node.set(qn("w:type"), "dxa")
    # Schema order: tblInd comes before borders, shading, layout, margins and look.
    later = [c for c in props if c.tag in {qn(f"w:{n}") for n in ("tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")}]
    if later:
        later[0].addprevious(node)
    else:
        props.append(node)


def _merge_runs(table: DocxTable) -> None:
    """Merge each run of first-column cells whose later members were left empty."""
    rows = table.rows[1:]
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].cells[0].text:
            if i - 1 > start:
                rows[start].cells[0].merge(rows[i - 1].cells[0])
            start = i


def _keep_row_together(row) -> None:
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    props.append(flag)
