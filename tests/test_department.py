"""The department's input template: written, filled, imported; every bad input refused whole."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from khcn_analysis.cli import main
from khcn_analysis.core.errors import InputErrors, KhcnError
from khcn_analysis.data import department as dep

TODAY = date(2025, 3, 20)
MONEY, PEOPLE, TRACKED, GUIDE = "Kinh phí KH&CN", "Nhân lực KH&CN", "Chỉ tiêu theo dõi", "Hướng dẫn"


def row_of(year: int) -> int:
    return dep.FIRST_DATA_ROW + year - dep.FIRST_YEAR


R2020, R2021 = row_of(2020), row_of(2021)

#: A correctly filled template: (sheet, cell) -> value.
GOOD: dict[tuple[str, str], object] = {
    (GUIDE, "B4"): "Nguyễn Văn A",
    (GUIDE, "B5"): "Sở KH&CN Lai Châu",
    (GUIDE, "B6"): datetime(2025, 3, 15),
    (MONEY, f"B{R2020}"): 12.5,
    (MONEY, f"D{R2020}"): 11177.174,
    (MONEY, f"F{R2020}"): 4.2,
    (MONEY, f"G{R2020}"): "Báo cáo quyết toán NSĐP năm 2020, Biểu 62",
    (MONEY, f"H{R2020}"): "số đã kiểm toán",
    (MONEY, f"B{R2021}"): 14,
    (MONEY, f"G{R2021}"): "Báo cáo 15/BC-SKHCN ngày 10/01/2022",
    (PEOPLE, f"B{R2020}"): 85,
    (PEOPLE, f"C{R2020}"): 40.5,
    (PEOPLE, f"D{R2020}"): "Thống kê KH&CN 2020",
    (TRACKED, f"B{R2021}"): 25.5,
    (TRACKED, f"C{R2021}"): 12,
    (TRACKED, f"D{R2021}"): 3,
    (TRACKED, f"E{R2021}"): 1,
    (TRACKED, f"F{R2021}"): "Niên giám thống kê 2021",
}

#: (variable, year) -> (value as stored, unit, basis, quote)
EXPECTED = {
    ("st_budget", 2020): ("12.5", "billion VND", "current", f"{MONEY}!B{R2020}"),
    ("budget_expenditure", 2020): ("11177.174", "billion VND", "current", f"{MONEY}!D{R2020}"),
    ("st_fund_contribution", 2020): ("4.2", "billion VND", "current", f"{MONEY}!F{R2020}"),
    ("st_budget", 2021): ("14", "billion VND", "current", f"{MONEY}!B{R2021}"),
    ("researchers", 2020): ("85", "persons", "headcount", f"{PEOPLE}!B{R2020}"),
    ("researchers_fte", 2020): ("40.5", "persons", "FTE", f"{PEOPLE}!C{R2020}"),
    ("tfp_contribution_growth", 2021): ("25.5", "%", "n/a", f"{TRACKED}!B{R2021}"),
    ("technology_renewal_rate", 2021): ("12", "% per year", "n/a", f"{TRACKED}!C{R2021}"),
    ("national_brand_products", 2021): ("3", "products", "n/a", f"{TRACKED}!D{R2021}"),
    ("techmart_held", 2021): ("1", "events", "n/a", f"{TRACKED}!E{R2021}"),
}


@pytest.fixture(scope="module")
def written_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template as ``write_template`` writes it, once per module (read only)."""
    return dep.write_template(tmp_path_factory.mktemp("tpl") / "mau.xlsx")


@pytest.fixture
def template(written_template: Path, tmp_path: Path) -> Path:
    """A test's own copy of the written template (byte for byte), to fill, overwrite or import."""
    return Path(shutil.copyfile(written_template, tmp_path / "mau.xlsx"))


def fill(template: Path, out: Path, edits: dict, *, base: dict | None = GOOD, as_text=()) -> Path:
    """Copy ``template`` to ``out`` with ``base`` then ``edits`` written; None clears a cell.

    Cells listed in ``as_text`` are stored as text even if they start with '='.
    """
    wb = load_workbook(template)
    for (sheet, coord), value in {**(base or {}), **edits}.items():
        cell = wb[sheet][coord]
        cell.value = value
        if (sheet, coord) in as_text:
            cell.data_type = "s"
    wb.save(out)
    return out


