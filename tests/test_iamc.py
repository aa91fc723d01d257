"""The IAMC export as a pyam user expects it (issue 14.6).

pyam pins pandas<3, so it cannot run here; these tests check the format pyam reads:
``model, scenario, region, variable, unit`` then numeric year columns, exactly one
row per key, hierarchical ``|`` variable names, status in a separate table, several
scenarios in one file, and units spelled as the one registry spells them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from khcn_analysis.cli import main
from khcn_analysis.core.config import MODEL, REGION
from khcn_analysis.core.grades import GRADES
from khcn_analysis.core.indicators import INDICATORS, PROJECTED_IDS, UNIT_LABELS, UnitMismatchError
from khcn_analysis.model.iamc import (
    IAMC_INDEX,
    VARIABLES,
    check_iamc,
    iamc_variable,
    indicator_id,
    to_iamc,
    to_status_table,
    write_iamc,
)

SHIPPED = {"plan_as_written", "gdp_linked", "meet_targets", "austerity", "latest_trend"}


@pytest.fixture(autouse=True)
def processed(processed_baseline: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: processed_baseline)
    return processed_baseline


@pytest.fixture(scope="module")
def results(processed_baseline):
    from khcn_analysis import pipeline

    inputs = pipeline.load_inputs(processed_baseline)
    return pipeline.run_many(["plan_as_written", "austerity"], inputs=inputs, national=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_wide(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text))


# ------------------------------------------------------------------ the library


def test_every_projected_indicator_has_one_hierarchical_name() -> None:
    assert set(PROJECTED_IDS) <= set(VARIABLES)
    names = list(VARIABLES.values())
    assert len(set(names)) == len(names)
    assert iamc_variable("st_investment_share_grdp") == "Investment|S&T|Share of GRDP"
    assert iamc_variable("researcher_density") == "Researchers|Density"
    assert iamc_variable("population") == "Population"
    for ind, name in VARIABLES.items():
        assert indicator_id(name) == ind
        assert all(part and part == part.strip() for part in name.split("|")), name


def test_wide_table_is_what_pyam_reads(results) -> None:
    table = pd.concat([r.table for r in results], ignore_index=True)
    wide = to_iamc(table)
    assert list(wide.columns[:5]) == IAMC_INDEX
    assert list(wide.columns[5:]) == list(range(2010, 2031))
    assert check_iamc(wide) == []
    assert not wide.duplicated(IAMC_INDEX).any()
    assert set(wide["model"]) == {MODEL} and set(wide["region"]) == {REGION}
    assert list(dict.fromkeys(wide["scenario"])) == ["plan_as_written", "austerity"]  # the order given
    assert "status" not in wide.columns and "source" not in wide.columns
    # One row per scenario and indicator: the status no longer splits a variable.
    assert len(wide) == table.groupby(["scenario", "variable"]).ngroups
    row = wide[(wide.scenario == "plan_as_written") & (wide.variable == "Investment|S&T|Plan 182 Budget")]
    assert row[2014].item() == pytest.approx(41.5)


def test_long_layout_and_wide_layout_hold_the_same_values(results) -> None:
    table = results[0].table
    long = to_iamc(table, layout="long")
    assert list(long.columns) == [*IAMC_INDEX, "year", "value"]
    melted = to_iamc(table).melt(id_vars=IAMC_INDEX, var_name="year").dropna(subset=["value"])
    merged = long.merge(melted, on=[*IAMC_INDEX, "year"], suffixes=("", "_wide"))
    assert len(merged) == len(long) == len(table)
    np.testing.assert_allclose(merged["value"], merged["value_wide"])
    back = table.assign(variable=table["variable"].map(iamc_variable)).merge(
        long, on=[*IAMC_INDEX, "year"], suffixes=("_engine", ""))
    np.testing.assert_allclose(back["value"], back["value_engine"])


def test_status_is_a_separate_table_with_the_same_keys(results) -> None:
    table = results[0].table
    status = to_status_table(table)
    assert list(status.columns) == [*IAMC_INDEX, "year", "status", "recorded", "source"]
    assert not status.duplicated([*IAMC_INDEX, "year"]).any()
    assert set(status["status"]) <= set(GRADES)  # the evidence grade of each value
    keys = set(map(tuple, to_iamc(table)[IAMC_INDEX].to_numpy()))
    assert set(map(tuple, status[IAMC_INDEX].drop_duplicates().to_numpy())) == keys


def test_check_iamc_names_what_pyam_would_trip_over(results) -> None:
    wide = to_iamc(results[0].table)
    assert check_iamc(wide.assign(status="projected")) == [
        "column 'status' is not a year: pyam would read it as an extra index"]
    assert "1 rows repeat a key" in check_iamc(pd.concat([wide, wide.iloc[:1]]))
    assert check_iamc(wide.astype({2015: str}))  # a year column of text


def test_a_unit_spelled_otherwise_and_a_repeated_key_are_refused(results) -> None:
    table = results[0].table
    with pytest.raises(UnitMismatchError, match="bn VND"):
        to_iamc(table.assign(unit=np.where(table["variable"] == "grdp", "billion VND", table["unit"])))
    with pytest.raises(ValueError, match="two values"):
        to_iamc(pd.concat([table, table.iloc[:1]]))


def test_files_are_byte_identical_and_xlsx_has_a_data_sheet(results, tmp_path: Path) -> None:
    table = results[0].table
    a = write_iamc(table, tmp_path / "a.csv").read_bytes()
    b = write_iamc(table, tmp_path / "b.csv").read_bytes()
    assert a == b
    xlsx = pd.read_excel(write_iamc(table, tmp_path / "p.xlsx"), sheet_name="data")
    assert list(xlsx.columns[:5]) == IAMC_INDEX and check_iamc(xlsx) == []


# ------------------------------------------------------------------ the command


def test_project_csv_is_iamc_wide_and_status_goes_to_its_own_file(capsys, tmp_path: Path) -> None:
    status_file = tmp_path / "status.csv"
    code, out, err = run(capsys, "project", "--scenario", "plan_as_written", "latest_trend",
                         "--format", "csv", "--status-table", str(status_file))
    assert code == 0, err
    wide = read_wide(out)
    assert check_iamc(wide) == []
    assert list(wide.columns[5:]) == [str(y) for y in range(2010, 2031)]
    assert set(wide["scenario"]) == {"plan_as_written", "latest_trend"}
    status = pd.read_csv(status_file)
    assert set(status["scenario"]) == {"plan_as_written", "latest_trend"}
    assert {"status", "source"} <= set(status.columns)


def test_scenario_may_be_repeated_or_list_several(capsys) -> None:
    _, one, _ = run(capsys, "project", "--scenario", "austerity", "gdp_linked", "--format", "csv")
    _, two, _ = run(capsys, "project", "--scenario", "austerity", "--scenario", "gdp_linked", "--format", "csv")
    assert one == two and list(dict.fromkeys(read_wide(one)["scenario"])) == ["austerity", "gdp_linked"]


def test_project_all_puts_every_shipped_scenario_in_one_file(capsys) -> None:
    code, out, _ = run(capsys, "project", "--all", "--format", "csv", "--years", "2015", "2020", "2030")
    assert code == 0
    wide = read_wide(out)
    assert set(wide["scenario"]) == SHIPPED and wide["scenario"].iloc[0] == "plan_as_written"
    assert list(wide.columns[5:]) == ["2015", "2020", "2030"]
    assert check_iamc(wide) == []


def test_project_long_layout(capsys) -> None:
    code, out, _ = run(capsys, "project", "--scenario", "gdp_linked", "--format", "csv", "--layout", "long")
    assert code == 0
    frame = read_wide(out)
    assert list(frame.columns) == [*IAMC_INDEX, "year", "value"]
    assert "Researchers|Density" in set(frame["variable"])


@pytest.mark.parametrize("argv", [
    ("--format", "json", "--layout", "long"),
    ("--status-table", "x.csv"),
    ("--scenario", "plan_as_written"),  # the same scenario twice
    ("plan_as_written",),
])
def test_options_that_do_nothing_or_collide_are_refused(capsys, tmp_path: Path, monkeypatch, argv) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "project", "--scenario", "plan_as_written", *argv)
    assert code == 2 and out == "" and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_units_are_spelled_one_way_in_every_command(capsys) -> None:
    """Every unit string a command writes for machines is a key of the one unit registry,
    and an indicator has the same unit in every output."""
    registry = set(UNIT_LABELS)
    seen: dict[str, set[str]] = {}

    def note(frame: pd.DataFrame, variable_col: str = "variable") -> None:
        for variable, unit in frame[[variable_col, "unit"]].drop_duplicates().itertuples(index=False):
            seen.setdefault(indicator_id(variable), set()).add(unit)

    _, out, _ = run(capsys, "project", "--scenario", "plan_as_written", "--format", "csv")
    note(read_wide(out))
    _, out, _ = run(capsys, "project", "--scenario", "plan_as_written", "--format", "json")
    note(pd.DataFrame(json.loads(out)["rows"]))
    _, out, _ = run(capsys, "uncertainty", "--scenario", "plan_as_written", "--draws", "50", "--format", "csv")
    note(read_wide(out))
    _, out, _ = run(capsys, "targets", "--scenario", "plan_as_written", "--format", "csv")
    targets = read_wide(out)
    note(targets, "indicator")
    _, out, _ = run(capsys, "plan", "--format", "json")
    plan_units = {t["unit"] for t in json.loads(out)["targets"]}
    units = {u for us in seen.values() for u in us} | set(targets["gap_unit"]) | plan_units
    assert units <= registry, units - registry
    for variable, us in seen.items():
        assert len(us) == 1, (variable, us)
        if variable in INDICATORS:
            assert us == {INDICATORS[variable].unit}
