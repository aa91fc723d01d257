"""Implausible department figures (issue 15.2): refused at import, set aside by the build, never 'met'.

An S&T budget of 20,300 for 2020 (million đồng typed as tỷ đồng) or 9,999,999 used to
import cleanly, and the reports then said S&T spending was 237 % of the whole budget and
141 % of GRDP, both targets met.
"""

from __future__ import annotations

import csv
import shutil
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from khcn_analysis.cli import main
from khcn_analysis.core.errors import InputErrors, KhcnError
from khcn_analysis.data import department as dep
from khcn_analysis.data.build import build_processed
from khcn_analysis.data.plausibility import SHIPPED_RULES, load_rules
from khcn_analysis.data.sources import COLUMNS

ROOT = Path(__file__).resolve().parent.parent
MONEY, PEOPLE, GUIDE = "Kinh phí KH&CN", "Nhân lực KH&CN", "Hướng dẫn"


def row_of(year: int) -> int:
    return dep.FIRST_DATA_ROW + year - dep.FIRST_YEAR


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root with the shipped raw data (no department import yet)."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.rmtree(root / "data" / "raw" / "department", ignore_errors=True)
    monkeypatch.setenv("KHCN_ROOT", str(root))
    return root


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dep.write_template(tmp_path_factory.mktemp("tpl") / "mau.xlsx")


def filled(template: Path, out: Path, cells: dict[tuple[str, str], object]) -> Path:
    wb = load_workbook(template)
    base = {(GUIDE, "B4"): "Nguyễn Văn A", (GUIDE, "B5"): "Sở KH&CN Lai Châu", (GUIDE, "B6"): datetime(2025, 3, 15)}
    for (sheet, coord), value in {**base, **cells}.items():
        wb[sheet][coord] = value
    wb.save(out)
    return out


def st_budget_2020(template: Path, out: Path, value: float) -> Path:
    return filled(template, out, {(MONEY, f"B{row_of(2020)}"): value,
                                  (MONEY, f"G{row_of(2020)}"): "Báo cáo quyết toán 2020"})


# --------------------------------------------------------------------------- import: refused, with the likely mistake


