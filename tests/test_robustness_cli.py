"""The real ``khcn`` command fed hostile input: a clear message, a non-zero exit, no traceback,
and nothing written outside the chosen output folder.

Each test runs the command against a throw-away project root (``KHCN_ROOT`` = a copy of
the built project's ``data/`` and ``scenarios/`` in ``tmp_path``), with its working
directory inside that root. Every file under ``tmp_path`` is hashed before and after; a
refused command must leave all of them as they were, and a command that writes may only
touch its output folder.

How the command is run:

* Most tests run it in a process of its own forked from a warmed-up interpreter
  (:class:`cli_runner.Zygote`): the function the ``khcn`` console script names is
  called as the script calls it, with the test's environment, working directory and
  arguments, stdout and stderr on files at the descriptor level, and the exit status of
  the process. What is skipped is the interpreter start and the imports (1–2 s of CPU
  per run), which these tests are not about.
* One case per command family calls ``box.use_the_script()`` and runs the installed
  console script itself in a subprocess (a scenario: ``truncated``; a plan:
  ``invalid_yaml``; ``data build``: ``truncated_in_quote``; ``data import``: ``not_a_zip``;
  a command that writes: ``export-xlsx``; ``explore``), so the script, its entry point
  and a cold start stay covered. ``test_cli_shell`` runs the script for what is decided at interpreter
  start (the encoding of the console, a full device).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cli_runner import KHCN, Zygote, base_env

# The command in processes of its own (a fork each, a few cold starts): make test runs them,
# make test-fast leaves them out (the same refusals are tested in-process in test_cli_shell and others).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

@dataclass
class Sandbox:
    base: Path  # everything the test owns: hashed before and after
    root: Path  # KHCN_ROOT
    cwd: Path
    inputs: Path
    env: dict[str, str] = field(default_factory=dict)
    zygote: Zygote | None = None  # None: the installed script in a subprocess

    def use_the_script(self, when: bool = True) -> None:
        """From now on (if ``when``), run the installed console script in a subprocess."""
        if when:
            self.zygote = None

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        if self.zygote is not None:
            return self.zygote.run(args, cwd=self.cwd, env=self.env, timeout=timeout)
        return subprocess.run([str(KHCN), *args], cwd=self.cwd, env=self.env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)

    def write(self, name: str, data: bytes | str) -> Path:
        path = self.inputs / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path


def snapshot(base: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in sorted(base.rglob("*")):
        rel = path.relative_to(base).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


@pytest.fixture
def pristine(built_project: Path) -> Path:
    """The repository's raw data and scenarios, with data/processed built (read only; its notebooks/
    are not copied into a box: these tests run the commands of a project without notebooks)."""
    return built_project


@pytest.fixture(scope="module")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    runner = Zygote(tmp_path_factory.mktemp("khcn-runs"))
    yield runner
    runner.close()


@pytest.fixture
def box(tmp_path: Path, pristine: Path, zygote: Zygote) -> Sandbox:
    root = tmp_path / "project"
    shutil.copytree(pristine, root, ignore=lambda folder, names: ["notebooks"] if Path(folder) == pristine else [])
    (root / "reports").mkdir()
    cwd = root / "cwd"
    cwd.mkdir()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    env = {**base_env(), "KHCN_ROOT": str(root)}
    return Sandbox(tmp_path, root, cwd, inputs, env, zygote)


def refused(box: Sandbox, *args: str, words: tuple[str, ...] = ()) -> str:
    """Run ``khcn args``; it must fail cleanly, say what was expected and change nothing."""
    before = snapshot(box.base)
    proc = box.run(*args)
    after = snapshot(box.base)
    err = proc.stderr
    assert proc.returncode != 0, f"exit 0 for {args}\nstdout: {proc.stdout[:500]}\nstderr: {err[:500]}"
    assert proc.returncode == 2, f"exit {proc.returncode}: {err[-2000:]}"
    assert "Traceback" not in err, err[-3000:]
    assert "internal error" not in err, err
    assert err.startswith("khcn: error:") or "usage: khcn" in err, err[:1000]
    assert len(err) < 6000, f"{len(err)} characters on stderr"
    for word in words:
        assert word in err, f"{word!r} not in: {err[:2000]}"
    assert not changed(before, after), f"files changed by a refused command: {sorted(changed(before, after))}"
    return err


SCENARIO_TEXT = (ROOT / "scenarios" / "plan_as_written.yaml").read_text(encoding="utf-8")
PLAN_TEXT = (ROOT / "data" / "raw" / "plans" / "lai-chau-2013.yaml").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- scenario files

SCENARIO_CASES = {
    "truncated": lambda: SCENARIO_TEXT[: SCENARIO_TEXT.index("{kind: triangular") + 20].encode(),
    "invalid_yaml": lambda: b"name: [unclosed\n  description: : :\n",
    "wrong_type": lambda: SCENARIO_TEXT.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: twelve").encode(),
    "nan": lambda: SCENARIO_TEXT.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: .nan").encode(),
    "infinity": lambda: SCENARIO_TEXT.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: .inf").encode(),
    "absurd": lambda: SCENARIO_TEXT.replace("nonstate_value: 30.0", "nonstate_value: 1e308").encode(),
    "growth_below_-100": lambda: SCENARIO_TEXT.replace("grdp_growth_pct: 12.0", "grdp_growth_pct: -150").encode(),
    "empty": lambda: b"",
    "cp1258": lambda: SCENARIO_TEXT.encode("cp1258", errors="replace"),
    "utf16": lambda: SCENARIO_TEXT.encode("utf-16"),
    "long_name": lambda: SCENARIO_TEXT.replace("name: plan_as_written", "name: " + "x" * 200_000).encode(),
    "path_like_name": lambda: SCENARIO_TEXT.replace("name: plan_as_written", "name: ../../x").encode(),
}


@pytest.mark.parametrize("case", list(SCENARIO_CASES))
def test_project_refuses_a_hostile_scenario_file(box: Sandbox, case: str):
    box.use_the_script(case == "truncated")
    path = box.write("hostile.yaml", SCENARIO_CASES[case]())
    refused(box, "project", "--scenario", str(path), words=("hostile.yaml", "expected"))


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_scenario_file_missing_or_a_directory(box: Sandbox, kind: str):
    path = box.inputs / "s.yaml"
    if kind == "directory":
        path.mkdir()
    refused(box, "validate", str(path), words=("s.yaml",))


@pytest.mark.parametrize(
    "args",
    [
        ("project", "--scenario", "../../x"),
        ("targets", "--scenario", "../../x"),
        ("uncertainty", "--scenario", "../../etc/passwd"),
        ("export-xlsx", "--scenario", "../../x"),
        ("charts", "--scenario", "../../x"),
        ("validate", "../x", "/etc/passwd"),
    ],
    ids=lambda a: a[0],
)
def test_path_like_scenario_names_are_refused(box: Sandbox, args: tuple[str, ...]):
    refused(box, *args, words=("scenario name", "outside scenarios/"))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("uncertainty", "--scenario", "plan_as_written", "--draws", "0"), ("draws",)),
        (("uncertainty", "--scenario", "plan_as_written", "--draws", "-5"), ("draws",)),
        (("uncertainty", "--scenario", "plan_as_written", "--draws", "100000000000"), ("draws",)),
        (("uncertainty", "--scenario", "plan_as_written", "--seed", "-1"), ("seed",)),
        (("uncertainty", "--scenario", "plan_as_written", "--draws", "1e3"), ("draws",)),
        (("project", "--scenario", "plan_as_written", "--years", "1800"), ("years",)),
        (("charts", "--scenario", "plan_as_written", "--draws", "0", "--out", "charts"), ("draws",)),
        (("report", "--jobs", "0"), ("jobs",)),
    ],
    ids=lambda a: "-".join(a[-2:]) if isinstance(a, tuple) else None,
)
def test_hostile_options(box: Sandbox, args: tuple[str, ...], words: tuple[str, ...]):
    refused(box, *args, words=words)


# --------------------------------------------------------------------------- plan files


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("truncated", PLAN_TEXT[: len(PLAN_TEXT) // 3].encode()),
        ("invalid_yaml", b"targets: [\n"),
        ("wrong_type", PLAN_TEXT.replace("stated_total: 124.5", "stated_total: lots", 1).encode()),
        ("negative", PLAN_TEXT.replace("stated_total: 124.5", "stated_total: -124.5", 1).encode()),
        ("nan", PLAN_TEXT.replace("stated_total: 124.5", "stated_total: .nan", 1).encode()),
        ("infinity", PLAN_TEXT.replace("stated_total: 124.5", "stated_total: .inf", 1).encode()),
        ("empty", b""),
        ("utf16", PLAN_TEXT.encode("utf-16")),
        ("cp1258", PLAN_TEXT.encode("cp1258", errors="replace")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_plan_and_audit_refuse_a_hostile_plan_file(box: Sandbox, case: str, data: bytes):
    box.use_the_script(case == "invalid_yaml")
    path = box.write("plan.yaml", data)
    refused(box, "audit" if case in ("nan", "negative") else "plan", "--plan", str(path), words=("plan.yaml",))


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_plan_file_missing_or_a_directory(box: Sandbox, kind: str):
    path = box.inputs / "plan.yaml"
    if kind == "directory":
        path.mkdir()
    refused(box, "plan", "--plan", str(path), words=("plan.yaml",))


def test_plan_file_with_a_bom_reads_as_without(box: Sandbox):
    plain = box.run("plan", "--plan", str(box.write("plain.yaml", PLAN_TEXT)), "--format", "json")
    bom = box.run("plan", "--plan", str(box.write("bom.yaml", b"\xef\xbb\xbf" + PLAN_TEXT.encode())), "--format", "json")
    assert plain.returncode == 0 and bom.returncode == 0, bom.stderr
    assert bom.stdout == plain.stdout


# --------------------------------------------------------------------------- raw data: `khcn data build`


def _raw(box: Sandbox, name: str) -> Path:
    return box.root / "data" / "raw" / name


def _mutate_sources(box: Sandbox, old: str, new: str) -> None:
    path = _raw(box, "sources.csv")
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SOURCES_CASES = {
    "empty": lambda box: _raw(box, "sources.csv").write_bytes(b""),
    "missing": lambda box: _raw(box, "sources.csv").unlink(),
    "directory": lambda box: (_raw(box, "sources.csv").unlink(), _raw(box, "sources.csv").mkdir()),
    "bom": lambda box: _raw(box, "sources.csv").write_bytes(b"\xef\xbb\xbf" + _raw(box, "sources.csv").read_bytes()),
    "cp1258": lambda box: _raw(box, "sources.csv").write_bytes(
        _raw(box, "sources.csv").read_text(encoding="utf-8").encode("cp1258", errors="replace")),
    "utf16": lambda box: _raw(box, "sources.csv").write_bytes(
        _raw(box, "sources.csv").read_text(encoding="utf-8").encode("utf-16")),
    "truncated_in_quote": lambda box: _raw(box, "sources.csv").write_bytes(
        _raw(box, "sources.csv").read_bytes()[:2500]),
    "nan": lambda box: _mutate_sources(box, ",7728.775,", ",nan,"),
    "infinity": lambda box: _mutate_sources(box, ",7728.775,", ",inf,"),
    "absurd": lambda box: _mutate_sources(box, ",7728.775,", ",1" + "0" * 400 + ","),
    "negative_money": lambda box: _mutate_sources(box, ",7728.775,", ",-7728.775,"),
    "growth_below_-100": lambda box: _mutate_sources(box, ",2011-2015,7.4,", ",2011-2015,-150,"),
    "formula": lambda box: _mutate_sources(box, ",7728.775,", ",=1+1,"),
    "long_string": lambda box: _mutate_sources(box, ",7728.775,", "," + "9" * 100_000 + "x,"),
}


@pytest.mark.parametrize("case", list(SOURCES_CASES))
def test_data_build_refuses_a_hostile_sources_csv(box: Sandbox, case: str):
    box.use_the_script(case == "truncated_in_quote")
    SOURCES_CASES[case](box)
    refused(box, "data", "build", words=("sources.csv",))


ASSUMPTION_CASES = {
    "truncated": lambda t: t[: t.index("rule: copy_fact") + 8],
    "invalid_yaml": lambda t: t.replace("assumptions:\n", "assumptions: [\n", 1),
    "wrong_type": lambda t: t.replace("years: [2022]", "years: [twenty]", 1),
    "empty": lambda t: "",
    "cp1258": lambda t: t.encode("cp1258", errors="replace"),
    "utf16": lambda t: t.encode("utf-16"),
}


@pytest.mark.parametrize("case", list(ASSUMPTION_CASES))
def test_data_build_refuses_a_hostile_assumptions_yaml(box: Sandbox, case: str):
    path = _raw(box, "assumptions.yaml")
    data = ASSUMPTION_CASES[case](path.read_text(encoding="utf-8"))
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    refused(box, "data", "build", words=("assumptions.yaml",))


@pytest.mark.parametrize("case", ["wrong_header", "cp1258", "directory"])
def test_data_build_refuses_a_hostile_department_file(box: Sandbox, case: str):
    folder = _raw(box, "department")
    name = "2025-03-20-101010-0123abcd.csv"
    text = (ROOT / "data" / "raw" / "sources.csv").read_text(encoding="utf-8")
    if case == "wrong_header":
        (folder / name).write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    elif case == "cp1258":
        (folder / name).write_bytes(text.encode("cp1258", errors="replace"))
    else:
        (folder / name).mkdir()
    refused(box, "data", "build", words=(name,))


# --------------------------------------------------------------------------- the department's xlsx


def _zip(members: dict[str, str]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("not_a_zip", b"this is not a spreadsheet"),
        ("zip_of_text", _zip({"notes.txt": "xin chào"})),
        ("zip_like_a_docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
        ("empty", b""),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_data_import_refuses_what_is_not_a_workbook(box: Sandbox, case: str, data: bytes):
    box.use_the_script(case == "not_a_zip")
    path = box.write("so-lieu.xlsx", data)
    refused(box, "data", "import", str(path), words=("so-lieu.xlsx", "xlsx"))


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_data_import_missing_or_a_directory(box: Sandbox, kind: str):
    path = box.inputs / "so-lieu.xlsx"
    if kind == "directory":
        path.mkdir()
    refused(box, "data", "import", str(path), words=("so-lieu.xlsx",))


def test_data_import_refuses_an_absurd_figure_and_keeps_formula_text_as_text(box: Sandbox):
    from datetime import datetime

    from openpyxl import load_workbook

    from khcn_analysis.data import department as dep

    template = dep.write_template(box.inputs / "mau.xlsx")
    row = dep.FIRST_DATA_ROW + 2020 - dep.FIRST_YEAR
    money, guide = "Kinh phí KH&CN", "Hướng dẫn"

    def filled(name: str, cells: dict) -> Path:
        wb = load_workbook(template)
        base = {(guide, "B4"): "Nguyễn Văn A", (guide, "B5"): "Sở KH&CN", (guide, "B6"): datetime(2025, 3, 15),
                (money, f"G{row}"): "Báo cáo 2020"}
        for (sheet, coord), value in {**base, **cells}.items():
            wb[sheet][coord].value = value
        wb.save(box.inputs / name)
        return box.inputs / name

    refused(box, "data", "import", str(filled("absurd.xlsx", {(money, f"B{row}"): 1e300})),
            words=("absurd.xlsx", f"B{row}", money))
    formula = '=HYPERLINK("http://evil.example","bấm vào")'
    path = filled("formula.xlsx", {(money, f"B{row}"): 12.5, (money, f"H{row}"): formula})
    wb = load_workbook(path)
    wb[money][f"H{row}"].data_type = "s"
    wb.save(path)
    before = snapshot(box.base)
    proc = box.run("data", "import", str(path))
    assert proc.returncode == 0, proc.stderr
    new = sorted(changed(before, snapshot(box.base)))
    # one import: its figures (CSV) and its record (JSON: who, documents, file hash), nothing else
    assert [Path(n).suffix for n in new] == [".csv", ".json"], new
    assert all(n.startswith("project/data/raw/department/") for n in new), new
    import csv

    with (box.base / new[0]).open(encoding="utf-8", newline="") as handle:
        cells = [c for row in csv.reader(handle) for c in row]
    assert any(formula in c for c in cells)  # the note is kept, word for word
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]  # and no cell would run as a formula


# --------------------------------------------------------------------------- output folders


def test_a_file_where_the_output_folder_should_be(box: Sandbox):
    blocker = box.inputs / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    refused(box, "export-xlsx", "--scenario", "plan_as_written", "--out", str(blocker / "x.xlsx"),
            words=("out",))
    refused(box, "data", "template", "--out", str(blocker / "x.xlsx"), words=("out",))


def test_a_directory_where_the_output_file_should_be(box: Sandbox):
    (box.inputs / "x.xlsx").mkdir()
    refused(box, "export-xlsx", "--scenario", "plan_as_written", "--out", str(box.inputs / "x.xlsx"),
            words=("x.xlsx",))
    refused(box, "data", "template", "--out", str(box.inputs / "x.xlsx"), words=("x.xlsx",))


def test_export_writes_only_its_output_file(box: Sandbox):
    box.use_the_script()
    out = box.inputs / "ket-qua" / "plan.xlsx"
    before = snapshot(box.base)
    proc = box.run("export-xlsx", "--scenario", "plan_as_written", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert changed(before, snapshot(box.base)) == {"inputs/ket-qua", "inputs/ket-qua/plan.xlsx"}


def test_explore_refuses_a_bad_port_before_starting_anything(box: Sandbox):
    box.use_the_script()
    refused(box, "explore", "--port", "70000", "--no-browser", words=("06_explore.ipynb",))  # no notebook yet
    (box.root / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "06_explore.ipynb", box.root / "notebooks")
    refused(box, "explore", "--port", "70000", "--no-browser", words=("--port", "1–65535"))
    refused(box, "explore", "--port", "-1", "--no-browser", words=("--port",))
