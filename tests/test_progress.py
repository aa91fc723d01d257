"""``khcn progress``: the plan's half-year report from the shipped data, then after the
Department imports researcher and S&T spending figures through its template.

The project is a copy of ``data/raw`` and ``scenarios`` (``KHCN_ROOT``), so nothing of the
repository is written. The clock is injected: the first report is written on 20/06/2026
(period 2026-H1), the import on 15/09/2026, the second report on 15/12/2026 (2026-H2).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook

from khcn_analysis import pipeline
from khcn_analysis.cli import main
from khcn_analysis.data import department as dep
from khcn_analysis.plan.responsibilities import load_responsibilities
from khcn_analysis.report.progress import (
    DEFAULT_SCENARIO,
    AlreadyReported,
    ProgressReport,
    read_snapshot,
    scheduled_report,
    write_progress_report,
)
from khcn_analysis.report.progress.changes import Reason

ROOT = Path(__file__).resolve().parent.parent
H1_NOW, IMPORT_NOW, H2_NOW = datetime(2026, 6, 20, 9, 0), datetime(2026, 9, 15, 14, 0), datetime(2026, 12, 15, 9, 0)
MONEY, PEOPLE, GUIDE = "Kinh phí KH&CN", "Nhân lực KH&CN", "Hướng dẫn"
FILLER, ORGANISATION = "Nguyễn Thị Hoa", "Sở KH&CN Lai Châu"
DOC_PEOPLE, DOC_MONEY = "Báo cáo thống kê KH&CN năm 2020", "Quyết toán NSĐP năm 2020, Biểu 62"
#: The series the imported figures feed (and nothing else may move).
TOUCHED = {"researchers", "researcher_density", "st_budget", "st_investment", "st_budget_share_expenditure",
           "st_investment_share_grdp"}


def row_of(year: int) -> int:
    return dep.FIRST_DATA_ROW + year - dep.FIRST_YEAR


def make_project(base: Path) -> Path:
    shutil.copytree(ROOT / "data" / "raw", base / "data" / "raw")
    shutil.copytree(ROOT / "scenarios", base / "scenarios")
    return base


def clone(project: Path, base: Path) -> Path:
    shutil.copytree(project, base, ignore=shutil.ignore_patterns("*.docx", "*.pdf"))
    return base


def fill_template(folder: Path) -> Path:
    """The Department's template, filled by hand as an officer would: 120 researchers and 25 bn VND in 2020."""
    wb = load_workbook(dep.write_template(folder / "mau.xlsx"))
    cells = {(GUIDE, "B4"): FILLER, (GUIDE, "B5"): ORGANISATION, (GUIDE, "B6"): datetime(2026, 9, 10),
             (PEOPLE, f"B{row_of(2020)}"): 120, (PEOPLE, f"D{row_of(2020)}"): DOC_PEOPLE,
             (MONEY, f"B{row_of(2020)}"): 25, (MONEY, f"G{row_of(2020)}"): DOC_MONEY}
    for (sheet, cell), value in cells.items():
        wb[sheet][cell].value = value
    wb.save(folder / "da-dien.xlsx")
    return folder / "da-dien.xlsx"


@dataclass
class Flow:
    root: Path
    first: ProgressReport
    second: ProgressReport
    import_id: str
    before: Any  # pipeline.Results before the import
    after: Any  # and after it


