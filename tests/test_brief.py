"""The briefing note in Word (``khcn brief``, issue 14.5), opened as a reader's Word would.

The .docx is read back with python-docx: the administrative header, the headings, the
verdict table (equal to the judge's rows), at least three inline pictures, numbered
captions each followed by a source line, Vietnamese text with no English working
words, raw ids or missing-value markers (and English with ``--lang en``), the
template's styles, user text kept as plain text. The PDF tests (LibreOffice and
poppler) are in ``test_brief_pdf.py``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from khcn_analysis.cli import main
from khcn_analysis.core.catalogue.status import attainment_label
from khcn_analysis.core.config import MILESTONES
from khcn_analysis.core.errors import InputError
from khcn_analysis.present.brief import TEMPLATE, build_brief, write_brief
from khcn_analysis.present.brief.document import REQUIRED_STYLES, open_template

#: Words that betray English (or working notes) inside the Vietnamese note.
ENGLISH_WORDS = re.compile(
    r"\b(Source|Figure|Table|Target|target|met|not met|scenario|assumption|projected|observed|"
    r"item|closing|clause|bn VND|hand-tracked|ratio|per 10,000|NaN|nan|None|True|False|"
    r"GDP growth|Plan 182 as written)\b")
#: Vietnamese working words that must not appear in the English note.
VIETNAMESE_WORDS = re.compile(r"\b(Năm|Đạt|Chưa đạt|kịch bản|tỷ đồng|Nguồn|Hình|Bảng|mục tiêu|giả định)\b")
#: Raw ids, temporary paths and Python's missing-value words.
RAW = re.compile(r"\w_\w|/tmp/|\bNaN\b|\bNone\b|\bnan\b|\b(?:assumption|plan|scenario):\w")


@pytest.fixture(autouse=True)
def processed(processed_baseline: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: processed_baseline)
    return processed_baseline


@pytest.fixture(scope="module")
def runs(processed_baseline):
    from khcn_analysis import pipeline

    inputs = pipeline.load_inputs(processed_baseline)
    return pipeline.run_many(["plan_as_written", "gdp_linked", "latest_trend"], inputs=inputs)


@pytest.fixture(scope="module")
def note_vi(runs, tmp_path_factory) -> Path:
    return write_brief(runs[:1], tmp_path_factory.mktemp("brief") / "bao-cao.docx")[0]


@pytest.fixture(scope="module")
def note_en(runs, tmp_path_factory) -> Path:
    return write_brief(runs[:1], tmp_path_factory.mktemp("brief") / "brief.docx", lang="en")[0]


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def verdict_table(document, lang: str):
    head = {"vi": "Đánh giá", "en": "Verdict"}[lang]
    found = [t for t in document.tables if head in [c.text for c in t.rows[0].cells]]
    assert len(found) == 1
    return found[0]


# ------------------------------------------------------------------ structure


def test_the_note_opens_with_an_administrative_header_and_title(note_vi: Path) -> None:
    document = docx.Document(str(note_vi))
    header = "\n".join(c.text for c in document.tables[0].rows[0].cells)
    for line in ("UBND TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số:", "/BC-SKHCN",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Lai Châu, ngày …… tháng …… năm ……"):
        assert line in header
    assert styled(document, "Title") == ["BÁO CÁO TÓM TẮT"]
    assert "Kế hoạch 182/QĐ-UBND" in styled(document, "Subtitle")[0]
    assert styled(document, "Scenario Line") == ["Kịch bản: Theo Kế hoạch 182"]


def test_headings_in_order(note_vi: Path) -> None:
    document = docx.Document(str(note_vi))
    assert styled(document, "Heading 1") == [
        "I. KẾT LUẬN CHÍNH", "II. KINH PHÍ VÀ KHOẢNG THIẾU HỤT",
        "III. CÁC GIẢ ĐỊNH QUYẾT ĐỊNH KẾT LUẬN", "IV. NGUỒN SỐ LIỆU"]
    assert styled(document, "Heading 2") == ["Để thu hẹp khoảng thiếu hụt"]
    assert any(p.startswith("GIÁM ĐỐC") for p in (c.text for c in document.tables[-1].rows[0].cells))


def test_verdict_table_shows_the_judges_rows(note_vi: Path, runs) -> None:
    """Every computable province target at the milestones, in the judge's words and order."""
    results = runs[0]
    att = results.attainment
    judged = att[(att["scope"] == "province") & (att["status"] != "not_computable")
                 & att["year"].isin(MILESTONES)].sort_values("year", kind="stable")
    table = verdict_table(docx.Document(str(note_vi)), "vi")
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["Năm", "Mục tiêu"]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(judged)
    verdicts = [r[header.index("Đánh giá")] for r in rows]
    assert verdicts == [attainment_label(s, "vi") for s in judged["status"]]
    years = [r[0].split("\n")[0] for r in rows]
    assert years == [str(y) for y in judged["year"]]
    # 2015 is history, 2030 is a projection: the year cell says so.
    assert all("(dự báo)" in r[0] for r in rows if r[0].startswith("2030"))
    # The 2020 researcher count is an assumption (46–330 plausible): the judge says undetermined.
    density = [r for r in rows if r[0].startswith("2020") and "nghiên cứu" in r[1]]
    assert density and density[0][header.index("Đánh giá")] == "Chưa xác định"
    # A shortfall in natural units on every row that is not met.
    for r in rows:
        gap = r[header.index("Còn thiếu")]
        assert (gap == "–") == (r[header.index("Đánh giá")] != "Chưa đạt")
        assert gap == "–" or re.search(r"(tỷ đồng|người)$", gap)


