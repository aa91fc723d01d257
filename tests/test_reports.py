"""The batch machinery of ``khcn report`` on tiny fixture notebooks, with a real kernel.

The fixture notebooks (tests/fixtures/report_notebooks/) stand in for the real ones:
one runs once per batch, one per scenario (and raises for the scenario ``broken``),
one with the list of scenarios. Scenarios come from a small resolver so that these
tests exercise the machinery alone; tests/test_notebooks_0345.py runs the real thing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from khcn_analysis.core.errors import KhcnError
from khcn_analysis.report import batch as rp
from khcn_analysis.report import manifest as mf

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "report_notebooks"
SPECS = (
    rp.NotebookSpec("a_once", "once", "Một lần", "Once"),
    rp.NotebookSpec("b_scenario", "scenario", "Theo kịch bản", "Per scenario"),
    rp.NotebookSpec("c_compare", "comparison", "So sánh", "Comparison"),
)


class Workspace:
    """A copy of the fixture notebooks, a raw-data folder and scenario files in tmp."""

    def __init__(self, base: Path) -> None:
        self.notebooks = base / "notebooks"
        shutil.copytree(FIXTURES, self.notebooks)
        self.raw = base / "raw"
        self.raw.mkdir()
        (self.raw / "sources.csv").write_text("fact_id,value\nx,1\n", encoding="utf-8")
        self.scenarios = base / "scenarios"
        self.scenarios.mkdir()
        # the library's code is an input too; a copy keeps other edits to the tree out
        self.code = base / "code"
        self.code.mkdir()
        shutil.copy(rp.__file__, self.code / "reports.py")
        self.out = base / "reports"
        self.lines: list[str] = []

    def resolve(self, names):
        entries = []
        for name in names or ["alpha", "beta"]:
            path = self.scenarios / f"{name}.yaml"
            if not path.exists():
                path.write_text(f"name: {name}\n", encoding="utf-8")
            if name.startswith("invalid"):
                entries.append(
                    rp.ScenarioEntry(name, name, path=path, error=f"{path}: growht: unknown key")
                )
            else:
                params = {"scenario": name, "seed": 11, "not_in_notebook": 1}
                if name == "alpha":  # a titled scenario: readers see the title, files keep the id
                    params.update(title_vi="Phương án Alpha", title_en="Alpha case")
                entries.append(rp.ScenarioEntry(name, name, path=path, parameters=params))
        return entries

    def run(self, names=None, **kw):
        kw.setdefault("jobs", 2)
        return rp.run_reports(
            names,
            out=self.out,
            notebooks_dir=self.notebooks,
            specs=SPECS,
            raw_dir=self.raw,
            code_dir=self.code,
            resolve=self.resolve,
            progress=self.lines.append,
            **kw,
        )


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): mf.sha256_file(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """One complete run, then a run with a failing and an invalid scenario."""
    ws = Workspace(tmp_path_factory.mktemp("reports"))
    good = ws.run(["alpha", "beta", "gamma"])
    good_lines = list(ws.lines)
    good_digest = tree_digest(good.folder)
    ws.lines.clear()
    bad = ws.run(["alpha", "broken", "invalid"])
    return ws, good, good_lines, good_digest, bad


def test_complete_run_is_published_and_latest_points_at_it(runs):
    ws, good, lines, _, _ = runs
    assert good.status == "complete" and good.exit_code == 0
    assert good.folder.name.startswith("run-")
    assert (ws.out / "latest").is_symlink()
    assert os.readlink(ws.out / "latest") == good.folder.name
    manifest = json.loads((good.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "complete"
    ids = [n["id"] for n in manifest["notebooks"]]
    assert ids == ["a_once", "b_scenario--alpha", "b_scenario--beta", "b_scenario--gamma", "c_compare"]
    assert all(n["status"] == "ok" for n in manifest["notebooks"])
    index = (good.folder / "index.html").read_text(encoding="utf-8")
    for note in manifest["notebooks"]:
        assert (good.folder / note["html"]).is_file()
        assert f'href="{note["html"]}"' in index
        assert f'href="{note["executed"]}"' in index
    assert 'lang="vi"' in index and "Báo cáo" in index
    assert "<h2>Kịch bản: Phương án Alpha</h2>" in index and "<h2>Kịch bản: beta</h2>" in index
    assert "Phương án Alpha" in (good.folder / "b_scenario--alpha.html").read_text(encoding="utf-8")
    assert [n["scenario"] for n in manifest["notebooks"]][1] == "alpha"
    # files a notebook saved into its output_dir are next to the report and linked
    assert "files/a_once/table.csv" in manifest["notebooks"][0]["files"]
    assert 'href="files/a_once/table.csv"' in index
    # no temporary folder is left behind
    assert not [p for p in ws.out.iterdir() if p.name.startswith(rp.TMP_PREFIX)]
    # one progress line per notebook
    assert len([line for line in lines if line.startswith("[")]) == 5


def test_notebooks_ran_in_parallel_worker_processes(runs):
    _, good, _, _, _ = runs
    workers = {
        (good.folder / f"files/b_scenario--{s}/run.txt").read_text().split()[2]
        for s in ("alpha", "beta", "gamma")
    }
    assert len(workers) == 2, f"expected two worker processes, saw {workers}"


def test_parameters_reach_the_notebook_filtered_to_what_it_declares(runs):
    _, good, _, _, _ = runs
    manifest = json.loads((good.folder / "manifest.json").read_text(encoding="utf-8"))
    alpha = next(n for n in manifest["notebooks"] if n["id"] == "b_scenario--alpha")
    assert alpha["parameters"] == {
        "scenario": "alpha", "seed": 11, "lang": "vi", "output_dir": "files/b_scenario--alpha"
    }
    compare = next(n for n in manifest["notebooks"] if n["id"] == "c_compare")
    assert compare["parameters"]["scenarios"] == ["alpha", "beta", "gamma"]
    assert manifest["seed"]["b_scenario--alpha"] == 11
    executed = nbformat.read(good.folder / alpha["executed"], as_version=4)
    text = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "FIXTURE_SCENARIO alpha seed=11" in text


def test_html_has_outputs_but_no_code_and_fetches_nothing(runs):
    _, good, _, _, _ = runs
    page = (good.folder / "a_once.html").read_text(encoding="utf-8")
    assert "FIXTURE_HEADLINE" in page
    assert "CODE_MARKER_must_not_reach_html" not in page
    assert not re.search(r'class="[^"]*jp-InputArea-editor', page)
    assert "<script src=" not in page


def test_failing_notebook_does_not_stop_the_others(runs):
    ws, good, _, _, bad = runs
    assert bad.status == "failed" and bad.exit_code == 1
    status = {o.id: o.status for o in bad.outcomes}
    assert status == {
        "a_once": "ok",
        "b_scenario--alpha": "ok",
        "b_scenario--broken": "failed",
        "b_scenario--invalid": "failed",
        "c_compare": "ok",
    }
    # the summary names the failures
    assert "b_scenario--broken" in bad.message and "b_scenario--invalid" in bad.message
    assert "b_scenario--broken" in ws.lines[-1]
    # the invalid scenario was not run, and says why
    invalid = next(o for o in bad.outcomes if o.id == "b_scenario--invalid")
    assert invalid.executed is None and "growht" in invalid.error
    # the comparison only got the scenarios that validated
    compare = nbformat.read(bad.folder / "notebooks/c_compare.ipynb", as_version=4)
    out = "".join(o.get("text", "") for c in compare.cells for o in c.get("outputs", []))
    assert "FIXTURE_COMPARE alpha,broken" in out


def test_failed_notebook_is_kept_with_the_error_visible(runs):
    _, _, _, _, bad = runs
    assert bad.folder.name.startswith(rp.FAILED_PREFIX)
    executed = nbformat.read(bad.folder / "notebooks/b_scenario--broken.ipynb", as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors and "FIXTURE_FAILURE" in errors[0]["evalue"]
    page = (bad.folder / "b_scenario--broken.html").read_text(encoding="utf-8")
    assert "FIXTURE_FAILURE scenario broken cannot be projected" in page
    manifest = json.loads((bad.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed"
    index = (bad.folder / "index.html").read_text(encoding="utf-8")
    assert "LỖI" in index and "FIXTURE_FAILURE" in index


def test_failed_run_leaves_previous_report_and_latest_intact(runs):
    ws, good, _, good_digest, _ = runs
    assert os.readlink(ws.out / "latest") == good.folder.name
    assert tree_digest(good.folder) == good_digest


def test_manifest_records_inputs_and_hashes_change_with_them(tmp_path):
    ws = Workspace(tmp_path)
    first = ws.run(["alpha"])
    (ws.raw / "sources.csv").write_text("fact_id,value\nx,2\n", encoding="utf-8")
    nb_path = ws.notebooks / "a_once.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells[0].source += "\n\nEdited."
    nbformat.write(nb, nb_path)
    second = ws.run(["alpha"])

    def inputs(result):
        manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
        return manifest, {i["path"]: (i["kind"], i["sha256"]) for i in manifest["inputs"]}

    m1, in1 = inputs(first)
    m2, in2 = inputs(second)
    raw = (ws.raw / "sources.csv").resolve().as_posix()
    notebook = nb_path.resolve().as_posix()
    scenario = (ws.scenarios / "alpha.yaml").resolve().as_posix()
    assert in1[raw][0] == "raw_data" and in1[notebook][0] == "notebook" and in1[scenario][0] == "scenario"
    assert in1[(ws.code / "reports.py").resolve().as_posix()][0] == "code"
    assert in1[raw][1] != in2[raw][1]
    assert in1[notebook][1] != in2[notebook][1]
    assert in1[scenario][1] == in2[scenario][1]
    assert m1["fingerprint"] != m2["fingerprint"]
    for key in ("packages", "timings_s", "started_utc", "finished_utc", "seed"):
        assert m1[key], key
    assert m1["packages"]["papermill"]
    assert m1["scenarios"][0]["parameters"]["not_in_notebook"] == 1


def test_inputs_default_to_raw_data_and_the_library_source():
    inputs = rp.collect_inputs([], [])
    kinds = {(i.kind, i.path.name) for i in inputs}
    assert ("code", "batch.py") in kinds and ("code", "manifest.py") in kinds
    assert ("code", "projection.py") in kinds and ("code", "config.py") in kinds  # every stage


def test_if_changed_skips_until_an_input_changes(tmp_path):
    ws = Workspace(tmp_path)
    first = ws.run(["alpha"])
    before = sorted(p.name for p in ws.out.iterdir())
    skipped = ws.run(["alpha"], if_changed=True)
    assert skipped.status == "skipped" and skipped.exit_code == 0
    assert "skipped" in ws.lines[-1] and first.folder.name in ws.lines[-1]
    assert sorted(p.name for p in ws.out.iterdir()) == before
    # a different choice of scenarios is a different report
    assert ws.run(["alpha", "beta"], if_changed=True).status == "complete"
    (ws.scenarios / "alpha.yaml").write_text("name: alpha\nchanged: 1\n", encoding="utf-8")
    again = ws.run(["alpha", "beta"], if_changed=True)
    assert again.status == "complete"
    assert os.readlink(ws.out / "latest") == again.folder.name


def test_nothing_to_run_writes_nothing_and_exits_zero(tmp_path):
    ws = Workspace(tmp_path)
    empty = tmp_path / "no-notebooks"
    empty.mkdir()
    result = rp.run_reports(
        None, out=ws.out, notebooks_dir=empty, specs=SPECS, resolve=ws.resolve,
        progress=ws.lines.append,
    )
    assert result.status == "nothing" and result.exit_code == 0
    assert any("not built yet" in line and "a_once" in line for line in ws.lines)
    assert not ws.out.exists()


def test_update_latest_replaces_the_link_and_refuses_a_real_folder(tmp_path):
    (tmp_path / "run-1").mkdir()
    (tmp_path / "run-2").mkdir()
    rp.update_latest(tmp_path, "run-1")
    rp.update_latest(tmp_path, "run-2")
    assert os.readlink(tmp_path / "latest") == "run-2"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(rp.TMP_PREFIX)] == []
    other = tmp_path / "other"
    (other / "latest").mkdir(parents=True)
    with pytest.raises(KhcnError, match="symlink"):
        rp.update_latest(other, "run-1")


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path):
    ws = Workspace(tmp_path)
    ws.out.mkdir()
    with rp._lock(ws.out), pytest.raises(KhcnError, match="another `khcn report` is running"):
        ws.run(["alpha"])


def test_bad_jobs_and_lang_are_rejected(tmp_path):
    ws = Workspace(tmp_path)
    with pytest.raises(KhcnError, match="--jobs"):
        ws.run(["alpha"], jobs=0)
    with pytest.raises(KhcnError, match="lang"):
        ws.run(["alpha"], lang="fr")
