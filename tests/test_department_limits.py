"""Bounded input: hostile workbooks are refused with exit 2 before openpyxl does unbounded work.

The cases of issue 15.8: an 18 KB workbook with one blank cell at row 1,048,576 (ran for
over 300 s), 20,000 duplicate rows (165 s, a 3.6 MB error), a 1 MB zip bomb (~1 GB of
memory, then accepted). The work is bounded by construction (size caps before parsing,
sheet extents before reading cells); these tests check the caps and the clear refusal,
never a wall-clock time.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill

from khcn_analysis.cli import main
from khcn_analysis.core.errors import MAX_REPORTED, InputError, InputErrors
from khcn_analysis.data import department as dep
from khcn_analysis.data.department import limits

MONEY, GUIDE = "Kinh phí KH&CN", "Hướng dẫn"
ROW = dep.FIRST_DATA_ROW + 2020 - dep.FIRST_YEAR
GOOD = {(GUIDE, "B4"): "Nguyễn Văn A", (GUIDE, "B5"): "Sở KH&CN Lai Châu", (GUIDE, "B6"): datetime(2025, 3, 15),
        (MONEY, f"B{ROW}"): 12.5, (MONEY, f"G{ROW}"): "Báo cáo quyết toán 2020"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dep.write_template(tmp_path_factory.mktemp("tpl") / "mau.xlsx")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path / "project"))
    return tmp_path / "project"


def _filled(template: Path, out: Path, edit=None) -> Path:
    wb = load_workbook(template)
    for (sheet, coord), value in GOOD.items():
        wb[sheet][coord].value = value
    if edit:
        edit(wb)
    wb.save(out)
    return out


def _refused(path: Path, capsys: pytest.CaptureFixture, project: Path, *words: str) -> str:
    assert main(["data", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    for word in words:
        assert word in err, (word, err[:2000])
    assert not (project / "data" / "raw" / "department").exists()  # nothing stored
    return err


def test_a_blank_cell_at_the_last_excel_row_is_refused_before_reading_cells(template, tmp_path, capsys, project):
    def far_cell(wb):
        wb[MONEY].cell(1_048_576, 2).fill = PatternFill("solid", fgColor="FFFF00")  # blank, styled

    path = _filled(template, tmp_path / "xa.xlsx", far_cell)
    assert path.stat().st_size < 40_000
    err = _refused(path, capsys, project, "row 1,048,576", MONEY, f"at most {limits.MAX_ROWS} rows", "Ctrl+End")
    assert err.count("\n") < 5


def test_twenty_thousand_duplicate_rows_give_one_short_message(template, tmp_path, capsys, project):
    def paste(wb):
        ws = wb[MONEY]
        for row in range(dep.FIRST_DATA_ROW, dep.FIRST_DATA_ROW + 20_000):
            ws.cell(row, 1, 2020)
            ws.cell(row, 2, 12.5)
            ws.cell(row, 7, "Báo cáo")

    path = _filled(template, tmp_path / "dup.xlsx", paste)
    err = _refused(path, capsys, project, "row 20,003", MONEY)
    assert len(err) < 2_000


def _bomb(template: Path, out: Path, unpacked: int) -> Path:
    """The template with a sheet padded by ``unpacked`` bytes of XML whitespace (packs to ~1/1000)."""
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * unpacked, 1)
            dst.writestr(item.filename, data)
    return out


def test_a_zip_bomb_is_refused_before_it_is_unpacked(template, tmp_path, capsys, project):
    path = _bomb(template, tmp_path / "bomb.xlsx", 200_000_000)
    assert path.stat().st_size < 1_000_000
    _refused(path, capsys, project, "unpack to 200,0", "bomb.xlsx")


def test_a_padded_but_small_workbook_still_imports(template, tmp_path, capsys, project):
    """The caps leave room: a workbook a few MB bigger than the template is not a bomb."""
    path = _bomb(template, tmp_path / "padded.xlsx", 2_000_000)
    wb = load_workbook(path)
    for (sheet, coord), value in GOOD.items():
        wb[sheet][coord].value = value
    wb.save(path)
    assert main(["data", "import", str(path)]) == 0, capsys.readouterr().err


def test_a_file_larger_than_the_cap_is_not_read(tmp_path, capsys, project):
    path = tmp_path / "big.xlsx"
    with path.open("wb") as handle:
        handle.seek(limits.MAX_FILE_BYTES + 10)
        handle.write(b"\0")
    _refused(path, capsys, project, f"{limits.MAX_FILE_BYTES + 11:,} bytes")


def test_too_many_zip_members(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for i in range(limits.MAX_MEMBERS + 1):
            z.writestr(f"m{i}.xml", "<a/>")
    path = tmp_path / "many.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputErrors, match=f"{limits.MAX_MEMBERS + 1:,} members"):
        limits.read_bounded(path)


def test_error_messages_list_fifty_problems_then_a_count():
    errors = [InputError("f.xlsx", f"cell B{i}", "x", "a number") for i in range(20_000)]
    text = str(InputErrors(errors, what="f.xlsx"))
    assert text.count("\n  - ") == MAX_REPORTED
    assert f"and {20_000 - MAX_REPORTED} more problem(s)" in text
    assert len(text) < 10_000
