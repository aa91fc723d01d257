"""Validation of raw facts: every kind of bad input gets a message naming file, row, column,
what was found and what was expected; all problems of a file come together."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from khcn_analysis.core.errors import InputErrors
from khcn_analysis.data.sources import (
    COLUMNS,
    DEPARTMENT_VARIABLES,
    read_department_dir,
    read_facts,
    read_sources,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "raw"

# file, location, found, expected (all must appear in the one message), extra words
CASES = [
    ("unknown_variable.csv", "row 2, column variable", "'populaton'", "a known variable id",
     "unknown variable"),
    ("unknown_unit.csv", "row 2, column unit", "'persons'", "'thousand persons' for population",
     "unknown unit"),
    ("non_numeric.csv", "row 3, column value", "'n.a.'", "a number such as 1234.5", ""),
    ("decimal_comma.csv", "row 4, column value", "'19,9'", "'.' as the decimal separator, e.g. 19.9",
     "Vietnamese decimal comma"),
    ("thousands_dot.csv", "row 3, column value", "'2.010'", "no thousands separator",
     "reads as the decimal 2.01"),
    ("thousands_comma.csv", "row 3, column value", "'2,016'", "without thousands separator",
     "ambiguous"),
    ("duplicate_fact_id.csv", "row 5, column fact_id", "'laichau.population.2010.a'",
     "a unique fact_id (already used in row 2)", "duplicate key"),
    ("duplicate_row.csv", "row 5", "the same geography, variable, year, period, kind, qualifier",
     "one row per figure per source", "as row 2"),
    ("negative_population.csv", "row 2, column value", "-380.8", "a value >= 0",
     "population in thousand persons cannot be negative"),
    ("share_over_100.csv", "row 4, column value", "199", "a share between 0 and 100",
     "trained_employed_share"),
    ("year_out_of_range.csv", "row 3, column year", "2202", "a year between 1995 and 2030", ""),
    ("bom.csv", "row 1", "byte-order mark (BOM, EF BB BF)", "UTF-8 without BOM", ""),
    ("cp1258.csv", "line 2, byte 33", "bytes e2 75 that are not valid UTF-8",
     "a UTF-8 encoded file", "cp1258"),
]


@pytest.mark.parametrize(("name", "location", "found", "expected", "extra"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_file_names_file_row_column_found_expected(name, location, found, expected, extra):
    path = FIXTURES / name
    with pytest.raises(InputErrors) as info:
        read_facts(path)
    matching = [e for e in info.value.errors if e.location and e.location.startswith(location)]
    assert matching, f"no error at {location}: {info.value}"
    message = str(matching[0])
    assert str(path) in message
    for part in (location, found, expected, extra):
        assert part in message, f"{part!r} not in {message!r}"


def test_cp1258_file_reports_every_bad_line_and_nothing_else():
    with pytest.raises(InputErrors) as info:
        read_facts(FIXTURES / "cp1258.csv")
    assert {e.location.split(",")[0] for e in info.value.errors} == {"line 2", "line 3", "line 4"}
    assert all("legacy encoding" in str(e) for e in info.value.errors)


def test_all_problems_of_a_file_are_raised_together():
    with pytest.raises(InputErrors) as info:
        read_facts(FIXTURES / "several_problems.csv")
    where = [e.location for e in info.value.errors]
    assert where == ["row 2, column value", "row 3, column unit", "row 4, column value"]
    assert "3 problem(s)" in str(info.value)


def test_good_fixture_and_shipped_sources_pass():
    good = read_facts(FIXTURES / "good.csv")
    assert list(good["fact_id"]) == ["laichau.population.2010.a",
                                     "laichau.budget_revenue_local.2022.a",
                                     "vietnam.trained_employed_share.2015.a"]
    shipped = read_sources(ROOT / "data" / "raw" / "sources.csv")
    assert len(shipped) == 442
    assert shipped["fact_id"].is_unique
    row = shipped.set_index("fact_id").loc["laichau.st_budget_recurrent_provincial_level.2022.a"]
    assert row["value"] == 14.286 and row["unit"] == "billion VND"


def test_wrong_header_is_named(tmp_path):
    bad = tmp_path / "sources.csv"
    text = (FIXTURES / "good.csv").read_text(encoding="utf-8").replace("fact_id,", "id,", 1)
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors, match=r"row 1 \(header\).*missing: fact_id; unexpected: id"):
        read_facts(bad)


def _department_row(variable="st_budget", year=2022, value="20.5", **kw) -> dict:
    unit, basis = DEPARTMENT_VARIABLES[variable]
    row = {
        "fact_id": f"department.2025-03-01-0a1b2c3d.{variable}.{year}", "geography": "Lai Châu",
        "variable": variable, "year": str(year), "period": "", "value": value, "unit": unit,
        "basis": basis, "kind": "outturn", "qualifier": "exact",
        "source_url": "file:mau-nhap-lieu.xlsx",
        "source_name": "Sở KH&CN Lai Châu (nhập ngày 2025-03-01)",
        "source_quality": "department", "quote": "Chi KH&CN!C5", "note": "",
    }
    row.update(kw)
    return row


def write_department(folder: Path, rows: list[dict], name="2025-03-01-0a1b2c3d.csv") -> Path:
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_department_variables_and_quality_are_accepted(tmp_path):
    rows = [_department_row(v, 2023, "3") for v in DEPARTMENT_VARIABLES]
    write_department(tmp_path / "department", rows)
    frame = read_department_dir(tmp_path / "department")
    assert sorted(frame["variable"]) == sorted(DEPARTMENT_VARIABLES)
    assert set(frame["source_quality"]) == {"department"}


def test_department_import_rejects_other_geography_and_wrong_basis(tmp_path):
    rows = [_department_row(geography="Điện Biên"),
            _department_row("researchers", 2022, "40", basis="FTE")]
    path = write_department(tmp_path / "department", rows)
    with pytest.raises(InputErrors) as info:
        read_department_dir(tmp_path / "department")
    text = str(info.value)
    assert f"{path}, row 2, column geography: found 'Điện Biên'; expected 'Lai Châu'" in text
    assert f"{path}, row 3, column basis: found 'FTE'; expected 'headcount' for researchers" in text


def test_missing_department_folder_is_empty_not_an_error(tmp_path):
    assert read_department_dir(tmp_path / "nope").empty


def test_fixture_folder_is_not_modified_by_reading(tmp_path):
    copy = tmp_path / "bom.csv"
    shutil.copy(FIXTURES / "bom.csv", copy)
    before = copy.read_bytes()
    with pytest.raises(InputErrors):
        read_facts(copy)
    assert copy.read_bytes() == before
