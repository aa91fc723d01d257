"""``khcn charts`` end to end: the real console script, the real engine, every file reopened."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from khcn_analysis.present.charts import CHART_NAMES

ROOT = Path(__file__).resolve().parent.parent
KHCN = Path(sys.executable).parent / "khcn"


@pytest.fixture(scope="module")
def project(new_project) -> Path:
    """A private project root with the shipped raw data and scenarios, baseline built."""
    return new_project("root")


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KHCN_ROOT": str(root), "MPLBACKEND": "Agg", "PYTHONWARNINGS": "error::UserWarning"}
    result = subprocess.run([str(KHCN), *args], capture_output=True, text=True, env=env,
                            check=False, cwd=root)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def chart_dir(project) -> Path:
    out = project / "bieu-do"
    result = run(project, "charts", "--scenario", "plan_as_written", "gdp_linked",
                 "--draws", "200", "--out", str(out))
    assert "bo-bieu-do.pdf (7 trang)" in result.stdout
    assert "Glyph" not in result.stderr and "missing from font" not in result.stderr
    return out


@pytest.mark.slow
def test_every_chart_is_written_in_three_formats_plus_the_set(chart_dir):
    expected = {f"{stem}.{ext}" for stem in CHART_NAMES for ext in ("png", "svg", "pdf")}
    assert {p.name for p in chart_dir.iterdir()} == expected | {"bo-bieu-do.pdf"}


@pytest.mark.slow
def test_png_files_are_slide_sized_at_300_dpi(chart_dir):
    for stem in CHART_NAMES:
        with Image.open(chart_dir / f"{stem}.png") as img:
            assert abs(img.size[0] - 13.333 * 300) <= 1 and abs(img.size[1] - 7.5 * 300) <= 1
            assert img.info["dpi"] == pytest.approx((300, 300), abs=0.01)


@pytest.mark.slow
def test_svg_files_parse_and_carry_the_vietnamese_title(chart_dir):
    root = ET.parse(chart_dir / f"{CHART_NAMES[0]}.svg").getroot()
    text = " ".join("".join(el.itertext()) for el in root.iter())
    assert "Kinh phí bình quân mỗi năm giảm từ 41,5 tỷ đồng" in text
    for stem in CHART_NAMES[1:]:
        ET.parse(chart_dir / f"{stem}.svg")  # raises if not well-formed


@pytest.mark.slow
def test_pdfs_have_the_expected_pages(chart_dir):
    for stem in CHART_NAMES:
        assert len(PdfReader(chart_dir / f"{stem}.pdf").pages) == 1
    combined = PdfReader(chart_dir / "bo-bieu-do.pdf")
    assert len(combined.pages) == len(CHART_NAMES)
    assert "Đầu tư xã hội cho KH&CN" in combined.pages[1].extract_text()


@pytest.mark.slow
@pytest.mark.system
def test_poppler_renders_the_multipage_pdf(chart_dir, pdftoppm, tmp_path):
    """A real PDF client (poppler) opens every page of the set and rasterises it."""
    subprocess.run([pdftoppm, "-r", "30", "-png", str(chart_dir / "bo-bieu-do.pdf"),
                    str(tmp_path / "page")], check=True, capture_output=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(CHART_NAMES)
    with Image.open(pages[0]) as img:
        assert img.size == (400, 225)


@pytest.mark.slow
def test_english_a4_charts(project, tmp_path):
    out = tmp_path / "en"
    run(project, "charts", "--scenario", "plan_as_written", "--lang", "en", "--size", "a4",
        "--draws", "100", "--out", str(out))
    with Image.open(out / f"{CHART_NAMES[0]}.png") as img:
        assert abs(img.size[0] - 11.69 * 300) <= 1 and abs(img.size[1] - 8.27 * 300) <= 1
    text = PdfReader(out / "bo-bieu-do.pdf").pages[0].extract_text()
    assert "Yearly funding falls from 41.5 bn VND" in text


def test_unknown_scenario_is_a_clear_error(project, tmp_path):
    env = {**os.environ, "KHCN_ROOT": str(project), "MPLBACKEND": "Agg"}
    result = subprocess.run([str(KHCN), "charts", "--scenario", "no_such_scenario", "--out",
                             str(tmp_path)], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 2
    assert "no_such_scenario" in result.stderr
    assert not any(tmp_path.iterdir())
