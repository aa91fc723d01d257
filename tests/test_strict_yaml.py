"""The one strict YAML loader, alone and through every command that reads a YAML file.

Each hostile case (a key given twice, a YAML 1.1 boolean/octal/base-60 number, ``true``
where a number is expected, an alias bomb, a 20 MB list) must reach the user as exit 2
with a message naming the file, the line, what was found and what was expected, and no
traceback: through ``khcn validate``, ``khcn project --scenario FILE``, ``khcn plan --plan
FILE`` and ``khcn data build`` (the assumptions loader).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from khcn_analysis.cli import main
from khcn_analysis.core import strict_yaml
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.strict_yaml import MAX_BYTES, MAX_NODES, YamlError, parse_yaml, read_yaml

ROOT = Path(__file__).resolve().parent.parent
KHCN = Path(sys.executable).parent / "khcn"
SCENARIO = (ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")
PLAN = (ROOT / "data" / "raw" / "plans" / "lai-chau-2013.yaml").read_text(encoding="utf-8")
ASSUMPTIONS = (ROOT / "data" / "raw" / "assumptions.yaml").read_text(encoding="utf-8")


def alias_bomb() -> str:
    """Nine levels of nine aliases: 9**9 (387 million) values from about 350 bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- the loader itself


def load(text: str) -> object:
    return parse_yaml(text, source="t.yaml", expected="a test mapping").data


def test_yaml_1_1_spellings_stay_text() -> None:
    data = load("a: yes\nb: no\nc: on\nd: off\ne: 012\nf: 1:0\ng: 0x1F\nh: 1_000\ni: 2013-02-22\n")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "012", "f": "1:0", "g": "0x1F",
                    "h": "1_000", "i": "2013-02-22"}


def test_plain_numbers_booleans_and_null_are_still_typed() -> None:
    data = load("a: 12\nb: -3.5\nc: 1e3\nd: .5\ne: true\nf: False\ng: null\nh: ~\ni: 0\nj: 'yes'\n")
    assert data == {"a": 12, "b": -3.5, "c": 1000.0, "d": 0.5, "e": True, "f": False, "g": None,
                    "h": None, "i": 0, "j": "yes"}
    assert isinstance(data["a"], int) and isinstance(data["c"], float)


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: 1\nb: 2\na: 3\n", 3, ("duplicate key 'a'", "first at line 1", "at most once")),
    ("outer:\n  k: 1\n  k: 2\n", 3, ("duplicate key 'k'",)),
    ("a: !!int 012\n", 1, ("tagged", "decimal numbers")),
    ("a: !!python/object:os.system x\n", 1, ("tagged",)),
    ("a: &x [*x]\n", 1, ("refers to itself",)),
    ("base: &b {x: 1}\nother:\n  <<: *b\n", 3, ("merge key",)),
    ("a: [unclosed\n", 2, ("invalid YAML", "valid YAML")),
])
def test_refusals_name_the_line_found_and_expected(text: str, line: int, words: tuple[str, ...]) -> None:
    with pytest.raises(YamlError) as info:
        load(text)
    message = str(info.value)
    assert message.startswith(f"t.yaml, line {line}"), message
    assert "found" in message and "expected" in message
    for word in words:
        assert word in message, message


@pytest.mark.parametrize(("text", "found"), [
    ("", "an empty file"), ("- a\n- b\n", "a list at the top level"), ("just text\n", "single value"),
])
def test_the_top_level_must_be_a_mapping(text: str, found: str) -> None:
    with pytest.raises(YamlError, match=found):
        load(text)


def test_an_alias_bomb_is_refused_on_the_node_graph_before_anything_is_built(monkeypatch) -> None:
    """Bounded by construction: the expanded size is counted per node, nothing is constructed."""
    def never(*_a, **_k):
        raise AssertionError("a Python object was built from the bomb")

    monkeypatch.setattr(strict_yaml._Loader, "construct_document", never)
    text = alias_bomb()
    assert len(text) < 4096
    with pytest.raises(YamlError) as info:
        load(text)
    assert f"more than {MAX_NODES:,} values" in str(info.value) and "alias" in str(info.value)


def test_the_same_aliases_within_bounds_load() -> None:
    data = load("base: &b [1, 2]\nother: *b\n")
    assert data == {"base": [1, 2], "other": [1, 2]}


def test_a_big_file_is_refused_before_parsing(tmp_path: Path, monkeypatch) -> None:
    def never(*_a, **_k):
        raise AssertionError("the parser was started")

    monkeypatch.setattr(strict_yaml, "_Loader", never)
    path = tmp_path / "big.yaml"
    path.write_text("items:\n" + "- 1\n" * 5_000_000, encoding="ascii")  # 20 MB
    with pytest.raises(YamlError) as info:
        read_yaml(path, expected="a scenario")
    assert f"at most {MAX_BYTES:,} bytes" in str(info.value) and "big.yaml" in str(info.value)


def test_line_numbers_of_keys_and_items_are_remembered() -> None:
    doc = parse_yaml("a: 1\nlist:\n  - x: 1\n  - x: 2\n    y: 3\n", expected="x")
    assert doc.line(["list", 1, "y"]) == 5
    assert doc.line(["list", 1, "missing"]) == 4  # the deepest known part
    assert doc.where(["a"], "key 'a'") == "key 'a' (line 1)"
    assert doc.line(["nowhere"]) is None


def test_errors_are_input_errors_with_exit_code_2() -> None:
    with pytest.raises(InputError) as info:
        load("a: 1\na: 2\n")
    assert info.value.exit_code == 2 and info.value.file == "t.yaml"


# --------------------------------------------------------------------------- through the commands

