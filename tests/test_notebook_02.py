"""Page 02 (baseline data) for readers: tables in the page's language, no logs, no raw frames.

It used to rebuild data/processed itself and print the build's English log with temporary
paths, dump raw frames with English headers and True/NaN (29 NaN), and draw the one 2011
researcher point on an x axis from 1925 to 2100.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import papermill as pm
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "02_baseline_data.ipynb"
#: Words that must never reach a reader of the Vietnamese page.
ENGLISH_WORKING_WORDS = ("Built ", "conflicts resolved", "observed", "interpolated", "assumption",
                         "rule_description", "fact_id", "superseded_by", "disposition", "Traceback")
NOT_FOR_READERS = re.compile(r"\bNaN\b|\bnan\b|\bNone\b|\bTrue\b|\bFalse\b|/tmp/|pytest-of")


class _Visible(HTMLParser):
    """The text a reader sees in the outputs, and the tables' header cells."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headers: list[str] = []
        self._in_th = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")
        self._in_th = tag == "th"

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")
        self._in_th = self._in_th and tag != "th"

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        if self._in_th and data.strip():
            self.headers.append(data.strip())


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _run(project: Path, lang: str) -> tuple[nbformat.NotebookNode, _Visible, int]:
    out = project / f"out-{lang}.ipynb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHCN_ROOT", str(project))
        mp.setenv("MPLBACKEND", "Agg")
        pm.execute_notebook(str(NOTEBOOK), str(out), kernel_name="python3", cwd=str(project),
                            parameters={"lang": lang}, progress_bar=False)
    nb = nbformat.read(out, as_version=4)
    seen, images = _Visible(), 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", output
            assert output.get("output_type") != "stream", f"a log on the page: {output.get('text', '')[:300]}"
            data = output.get("data", {})
            images += "image/png" in data
            if "text/html" in data:
                seen.feed(data["text/html"])
            elif "text/markdown" in data:
                seen.text.append(data["text/markdown"])
    return nb, seen, images


@pytest.fixture(scope="module")
def page_vi(new_project):
    """Page 02 in Vietnamese, run once in a private project; the tables' hashes before the run."""
    project = new_project("page-02")
    before = _hashes(project / "data" / "processed")
    return project, before, _run(project, "vi")


@pytest.mark.slow
def test_page_02_in_vietnamese_reads_the_built_tables_and_shows_no_raw_frames(page_vi):
    project, before, (_, seen, images) = page_vi
    assert _hashes(project / "data" / "processed") == before  # the page never rebuilds data/processed
    text = "\n".join(seen.text)
    assert not NOT_FOR_READERS.findall(text), NOT_FOR_READERS.findall(text)[:10]
    for word in ENGLISH_WORKING_WORDS:
        assert word not in text, word
    for header in ("Chỉ tiêu", "Số liệu có nguồn", "Giả định", "Nguồn", "Quyết định", "Phép kiểm tra", "Vùng"):
        assert header in seen.headers, header
    for phrase in ("Niên giám thống kê (TCTK)", "Trung du và miền núi phía Bắc", "Nguồn tự mâu thuẫn (đã biết)",
                   "Chưa có lần nhập nào", "Dân số: bảng «Dân số trung bình phân theo tỉnh»",
                   "Cách đọc kết luận và mức bằng chứng", "Chưa xác định", "Ngoại suy ngược",
                   "Trung tâm (dùng trong dự báo)", "Số cán bộ nghiên cứu năm 2011 (giả định)"):
        assert phrase in text, phrase
    assert images == 10  # seven main series and three regional charts


@pytest.mark.slow
def test_page_02_in_english(new_project):
    _, seen, _ = _run(new_project("page-02-en"), "en")
    text = "\n".join(seen.text)
    assert not NOT_FOR_READERS.findall(text)
    assert "What we know" in text and "Northern midlands & mountains" in text
    assert "How to read a verdict and its evidence" in text and "Not met under any plausible value" in text
    assert not re.search(r"[ảạăằắẳẵặâầấẩẫậẻẽẹêềếểễệỉịỏọôồốổỗộơờớởỡợủụưừứửữựỳỷỹỵđ]", " ".join(seen.headers))


@pytest.mark.slow
def test_page_02_without_a_build_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path))
    with pytest.raises(pm.PapermillExecutionError, match="khcn data build"):
        pm.execute_notebook(str(NOTEBOOK), str(tmp_path / "out.ipynb"), kernel_name="python3",
                            cwd=str(tmp_path), progress_bar=False)
    assert not (tmp_path / "data" / "processed").exists()


@pytest.mark.slow
@pytest.mark.system
def test_page_02_tables_fit_a_1280_pixel_window(page_vi, tmp_path, chromium):
    """Rendered as the report renders it (no code), no table is wider than the window."""
    project, _, _ = page_vi
    html = tmp_path / "page.html"
    subprocess.run([str(Path(sys.executable).with_name("jupyter")), "nbconvert", "--to", "html",
                    "--no-input", str(project / "out-vi.ipynb"), "--output", str(html)],
                   check=True, capture_output=True, timeout=300)
    probe = ("<script>window.addEventListener('load',()=>{const w=[...document.querySelectorAll("
             "'table.khcn-b02')].map(t=>Math.ceil(t.getBoundingClientRect().right));"
             "const y=[...document.querySelectorAll('table.khcn-b02 td')].filter(c=>/^\\d{4}$/.test("
             "c.textContent.trim())).filter(c=>{const r=document.createRange();r.selectNodeContents(c);"
             "return r.getClientRects().length>1}).length;"
             "document.body.insertAdjacentHTML('beforeend','<pre id=probe>'+JSON.stringify({tables:w,"
             "page:document.documentElement.scrollWidth,wrapped_years:y})+'</pre>')});</script>")
    html.write_text(html.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900", "--virtual-time-budget=5000",
         "--dump-dom", html.as_uri()],
        capture_output=True, text=True, timeout=180, check=False)
    import json

    found = re.search(r'<pre id="probe">(.*?)</pre>', result.stdout)
    assert found, result.stderr[-2000:]
    widths = json.loads(found[1].replace("&quot;", '"'))
    assert len(widths["tables"]) >= 10
    assert max(widths["tables"]) <= 1280 and widths["page"] <= 1280, widths
    assert widths["wrapped_years"] == 0, widths  # a year is never split over two lines


def test_notebook_02_is_clean_and_parameterised():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert [line.split("=")[0].strip() for line in code[0].source.strip().splitlines()] == ["lang", "output_dir"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    source = "\n".join(c.source for c in code)
    assert "build_processed" not in source and "khcn_analysis.data" not in source  # reads, never builds
    assert all("hide-in-report" in c.metadata.get("tags", []) for c in nb.cells if c.cell_type == "markdown")