def stored_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def files_in(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- the template


def test_template_has_sheets_headers_validations_and_instructions(template: Path):
    wb = load_workbook(template)
    assert wb.sheetnames == [GUIDE, MONEY, PEOPLE, TRACKED, "_khcn"]
    assert wb["_khcn"].sheet_state == "hidden"
    assert wb["_khcn"]["B1"].value == dep.TEMPLATE_ID
    assert wb["_khcn"]["B2"].value == dep.TEMPLATE_VERSION

    guide = wb[GUIDE]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    for phrase in ("tỷ đồng, giá hiện hành", "ô dạng số", "0 đến 100", "đã được kiểm tra",
                   "khcn data import", "không nhập gì cả", "không bao giờ bị ghi đè", "ưu tiên"):
        assert phrase.lower() in text.lower(), phrase
    assert [guide[f"A{r}"].value for r in (4, 5, 6)] == [
        "Họ và tên người điền", "Cơ quan, đơn vị", "Ngày điền (ngày/tháng/năm)"]
    assert [dv.type for dv in guide.data_validations.dataValidation] == ["date"]

    money = wb[MONEY]
    headers = [money.cell(dep.HEADER_ROW, c).value for c in range(1, 9)]
    assert headers[0] == "Năm"
    assert headers[1] == "Chi ngân sách nhà nước cho KH&CN\n(tỷ đồng, giá hiện hành)"
    assert all("(tỷ đồng, giá hiện hành)" in h for h in headers[1:6])
    assert headers[6].startswith("Nguồn số liệu") and headers[7] == "Ghi chú"
    assert [money.cell(dep.CODE_ROW, c).value for c in range(2, 7)] == [
        "st_budget", "st_investment", "budget_expenditure", "budget_revenue_local",
        "st_fund_contribution"]
    assert money.row_dimensions[dep.CODE_ROW].hidden
    assert money.freeze_panes == f"B{dep.FIRST_DATA_ROW}"
    assert [money[f"A{row_of(y)}"].value for y in (2010, 2030)] == [2010, 2030]
    assert all(money.column_dimensions[c].width >= 9 for c in "ABCDEFGH")

    people = wb[PEOPLE]
    assert "(người, số người thực tế)" in people["B2"].value
    assert "FTE" in people["C2"].value
    tracked = wb[TRACKED]
    assert "TFP" in tracked["B2"].value and "%, từ 0 đến 100" in tracked["B2"].value
    assert "Techmart" in tracked["E2"].value

    def rules(ws):
        return {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}

    year = rules(money)[f"A{dep.FIRST_DATA_ROW}"]
    assert (year.type, year.operator, year.formula1, year.formula2) == (
        "whole", "between", "2010", "2030")
    assert year.showErrorMessage and "2010" in year.error and year.errorTitle == "Năm không hợp lệ"
    amount = rules(money)[f"B{dep.FIRST_DATA_ROW}"]
    assert (amount.type, amount.operator, amount.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert amount.showInputMessage and "tỷ đồng" in amount.prompt and "không âm" in amount.error
    headcount = rules(people)[f"B{dep.FIRST_DATA_ROW}"]
    assert (headcount.type, headcount.formula1) == ("whole", "0")
    share = rules(tracked)[f"B{dep.FIRST_DATA_ROW}"]
    assert (share.type, share.operator, share.formula1, share.formula2) == (
        "decimal", "between", "0", "100")
    assert "0 đến 100" in share.error
    count = rules(tracked)[f"D{dep.FIRST_DATA_ROW}"]
    assert (count.type, count.operator) == ("whole", "greaterThanOrEqual")
    for dv in [*money.data_validations.dataValidation, *tracked.data_validations.dataValidation]:
        assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 255


def test_template_in_english(tmp_path: Path):
    path = dep.write_template(tmp_path / "t.xlsx", lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Instructions", "S&T money", "S&T personnel", "Tracked targets", "_khcn"]
    assert wb["S&T money"]["B2"].value == "State budget spending on S&T\n(billion VND, current prices)"


def test_template_never_replaces_an_existing_file(template: Path):
    before = template.read_bytes()
    with pytest.raises(KhcnError, match="already exists"):
        dep.write_template(template)
    assert template.read_bytes() == before
    dep.write_template(template, overwrite=True)
    assert load_workbook(template).sheetnames[0] == GUIDE


# --------------------------------------------------------------------------- round trip


def test_round_trip_stores_the_figures_with_units_and_provenance(template: Path, tmp_path: Path):
    filled = fill(template, tmp_path / "filled.xlsx", {})
    raw = tmp_path / "raw"
    stored = dep.import_filled_template(filled, raw_dir=raw, today=TODAY)

    assert stored.parent == raw / "department"
    assert re.fullmatch(r"2025-03-20-\d{6}-[0-9a-f]{8}\.csv", stored.name)
    header, rows = stored_rows(stored)
    assert tuple(header) == dep.SOURCE_COLUMNS and len(header) == 15
    got = {(r["variable"], int(r["year"])): r for r in rows}
    assert set(got) == set(EXPECTED)
    import_id = stored.stem
    for (variable, year), (value, unit, basis, quote) in EXPECTED.items():
        row = got[(variable, year)]
        assert (row["value"], row["unit"], row["basis"], row["quote"]) == (value, unit, basis, quote)
        assert row["fact_id"] == f"department.{import_id}.{variable}.{year}"
        assert row["geography"] == "Lai Châu" and row["period"] == ""
        assert (row["kind"], row["qualifier"], row["source_quality"]) == ("outturn", "exact", "department")
        assert row["source_url"] == "file:filled.xlsx"
        assert row["source_name"] == "Sở KH&CN Lai Châu (nhập ngày 2025-03-20)"
        assert "Nguyễn Văn A" in row["note"] and "15/03/2025" in row["note"]
    assert got[("st_budget", 2020)]["note"].startswith(
        "Nguồn: Báo cáo quyết toán NSĐP năm 2020, Biểu 62. Ghi chú: số đã kiểm toán.")
    assert not stored.read_bytes().startswith(b"\xef\xbb\xbf")


def test_stored_file_passes_the_raw_data_validator(template: Path, tmp_path: Path):
    sources = pytest.importorskip("khcn_analysis.data.sources")
    stored = dep.import_filled_template(
        fill(template, tmp_path / "f.xlsx", {}), raw_dir=tmp_path / "raw", today=TODAY)
    frame = sources.read_department_dir(stored.parent)
    assert len(frame) == len(EXPECTED)
    assert frame.set_index(["variable", "year"]).loc[("researchers_fte", 2020), "value"] == 40.5


def test_english_template_round_trip(tmp_path: Path):
    template = dep.write_template(tmp_path / "t.xlsx", lang="en")
    edits = {("Instructions", "B4"): "A", ("Instructions", "B5"): "DOST",
             ("Instructions", "B6"): datetime(2025, 1, 2),
             ("S&T personnel", f"B{R2020}"): 7, ("S&T personnel", f"D{R2020}"): "report 1"}
    stored = dep.import_filled_template(fill(template, tmp_path / "f.xlsx", edits, base=None),
                                        raw_dir=tmp_path / "raw", today=TODAY)
    _, rows = stored_rows(stored)
    assert [(r["variable"], r["year"], r["value"], r["quote"]) for r in rows] == [
        ("researchers", "2020", "7", f"S&T personnel!B{R2020}")]


def test_formula_takes_the_value_excel_saved(template: Path, tmp_path: Path):
    filled = fill(template, tmp_path / "f.xlsx", {(MONEY, f"C{R2020}"): "=10+2.5"})
    # Give the formula the cached result a spreadsheet program would have saved.
    patched = tmp_path / "cached.xlsx"
    with zipfile.ZipFile(filled) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                # openpyxl writes an empty value as <v /> or, with lxml installed, <v></v>
                data = re.sub(rb"<f>10\+2\.5</f><v\s*/>|<f>10\+2\.5</f><v></v>",
                              b"<f>10+2.5</f><v>12.5</v>", data)
                assert b"<f>10+2.5</f><v>12.5</v>" in data
            dst.writestr(item, data)
    stored = dep.import_filled_template(patched, raw_dir=tmp_path / "raw", today=TODAY)
    row = next(r for r in stored_rows(stored)[1] if r["variable"] == "st_investment")
    assert row["value"] == "12.5"
    assert "công thức =10+2.5" in row["note"]


def test_user_text_is_never_stored_as_a_formula(template: Path, tmp_path: Path):
    edits = {(MONEY, f"G{R2020}"): "=HYPERLINK(\"http://x\")", (MONEY, f"H{R2020}"): "+1+2",
             (GUIDE, "B4"): "@SUM(A1)", (GUIDE, "B5"): "-org"}
    filled = fill(template, tmp_path / "=evil.xlsx", edits, as_text=set(edits))
    stored = dep.import_filled_template(filled, raw_dir=tmp_path / "raw", today=TODAY)
    _, rows = stored_rows(stored)
    assert any('Nguồn: =HYPERLINK("http://x")' in r["note"] for r in rows)
    for row in rows:
        for name, text in row.items():
            assert not text.startswith(("=", "+", "-", "@", "\t", "\r")), (name, text)


def test_safe_text_quotes_formula_starts():
    assert [dep.safe_text(t) for t in ("=1+1", "+1", "-x", "@A1", "\tx", "ok", "")] == [
        "'=1+1", "'+1", "'-x", "'@A1", "'\tx", "ok", ""]


# --------------------------------------------------------------------------- versions: re-import, history, revert


def _csvs(raw: Path) -> list[Path]:
    return sorted((raw / "department").glob("*.csv"))


def test_reimport_is_a_new_version_that_takes_precedence(template: Path, tmp_path: Path):
    """Import A, then B, then A again: A is in force (it used to be "already imported", B stayed)."""
    from khcn_analysis.data.imports import current_import

    raw = tmp_path / "raw"
    a = fill(template, tmp_path / "a.xlsx", {})
    b = fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0})
    first = dep.import_template(a, raw_dir=raw, today=TODAY)
    second = dep.import_template(b, raw_dir=raw, today=TODAY)
    third = dep.import_template(a, raw_dir=raw, today=TODAY)
    assert first.created and second.created and third.created
    assert len({first.import_id, second.import_id, third.import_id}) == 3
    assert third.same_as == first.import_id and second.same_as is None
    assert _csvs(raw) == sorted([first.path, second.path, third.path])  # names sort in event order
    assert current_import(raw / "department") == third.import_id
    assert stored_rows(third.path)[1][0]["value"] == stored_rows(first.path)[1][0]["value"]


def test_import_never_overwrites_an_earlier_file(template: Path, tmp_path: Path):
    from khcn_analysis.data.imports import write_new_file

    raw = tmp_path / "raw"
    first = dep.import_filled_template(fill(template, tmp_path / "a.xlsx", {}), raw_dir=raw, today=TODAY)
    before = first.read_bytes()
    second = dep.import_filled_template(
        fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0}), raw_dir=raw, today=TODAY)
    assert second != first and second.name.startswith("2025-03-20-")
    assert first.read_bytes() == before
    # Even the low-level writer refuses an existing name.
    with pytest.raises(KhcnError, match="never overwrites"):
        write_new_file(first, "x")
    assert first.read_bytes() == before
    assert not [p for p in (raw / "department").iterdir() if p.name.startswith(".")]  # no temp file left