#: case -> (how to make the hostile file from the good text, words the message must hold)
SCENARIO_CASES = {
    "duplicate_key": (lambda s: s.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: 12.0\ngrdp_growth_pct: 39"),
                      ("duplicate key 'grdp_growth_pct'", "line ")),
    "yes_as_number": (lambda s: s.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: yes"),
                      ("grdp_growth_pct", "yes/no word", "line ")),
    "octal": (lambda s: s.replace("draws: 1000", "draws: 012"), ("draws", "leading zero", "octal", "line ")),
    "sexagesimal": (lambda s: s.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: 1:0"),
                    ("grdp_growth_pct", "base-60", "line ")),
    "bool_as_number": (lambda s: s.replace("draws: 1000", "draws: true"), ("draws", "not true/false", "line ")),
    "alias_bomb": (lambda s: s + alias_bomb().replace("a0:", "x_a0:"), ("alias bomb",)),
    "twenty_megabytes": (lambda s: s + "big:\n" + "- 1\n" * 5_000_000, ("bytes",)),
}


def scenario_file(tmp_path: Path, case: str) -> Path:
    make, _ = SCENARIO_CASES[case]
    path = tmp_path / "my_case.yaml"
    path.write_text(make(SCENARIO.replace("name: plan_as_written", "name: my_case")), encoding="utf-8")
    return path


def refused_in_process(capsys, argv: list[str], words: tuple[str, ...], file: Path) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("khcn: error:") and "Traceback" not in err, err
    assert str(file) in err and "expected" in err, err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("case", list(SCENARIO_CASES))
def test_validate_refuses(case: str, tmp_path: Path, capsys) -> None:
    path = scenario_file(tmp_path, case)
    refused_in_process(capsys, ["validate", str(path)], SCENARIO_CASES[case][1], path)


@pytest.mark.parametrize("case", list(SCENARIO_CASES))
def test_project_refuses(case: str, tmp_path: Path, capsys) -> None:
    path = scenario_file(tmp_path, case)
    refused_in_process(capsys, ["project", "--scenario", str(path)], SCENARIO_CASES[case][1], path)


def test_the_good_copy_loads(tmp_path: Path, capsys) -> None:
    path = tmp_path / "my_case.yaml"
    path.write_text(SCENARIO.replace("name: plan_as_written", "name: my_case"), encoding="utf-8")
    assert main(["validate", "--lang", "en", str(path)]) == 0
    assert f"ok  {path}" in capsys.readouterr().out


PLAN_CASES = {
    "duplicate_key": (lambda s: s.replace("stated_total: 124.5", "stated_total: 124.5\n      stated_total: 99", 1),
                      ("duplicate key 'stated_total'", "line ")),
    "yes_as_number": (lambda s: s.replace("stated_total: 124.5", "stated_total: yes", 1),
                      ("stated_total", "yes/no word", "line ")),
    "octal": (lambda s: s.replace("start_year: 2013", "start_year: 02013", 1), ("start_year", "octal", "line ")),
    "sexagesimal": (lambda s: s.replace("stated_total: 124.5", "stated_total: 2:04:30", 1),
                    ("stated_total", "base-60", "line ")),
    "bool_as_number": (lambda s: s.replace("stated_total: 124.5", "stated_total: true", 1),
                       ("stated_total", "not true/false", "line ")),
    "alias_bomb": (lambda s: s + alias_bomb().replace("a0:", "x_a0:"), ("alias bomb",)),
    "twenty_megabytes": (lambda s: s + "big:\n" + "- 1\n" * 5_000_000, ("bytes",)),
}


@pytest.mark.parametrize("case", list(PLAN_CASES))
def test_plan_and_audit_refuse(case: str, tmp_path: Path, capsys) -> None:
    make, words = PLAN_CASES[case]
    text = make(PLAN)
    assert text != PLAN
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    for command in ("plan", "audit"):
        refused_in_process(capsys, [command, "--plan", str(path)], words, path)


ASSUMPTION_CASES = {
    "duplicate_key": (lambda s: s.replace("    rule: ", "    rule: value\n    rule: ", 1), ("duplicate key 'rule'",)),
    "yes_as_number": (lambda s: s.replace("    rule: ", "    value: yes\n    rule: ", 1), ("value", "yes/no word")),
    "octal": (lambda s: s.replace("years: [2022]", "years: [02022]", 1), ("years", "octal")),
    "bool_as_number": (lambda s: s.replace("    rule: ", "    value: true\n    rule: ", 1), ("value", "true/false")),
    "alias_bomb": (lambda s: s + alias_bomb().replace("a0:", "x_a0:"), ("alias bomb",)),
    "twenty_megabytes": (lambda s: s + "big:\n" + "- 1\n" * 5_000_000, ("bytes",)),
}


@pytest.fixture(scope="module")
def raw_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("root")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(ROOT / "scenarios", root / "scenarios")
    return root


@pytest.mark.parametrize("case", list(ASSUMPTION_CASES))
def test_data_build_refuses_hostile_assumptions(case: str, raw_copy: Path, tmp_path: Path, capsys,
                                                monkeypatch) -> None:
    root = tmp_path / "root"
    shutil.copytree(raw_copy, root)
    make, words = ASSUMPTION_CASES[case]
    path = root / "data" / "raw" / "assumptions.yaml"
    text = make(ASSUMPTIONS)
    assert text != ASSUMPTIONS
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("KHCN_ROOT", str(root))
    refused_in_process(capsys, ["data", "build"], words, path)
    assert not (root / "data" / "processed" / "observations.csv").exists()


def test_the_installed_command_refuses_a_duplicate_key_without_a_traceback(tmp_path: Path) -> None:
    path = scenario_file(tmp_path, "duplicate_key")
    done = subprocess.run([str(KHCN), "validate", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "duplicate key 'grdp_growth_pct'" in done.stderr
