"""``khcn project | targets | uncertainty | scenarios | validate`` through the real parser."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from khcn_analysis.cli import main


@pytest.fixture
def built(processed_baseline) -> Path:
    return processed_baseline


@pytest.fixture(autouse=True)
def processed(built: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands read data/processed/; point them at a freshly built copy instead."""
    monkeypatch.setattr("khcn_analysis.core.paths.processed_dir", lambda: built)
    return built


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_engine_commands_are_registered(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("project", "targets", "uncertainty", "scenarios", "validate"):
        assert command in out


def test_project_csv_is_iamc_wide_format_for_every_year(capsys) -> None:
    code, out, _ = run(capsys, "project", "--scenario", "plan_as_written", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["model", "scenario", "region", "variable", "unit",
                                   *[str(y) for y in range(2010, 2031)]]
    assert set(frame["model"]) == {"khcn-workbook"} and set(frame["region"]) == {"Lai Chau"}
    row = frame[frame.variable == "Investment|S&T|Plan 182 Budget"]
    assert row["2014"].item() == pytest.approx(41.5)


def test_project_table_is_vietnamese_by_default_and_english_on_request(capsys) -> None:
    code, out, _ = run(capsys, "project", "--scenario", "plan_as_written", "--years", "2015", "2020", "2030")
    assert code == 0
    assert "Kinh phí theo Kế hoạch 182" in out and "41,5" in out and "tỷ đồng" in out
    header = next(line for line in out.splitlines() if line.startswith("chỉ tiêu"))
    assert header.split()[-3:] == ["2015", "2020", "2030"]
    code, out, _ = run(capsys, "project", "--scenario", "plan_as_written", "--years", "2015", "--lang", "en")
    assert "Plan 182 budget" in out and "41.5" in out


def test_project_json_and_years_filter(capsys) -> None:
    code, out, _ = run(capsys, "project", "--scenario", "gdp_linked", "--years", "2030", "--format", "json")
    payload = json.loads(out)
    assert payload["scenario"] == "gdp_linked"
    assert {r["year"] for r in payload["rows"]} == {2030}


def test_bad_year_is_a_clear_error(capsys) -> None:
    code, _, err = run(capsys, "project", "--scenario", "plan_as_written", "--years", "2040")
    assert code == 2 and "--years" in err and "2010–2030" in err


def test_targets_table_and_csv(capsys) -> None:
    code, out, _ = run(capsys, "targets", "--scenario", "meet_targets")
    assert code == 0 and "đạt" in out and "chưa tính được" in out
    code, out, _ = run(capsys, "targets", "--scenario", "plan_as_written", "--format", "csv")
    frame = pd.read_csv(io.StringIO(out))
    row = frame[(frame.target_id == "st_investment_2015")].iloc[0]
    assert row["status"] == "not_met" and row["gap_unit"] == "bn VND" and row["gap"] > 0


def test_uncertainty_is_reproducible_from_the_command_line(capsys) -> None:
    args = ("uncertainty", "--scenario", "plan_as_written", "--draws", "300", "--seed", "5", "--format", "json")
    _, first, _ = run(capsys, *args)
    _, second, _ = run(capsys, *args)
    assert first == second
    payload = json.loads(first)
    assert payload["draws"] == 300 and payload["seed"] == 5 and payload["probabilities"]
    code, out, _ = run(capsys, "uncertainty", "--scenario", "plan_as_written", "--draws", "300", "--seed", "5")
    assert code == 0 and "P50" in out and "xác suất đạt" in out


def test_scenarios_lists_names_and_descriptions(capsys) -> None:
    code, out, _ = run(capsys, "scenarios")
    for name in ("plan_as_written", "gdp_linked", "meet_targets", "austerity", "latest_trend"):
        assert name in out
    assert "40,8 tỷ" in out  # the plan's state money a year, 2013–2015 (plan_as_written's description)
    _, out, _ = run(capsys, "scenarios", "--lang", "en")
    assert "40.8 bn VND" in out


def test_validate_all_shipped_and_named_files(capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "validate", "--lang", "en")
    assert code == 0 and out.count("ok") == 5
    data = yaml.safe_load(Path("scenarios/austerity.yaml").read_text(encoding="utf-8"))
    data["austerity_cut"] = 10
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = run(capsys, "validate", "--lang", "en", "austerity", str(bad), "../../etc/x")
    assert code == 2
    assert "ok" in out and "austerity.yaml" in out
    assert "austerity_cut" in err and str(bad) in err and "did you mean 'austerity_cut_pct'" in err
    assert "../../etc/x" in err


def test_project_accepts_a_scenario_path(capsys, tmp_path: Path) -> None:
    data = yaml.safe_load(Path("scenarios/plan_as_written.yaml").read_text(encoding="utf-8"))
    data["name"] = "my_variant"
    path = tmp_path / "my_variant.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "project", "--scenario", str(path), "--format", "csv", "--years", "2030")
    assert code == 0 and "my_variant" in out
