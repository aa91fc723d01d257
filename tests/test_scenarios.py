"""Scenario files: validated models, strict about keys, ranges and where they come from."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from khcn_analysis.model.scenarios import (
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
    validate_namespace,
    validate_parameters,
)

SHIPPED = ["plan_as_written", "gdp_linked", "meet_targets", "austerity", "latest_trend"]


def _params(name: str = "plan_as_written") -> dict:
    return load_scenario(name).as_parameters()


def _write(tmp_path: Path, data: dict, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_shipped_scenario_loads_and_names_match_files() -> None:
    names = [s.name for s in list_scenarios()]
    assert sorted(names) == sorted(SHIPPED)
    for name in SHIPPED:
        sc = load_scenario(name)
        assert sc.path is not None and sc.path.stem == name


@pytest.mark.parametrize("name", SHIPPED)
def test_parameters_are_ascii_ids_except_descriptions_and_titles(name: str) -> None:
    params = _params(name)
    for key, value in params.items():
        if key.startswith(("description_", "title_")):
            continue
        assert str(value).isascii(), (key, value)
    assert validate_parameters(params).as_parameters() == params


def test_a_copied_file_with_edited_numbers_is_a_new_scenario(tmp_path: Path) -> None:
    data = _params()
    data.update(name="my_copy", austerity_cut_pct=12.5)
    sc = load_scenario(_write(tmp_path, data, "my_copy.yaml"))
    assert sc.name == "my_copy" and sc.austerity_cut_pct == 12.5 and sc.path == tmp_path / "my_copy.yaml"


def test_unknown_key_is_an_error_naming_the_key_and_file(tmp_path: Path) -> None:
    data = _params()
    data["grdp_grwth_pct"] = 9.0
    path = _write(tmp_path, data)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = str(err.value)
    assert "grdp_grwth_pct" in text and str(path) in text and "did you mean 'grdp_growth_pct'" in text


@pytest.mark.parametrize(
    ("key", "value"),
    [("grdp_growth_pct", 400.0), ("austerity_cut_pct", 100.0), ("draws", 0), ("base_year", 1999),
     ("st_budget_rule", "whatever"), ("nonstate_value", 100.0)],
)
def test_out_of_range_values_name_the_key(tmp_path: Path, key: str, value: object) -> None:
    data = _params()
    data[key] = value
    path = _write(tmp_path, data)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert f"key '{key}'" in str(err.value) and str(path) in str(err.value)


def test_bad_distribution_names_the_nested_key(tmp_path: Path) -> None:
    data = _params()
    data["uncertainty"]["grdp_growth_pct"] = {"kind": "uniform", "low": 5, "high": 99}
    with pytest.raises(ScenarioError, match=r"uncertainty\.grdp_growth_pct"):
        load_scenario(_write(tmp_path, data))
    data["uncertainty"]["grdp_growth_pct"] = {"kind": "normal", "low": 5, "high": 9, "mean": 7}
    with pytest.raises(ScenarioError, match="sd"):
        load_scenario(_write(tmp_path, data))


def test_fixed_share_rule_needs_its_share(tmp_path: Path) -> None:
    data = _params()
    data["st_budget_rule"] = "fixed_share_expenditure"
    with pytest.raises(ScenarioError, match="st_budget_share_expenditure_pct"):
        load_scenario(_write(tmp_path, data))


def test_missing_required_key_is_named(tmp_path: Path) -> None:
    data = _params()
    del data["grdp_growth_pct"]
    with pytest.raises(ScenarioError, match="key 'grdp_growth_pct'.*required"):
        load_scenario(_write(tmp_path, data))


@pytest.mark.parametrize("ref", ["../../x", "../scenarios/plan_as_written", "/etc/passwd", "PLAN"])
def test_path_like_names_are_refused(ref: str) -> None:
    with pytest.raises(ScenarioError, match="names cannot point outside scenarios/"):
        load_scenario(ref)


def test_unknown_name_lists_the_shipped_ones() -> None:
    with pytest.raises(ScenarioError, match="plan_as_written"):
        load_scenario("no_such_scenario")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "absent.yaml")


def test_validate_parameters_applies_overrides_on_a_named_scenario() -> None:
    sc = validate_parameters({"scenario": "austerity", "austerity_cut_pct": 50.0})
    assert sc.name == "austerity" and sc.austerity_cut_pct == 50.0
    with pytest.raises(ScenarioError, match="austerity_cut_pct"):
        validate_parameters({"scenario": "austerity", "austerity_cut_pct": -1})


def test_validate_namespace_catches_a_misspelt_injected_parameter() -> None:
    namespace = {"scenario": "plan_as_written", "lang": "vi", "In": [], "_": None, "Path": Path}
    assert validate_namespace(namespace, allow=("lang",)).name == "plan_as_written"
    namespace["seeed"] = 3  # what papermill injects for `-p seeed 3`
    with pytest.raises(ScenarioError, match="seeed.*did you mean 'seed'"):
        validate_namespace(namespace, allow=("lang",))


def test_model_forbids_extra_fields_directly() -> None:
    with pytest.raises(ScenarioError, match="colour"):
        validate_parameters({**_params(), "colour": "red"})
    assert Scenario.model_config["extra"] == "forbid"


TITLES = {
    "plan_as_written": ("Theo Kế hoạch 182", "Plan 182 as written"),
    "gdp_linked": ("Chi KH&CN giữ tỷ lệ so với GRDP", "S&T spending keeps its GRDP share"),
    "meet_targets": ("Cần bao nhiêu để đạt mục tiêu", "What it takes"),
    "austerity": ("Cắt giảm kinh phí", "Funding cut"),
    "latest_trend": ("Theo xu hướng gần nhất", "Latest trend"),
}


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_scenario_has_a_title_in_both_languages(name: str) -> None:
    from khcn_analysis.model.scenarios import scenario_title

    sc = load_scenario(name)
    vi, en = TITLES[name]
    assert (sc.title("vi"), sc.title("en")) == (vi, en)
    assert (scenario_title(name, "vi"), scenario_title(name, "en")) == (vi, en)  # by id, as tables give it


def test_title_keys_are_optional_and_fall_back_to_the_name(tmp_path: Path) -> None:
    from khcn_analysis.model.scenarios import scenario_title

    data = _params()
    for key in ("title_vi", "title_en"):
        data.pop(key)
    data["name"] = "no_title"
    sc = load_scenario(_write(tmp_path, data, "no_title.yaml"))
    assert sc.title_vi is None and sc.title("vi") == "no_title" and sc.title("en") == "no_title"
    assert scenario_title("no_title", "vi", directory=tmp_path) == "no_title"
    assert scenario_title("not_a_file", "en", directory=tmp_path) == "not_a_file"
    data.update(title_vi="Tự đặt", title_en=None)
    sc = load_scenario(_write(tmp_path, data, "no_title.yaml"))
    assert sc.title("vi") == "Tự đặt" and sc.title("en") == "no_title"


@pytest.mark.parametrize("value", [12, ["a"], {"vi": "x"}, "", True])
def test_a_title_that_is_not_text_names_the_key(tmp_path: Path, value: object) -> None:
    data = _params()
    data["title_en"] = value
    path = _write(tmp_path, data)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert "key 'title_en'" in str(err.value) and str(path) in str(err.value)


def test_a_misspelt_title_key_is_still_an_unknown_key(tmp_path: Path) -> None:
    data = _params()
    data["title_fr"] = "Plan 182 tel quel"
    path = _write(tmp_path, data)
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = str(err.value)
    assert "title_fr" in text and "an unknown key" in text and str(path) in text