def test_history_lists_who_what_file_hash_and_the_current_import(template: Path, tmp_path: Path):
    import hashlib

    raw = tmp_path / "raw"
    a = fill(template, tmp_path / "a.xlsx", {})
    b = fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0, (GUIDE, "B4"): "Trần Thị B"})
    first = dep.import_template(a, raw_dir=raw, today=TODAY)
    second = dep.import_template(b, raw_dir=raw, today=TODAY)
    rows = dep.history(raw)
    assert [(r.kind, r.import_id, r.current) for r in rows] == [
        ("import", first.import_id, False), ("import", second.import_id, True)]
    assert rows[0].filled_by == "Nguyễn Văn A, Sở KH&CN Lai Châu"
    assert rows[1].filled_by.startswith("Trần Thị B")
    assert "Báo cáo quyết toán NSĐP năm 2020, Biểu 62" in rows[0].documents
    assert rows[0].file == "a.xlsx" and rows[0].file_sha256 == hashlib.sha256(a.read_bytes()).hexdigest()
    assert rows[0].figures == len(EXPECTED)
    text = dep.history_text(rows, "vi")
    assert "Người điền: Nguyễn Văn A" in text and "✔ hiện hành" in text and first.import_id in text
    assert "Filled in by: Trần Thị B" in dep.history_text(rows, "en")