def test_three_figures_with_numbered_captions_and_source_lines(note_vi: Path) -> None:
    document = docx.Document(str(note_vi))
    assert len(document.inline_shapes) >= 3
    paragraphs = document.paragraphs
    figures = [i for i, p in enumerate(paragraphs) if p.style.name == "Caption" and p.text.startswith("Hình")]
    assert [paragraphs[i].text.split(".")[0] for i in figures] == ["Hình 1", "Hình 2", "Hình 3"]
    for i in figures:
        assert paragraphs[i - 1].style.name == "Figure" and paragraphs[i - 1]._p.xpath(".//pic:pic")
        source = paragraphs[i + 1]
        assert source.style.name == "Source Line" and source.text.startswith("Nguồn: ")
        assert len(source.text) > len("Nguồn: ") + 5
    tables = [p.text for p in paragraphs if p.style.name == "Caption" and p.text.startswith("Bảng")]
    assert [t.split(".")[0] for t in tables] == ["Bảng 1", "Bảng 2"]


def test_pictures_are_print_resolution(note_vi: Path) -> None:
    """Each chart is a PNG with at least 300 pixels per inch at the width it is placed."""
    document = docx.Document(str(note_vi))
    for shape in document.inline_shapes:
        image = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        part = document.part.related_parts[image]
        assert part.content_type == "image/png"
        import io

        from PIL import Image

        width_px = Image.open(io.BytesIO(part.blob)).size[0]
        assert width_px / shape.width.inches >= 299


def test_a_page_s_renders_are_taken_for_a_one_scenario_note_and_drawn_otherwise(runs) -> None:
    """In a batch, page 03 hands the note the charts it has just rendered (by file stem)."""
    from khcn_analysis.present.brief.figures import PAGE_STEMS, brief_figures

    given = {stem: f"PNG of {stem}".encode() for stem in PAGE_STEMS.values()}
    one = {f.key: f.png for f in brief_figures(runs[:1], "vi", 4.6, rendered=given)}
    assert one == {key: given[stem] for key, stem in PAGE_STEMS.items()}
    several = brief_figures(runs[:2], "vi", 4.6, rendered=given)  # a comparison note draws its own
    assert all(f.png.startswith(b"\x89PNG") for f in several)


def test_funding_table_is_in_vietnamese_numbers(note_vi: Path, runs) -> None:
    document = docx.Document(str(note_vi))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Giai đoạn")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows[:2]] == ["2013–2015", "2016–2020"]
    assert rows[0][1] == "124,5"  # the plan's 2013–2015 budget, Vietnamese decimal comma
    phases = runs[0].phases
    need = f"{phases['required_st_investment'].iloc[1]:,.1f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert rows[1][3] == need


