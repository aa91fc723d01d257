"""The ``khcn`` shell itself: strict JSON, scenario identity, the terminal and the environment.

Every test goes through the real command: ``main()`` in process for the many cases, the
installed console script in a subprocess where the process's own streams matter
(``/dev/full``, an ASCII console). All of them run in a private project root
(``KHCN_ROOT`` = a copy of ``data/raw`` and ``scenarios`` with ``data/processed`` built).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from khcn_analysis.cli import main

ROOT = Path(__file__).resolve().parent.parent
KHCN = Path(sys.executable).parent / "khcn"
SHIPPED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
SCENARIO = (ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built_root(new_project) -> Path:
    return new_project("root")


@pytest.fixture
def root(built_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KHCN_ROOT", str(built_root))
    return built_root


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, *argv: str, words: tuple[str, ...] = ()) -> str:
    code, _, err = run(capsys, *argv)
    assert code == 2, err
    assert err.startswith("khcn: error:") and "Traceback" not in err and "internal error" not in err, err
    for word in words:
        assert word in err, err
    return err


def subprocess_env(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KHCN_", "PYTEST"))}
    env.update(KHCN_ROOT=str(root), MPLBACKEND="Agg", **extra)
    return env


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def strict_json(text: str) -> object:
    """Parse as a strict parser would (JavaScript's JSON.parse): NaN and Infinity refused."""
    return json.loads(text, parse_constant=_no_constant)


def my_scenario(tmp_path: Path, name: str, file_name: str | None = None, **replace: str) -> Path:
    text = SCENARIO.replace("name: plan_as_written", f"name: {name}")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / (file_name or f"{name}.yaml")
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- strict JSON

JSON_COMMANDS = {
    "project": ("project", "--scenario", "{s}", "--format", "json"),
    "targets": ("targets", "--scenario", "{s}", "--format", "json"),
    "uncertainty": ("uncertainty", "--scenario", "{s}", "--draws", "200", "--format", "json"),
}


@pytest.mark.parametrize("scenario", SHIPPED)
@pytest.mark.parametrize("command", list(JSON_COMMANDS))
def test_every_json_output_parses_strictly(root: Path, capsys, command: str, scenario: str) -> None:
    argv = [a.format(s=scenario) for a in JSON_COMMANDS[command]]
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert "NaN" not in out and "Infinity" not in out
    payload = strict_json(out)
    assert isinstance(payload, dict) and payload


@pytest.mark.parametrize("command", ["plan", "audit"])
def test_plan_and_audit_json_parse_strictly(root: Path, capsys, command: str) -> None:
    code, out, err = run(capsys, command, "--format", "json")
    assert code == 0, err
    assert strict_json(out)


def test_a_missing_value_is_null(root: Path, capsys) -> None:
    """A target that cannot be computed has no value: ``null``, where ``NaN`` used to be written."""
    _, out, _ = run(capsys, "targets", "--scenario", "plan_as_written", "--format", "json")
    rows = strict_json(out)["rows"]
    unknown = [r for r in rows if r["status"] == "not_computable"]
    assert unknown and all(r["value"] is None for r in unknown)


# --------------------------------------------------------------------------- scenario identity


def test_a_copy_that_kept_the_shipped_name_is_refused_and_overwrites_nothing(root: Path, tmp_path: Path,
                                                                              capsys) -> None:
    official = root / "reports" / "excel" / "plan_as_written.xlsx"
    assert main(["export-xlsx", "--scenario", "plan_as_written"]) == 0
    before = official.read_bytes()
    copy = my_scenario(tmp_path, "plan_as_written", **{"grdp_growth_pct: 12.0": "grdp_growth_pct: 3.0"})
    for argv in (["export-xlsx", "--scenario", str(copy)], ["project", "--scenario", str(copy)],
                 ["targets", "--scenario", str(copy)], ["validate", str(copy)]):
        refused(capsys, *argv, words=(str(copy), "shipped scenario", "a name of its own"))
    assert official.read_bytes() == before


def test_a_file_whose_name_key_disagrees_with_its_file_name_is_refused(root: Path, tmp_path: Path,
                                                                        capsys) -> None:
    copy = my_scenario(tmp_path, "plan_as_written", file_name="my_case.yaml")
    for argv in (["export-xlsx", "--scenario", str(copy)], ["project", "--scenario", str(copy)]):
        refused(capsys, *argv, words=("name: plan_as_written in a file called my_case.yaml", "agree"))
    assert not (root / "reports" / "excel" / "my_case.xlsx").exists()


def test_a_copy_with_its_own_name_runs_under_that_name(root: Path, tmp_path: Path, capsys) -> None:
    copy = my_scenario(tmp_path, "my_case", **{"grdp_growth_pct: 12.0": "grdp_growth_pct: 3.0"})
    code, out, err = run(capsys, "project", "--scenario", str(copy), "--format", "json")
    assert code == 0, err and strict_json(out)["scenario"] == "my_case"
    assert main(["export-xlsx", "--scenario", str(copy)]) == 0
    assert (root / "reports" / "excel" / "my_case.xlsx").is_file()


# --------------------------------------------------------------------------- terminal


ESCAPES = "\\e[2J\\e]8;;http://x.invalid\\a\\e[31m"


def test_escape_sequences_in_a_title_never_reach_the_terminal(root: Path, tmp_path: Path, capsys) -> None:
    copy = my_scenario(tmp_path, "my_case")
    text = copy.read_text(encoding="utf-8")
    start = text.index("title_vi:")
    end = text.index("\n", start)
    copy.write_text(text[:start] + f'title_vi: "Tiêu đề {ESCAPES}đỏ\\u202e"' + text[end:], encoding="utf-8")
    for argv in (("project", "--scenario", str(copy), "--years", "2020"), ("targets", "--scenario", str(copy)),
                 ("uncertainty", "--scenario", str(copy), "--draws", "50")):
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        assert "Tiêu đề" in out and "đỏ" in out
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_escape_sequences_in_an_error_are_stripped(root: Path, capsys) -> None:
    err = refused(capsys, "project", "--scenario", "x\x1b[2Jy")
    assert "\x1b" not in err and "x[2Jy" not in err and "xy" in err


@pytest.mark.slow  # the installed command in a subprocess
def test_a_full_device_is_a_clear_exit_2(built_root: Path) -> None:
    for argv in (["plan"], ["project", "--scenario", "plan_as_written", "--format", "csv"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([str(KHCN), *argv], stdout=full, stderr=subprocess.PIPE, text=True,
                                  env=subprocess_env(built_root), timeout=300)
        assert done.returncode == 2, done.stderr
        assert "cannot write the output" in done.stderr and "disk is full" in done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr


@pytest.mark.slow  # the installed command in a subprocess
def test_an_ascii_console_is_a_clear_exit_2(built_root: Path) -> None:
    done = subprocess.run([str(KHCN), "plan"], capture_output=True, env=subprocess_env(
        built_root, PYTHONIOENCODING="ascii"), timeout=300)
    err = done.stderr.decode("ascii")  # the message itself is ASCII-safe
    assert done.returncode == 2, err
    assert "encoding (ascii)" in err and "UTF-8" in err and "Traceback" not in err


@pytest.mark.slow  # the installed command in a subprocess
def test_a_c_locale_console_still_shows_vietnamese(built_root: Path) -> None:
    done = subprocess.run([str(KHCN), "plan"], capture_output=True, timeout=300,
                          env=subprocess_env(built_root, LANG="C", LC_ALL="C"))
    assert done.returncode in (0, 2), done.stderr
    if done.returncode == 0:
        assert "MỤC TIÊU" in done.stdout.decode("utf-8")
    else:  # a Python without UTF-8 mode: the clear message, never an internal error
        assert b"UTF-8" in done.stderr and b"internal error" not in done.stderr


@pytest.mark.parametrize("argv", [["project", "--scenario", "{p}"], ["validate", "{p}"], ["plan", "--plan", "{p}"],
                                  ["export-xlsx", "--scenario", "{p}"]])
def test_a_6000_character_path_is_a_short_clear_error(root: Path, capsys, argv: list[str]) -> None:
    long = "/tmp/" + "a" * 6000 + ".yaml"
    err = refused(capsys, *[a.format(p=long) for a in argv], words=("longer than the system allows",))
    assert len(err) < 1000


# --------------------------------------------------------------------------- environment and options


def test_a_wrong_khcn_root_says_it_is_not_a_project(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("KHCN_ROOT", str(tmp_path))
    for argv in (["project", "--scenario", "plan_as_written"], ["scenarios"], ["validate"], ["plan"],
                 ["targets", "--scenario", "plan_as_written"]):
        err = refused(capsys, *argv, words=(str(tmp_path), "KHCN_ROOT", "no scenarios/ or data/raw/"))
        assert "(none)" not in err


def test_uncertainty_years_apply_to_every_format(root: Path, capsys) -> None:
    base = ("uncertainty", "--scenario", "plan_as_written", "--draws", "100", "--years", "2020")
    _, out, _ = run(capsys, *base, "--format", "json")
    payload = strict_json(out)
    assert {r["year"] for r in payload["bands"]} == {2020}
    assert {r["year"] for r in payload["probabilities"]} == {2020}
    _, out, _ = run(capsys, *base, "--format", "csv")
    assert set(pd.read_csv(io.StringIO(out))["year"]) == {2020}


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_out_of_range_years_are_refused(root: Path, capsys, fmt: str) -> None:
    refused(capsys, "uncertainty", "--scenario", "plan_as_written", "--years", "2031", "--format", fmt,
            words=("--years", "2031", "2010–2030"))


@pytest.mark.parametrize("argv", [
    ["targets", "--scenario", "plan_as_written", "--format", "csv", "--lang", "en"],
    ["project", "--scenario", "plan_as_written", "--format", "json", "--lang", "en"],
    ["uncertainty", "--scenario", "plan_as_written", "--format", "csv", "--lang", "vi"],
    ["plan", "--format", "json", "--lang", "en"],
])
def test_an_option_without_effect_is_refused(root: Path, capsys, argv: list[str]) -> None:
    refused(capsys, *argv, words=("--lang", "no effect"))


def test_audit_json_takes_the_language(root: Path, capsys) -> None:
    _, out, _ = run(capsys, "audit", "--format", "json", "--lang", "en")
    findings = strict_json(out)["findings"]
    assert all(f["message"] == f["message_en"] for f in findings)


def test_implausible_projections_carry_a_warning_in_every_format(root: Path, tmp_path: Path, capsys) -> None:
    wild = my_scenario(tmp_path, "wild", **{"researcher_growth_mode: percent\nresearcher_growth_value: 2.17":
                                            "researcher_growth_mode: percent\nresearcher_growth_value: 100"})
    code, out, err = run(capsys, "project", "--scenario", str(wild), "--years", "2030")
    assert code == 0, err
    assert "Cảnh báo:" in out and "người/vạn dân" in out and "không quốc gia nào" in out
    code, out, _ = run(capsys, "targets", "--scenario", str(wild), "--format", "json")
    warnings = strict_json(out)["warnings"]
    assert [w["variable"] for w in warnings if w["rule"] == "ceiling"] == ["researcher_density"]
    code, out, err = run(capsys, "project", "--scenario", str(wild), "--format", "csv")
    assert "Cảnh báo:" in err and "Cảnh báo" not in out
    assert not pd.read_csv(io.StringIO(out)).empty
    for shipped in SHIPPED:  # the shipped scenarios stay quiet
        _, out, _ = run(capsys, "targets", "--scenario", shipped, "--format", "json")
        assert strict_json(out)["warnings"] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_target_rows_show_titles_and_the_scope_in_words(root: Path, capsys, lang: str) -> None:
    """National rows printed raw ids (``res31_rd_2021_2025 [national]``): now a title and a scope word."""
    from khcn_analysis.plan.load import load_national_targets, load_plan

    code, out, err = run(capsys, "targets", "--scenario", "plan_as_written", "--lang", lang)
    assert code == 0, err
    for target in [*load_plan().targets, *load_national_targets().targets]:
        assert target.id not in out
    national = [line for line in out.splitlines() if ("quốc gia" if lang == "vi" else "national") in line]
    assert national and all("[" not in line for line in national)
    assert load_national_targets().targets[0].title(lang) in out