def test_history_of_an_import_without_its_record(template: Path, tmp_path: Path):
    """Imports stored before the JSON record existed: who and which documents come from the notes."""
    raw = tmp_path / "raw"
    stored = dep.import_template(fill(template, tmp_path / "a.xlsx", {}), raw_dir=raw, today=TODAY)
    stored.path.with_suffix(".json").unlink()
    (row,) = dep.history(raw)
    assert row.current and row.filled_by.startswith("Nguyễn Văn A, Sở KH&CN Lai Châu, ngày 15/03/2025")
    assert set(row.documents) == {"Báo cáo quyết toán NSĐP năm 2020, Biểu 62", "Báo cáo 15/BC-SKHCN ngày 10/01/2022",
                                  "Thống kê KH&CN 2020", "Niên giám thống kê 2021"}
    assert row.figures == len(EXPECTED) and row.file_sha256 == ""


def test_revert_makes_an_earlier_import_current_without_deleting(template: Path, tmp_path: Path):
    from khcn_analysis.data.imports import current_import

    raw = tmp_path / "raw"
    first = dep.import_template(fill(template, tmp_path / "a.xlsx", {}), raw_dir=raw, today=TODAY)
    second = dep.import_template(fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0}),
                                 raw_dir=raw, today=TODAY)
    before = {p: p.read_bytes() for p in (raw / "department").iterdir()}
    import_id, event = dep.revert(first.import_id[:22], raw)  # an unambiguous beginning is enough
    assert import_id == first.import_id and event is not None and event.kind == "revert"
    assert current_import(raw / "department") == first.import_id
    after = {p: p.read_bytes() for p in (raw / "department").iterdir()}
    assert {p: after[p] for p in before} == before  # nothing changed or deleted
    assert set(after) - set(before) == {raw / "department" / f"{event.event_id}.json"}
    assert event.event_id > second.import_id  # recorded after the import it undoes
    # reverting to the current import records nothing
    assert dep.revert(first.import_id, raw) == (first.import_id, None)
    assert len(list((raw / "department").iterdir())) == len(after)
    rows = dep.history(raw)
    assert [r.kind for r in rows] == ["import", "import", "revert"]
    assert [r.current for r in rows] == [True, False, False]
    # a later import is current again
    third = dep.import_template(fill(template, tmp_path / "c.xlsx", {(MONEY, f"B{R2020}"): 15.0}),
                                raw_dir=raw, today=TODAY)
    assert current_import(raw / "department") == third.import_id


