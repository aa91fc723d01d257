"""Make the first version of the brief's Word template (``template.docx``).

Run once by a developer (``python -m khcn_analysis.present.brief.make_template``);
afterwards ``template.docx`` is the source of truth and the Department restyles it in
Word: fonts, sizes, spacing, colours and the page header live in its styles, and the
brief's code only names styles. Re-running this overwrites those edits.

The first version follows the presentation rules of Vietnamese administrative documents
(Decree 30/2020/NĐ-CP, appendix I): A4, margins 2 cm top and bottom, 3 cm left,
1,5 cm right; Times New Roman 13 pt body, justified with a 1 cm first-line indent;
page numbers centred at the top from the second page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

__all__ = ["make_template"]

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)

#: name -> (base, size pt, bold, italic, alignment, first-line indent cm, space before, after)
_PARAGRAPHS: dict[str, tuple[str, float, bool, bool, object, float, float, float]] = {
    "Normal": ("", 13, False, False, JUSTIFY, 1.0, 0, 6),
    "Title": ("Normal", 14, True, False, CENTER, 0, 12, 0),
    "Subtitle": ("Normal", 13, True, False, CENTER, 0, 0, 3),
    "Heading 1": ("Normal", 13, True, False, LEFT, 0, 12, 6),
    "Heading 2": ("Normal", 13, True, True, LEFT, 0, 6, 3),
    "Caption": ("Normal", 12, True, False, CENTER, 0, 3, 0),
    "List Bullet": ("Normal", 13, False, False, JUSTIFY, 0, 0, 3),
    "Header Agency": ("Normal", 12, False, False, CENTER, 0, 0, 0),
    "Header Issuer": ("Normal", 12, True, False, CENTER, 0, 0, 0),
    "Header Country": ("Normal", 12, True, False, CENTER, 0, 0, 0),
    "Header Motto": ("Normal", 13, True, False, CENTER, 0, 0, 0),
    "Header Rule": ("Normal", 8, False, False, CENTER, 0, 0, 3),
    "Header Number": ("Normal", 13, False, False, CENTER, 0, 0, 0),
    "Header Date": ("Normal", 13, False, True, CENTER, 0, 0, 0),
    "Scenario Line": ("Normal", 13, False, True, CENTER, 0, 0, 6),
    "Source Line": ("Normal", 10, False, True, LEFT, 0, 2, 6),
    "Table Text": ("Normal", 10, False, False, LEFT, 0, 1, 1),
    "Table Number": ("Table Text", 10, False, False, RIGHT, 0, 1, 1),
    "Table Heading": ("Table Text", 10, True, False, CENTER, 0, 1, 1),
    "Table Group": ("Table Text", 10, True, True, LEFT, 0, 1, 1),
    "Figure": ("Normal", 13, False, False, CENTER, 0, 6, 0),
    "Recipients Heading": ("Normal", 12, True, True, LEFT, 0, 6, 0),
    "Recipients": ("Normal", 11, False, False, LEFT, 0, 0, 0),
    "Signer": ("Normal", 13, True, False, CENTER, 0, 6, 0),
}
_KEEP_WITH_NEXT = {"Title", "Subtitle", "Heading 1", "Heading 2", "Figure"}


def _fonts(rpr, font: str) -> None:
    """Set every script's font explicitly (theme fonts would override a plain name)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        fonts.attrib.pop(attr)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), font)


def _defaults(doc) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr, FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _paragraph_style(doc, name: str, spec) -> None:
    base, size, bold, italic, align, indent, before, after = spec
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = doc.styles[base]
    style.quick_style = True
    font = style.font
    font.size, font.bold, font.italic, font.color.rgb = Pt(size), bold, italic, BLACK
    _fonts(style.element.get_or_add_rPr(), FONT)
    for tag in ("w:caps", "w:spacing"):  # Title's letter spacing and capitals come off
        found = style.element.get_or_add_rPr().find(qn(tag))
        if found is not None:
            style.element.get_or_add_rPr().remove(found)
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(indent)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = name in _KEEP_WITH_NEXT
    fmt.widow_control = True
    ppr = style.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))  # Title's rule underneath
    if border is not None:
        ppr.remove(border)


def _page(doc) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.header_distance = section.footer_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = header.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        else:
            node = OxmlElement("w:instrText" if text.strip() == "PAGE" else "w:t")
            node.set(qn("xml:space"), "preserve")
            node.text = text
            run._r.append(node)
    _fonts(doc.styles["Header"].element.get_or_add_rPr(), FONT)
    doc.styles["Header"].font.size = Pt(13)


def make_template(path: str | Path) -> Path:
    """Write the first version of the template to ``path``."""
    doc = Document()
    _defaults(doc)
    for name, spec in _PARAGRAPHS.items():
        _paragraph_style(doc, name, spec)
    _page(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = ""
    props.title = props.subject = props.keywords = props.comments = ""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    doc.save(str(path))
    return Path(path)


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("template.docx")
    print(make_template(target))
