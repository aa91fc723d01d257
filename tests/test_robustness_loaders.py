"""Every loader fed malformed and hostile files: a clear error naming the file, never a crash.

The loaders are the library's edges: plan files, scenario files, ``sources.csv`` and the
department's stored CSVs, ``assumptions.yaml`` and the department's xlsx. Each hostile
file is made in ``tmp_path`` from the real file of the repository, so a test breaks when
the loader starts accepting garbage or starts failing with an exception of Python's own
(``KeyError``, ``UnicodeDecodeError``, ``ValueError``) instead of ours.
The same inputs go through the real ``khcn`` command in ``test_robustness_cli.py``.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.data import department as dep
from khcn_analysis.data.assumptions import load_assumptions
from khcn_analysis.data.sources import read_department_dir, read_facts
from khcn_analysis.model.scenarios import load_scenario
from khcn_analysis.plan.load import load_plan

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "plan_as_written.yaml"
PLAN = ROOT / "data" / "raw" / "plans" / "lai-chau-2013.yaml"
ASSUMPTIONS = ROOT / "data" / "raw" / "assumptions.yaml"
SOURCES = ROOT / "data" / "raw" / "sources.csv"


def assert_clear(err: BaseException, path: Path, *words: str) -> str:
    """Our own error (or an OS error carrying the file name) whose message names the file."""
    assert isinstance(err, KhcnError | OSError), f"{type(err).__name__}: {err}"
    text = str(err)
    if isinstance(err, OSError):
        assert err.filename is not None and Path(err.filename).name == path.name, text
    else:
        assert path.name in text, text
        assert "expected" in text, text
    for word in words:
        assert word in text, text
    assert len(text) < 6000, f"message of {len(text)} characters"
    return text


def refuse(load: Callable[[Path], object], path: Path, *words: str) -> str:
    with pytest.raises(Exception) as info:  # noqa: B017,PT011 - the type is checked below
        load(path)
    return assert_clear(info.value, path, *words)


# --------------------------------------------------------------------------- file-level hostility

#: loader id -> (load function, the real file it is given a hostile copy of)
TEXT_LOADERS: dict[str, tuple[Callable[[Path], object], Path]] = {
    "plan": (load_plan, PLAN),
    "scenario": (load_scenario, SCENARIO),
    "assumptions": (load_assumptions, ASSUMPTIONS),
    "sources": (read_facts, SOURCES),
    "department_csv": (lambda p: read_facts(p, department=True), SOURCES),
}


def _cp1258(text: str) -> bytes:
    return text.encode("cp1258", errors="replace")


#: name -> (file name suffix, bytes from the good text, or None for no file at all)
FILE_CASES: dict[str, Callable[[str], bytes | None]] = {
    "empty": lambda t: b"",
    "only_whitespace": lambda t: b"  \n\n   \n",
    "truncated_mid_line": lambda t: t.encode("utf-8")[: len(t.encode("utf-8")) // 2 - 7],
    "cp1258": _cp1258,
    "utf16": lambda t: t.encode("utf-16"),
    "binary_garbage": lambda t: bytes(range(256)) * 8,
    "missing": lambda t: None,
    "directory": lambda t: None,
}


#: A CSV cut at a line end is a valid shorter file; a CSV cut inside a quoted field is tested below.
FILE_MATRIX = [(loader, case) for loader in TEXT_LOADERS for case in FILE_CASES
               if not (case == "truncated_mid_line" and loader in ("sources", "department_csv"))]


@pytest.mark.parametrize(("loader", "case"), FILE_MATRIX)
def test_hostile_file_gets_a_clear_error(loader: str, case: str, tmp_path: Path):
    load, good = TEXT_LOADERS[loader]
    path = tmp_path / f"hostile{good.suffix}"
    if case == "directory":
        path.mkdir()
    else:
        data = FILE_CASES[case](good.read_text(encoding="utf-8"))
        if data is not None:
            path.write_bytes(data)
    refuse(load, path)


@pytest.mark.parametrize("loader", ["sources", "department_csv"])
def test_csv_cut_inside_a_quoted_field(loader: str, tmp_path: Path):
    load, good = TEXT_LOADERS[loader]
    text = good.read_text(encoding="utf-8")
    cut = text.index('"', text.index("\n") + 1) + 5  # inside the first quoted field of row 2
    path = tmp_path / "cut.csv"
    path.write_text(text[:cut], encoding="utf-8")
    refuse(load, path)


@pytest.mark.parametrize("loader", ["plan", "scenario", "assumptions"])
def test_yaml_with_a_bom_reads_the_same(loader: str, tmp_path: Path):
    """A BOM is legal in YAML (Windows editors add it): the file must read exactly as without."""
    load, good = TEXT_LOADERS[loader]
    path = tmp_path / good.name
    data = good.read_bytes()
    if loader == "scenario":  # a copy outside scenarios/ needs a name of its own
        path = tmp_path / "with_bom.yaml"
        data = data.replace(b"name: plan_as_written", b"name: with_bom")
    path.write_bytes(b"\xef\xbb\xbf" + data)
    plain = load(good)
    with_bom = load(path)
    if hasattr(plain, "model_dump"):
        assert with_bom.model_dump(exclude={"path", "name"}) == plain.model_dump(exclude={"path", "name"})
    else:
        assert [e.model_dump() for e in with_bom] == [e.model_dump() for e in plain]


def test_csv_with_a_bom_is_refused_by_name(tmp_path: Path):
    path = tmp_path / "sources.csv"
    path.write_bytes(b"\xef\xbb\xbf" + SOURCES.read_bytes())
    refuse(read_facts, path, "BOM")


@pytest.mark.parametrize("loader", ["plan", "scenario", "assumptions"])
@pytest.mark.parametrize("junk", ["key: [unclosed\n", "a: b\n\tc: d\n", "- just\n- a list\n",
                                  "plain text, not a mapping\n", "a: &x [*x]\n"])
def test_invalid_yaml(loader: str, junk: str, tmp_path: Path):
    load, good = TEXT_LOADERS[loader]
    path = tmp_path / f"bad{good.suffix}"
    path.write_text(junk, encoding="utf-8")
    refuse(load, path)


# --------------------------------------------------------------------------- values: scenarios


def _scenario_with(tmp_path: Path, old: str, new: str) -> Path:
    text = SCENARIO.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "hostile.yaml"
    text = text.replace(old, new, 1).replace("name: plan_as_written", "name: hostile")
    path.write_text(text, encoding="utf-8")
    return path


GRDP = "grdp_growth_pct: 12.0"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (GRDP, "grdp_growth_pct: twelve", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: [12]", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: .nan", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: .inf", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: -.inf", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: 1e308", "grdp_growth_pct"),
        (GRDP, "grdp_growth_pct: -150", "grdp_growth_pct"),
        ("budget_expenditure_growth_pct: 6.5", "budget_expenditure_growth_pct: -100", "budget_expenditure_growth_pct"),
        ("after_plan_growth_pct: 0.0", "after_plan_growth_pct: -150", "after_plan_growth_pct"),
        ("population_growth_pct: 2.17", "population_growth_pct: 99999999999999999999", "population_growth_pct"),
        ("draws: 1000", "draws: 1000000000000", "draws"),
        ("draws: 1000", "draws: -1", "draws"),
        ("seed: 20130222", "seed: -1", "seed"),
        ("nonstate_value: 30.0", "nonstate_value: .nan", "nonstate_value"),
        ("name: plan_as_written", "name: ../../x", "name"),
        ("name: plan_as_written", "name: " + "a" * 100_000, "name"),
        ("{kind: triangular, low: 8.0, mode: 12.0, high: 15.0}",
         "{kind: triangular, low: .nan, mode: 12.0, high: 15.0}", "grdp_growth_pct"),
        ("{kind: uniform, low: 1.5, high: 2.5}", "{kind: uniform, low: -1e308, high: 1e308}",
         "population_growth_pct"),
        ("st_budget_rule: plan_as_written", "st_budget_rule: =HYPERLINK(\"http://x\")", "st_budget_rule"),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else v,
)
def test_scenario_hostile_value_names_the_key(old: str, new: str, key: str, tmp_path: Path):
    text = refuse(load_scenario, _scenario_with(tmp_path, old, new), key)
    assert len(text) < 3000


def test_scenario_description_formula_and_long_text_are_kept_as_text(tmp_path: Path):
    """Text parameters are free text: a leading '=' or 100,000 characters are data, not errors."""
    path = _scenario_with(tmp_path, "description_en: >-", 'description_en: "=cmd|\' /C calc\'!A0"\nx_old: >-')
    path.write_text(path.read_text(encoding="utf-8").replace("x_old: >-", "description_vi_unused: >-"),
                    encoding="utf-8")
    refuse(load_scenario, path, "description_vi_unused")  # the unknown key, named
    long = "Đ" * 100_000
    text = SCENARIO.read_text(encoding="utf-8").replace("name: plan_as_written", "name: hostile")
    start = text.index("description_en:")
    end = text.index("base_year:")
    path.write_text(text[:start] + f'description_en: "=1+1 {long}"\n' + text[end:], encoding="utf-8")
    sc = load_scenario(path)
    assert sc.description_en == f"=1+1 {long}"


@pytest.mark.parametrize("ref", ["../../x", "../scenarios/plan_as_written", "/etc/passwd", "..",
                                 "plan_as_written/../../x", "C:\\x", "~root", "", " ", "plan as written",
                                 "PLAN_AS_WRITTEN", "a" * 5000])
def test_path_like_scenario_names_are_refused(ref: str):
    with pytest.raises(KhcnError) as info:
        load_scenario(ref)
    assert "expected" in str(info.value)
    assert len(str(info.value)) < 1500


def test_path_like_yaml_outside_is_only_read_when_it_exists(tmp_path: Path):
    with pytest.raises(KhcnError, match="no such file"):
        load_scenario("../../x.yaml")


# --------------------------------------------------------------------------- values: plan, assumptions


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("stated_total: 124.5", "stated_total: .nan", "stated_total"),
        ("stated_total: 124.5", "stated_total: .inf", "stated_total"),
        ("stated_total: 124.5", "stated_total: -124.5", "stated_total"),
        ("stated_total: 124.5", "stated_total: lots", "stated_total"),
        ("lower: 19", "lower: .nan", "lower"),
        ("start_year: 2013\n      end_year: 2015", "start_year: 20130000000000000000\n      end_year: 2015",
         "start_year"),
        ("schema_version: 1", "schema_version: [1]", "schema_version"),
    ],
    ids=lambda v: v[:30],
)
def test_plan_hostile_value(old: str, new: str, field: str, tmp_path: Path):
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    refuse(load_plan, path, field)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("years: [2022]", "years: [twenty]", "years"),
        ("years: [2022]", "years: 2022", "years"),
        ("rule: copy_fact", "rule: rm -rf", "rule"),
        ("    assumption: true", "    assumption: maybe", "assumption"),
    ],
)
def test_assumptions_hostile_value(old: str, new: str, field: str, tmp_path: Path):
    text = ASSUMPTIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "assumptions.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    refuse(load_assumptions, path, field)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e308", "-1e308", "twelve"])
def test_assumption_stated_value_must_be_a_finite_number(value: str, tmp_path: Path):
    entry = (
        "\n  - id: hostile_value\n    variable: st_budget\n    region: Lai Chau\n    unit: bn VND\n"
        "    basis: current\n    years: [2030]\n    rule: value\n"
        f"    value: {value}\n"
        "    reason: a hostile entry written by the robustness test\n    assumption: true\n"
    )
    path = tmp_path / "assumptions.yaml"
    path.write_text(ASSUMPTIONS.read_text(encoding="utf-8").rstrip("\n") + "\n" + entry, encoding="utf-8")
    text = refuse(load_assumptions, path, "value")
    assert "assumptions[" in text


def test_assumption_stated_value_that_is_sane_loads(tmp_path: Path):
    """The control for the test above: the same entry with a plain value is accepted."""
    entry = (
        "\n  - id: hostile_value\n    variable: st_budget\n    region: Lai Chau\n    unit: bn VND\n"
        "    basis: current\n    years: [2030]\n    rule: value\n    value: 12.5\n"
        "    reason: a hostile entry written by the robustness test\n    assumption: true\n"
    )
    path = tmp_path / "assumptions.yaml"
    path.write_text(ASSUMPTIONS.read_text(encoding="utf-8").rstrip("\n") + "\n" + entry, encoding="utf-8")
    assert load_assumptions(path)[-1].value == 12.5


# --------------------------------------------------------------------------- values: sources.csv, department CSV


def _facts_with(tmp_path: Path, column: str, value: str, *, row: int = 0, name: str = "sources.csv") -> Path:
    import csv
    import io

    text = SOURCES.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    rows[1 + row][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("value", "nan"), ("value", "NaN"), ("value", "inf"), ("value", "-Infinity"), ("value", "1e308"),
        ("value", "1" + "0" * 400), ("value", ""), ("value", "=1+1"), ("value", "12,5"),
        ("year", "20180"), ("year", "two thousand"), ("year", "-2018"), ("unit", "furlongs"),
        ("variable", "../../etc/passwd"), ("fact_id", ""), ("geography", "x" * 50_000),
    ],
    ids=lambda v: v[:20],
)
def test_sources_hostile_cell_names_row_and_column(column: str, value: str, tmp_path: Path):
    refuse(read_facts, _facts_with(tmp_path, column, value), f"column {column}")


def test_growth_below_minus_100_percent_is_refused(tmp_path: Path):
    text = SOURCES.read_text(encoding="utf-8")
    row = next(i for i, line in enumerate(text.splitlines()[1:]) if ",grdp_growth_real_avg," in line)
    refuse(read_facts, _facts_with(tmp_path, "value", "-150", row=row), "growth rate above -100")


def test_absurd_magnitudes_name_the_cell(tmp_path: Path):
    refuse(read_facts, _facts_with(tmp_path, "value", "100000000000000"), "column value", "1e+12")


def test_department_folder_with_a_hostile_file_and_a_directory(tmp_path: Path):
    folder = tmp_path / "department"
    folder.mkdir()
    (folder / "trap.csv").mkdir()  # a directory where a CSV is expected
    with pytest.raises(Exception) as info:  # noqa: B017,PT011
        read_department_dir(folder)
    assert_clear(info.value, folder / "trap.csv")
    (folder / "trap.csv").rmdir()
    (folder / "2025-01-01-000000-deadbeef.csv").write_bytes(_cp1258(SOURCES.read_text(encoding="utf-8")))
    with pytest.raises(KhcnError) as info:
        read_department_dir(folder)
    assert "deadbeef.csv" in str(info.value) and "UTF-8" in str(info.value)


# --------------------------------------------------------------------------- the department xlsx

MONEY, TRACKED, GUIDE = "Kinh phí KH&CN", "Chỉ tiêu theo dõi", "Hướng dẫn"
ROW = dep.FIRST_DATA_ROW + 2020 - dep.FIRST_YEAR
GOOD = {(GUIDE, "B4"): "Nguyễn Văn A", (GUIDE, "B5"): "Sở KH&CN Lai Châu", (GUIDE, "B6"): datetime(2025, 3, 15),
        (MONEY, f"B{ROW}"): 12.5, (MONEY, f"G{ROW}"): "Báo cáo quyết toán 2020"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dep.write_template(tmp_path_factory.mktemp("tpl") / "mau.xlsx")


def _filled(template: Path, out: Path, edits: dict) -> Path:
    wb = load_workbook(template)
    for (sheet, coord), value in {**GOOD, **edits}.items():
        wb[sheet][coord].value = value
    wb.save(out)
    return out


def _read(path: Path):
    return dep.read_filled_template(path, today=datetime(2025, 3, 20).date())


@pytest.mark.parametrize(
    ("cell", "value", "words"),
    [
        ((MONEY, f"B{ROW}"), 1e300, ("1e+300", "đồng")),
        ((MONEY, f"B{ROW}"), 12_500_000_000, ("đồng",)),  # 12.5 bn typed in đồng
        ((MONEY, f"B{ROW}"), "nan", ("B",)),
        ((MONEY, f"B{ROW}"), "inf", ("B",)),
        ((MONEY, f"B{ROW}"), "1e999", ("B",)),
        ((MONEY, f"B{ROW}"), "=1/0", ("B",)),
        ((MONEY, f"B{ROW}"), -5, ("negative",)),
        ((TRACKED, f"C{ROW}"), -150, ("C",)),
        ((GUIDE, "B6"), "x" * 40_000, ("B6",)),
    ],
    ids=lambda v: str(v)[:20],
)
def test_department_xlsx_hostile_cell_names_sheet_and_cell(template: Path, tmp_path: Path, cell, value, words):
    text = refuse(_read, _filled(template, tmp_path / "filled.xlsx", {cell: value}), *words)
    assert cell[0] in text


def test_department_xlsx_formula_text_and_long_text_stay_text(template: Path, tmp_path: Path):
    """A source note starting with '=' or '@' and one of 32,000 characters: stored as the text typed."""
    formula = '=HYPERLINK("http://evil.example","x")'
    path = _filled(template, tmp_path / "f.xlsx", {(MONEY, f"G{ROW}"): formula})
    wb = load_workbook(path)
    wb[MONEY][f"G{ROW}"].data_type = "s"  # typed as text, as Excel stores a leading apostrophe
    wb.save(path)
    stored = [f for f in _read(path).figures if f.variable == "st_budget"][0]
    assert stored.source_ref == formula and stored.formula is None
    assert dep.safe_text(stored.source_ref) == "'" + formula  # what the stored CSV will hold
    long = "Báo cáo " * 4000
    filled = _read(_filled(template, tmp_path / "long.xlsx", {(MONEY, f"G{ROW}"): long}))
    assert [f for f in filled.figures if f.variable == "st_budget"][0].source_ref == long.strip()


@pytest.mark.parametrize("kind", ["not_a_zip", "zip_of_text", "zip_of_a_docx_like", "empty", "directory", "missing"])
def test_department_xlsx_that_is_not_a_workbook(kind: str, tmp_path: Path):
    path = tmp_path / "nhap.xlsx"
    if kind == "not_a_zip":
        path.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    elif kind == "zip_of_text":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "xin chào")
    elif kind == "zip_of_a_docx_like":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr("word/document.xml", "<w:document/>")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "directory":
        path.mkdir()
    refuse(_read, path)


def test_messages_do_not_flood_the_terminal():
    err = InputError("f.yaml", "key 'name'", "a" * 1_000_000, "a short name")
    assert len(str(err)) < 400 and "1,000,000 characters" in str(err)