def test_revert_to_an_unknown_import_is_refused(template: Path, tmp_path: Path):
    raw = tmp_path / "raw"
    dep.import_template(fill(template, tmp_path / "a.xlsx", {}), raw_dir=raw, today=TODAY)
    dep.import_template(fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0}), raw_dir=raw,
                        today=TODAY)
    with pytest.raises(KhcnError, match="khcn data history"):
        dep.revert("2019-01-01", raw)
    with pytest.raises(KhcnError, match="matches 2 imports"):
        dep.revert("2025-03-20", raw)


def test_build_uses_the_current_import_only(template: Path, tmp_path: Path):
    """A, B, A again, then revert to B: the build follows each step; superseded rows stay in facts.csv."""
    import pandas as pd

    from khcn_analysis.data.build import build_processed

    raw = shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "raw", tmp_path / "raw")
    shutil.rmtree(raw / "department", ignore_errors=True)
    a = fill(template, tmp_path / "a.xlsx", {})
    b = fill(template, tmp_path / "b.xlsx", {(MONEY, f"B{R2020}"): 13.0, (PEOPLE, f"B{R2020}"): None,
                                             (PEOPLE, f"C{R2020}"): None, (PEOPLE, f"D{R2020}"): None})

    def st_budget_2020(step: str) -> tuple[float, float | None]:
        build_processed(raw_dir=raw, processed_dir=tmp_path / step)
        obs = pd.read_csv(tmp_path / step / "observations.csv")
        pick = obs[(obs.region == "Lai Chau") & (obs.year == 2020)].set_index("variable")
        researchers = pick.loc["researchers", "value"] if "researchers" in pick.index else None
        return pick.loc["st_budget", "value"], researchers

    dep.import_template(a, raw_dir=raw, today=TODAY)
    assert st_budget_2020("a") == (12.5, 85)
    second = dep.import_template(b, raw_dir=raw, today=TODAY)
    assert st_budget_2020("b") == (13.0, None)  # B's figures only: A's researchers are not kept
    dep.import_template(a, raw_dir=raw, today=TODAY)
    assert st_budget_2020("a2") == (12.5, 85)
    dep.revert(second.import_id, raw)
    assert st_budget_2020("b2") == (13.0, None)
    facts = pd.read_csv(tmp_path / "b2" / "facts.csv", keep_default_na=False)
    dept = facts[facts.source_quality == "department"]
    used = dept[dept.disposition == "observation"]
    assert set(used.raw_file) == {f"{second.import_id}.csv"}
    superseded = dept[dept.raw_file != f"{second.import_id}.csv"]
    assert len(superseded) == 2 * len(EXPECTED)
    assert (superseded.disposition == "excluded").all()
    assert superseded.reason.str.contains(second.import_id).all()