@pytest.fixture(scope="module")
def flow(tmp_path_factory) -> Flow:
    root = make_project(tmp_path_factory.mktemp("progress"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KHCN_ROOT", str(root))
        first = write_progress_report("2026-H1", root / "h1.docx", now=H1_NOW)
        before = pipeline.run(DEFAULT_SCENARIO)
        imported = dep.import_template(fill_template(root), now=IMPORT_NOW)
        second = write_progress_report("2026-H2", root / "h2.docx", now=H2_NOW)
        after = pipeline.run(DEFAULT_SCENARIO)
    return Flow(root, first, second, imported.import_id, before, after)


@pytest.fixture
def project(flow: Flow, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the flow's project after both reports, as the current project."""
    root = clone(flow.root, tmp_path / "project")
    monkeypatch.setenv("KHCN_ROOT", str(root))
    return root


def text_of(path: Path) -> str:
    """Every paragraph and table cell of a .docx, one per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)


def table_with(path: Path, caption: str) -> list[list[str]]:
    """The rows (header first) of the table whose caption contains ``caption``."""
    document = docx.Document(str(path))
    body = document.element.body
    captions = [p for p in document.paragraphs if p.style.name == "Caption" and caption in p.text]
    assert captions, caption
    following = captions[0]._p.getnext()
    table = next(t for t in document.tables if t._tbl is following)
    assert table._tbl in list(body)
    return [[cell.text for cell in row.cells] for row in table.rows]


def judged(results: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(target, year) -> (verdict, grade) of the judge's province rows."""
    att = results.attainment
    att = att[att["scope"] == "province"]
    return {(r["target_id"], int(r["year"])): (str(r.get("verdict", r["status"])), str(r.get("grade") or ""))
            for r in att.to_dict("records")}


# --------------------------------------------------------------------------- the first report


def test_first_report_from_the_shipped_data(flow: Flow):
    report = flow.first
    assert report.previous is None and report.changes is None
    text = text_of(report.docx)
    for words in ("BÁO CÁO", "6 tháng đầu năm 2026", "Kính gửi: Ủy ban nhân dân tỉnh Lai Châu",
                  "định kỳ 6 tháng báo cáo kết quả thực hiện về UBND tỉnh", "I. TÌNH HÌNH THỰC HIỆN CÁC CHỈ TIÊU",
                  "Mốc năm 2015", "Mốc năm 2020", "Mốc năm 2030 (dự báo theo kịch bản)",
                  "II. NHỮNG THAY ĐỔI SO VỚI BÁO CÁO KỲ TRƯỚC", "Đây là báo cáo đầu tiên",
                  "III. KINH PHÍ THỰC HIỆN KẾ HOẠCH", "IV. SỐ LIỆU ĐÃ NHẬN VÀ SỐ LIỆU CÒN THIẾU",
                  "chưa nhập số liệu nào", "PHỤ LỤC", "ĐỀ NGHỊ CUNG CẤP SỐ LIỆU", "GIÁM ĐỐC"):
        assert words in text, words
    for english in ("not_met", "undetermined", "Met", "bn VND", "nan", "None", "assumption:", "laichau."):
        assert english not in text, english
    # every milestone verdict of the judge is in the table, in its words
    rows = table_with(report.docx, "Tình hình các chỉ tiêu")
    verdicts = {row[4] for row in rows[1:]}
    expected = {v for (tid, year), (v, _) in judged(flow.before).items() if year in (2015, 2020, 2030)
                and v != "not_computable"}
    from khcn_analysis.report.progress.texts import verdict_word

    assert verdicts == {verdict_word(v, "vi", long=True) for v in expected}
    att = flow.before.attainment
    if "sentence_vi" in att.columns:  # the judge names the figure that would decide an open verdict
        from khcn_analysis.present.brief.words import lower_first

        open_rows = att[(att["scope"] == "province") & (att["verdict"] == "undetermined")
                        & att["year"].isin([2015, 2020, 2030])]
        assert len(open_rows), "with no Department count the researcher verdicts are undetermined (issue 13)"
        for sentence in open_rows["sentence_vi"]:
            assert lower_first(sentence.strip()) in text, sentence
    snap = read_snapshot(report.snapshot)
    assert snap.period == "2026-H1" and snap.written_at == "2026-06-20T09:00:00"
    assert snap.scenario["name"] == DEFAULT_SCENARIO and "sources.csv" in snap.inputs
    assert snap.department == {"current_import": None, "events": []}


def test_budget_by_phase_and_line_is_the_plan_s(flow: Flow):
    rows = table_with(flow.first.docx, "Kinh phí theo Kế hoạch")
    amounts = {(r[0], r[1]): r[3] for r in rows[1:]}
    assert amounts[("2013–2015", "Dự án tăng cường tiềm lực KH&CN")] == "72,0"
    assert amounts[("2013–2015", "Cộng giai đoạn")] == "124,5"
    assert amounts[("2016–2020", "Đề tài, dự án KH&CN")] == "89,0"
    assert rows[-1][3] == "226,0"
    spending = table_with(flow.first.docx, "số Sở KH&CN ghi nhận đã chi")
    assert [r[2] for r in spending[1:]] == ["chưa có"] * (len(spending) - 1)  # nothing recorded yet
    after = table_with(flow.second.docx, "số Sở KH&CN ghi nhận đã chi")
    assert after[2][0] == "2016–2020" and after[2][2] == "25,0 (2020)"


# --------------------------------------------------------------------------- the annex


def test_the_annex_names_the_agency_the_plan_makes_responsible(flow: Flow):
    links = load_responsibilities(plan=flow.before.plan)
    agencies = {a.id: a for a in flow.before.plan.agencies}
    rows = table_with(flow.first.docx, "Số liệu đề nghị cung cấp")
    assert rows[0] == ["TT", "Số liệu (đơn vị; trang của mẫu biểu)", "Các năm còn thiếu", "Mục đích sử dụng",
                       "Cơ quan chủ trì", "Cơ quan phối hợp"]
    by_figure = {r[1].split(" (")[0]: r for r in rows[1:]}
    for figure, indicator in (("Số cán bộ nghiên cứu khoa học", "researcher_density"),
                              ("Chi ngân sách nhà nước cho KH&CN", "st_budget_share_expenditure"),
                              ("Tốc độ đổi mới công nghệ, thiết bị", "technology_renewal_rate")):
        lead = links.for_indicator(indicator).lead
        assert by_figure[figure][4] == f"{agencies[lead.agency].name_vi} (mục {lead.clause})"
    assert by_figure["Số cán bộ nghiên cứu khoa học"][4] == "Sở Nội vụ (mục D'.II.4)"
    assert by_figure["Chi ngân sách nhà nước cho KH&CN"][4] == "Sở Tài chính (mục D'.II.3)"
    tfp = next(r for f, r in by_figure.items() if f.startswith("Tỷ trọng đóng góp của TFP"))
    assert tfp[2] == "2020–2025" and tfp[4] == "Sở Khoa học và Công nghệ (mục D'.II.1)"
    assert "2020" in by_figure["Số cán bộ nghiên cứu khoa học"][2]
    text = text_of(flow.first.docx)
    assert "Sở Nội vụ (mục D'.II.4): “Chủ trì, phối hợp với Sở Khoa học và Công nghệ" in text
    # after the import, 2020 is no longer asked for
    second = {r[1].split(" (")[0]: r for r in table_with(flow.second.docx, "Số liệu đề nghị cung cấp")[1:]}
    assert "2020" not in second["Số cán bộ nghiên cứu khoa học"][2].split(", ")
    assert "2020" not in second["Chi ngân sách nhà nước cho KH&CN"][2]


# --------------------------------------------------------------------------- the second report


def test_the_second_report_names_exactly_the_import_and_the_verdicts_it_moved(flow: Flow):
    changes = flow.second.changes
    assert flow.second.previous.id == "2026-H1"
    assert [e["import_id"] for e in changes.inputs.department_events] == [flow.import_id]
    assert not changes.inputs.files and not changes.inputs.scenario and not changes.inputs.code
    only_the_import = [Reason("department", (flow.import_id,))]
    # the verdicts that moved are exactly those the judge moved, each put down to the import
    old, new = judged(flow.before), judged(flow.after)
    moved = {key for key in old if old[key] != new[key]}
    assert {(c.target_id, c.year) for c in changes.verdicts} == moved
    assert all(c.reasons == only_the_import for c in changes.verdicts)
    researchers = next(c for c in changes.verdicts if (c.target_id, c.year) == ("researchers_2020", 2020))
    assert researchers.after["verdict"] == "not_met" and researchers.before["verdict"] != "not_met"
    # the values that moved are the imported series and what is computed from them, all for the import
    assert {c.variable for c in changes.values} <= TOUCHED
    assert all(c.reasons == only_the_import for c in changes.values)
    moved_values = {(c.variable, c.year): (c.after or {}).get("value") for c in changes.values}
    assert moved_values[("researchers", 2020)] == 120 and moved_values[("st_budget", 2020)] == 25


def test_the_second_report_says_so_in_words_with_the_date(flow: Flow):
    text = text_of(flow.second.docx)
    for words in ("6 tháng cuối năm 2026", "So với báo cáo 6 tháng đầu năm 2026 (lập ngày 20/06/2026)",
                  f"Ngày 15/09/2026, {FILLER}, {ORGANISATION} nhập 2 số liệu", DOC_PEOPLE, DOC_MONEY,
                  "Số liệu Sở KH&CN nhập ngày 15/09/2026"):
        assert words in text, words
    for other in ("Số liệu công bố mới", "Thay đổi giả định", "Thay đổi kịch bản", "Cập nhật phương pháp",
                  "Đây là báo cáo đầu tiên"):
        assert other not in text, other
    verdicts = table_with(flow.second.docx, "Các kết luận thay đổi")
    row = next(r for r in verdicts[1:] if r[1] == "Cán bộ nghiên cứu/vạn dân" and r[0] == "2020")
    assert row[3].startswith("Chưa đạt") and row[4] == "Số liệu Sở KH&CN nhập ngày 15/09/2026"
    values = table_with(flow.second.docx, "Các số liệu chính thay đổi")
    researchers = next(r for r in values[1:] if r[0] == "Số cán bộ nghiên cứu khoa học" and r[1] == "2020")
    assert researchers[3].startswith("120 người") and researchers[4] == "Số liệu Sở KH&CN nhập ngày 15/09/2026"
    imports = table_with(flow.second.docx, "Các lần nhập số liệu trong kỳ")
    assert imports[1] == ["15/09/2026", f"{FILLER}, {ORGANISATION}", f"{DOC_MONEY}; {DOC_PEOPLE}", "2", "Có"]


def test_a_later_report_with_no_new_input_says_nothing_changed_and_since_reaches_back(project: Path, tmp_path):
    later = write_progress_report("2027-H1", tmp_path / "h3.docx", now=datetime(2027, 1, 10, 9, 0))
    assert later.previous.id == "2026-H2"
    assert not later.changes.verdicts and not later.changes.values and not later.changes.inputs.any
    assert "Không có số liệu, giả định hay kịch bản nào thay đổi" in text_of(later.docx)
    back = write_progress_report("2027-H1", tmp_path / "h3b.docx", since="2026-H1", replace=True,
                                 now=datetime(2027, 1, 11, 9, 0))
    assert back.previous.id == "2026-H1" and back.backup is not None
    assert [e["import_id"] for e in back.changes.inputs.department_events]
    assert "So với báo cáo 6 tháng đầu năm 2026" in text_of(back.docx)


# --------------------------------------------------------------------------- no overwrite, the command


def test_a_period_already_reported_is_refused_unless_replace(project: Path, tmp_path, monkeypatch, capsys):
    snapshot = project / "reports" / "progress" / "2026-H2" / "snapshot.json"
    kept = snapshot.read_bytes()
    with pytest.raises(AlreadyReported):
        write_progress_report("2026-H2", tmp_path / "again.docx", now=datetime(2026, 12, 20))
    assert snapshot.read_bytes() == kept and not (tmp_path / "again.docx").exists()
    monkeypatch.setattr("khcn_analysis.report.progress.periods.now", lambda: datetime(2026, 12, 20, 8, 30))
    out = tmp_path / "lai.docx"
    assert main(["progress", "--period", "2026-H2", "--out", str(out)]) == 2
    assert "--replace" in capsys.readouterr().err and not out.exists()
    assert main(["progress", "--period", "2026-H2", "--out", str(out), "--replace"]) == 0
    printed = capsys.readouterr().out
    backup = snapshot.with_name("snapshot-replaced-20261220T083000.json")
    assert backup.read_bytes() == kept and str(backup) in printed and str(out) in printed
    assert json.loads(snapshot.read_text(encoding="utf-8"))["written_at"] == "2026-12-20T08:30:00"


def test_since_must_name_an_earlier_report(project: Path, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("khcn_analysis.report.progress.periods.now", lambda: datetime(2027, 2, 1))
    out = str(tmp_path / "x.docx")
    assert main(["progress", "--period", "2027-H1", "--out", out, "--since", "2025-H2"]) == 2
    assert "2025-H2, which has no report" in capsys.readouterr().err
    assert main(["progress", "--period", "2026-H2", "--out", out, "--since", "2026-H2", "--replace"]) == 2
    assert "a period before 2026-H2" in capsys.readouterr().err


@pytest.fixture
def no_libreoffice(monkeypatch):
    """The scheduled run as on a machine without LibreOffice: the .docx only (the PDF: the system test)."""
    monkeypatch.setattr("khcn_analysis.present.brief.find_soffice", lambda: None)


def test_the_scheduled_run_writes_the_current_period_once(project: Path, no_libreoffice):
    report = scheduled_report(now=datetime(2027, 6, 15, 6, 0), build=False)
    folder = project / "reports" / "progress" / "2027-H1"
    assert report.docx == folder / "bao-cao-6-thang-2027-H1.docx" and report.snapshot == folder / "snapshot.json"
    assert report.pdf is None and not list(folder.glob("*.pdf"))
    assert scheduled_report(now=datetime(2027, 6, 16, 6, 0), build=False) is None


def test_a_late_scheduled_run_reports_the_half_year_it_missed(project: Path, no_libreoffice):
    shutil.rmtree(project / "reports" / "progress" / "2026-H2")  # the 15 December run never happened
    late = scheduled_report(now=datetime(2027, 1, 3, 6, 0), build=False)
    assert late.period.id == "2026-H2" and late.previous.id == "2026-H1"
    assert scheduled_report(now=datetime(2027, 1, 4, 6, 0), build=False).period.id == "2027-H1"


def test_the_batch_report_writes_the_current_period_on_schedule(project: Path, tmp_path, monkeypatch, capsys):
    from types import SimpleNamespace

    monkeypatch.setattr("khcn_analysis.report.batch.run_reports", lambda *a, **k: SimpleNamespace(exit_code=0))
    monkeypatch.setattr("khcn_analysis.present.brief.find_soffice", lambda: None)
    monkeypatch.setattr("khcn_analysis.report.progress.periods.now", lambda: datetime(2027, 6, 15, 6, 0))
    out = tmp_path / "reports"
    assert main(["report", "--all", "--progress", "--out", str(out)]) == 0
    written = out / "progress" / "2027-H1" / "bao-cao-6-thang-2027-H1.docx"
    assert written.is_file() and str(written) in capsys.readouterr().err
    assert "6 tháng đầu năm 2027" in text_of(written)
    assert main(["report", "--all", "--progress", "--out", str(out)]) == 0  # the timer fires again: left as is
    assert "đã có" in capsys.readouterr().err
    assert [p.name for p in (out / "progress").iterdir()] == ["2027-H1"]


def test_the_english_report(flow: Flow, project: Path, tmp_path):
    report = write_progress_report("2026-H2", tmp_path / "en.docx", lang="en", replace=True, now=H2_NOW)
    text = text_of(report.docx)
    for words in ("REPORT", "the second half of 2026", "WHERE EACH TARGET STANDS", "ANNEX", "REQUEST FOR DATA",
                  "Department of Home Affairs (D'.II.4)"):
        assert words in text, words
    for vietnamese in ("Chưa đạt", "tỷ đồng", "Kính gửi"):
        assert vietnamese not in text, vietnamese


# --------------------------------------------------------------------------- through LibreOffice


@pytest.mark.system
@pytest.mark.slow
def test_the_report_opens_in_libreoffice_and_its_pdf_holds_period_verdicts_and_changes(
        flow: Flow, soffice_writer, pdftotext, pdftoppm):
    from khcn_analysis.present.brief import to_pdf

    pdf = to_pdf(flow.second.docx, flow.second.docx.with_suffix(".pdf"), soffice=soffice_writer)
    text = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=60).stdout  # reading order: a table cell's lines stay together
    flat = " ".join(text.split())
    for words in ("6 tháng cuối năm 2026", "Chưa đạt", "Mốc năm 2020", "Số liệu Sở KH&CN nhập ngày 15/09/2026",
                  "Ngày 15/09/2026", FILLER, "Sở Nội vụ (mục D'.II.4)", "PHỤ LỤC"):
        assert words in flat, words
    first = to_pdf(flow.first.docx, flow.first.docx.with_suffix(".pdf"), soffice=soffice_writer)
    first_text = " ".join(subprocess.run([pdftotext, str(first), "-"], capture_output=True, text=True, check=True,
                                         timeout=60).stdout.split())
    for words in ("6 tháng đầu năm 2026", "Đây là báo cáo đầu tiên", "Sở Tài chính (mục D'.II.3)"):
        assert words in first_text, words
    # pages to look at (tests/artifacts/, git-ignored)
    artifacts = ROOT / "tests" / "artifacts" / "progress"
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("bao-cao-*.png"):
        old.unlink()
    for name, source in (("bao-cao-2026-H1", first), ("bao-cao-2026-H2", pdf)):
        subprocess.run([pdftoppm, "-r", "70", "-png", str(source), str(artifacts / name)], check=True, timeout=120)
        pages = sorted(artifacts.glob(f"{name}-*.png"))
        assert len(pages) >= 4 and all(p.stat().st_size > 3_000 for p in pages)  # no blank page