@pytest.mark.parametrize("value", [20_300, 9_999_999])
def test_import_refuses_an_st_budget_above_total_spending(value, template, tmp_path, project, capsys):
    path = st_budget_2020(template, tmp_path / "f.xlsx", value)
    assert main(["data", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"ô B{row_of(2020)}" in err and "tổng chi ngân sách địa phương" in err
    assert "vượt mức hợp lý tối đa 10%" in err and "không nhập gì cả" in err
    assert not (project / "data" / "raw" / "department").exists()


def test_the_message_names_the_likely_unit_mistake_in_both_languages(template, tmp_path, project, capsys):
    path = st_budget_2020(template, tmp_path / "f.xlsx", 20_300)
    assert main(["data", "import", str(path)]) == 2
    assert "20.300 tỷ đồng — có phải là triệu đồng? (20.300 triệu đồng = 20,3 tỷ đồng)" in capsys.readouterr().err
    assert main(["data", "import", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "20,300 bn VND — was it entered in million VND? (20,300 million VND = 20.3 bn VND)" in err
    assert "nothing was imported" in err


def test_a_plausible_figure_imports(template, tmp_path, project, capsys):
    path = st_budget_2020(template, tmp_path / "f.xlsx", 20.3)
    assert main(["data", "import", str(path)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(("cells", "words"), [
    ({(PEOPLE, f"B{row_of(2020)}"): 85_000, (PEOPLE, f"D{row_of(2020)}"): "Thống kê"},
     ("người trên 1 vạn dân", "vượt mức hợp lý tối đa 50")),
    ({(PEOPLE, f"B{row_of(2020)}"): 80, (PEOPLE, f"C{row_of(2020)}"): 120, (PEOPLE, f"D{row_of(2020)}"): "TK"},
     ("lớn hơn số cán bộ nghiên cứu (số người) cùng năm",)),
    ({(MONEY, f"B{row_of(2021)}"): 14, (MONEY, f"C{row_of(2021)}"): 10, (MONEY, f"G{row_of(2021)}"): "BC"},
     ("nhỏ hơn chi ngân sách nhà nước cho KH&CN cùng năm",)),
    ({(MONEY, f"F{row_of(2020)}"): 4_200, (MONEY, f"G{row_of(2020)}"): "BC"},
     ("thu ngân sách địa phương được hưởng", "có phải là triệu đồng?")),
], ids=["researchers per 10,000", "FTE above headcount", "investment below budget", "fund in million"])
def test_other_rules_refuse_with_their_reason(cells, words, template, tmp_path, project, capsys):
    assert main(["data", "import", str(filled(template, tmp_path / "f.xlsx", cells))]) == 2
    err = capsys.readouterr().err
    for word in words:
        assert word in err, err


def test_both_amounts_in_million_are_both_refused(template, tmp_path, project, capsys):
    """S&T and total spending typed in million: the total first, then S&T against the sourced total."""
    path = filled(template, tmp_path / "f.xlsx", {
        (MONEY, f"B{row_of(2020)}"): 20_300, (MONEY, f"D{row_of(2020)}"): 8_550_773,
        (MONEY, f"G{row_of(2020)}"): "BC"})
    assert main(["data", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"ô B{row_of(2020)}" in err and f"ô D{row_of(2020)}" in err


# --------------------------------------------------------------------------- build: set aside, shown, never 'met'


def write_department(raw: Path, rows: list[tuple[str, int, float]]) -> str:
    """An import file written by hand (or by an older version): the build must screen it too."""
    import_id = "2025-03-01-101010-0a1b2c3d"
    folder = raw / "department"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{import_id}.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for variable, year, value in rows:
            w.writerow({"fact_id": f"department.{import_id}.{variable}.{year}", "geography": "Lai Châu",
                        "variable": variable, "year": year, "period": "", "value": value, "unit": "billion VND",
                        "basis": "current", "kind": "outturn", "qualifier": "exact", "source_url": "file:x.xlsx",
                        "source_name": "Sở KH&CN Lai Châu", "source_quality": "department",
                        "quote": "Kinh phí KH&CN!B14", "note": ""})
    return import_id


def verdicts(processed: Path) -> pd.DataFrame:
    from khcn_analysis import pipeline

    # latest_trend keeps the recorded past (plan_as_written rewrites the S&T budget as a counterfactual)
    results = pipeline.run(ROOT / "scenarios" / "latest_trend.yaml", inputs=pipeline.load_inputs(processed))
    att = results.attainment
    return att[att["year"].isin([2020, 2021])].set_index(["target_id", "year"])["status"].sort_index()


def test_build_sets_implausible_figures_aside_and_the_verdicts_do_not_flip(project, tmp_path):
    raw = project / "data" / "raw"
    before = tmp_path / "before"
    build_processed(raw_dir=raw, processed_dir=before)
    import_id = write_department(raw, [("st_budget", 2020, 20_300), ("st_budget", 2021, 9_999_999),
                                       ("st_budget", 2022, 21.5)])
    after = tmp_path / "after"
    report = build_processed(raw_dir=raw, processed_dir=after)

    findings = pd.read_csv(after / "findings.csv")
    assert sorted(findings["year"]) == [2020, 2021]
    assert set(findings["rule"]) == {"st_budget_share_of_budget_expenditure"}
    assert set(findings["fact_id"]) == {f"department.{import_id}.st_budget.2020",
                                        f"department.{import_id}.st_budget.2021"}
    assert findings.set_index("year").loc[2020, "likely_unit"] == "million VND"
    assert len(report.findings) == 2 and "million VND" in report.findings[0]

    obs = pd.read_csv(after / "observations.csv")
    lc = obs[(obs.region == "Lai Chau") & (obs.variable == "st_budget")].set_index("year")
    assert lc.loc[2020, "status"] == "assumption" and lc.loc[2020, "value"] < 100
    assert lc.loc[2021, "status"] == "assumption"
    assert (lc.loc[2022, "value"], lc.loc[2022, "status"]) == (21.5, "observed")  # the plausible one is used
    assert not obs["value"].isin([20_300, 9_999_999]).any()

    facts = pd.read_csv(after / "facts.csv", keep_default_na=False)
    aside = facts[facts.fact_id.isin(findings.fact_id)]
    assert (aside.disposition == "excluded").all()
    assert aside.reason.str.startswith("excluded: implausible figure (st_budget_share_of_budget_expenditure)").all()

    # the judge sees the same 2020 and 2021 as without the import: nothing flips to "met"
    base, now = verdicts(before), verdicts(after)
    assert not (now == "met").sum() > (base == "met").sum()
    assert now.equals(base)


def test_without_the_screen_the_verdicts_would_flip(project, tmp_path, monkeypatch):
    """The check above has teeth: with every rule switched off, 20,300 turns 'not met' into 'met'."""
    import khcn_analysis.data.build as build

    raw = project / "data" / "raw"
    write_department(raw, [("st_budget", 2020, 20_300)])
    monkeypatch.setattr(build, "load_rules", lambda path: [])
    build_processed(raw_dir=raw, processed_dir=tmp_path / "open")
    status = verdicts(tmp_path / "open")
    share = [k for k in status.index if k[1] == 2020 and "st_budget_share" in k[0]]
    assert share and (status.loc[share] == "met").all()


# --------------------------------------------------------------------------- the rules file


def test_every_shipped_rule_has_a_reason_a_source_and_covers_every_department_variable():
    rules = load_rules(SHIPPED_RULES)
    variables = {c.variable for table in dep.TABLES for c in table.columns}
    assert variables <= {r.variable for r in rules}
    assert all(r.reason and r.reason_vi and r.sources for r in rules)


@pytest.mark.parametrize(("edit", "words"), [
    (lambda s: s.replace("max: 10\n    typical: [0.02, 5]", "typical: [0.02, 5]", 1), "min', 'max' or both"),
    (lambda s: s.replace("vietnam.st_budget_share_expenditure.2011.a,", "no.such.fact.2011.a,", 1), "no.such.fact"),
    (lambda s: s.replace("measure: share", "measure: percent", 1), "measure"),
])
def test_a_broken_rules_file_stops_the_build(edit, words, project):
    raw = project / "data" / "raw"
    path = raw / "plausibility.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputErrors, match=words):
        build_processed(raw_dir=raw, processed_dir=project / "out")


def test_the_rules_file_is_read_strictly(project):
    """Duplicate keys and YAML 1.1 numbers are refused with the line (the one strict loader)."""
    raw = project / "data" / "raw"
    path = raw / "plausibility.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    max: 10\n", "    max: 10\n    max: 1000\n", 1),
                    encoding="utf-8")
    with pytest.raises(KhcnError, match="line 41.*duplicate key 'max'"):
        load_rules(path)