# --------------------------------------------------------------------------- bad input


def _errors(path: Path, raw: Path) -> list:
    with pytest.raises(InputErrors) as info:
        dep.import_filled_template(path, raw_dir=raw, today=TODAY)
    assert not raw.exists() or files_in(raw) == [], "nothing may be written on error"
    return info.value.errors


def _where(errors: list) -> list[str]:
    return [f"{e.location} | {e.found} | {e.expected} | {e.hint}" for e in errors]


CELL_CASES = {
    "text in a number cell": ({(MONEY, f"B{R2020}"): "mười hai"}, MONEY, f"B{R2020}",
                              "text 'mười hai'", "in a number cell"),
    "decimal comma as text": ({(MONEY, f"B{R2020}"): "1,5"}, MONEY, f"B{R2020}",
                              "decimal comma typed as text", "number"),
    "thousands dots as text": ({(MONEY, f"D{R2020}"): "1.500"}, MONEY, f"D{R2020}",
                               "thousands separators", "number"),
    "negative amount": ({(MONEY, f"C{R2020}"): -3}, MONEY, f"C{R2020}", "-3", ">= 0"),
    "share over 100": ({(TRACKED, f"B{R2021}"): 120}, TRACKED, f"B{R2021}", "120", "0 to 100"),
    "fractional count": ({(PEOPLE, f"B{R2020}"): 85.5}, PEOPLE, f"B{R2020}", "85.5", "whole number"),
    "year outside 2010-2030": ({(MONEY, f"A{R2020}"): 2040}, MONEY, f"A{R2020}", "2040",
                               "from 2010 to 2030"),
    "year as text": ({(PEOPLE, f"A{R2020}"): "2020"}, PEOPLE, f"A{R2020}", "text '2020'", "year"),
    "year entered twice": ({(MONEY, f"A{R2021}"): 2020}, MONEY, f"A{R2021}", "year 2020 again",
                           "each year once"),
    "value with no year": ({(PEOPLE, f"A{R2020}"): None}, PEOPLE, f"A{R2020}", "empty year cell",
                           "the year"),
    "missing source": ({(TRACKED, f"F{R2021}"): None}, TRACKED, f"F{R2021}", "no source",
                       "the document"),
    "formula without a saved value": ({(MONEY, f"C{R2020}"): "=B14*2"}, MONEY, f"C{R2020}",
                                      "formula =B14*2 with no saved value", "calculated and saved"),
    "value outside the columns": ({(MONEY, f"J{R2020}"): 7}, MONEY, f"J{R2020}", "7",
                                  "nothing right of the Note column"),
    "moved column": ({(MONEY, "C3"): "budget_expenditure"}, MONEY, "C3",
                     "'budget_expenditure'", "'st_investment'"),
    "missing name": ({(GUIDE, "B4"): None}, GUIDE, "B4", "empty cell", "who filled"),
    "bad date": ({(GUIDE, "B6"): "hôm qua"}, GUIDE, "B6", "'hôm qua'", "date"),
}


@pytest.mark.parametrize("case", CELL_CASES, ids=list(CELL_CASES))
def test_bad_cell_is_reported_with_sheet_and_cell(case, template: Path, tmp_path: Path):
    edits, sheet, cell, found, expected = CELL_CASES[case]
    errors = _errors(fill(template, tmp_path / "bad.xlsx", edits), tmp_path / "raw")
    hits = [e for e in errors if e.location == f"sheet '{sheet}', cell {cell}"]
    assert hits, _where(errors)
    assert any(found in str(e.found) and expected in f"{e.expected} {e.hint}" for e in hits), (
        _where(hits))
    assert all(str(e.file).endswith("bad.xlsx") for e in errors)


def test_every_problem_is_reported_at_once(template: Path, tmp_path: Path):
    edits = {(MONEY, f"B{R2020}"): "1,5", (MONEY, f"C{R2020}"): -1, (TRACKED, f"C{R2021}"): 101,
             (PEOPLE, f"A{R2020}"): 2005, (GUIDE, "B5"): None}
    errors = _errors(fill(template, tmp_path / "bad.xlsx", edits), tmp_path / "raw")
    locations = {e.location for e in errors}
    assert {f"sheet '{MONEY}', cell B{R2020}", f"sheet '{MONEY}', cell C{R2020}",
            f"sheet '{TRACKED}', cell C{R2021}", f"sheet '{PEOPLE}', cell A{R2020}",
            f"sheet '{GUIDE}', cell B5"} <= locations