def test_vietnamese_note_has_no_english_raw_ids_or_missing_markers(note_vi: Path) -> None:
    text = all_text(docx.Document(str(note_vi)))
    assert not ENGLISH_WORDS.findall(text), ENGLISH_WORDS.findall(text)[:10]
    assert not RAW.findall(text), RAW.findall(text)[:10]
    assert "1,5%" in text and "tỷ đồng" in text


def test_english_note(note_en: Path) -> None:
    document = docx.Document(str(note_en))
    text = all_text(document)
    assert styled(document, "Title") == ["SUMMARY REPORT"]
    assert styled(document, "Heading 1")[0] == "I. MAIN FINDINGS"
    assert [p.text.split(".")[0] for p in document.paragraphs
            if p.style.name == "Caption" and p.text.startswith("Figure")] == ["Figure 1", "Figure 2", "Figure 3"]
    assert not VIETNAMESE_WORDS.findall(text), VIETNAMESE_WORDS.findall(text)[:10]
    assert not RAW.findall(text)
    assert "1.5%" in text and "bn VND" in text
    assert document.core_properties.language == "en-GB"


def test_several_scenarios_make_one_comparing_note(runs, tmp_path: Path) -> None:
    out = write_brief(runs, tmp_path / "so-sanh.docx")[0]
    document = docx.Document(str(out))
    assert styled(document, "Scenario Line") == ["So sánh 3 kịch bản; kịch bản chính: Theo Kế hoạch 182"]
    assert "III. SO SÁNH CÁC KỊCH BẢN" in styled(document, "Heading 1")
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Kịch bản")
    assert [r.cells[0].text for r in table.rows[1:]] == [r.scenario.title("vi") for r in runs]
    assert len(document.inline_shapes) >= 3
    # The other scenarios' settings are listed where they differ from the main one.
    assert any("khác kịch bản chính" in p for p in styled(document, "List Bullet"))
    assert not RAW.findall(all_text(document))


def test_evidence_grades_and_the_judges_sentences_are_shown(runs, tmp_path: Path) -> None:
    """With the evidence columns (issue 13): an undetermined verdict, its grade, the judge's sentence."""
    from dataclasses import replace

    results = runs[0]
    att = results.attainment.copy()
    chosen = (att["indicator"] == "researcher_density") & (att["year"] == 2020)
    att["grade"] = att["value_status"]
    att["deciding_assumption"] = ""
    att["sentence_vi"] = ""
    att.loc[chosen, ["status", "grade", "deciding_assumption"]] = ["undetermined", "assumption", "researchers_2011"]
    att.loc[chosen, "sentence_vi"] = "Chưa xác định: đạt nếu tỉnh có ít nhất 234 cán bộ nghiên cứu năm 2020."
    out = write_brief([replace(results, attainment=att)], tmp_path / "x.docx")[0]
    document = docx.Document(str(out))
    table = verdict_table(document, "vi")
    header = [c.text for c in table.rows[0].cells]
    row = next([c.text for c in r.cells] for r in table.rows[1:]
               if r.cells[0].text.startswith("2020") and "nghiên cứu" in r.cells[1].text)
    assert row[header.index("Đánh giá")] == "Chưa xác định"
    assert row[header.index("Căn cứ")] == "Giả định"  # the grades differ, so the column is there
    bullets = styled(document, "List Bullet")
    assert any(b.startswith("Năm 2020: đạt 0/3") and "chưa xác định: cán bộ nghiên cứu/vạn dân" in b
               for b in bullets), bullets[:3]
    assert "Cán bộ nghiên cứu/vạn dân năm 2020 – Chưa xác định: đạt nếu tỉnh có ít nhất 234" in "\n".join(bullets)
    assert not RAW.findall(all_text(document))


# ------------------------------------------------------------------ the template owns the look


def test_shipped_template_has_every_style_and_an_a4_page() -> None:
    document = docx.Document(str(TEMPLATE))
    names = {s.name for s in document.styles}
    assert set(REQUIRED_STYLES) <= names
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_a_restyled_template_restyles_the_note(runs, tmp_path: Path) -> None:
    template = docx.Document(str(TEMPLATE))
    template.styles["Normal"].font.size = Pt(14)
    template.styles["Heading 1"].font.all_caps = True
    custom = tmp_path / "mau-rieng.docx"
    template.save(str(custom))
    document = build_brief(runs[:1], template=custom)
    assert document.styles["Normal"].font.size == Pt(14)
    assert document.styles["Heading 1"].font.all_caps
    # The code never sets fonts on runs: every run takes them from its style.
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.name is None and run.font.size is None and run.font.color.rgb is None


