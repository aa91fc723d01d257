"""The briefing note through real clients: LibreOffice makes the PDF, poppler reads it.

``khcn brief --pdf`` must give 2–4 A4 pages whose text (pdftotext) holds the Vietnamese
verdicts; the pages are rendered to PNG (pdftoppm) beside the PDF so a person can look
at them (kept under the test's temporary folder).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from khcn_analysis.cli import main

pytestmark = [pytest.mark.system, pytest.mark.slow]

A4_POINTS = (595.3, 841.9)


@pytest.fixture(autouse=True)
def processed(processed_baseline: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: processed_baseline)
    return processed_baseline


def text_of(pdftotext: str, pdf: Path) -> str:
    """The PDF's text in reading order, whitespace (and a table cell's line breaks) as single spaces."""
    done = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return " ".join(done.stdout.split())


def check_pages(pdf: Path) -> int:
    reader = PdfReader(str(pdf))
    assert 2 <= len(reader.pages) <= 4, f"{pdf.name}: {len(reader.pages)} pages"
    for page in reader.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        assert size == pytest.approx(A4_POINTS, abs=1.5)
    return len(reader.pages)


def render(pdftoppm: str, pdf: Path) -> list[Path]:
    subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=120)
    return sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))


def convert(soffice: str, docx: Path) -> Path:
    from khcn_analysis.present.brief import to_pdf

    return to_pdf(docx, docx.with_suffix(".pdf"), soffice=soffice)


def test_khcn_brief_pdf_holds_the_vietnamese_verdicts(soffice_writer, pdftotext, pdftoppm, tmp_path: Path,
                                                       monkeypatch, capsys) -> None:
    monkeypatch.setattr("khcn_analysis.present.brief.pdf.find_soffice", lambda: soffice_writer)
    out = tmp_path / "bao-cao.docx"
    assert main(["brief", "--scenario", "plan_as_written", "--out", str(out), "--pdf"]) == 0
    pdf = out.with_suffix(".pdf")
    assert str(pdf) in capsys.readouterr().out
    check_pages(pdf)
    text = text_of(pdftotext, pdf)
    for words in ("BÁO CÁO TÓM TẮT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾT LUẬN CHÍNH",
                  "Năm 2015:", "Bảng 1.", "Bảng 2.", "Hình 1.", "Hình 2.", "Hình 3.", "Nguồn:", "tỷ đồng",
                  "GIÁM ĐỐC"):
        assert words in text, words
    # every verdict the judge gives at the milestones is in the PDF, in its Vietnamese word
    from khcn_analysis import pipeline
    from khcn_analysis.present.brief.findings import judged_rows
    from khcn_analysis.present.brief.words import verdict_text

    for status in set(judged_rows(pipeline.run("plan_as_written"))["status"]):
        assert verdict_text(status, "vi") in text, status
    for english in ("Source:", "Figure", "Table 1", "not met", "bn VND", "NaN"):
        assert english not in text, english
    pages = render(pdftoppm, pdf)
    assert len(pages) == len(PdfReader(str(pdf)).pages) and all(p.stat().st_size > 10_000 for p in pages)


def test_comparing_note_and_english_note_fit_on_four_pages(soffice_writer, pdftotext, tmp_path: Path) -> None:
    from khcn_analysis import pipeline
    from khcn_analysis.present.brief import write_brief

    runs = pipeline.run_many(["plan_as_written", "gdp_linked", "austerity", "latest_trend"])
    compared = convert(soffice_writer, write_brief(runs, tmp_path / "so-sanh.docx")[0])
    check_pages(compared)
    assert "SO SÁNH CÁC KỊCH BẢN" in text_of(pdftotext, compared)
    english = convert(soffice_writer, write_brief(runs[:1], tmp_path / "brief.docx", lang="en")[0])
    check_pages(english)
    text = text_of(pdftotext, english)
    assert "SUMMARY REPORT" in text and "I. MAIN FINDINGS" in text and "Figure 3." in text