def test_empty_template_is_nothing_to_import(template: Path, tmp_path: Path):
    meta = {k: v for k, v in GOOD.items() if k[0] == GUIDE}
    errors = _errors(fill(template, tmp_path / "empty.xlsx", {}, base=meta), tmp_path / "raw")
    assert [str(e.found) for e in errors] == ["no figures in any sheet (nothing to import)"]


def test_not_our_template(tmp_path: Path):
    wb = Workbook()
    wb.active["A1"] = 12
    wb.save(tmp_path / "other.xlsx")
    (error,) = _errors(tmp_path / "other.xlsx", tmp_path / "raw")
    assert "no '_khcn' marker sheet" in error.found and dep.TEMPLATE_ID in error.expected


def test_wrong_template_version(template: Path, tmp_path: Path):
    wb = load_workbook(template)
    wb["_khcn"]["B2"] = 99
    wb.save(tmp_path / "old.xlsx")
    (error,) = _errors(tmp_path / "old.xlsx", tmp_path / "raw")
    assert error.location == "sheet '_khcn', cell B2"
    assert error.found == "template version 99" and error.expected == "template version 1"


def test_renamed_sheet(template: Path, tmp_path: Path):
    filled = fill(template, tmp_path / "f.xlsx", {})
    wb = load_workbook(filled)
    wb[PEOPLE].title = "Nhân lực"
    wb.save(filled)
    errors = _errors(filled, tmp_path / "raw")
    assert any(e.location == f"sheet '{PEOPLE}'" and "no such sheet" in e.found for e in errors)


@pytest.mark.parametrize("content", ["zip", "text", "missing"])
def test_file_that_is_not_xlsx(content: str, tmp_path: Path):
    path = tmp_path / "so-lieu.xlsx"
    if content == "zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("data.csv", "year,value\n2020,1\n")
    elif content == "text":
        path.write_text("năm;giá trị\n2020;1,5\n", encoding="utf-8")
    (error,) = _errors(path, tmp_path / "raw")
    assert error.file == str(path)
    assert ("not a readable .xlsx" if content != "missing" else "no such file") in error.found
    assert ".xlsx" in error.expected


def test_future_fill_date_is_refused(template: Path, tmp_path: Path):
    filled = fill(template, tmp_path / "f.xlsx", {(GUIDE, "B6"): datetime(2026, 1, 1)})
    (error,) = _errors(filled, tmp_path / "raw")
    assert error.location == f"sheet '{GUIDE}', cell B6" and "no later than today" in error.expected


# --------------------------------------------------------------------------- CLI


def test_cli_template_and_import(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path))
    out = tmp_path / "mau.xlsx"
    assert main(["data", "template", "--out", str(out)]) == 0
    assert main(["data", "template", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    filled = fill(out, tmp_path / "filled.xlsx", {(GUIDE, "B6"): datetime(2024, 1, 1)})
    assert main(["data", "import", str(filled)]) == 0
    assert "Đã nhập 10 số liệu" in capsys.readouterr().out
    assert main(["data", "import", str(filled), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "Imported 10 figures" in said and "now current" in said and "same as import" in said
    stored = sorted((tmp_path / "data" / "raw" / "department").glob("*.csv"))
    assert len(stored) == 2
    assert main(["data", "history"]) == 0
    said = capsys.readouterr().out
    assert said.count("Người điền: Nguyễn Văn A") == 2 and said.count("✔ hiện hành") == 1
    assert main(["data", "revert", stored[0].stem]) == 0
    assert f"Lần nhập {stored[0].stem} nay là lần nhập hiện hành" in capsys.readouterr().out
    assert main(["data", "history", "--format", "json"]) == 0
    import json

    listed = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["current"]) for r in listed] == [("import", True), ("import", False), ("revert", False)]
    assert main(["data", "revert", "no-such-import"]) == 2
    assert "khcn data history" in capsys.readouterr().err
    bad = fill(out, tmp_path / "bad.xlsx", {(MONEY, f"B{R2020}"): "1,5"})
    assert main(["data", "import", str(bad)]) == 2
    assert f"cell B{R2020}" in capsys.readouterr().err


# --------------------------------------------------------------------------- a real spreadsheet program


@pytest.mark.system
@pytest.mark.slow
def test_file_saved_by_libreoffice_imports(soffice: str, template: Path, tmp_path: Path):
    """A user's Excel/LibreOffice keeps the marker sheet and code row; formulas get saved values."""
    filled = fill(template, tmp_path / "filled.xlsx", {(MONEY, f"C{R2020}"): "=10+2.5"})
    outdir = tmp_path / "lo"
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(filled)],
        check=True, capture_output=True, timeout=180,
    )
    stored = dep.import_filled_template(outdir / "filled.xlsx", raw_dir=tmp_path / "raw", today=TODAY)
    got = {(r["variable"], int(r["year"])): r["value"] for r in stored_rows(stored)[1]}
    assert got[("st_investment", 2020)] == "12.5"
    assert got[("researchers_fte", 2020)] == "40.5"
    assert len(got) == len(EXPECTED) + 1