def test_a_template_missing_a_style_is_a_clear_error(tmp_path: Path) -> None:
    template = docx.Document(str(TEMPLATE))
    template.styles["Source Line"].name = "Nguon"
    broken = tmp_path / "thieu-kieu.docx"
    template.save(str(broken))
    with pytest.raises(InputError, match="Source Line"):
        open_template(broken)
    not_docx = tmp_path / "not.docx"
    not_docx.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not a Word document"):
        open_template(not_docx)


def test_user_text_is_plain_text_never_a_field_or_markup(runs, tmp_path: Path) -> None:
    results = runs[0]
    hostile = '{ PAGE } <b>in đậm</b> =SUM(A1) \x07<w:fldSimple w:instr="DATE"/>'
    scenario = results.scenario.model_copy(update={"title_vi": hostile, "description_vi": hostile})
    from dataclasses import replace

    out = write_brief([replace(results, scenario=scenario)], tmp_path / "x.docx")[0]
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
    assert "fldSimple" not in body.replace("&lt;w:fldSimple", "") and "<w:instrText" not in body
    assert "&lt;b&gt;in đậm&lt;/b&gt;" in body and "\x07" not in body
    text = all_text(docx.Document(str(out)))
    assert "{ PAGE } <b>in đậm</b> =SUM(A1)" in text


def test_a_failed_write_leaves_the_previous_file(runs, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    out.write_bytes(b"previous")
    with pytest.raises(InputError):
        write_brief(runs[:1], out, template=tmp_path / "missing.docx")
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


# ------------------------------------------------------------------ the command


def test_khcn_brief_writes_the_note(capsys, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    code = main(["brief", "--scenario", "plan_as_written", "--out", str(out)])
    assert code == 0 and out.is_file()
    assert str(out) in capsys.readouterr().out
    assert styled(docx.Document(str(out)), "Title") == ["BÁO CÁO TÓM TẮT"]


@pytest.mark.parametrize("argv, needle", [
    (["--scenario", "plan_as_written", "--out", "x.doc"], ".docx"),
    (["--scenario", "plan_as_written", "plan_as_written", "--out", "x.docx"], "given twice"),
    (["--scenario", "no_such_scenario", "--out", "x.docx"], "no_such_scenario"),
    (["--scenario", "../../x", "--out", "x.docx"], "outside scenarios/"),
])
def test_khcn_brief_refuses_bad_input(capsys, tmp_path: Path, monkeypatch, argv, needle) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["brief", *argv])
    err = capsys.readouterr().err
    assert code == 2 and needle in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_folder_where_the_note_should_be_is_refused(capsys, tmp_path: Path) -> None:
    (tmp_path / "bao-cao.docx").mkdir()
    code = main(["brief", "--scenario", "plan_as_written", "--out", str(tmp_path / "bao-cao.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "bao-cao.docx" in err and "folder" in err and ".tmp" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_libreoffice_without_writer_is_named(tmp_path: Path) -> None:
    from khcn_analysis.present.brief.pdf import PdfUnavailable, has_writer, to_pdf

    program = tmp_path / "program"
    program.mkdir()
    calc_only = program / "soffice"
    calc_only.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (program / "libsclo.so").write_bytes(b"")
    assert not has_writer(str(calc_only))
    note = tmp_path / "x.docx"
    note.write_bytes(b"PK")
    with pytest.raises(PdfUnavailable, match="libreoffice-writer-nogui"):
        to_pdf(note, tmp_path / "x.pdf", soffice=str(calc_only))
    (program / "libswlo.so").write_bytes(b"")
    assert has_writer(str(calc_only))


def test_pdf_without_libreoffice_is_a_clear_exit_2_after_the_docx(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("khcn_analysis.present.brief.pdf.find_soffice", lambda: None)
    out = tmp_path / "bao-cao.docx"
    code = main(["brief", "--scenario", "plan_as_written", "--out", str(out), "--pdf"])
    err = capsys.readouterr().err
    assert code == 2 and "LibreOffice" in err and "libreoffice-writer-nogui" in err
    assert out.is_file() and not out.with_suffix(".pdf").exists()