# --------------------------------------------------------------------------- the build uses the import


def test_build_gives_imported_actuals_precedence(template: Path, tmp_path: Path):
    build = pytest.importorskip("khcn_analysis.data.build")
    pd = pytest.importorskip("pandas")
    raw = shutil.copytree(Path(__file__).resolve().parent.parent / "data" / "raw", tmp_path / "raw")
    shutil.rmtree(raw / "department", ignore_errors=True)

    def lai_chau(processed: Path, variable: str, year: int) -> pd.Series:
        obs = pd.read_csv(processed / "observations.csv", keep_default_na=False)
        hit = obs[(obs.region == "Lai Chau") & (obs.variable == variable) & (obs.year == year)]
        assert len(hit) == 1, hit
        return hit.iloc[0]

    build.build_processed(raw_dir=raw, processed_dir=tmp_path / "before")
    assert lai_chau(tmp_path / "before", "st_budget", 2020).status == "assumption"
    assert lai_chau(tmp_path / "before", "budget_expenditure", 2020).value != 11177.174

    stored = dep.import_filled_template(fill(template, tmp_path / "f.xlsx", {}), raw_dir=raw,
                                        today=TODAY)
    build.build_processed(raw_dir=raw, processed_dir=tmp_path / "after")
    for (variable, year), (value, unit, basis, _quote) in EXPECTED.items():
        row = lai_chau(tmp_path / "after", variable, year)
        assert row.value == float(value), (variable, year)
        assert (row.unit, row.basis) == ({"billion VND": "bn VND"}.get(unit, unit), basis)
        assert row.status == "observed"
        assert re.match(r"department[.:]", row.source) and stored.stem in row.source, row.source
    # The processed sources table explains every department id used.
    details = pd.read_csv(tmp_path / "after" / "sources.csv")
    sources = set(pd.read_csv(tmp_path / "after" / "observations.csv").source.str.split(";").explode())
    dept_ids = {s for s in sources if s.startswith("department")}
    assert dept_ids and dept_ids <= set(details["id"])


# --------------------------------------------------------------------------- a full disk


def _disk_full(*_a, **_k):
    import errno

    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_keeps_the_earlier_template(template: Path, monkeypatch):
    from khcn_analysis.core import atomic
    from khcn_analysis.core.atomic import DiskFullError

    before = template.read_bytes()
    monkeypatch.setattr(atomic.os, "fsync", _disk_full)
    with pytest.raises(DiskFullError):
        dep.write_template(template, overwrite=True)
    assert template.read_bytes() == before
    assert [p.name for p in template.parent.iterdir()] == [template.name]


def test_a_full_disk_during_an_import_stores_nothing(template: Path, tmp_path: Path, monkeypatch, capsys):
    from khcn_analysis.data import imports

    monkeypatch.setenv("KHCN_ROOT", str(tmp_path / "project"))
    filled = fill(template, tmp_path / "f.xlsx", {})
    assert main(["data", "import", str(filled)]) == 0
    folder = tmp_path / "project" / "data" / "raw" / "department"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = imports.write_new_file

    def full_on_csv(target: Path, text: str) -> Path:
        if target.suffix == ".csv":
            monkeypatch.setattr(imports.os, "fsync", _disk_full)
        return real(target, text)

    monkeypatch.setattr(imports, "write_new_file", full_on_csv)
    assert main(["data", "import", str(filled)]) == 2
    assert "disk is full" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no record, no figures, no temp file
