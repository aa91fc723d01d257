"""The batch machinery of ``khcn report`` on tiny fixture notebooks, with a real kernel.

The fixture notebooks (tests/fixtures/report_notebooks/) stand in for the real ones:
one runs once per batch, one per scenario (and raises for the scenario ``broken``),
one with the list of scenarios. Scenarios come from a small resolver so that these
tests exercise the machinery alone; tests/test_notebooks_0345.py runs the real thing.

The pool of worker processes (``--jobs 2``) runs the module's two shared batches
(``runs``); the other tests run their batches in this process (``--jobs 1``): the same
planning, fingerprints, reuse, publishing and kernels, without starting two worker
processes (each importing papermill and nbconvert) for every batch.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from notebook_files import write_notebook

from khcn_analysis.core.errors import KhcnError
from khcn_analysis.report import batch as rp
from khcn_analysis.report import manifest as mf
from khcn_analysis.report import publish
from khcn_analysis.report.jobs import NotebookSpec, ScenarioEntry

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures" / "report_notebooks"
SPECS = (
    NotebookSpec("a_once", "once", "Một lần", "Once"),
    NotebookSpec("b_scenario", "scenario", "Theo kịch bản", "Per scenario"),
    NotebookSpec("c_compare", "comparison", "So sánh", "Comparison"),
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
                    ScenarioEntry(name, name, path=path, error=f"{path}: growht: unknown key")
                )
            else:
                params = {"scenario": name, "seed": 11, "not_in_notebook": 1}
                if name == "alpha":  # a titled scenario: readers see the title, files keep the id
                    params.update(title_vi="Phương án Alpha", title_en="Alpha case")
                entries.append(ScenarioEntry(name, name, path=path, parameters=params))
        return entries

    def run(self, names=None, **kw):
        kw.setdefault("jobs", 1)
        kw.setdefault("specs", SPECS)
        kw.setdefault("out", self.out)
        return rp.run_reports(
            names,
            notebooks_dir=self.notebooks,
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
    good = ws.run(["alpha", "beta", "gamma"], jobs=2)
    good_lines = list(ws.lines)
    good_digest = tree_digest(good.folder)
    ws.lines.clear()
    bad = ws.run(["alpha", "broken", "invalid"], jobs=2)
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
    assert 'lang="vi"' in index and "Báo cáo" in index and "Hoàn tất" in index
    assert "<h2>Kịch bản: Phương án Alpha</h2>" in index and "<h2>Kịch bản: beta</h2>" in index
    assert "Phương án Alpha" in (good.folder / "b_scenario--alpha.html").read_text(encoding="utf-8")
    assert [n["scenario"] for n in manifest["notebooks"]][1] == "alpha"
    # files a notebook saved into its output_dir are next to the report and linked
    assert "files/a_once/table.csv" in manifest["notebooks"][0]["files"]
    assert 'href="files/a_once/table.csv"' in index
    # no temporary folder is left behind
    assert not [p for p in ws.out.iterdir() if p.name.startswith(publish.TMP_PREFIX)]
    # one progress line per notebook
    assert len([line for line in lines if line.startswith("[")]) == 5


def test_notebooks_ran_in_worker_processes_each_with_its_own_results(runs):
    """What the pool guarantees, not how the scheduler shared the work.

    Every job ran in a worker process (never the batch's own), on at most ``jobs``
    workers; each notebook's kernel was started by the worker that ran it (papermill's
    own) or forked by the batch's one kernel factory, a child of the batch's process; and
    each wrote its own results into its own folder. Which worker took how many jobs
    depends on the machine's load and is deliberately not asserted (a loaded
    machine once gave all three to one worker and turned CI red).
    """
    _, good, _, _, _ = runs
    workers = {o.id: o.worker for o in good.outcomes}
    assert all(isinstance(w, int) for w in workers.values())
    assert os.getpid() not in workers.values()
    assert 1 <= len(set(workers.values())) <= 2
    for s in ("alpha", "beta", "gamma"):
        job = f"b_scenario--{s}"
        name, seed, parent, grandparent, *_ = (good.folder / f"files/{job}/run.txt").read_text().split()
        assert (name, seed) == (s, "11")
        assert int(parent) == workers[job] or int(grandparent) == os.getpid(), (parent, grandparent)


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
    assert bad.folder.name.startswith(publish.FAILED_PREFIX)
    executed = nbformat.read(bad.folder / "notebooks/b_scenario--broken.ipynb", as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors and "FIXTURE_FAILURE" in errors[0]["evalue"]
    page = (bad.folder / "b_scenario--broken.html").read_text(encoding="utf-8")
    assert "FIXTURE_FAILURE scenario broken cannot be projected" in page
    manifest = json.loads((bad.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed"
    index = (bad.folder / "index.html").read_text(encoding="utf-8")
    assert "Lỗi" in index and "FIXTURE_FAILURE" in index
    assert "đạt" not in index.lower()  # a notebook's run is done or in error, never "met"


def test_failed_run_leaves_previous_report_and_latest_intact(runs):
    ws, good, _, good_digest, _ = runs
    assert os.readlink(ws.out / "latest") == good.folder.name
    assert tree_digest(good.folder) == good_digest


def test_manifest_records_inputs_and_hashes_change_with_them(tmp_path):
    ws = Workspace(tmp_path)
    first = ws.run(["alpha"], specs=SPECS[:2])  # a notebook run once and one per scenario
    (ws.raw / "sources.csv").write_text("fact_id,value\nx,2\n", encoding="utf-8")
    nb_path = ws.notebooks / "a_once.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells[0].source += "\n\nEdited."
    nbformat.write(nb, nb_path)
    second = ws.run(["alpha"], specs=SPECS[:2])

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
    inputs = mf.collect_inputs([], [])
    kinds = {(i.kind, i.path.name) for i in inputs}
    assert ("code", "batch.py") in kinds and ("code", "publish.py") in kinds
    assert ("code", "projection.py") in kinds and ("code", "config.py") in kinds  # every stage


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
    publish.update_latest(tmp_path, "run-1")
    publish.update_latest(tmp_path, "run-2")
    assert os.readlink(tmp_path / "latest") == "run-2"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(publish.TMP_PREFIX)] == []
    other = tmp_path / "other"
    (other / "latest").mkdir(parents=True)
    with pytest.raises(KhcnError, match="symlink"):
        publish.update_latest(other, "run-1")


def test_a_second_batch_on_the_same_folder_is_refused(tmp_path):
    ws = Workspace(tmp_path)
    publish.claim_folder(ws.out)
    with publish.lock(ws.out), pytest.raises(KhcnError, match="another `khcn report` is running"):
        ws.run(["alpha"])


def test_bad_jobs_and_lang_are_rejected(tmp_path):
    ws = Workspace(tmp_path)
    with pytest.raises(KhcnError, match="--jobs"):
        ws.run(["alpha"], jobs=0)
    with pytest.raises(KhcnError, match="lang"):
        ws.run(["alpha"], lang="fr")


# --------------------------------------------------------------------------- --out into a folder of the user's


ONCE = (SPECS[0],)


def test_a_new_folder_is_created_and_marked_as_ours(tmp_path):
    ws = Workspace(tmp_path)
    out = tmp_path / "new" / "reports"
    assert ws.run([], specs=ONCE, out=out).status == "complete"
    assert (out / publish.MARKER_NAME).is_file()
    run = next(out.glob("run-*"))
    assert not (run / publish.MARKER_NAME).exists()  # the published run holds the report only


def test_an_existing_folder_with_the_users_files_is_used_and_they_are_untouched(tmp_path):
    ws = Workspace(tmp_path)
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert ws.run([], specs=ONCE, out=out).status == "complete"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / publish.MARKER_NAME).is_file()


@pytest.mark.parametrize("item", [".lock", ".tmp-notes.txt", ".tmp-drafts", "latest"])
def test_a_folder_holding_a_lock_temporaries_or_latest_of_someone_else_is_refused(tmp_path, item):
    out = tmp_path / "theirs"
    out.mkdir()
    target = out / item
    if item == ".tmp-drafts":
        target.mkdir()
        (target / "draft.txt").write_text("keep me", encoding="utf-8")
    elif item == "latest":
        (out / "elsewhere").mkdir()
        target.symlink_to("elsewhere")
    else:
        target.write_text("someone else's\n", encoding="utf-8")
    before = tree_digest(out)
    links = {p.name: os.readlink(p) for p in out.iterdir() if p.is_symlink()}
    with pytest.raises(publish.FolderNotOurs, match=r"did not create.*refusing") as caught:
        publish.claim_folder(out)
    assert caught.value.exit_code == 2 and item in str(caught.value)
    assert tree_digest(out) == before  # nothing deleted, overwritten or added
    assert {p.name: os.readlink(p) for p in out.iterdir() if p.is_symlink()} == links


def test_khcn_report_refuses_such_a_folder_with_exit_2_and_writes_nothing(tmp_path, capsys):
    from khcn_analysis.cli import main

    out = tmp_path / "theirs"
    out.mkdir()
    (out / ".lock").write_text("held by another tool\n", encoding="utf-8")
    code = main(["report", "--scenario", "plan_as_written", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert ".lock" in err and "did not create" in err and "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == [".lock"]
    assert (out / ".lock").read_text(encoding="utf-8") == "held by another tool\n"


def test_in_our_folder_only_our_own_temporaries_are_cleared(tmp_path):
    ws = Workspace(tmp_path)
    first = ws.run([], specs=ONCE)
    assert first.status == "complete"
    ours = ws.out / ".tmp-20260101T000000Z-deadbeef"  # a killed run's folder, marked as ours
    ours.mkdir()
    (ours / publish.MARKER_NAME).write_text("", encoding="utf-8")
    theirs_dir, theirs_file = ws.out / ".tmp-user-folder", ws.out / ".tmp-user-file"
    theirs_dir.mkdir()
    (theirs_dir / "x.txt").write_text("keep", encoding="utf-8")
    theirs_file.write_text("keep", encoding="utf-8")
    assert ws.run([], specs=ONCE).status == "complete"
    assert not ours.exists()
    assert (theirs_dir / "x.txt").read_text(encoding="utf-8") == "keep"
    assert theirs_file.read_text(encoding="utf-8") == "keep"
    assert any("left alone" in line and ".tmp-user-file" in line for line in ws.lines)


def test_a_reports_folder_from_before_the_marker_is_still_ours(tmp_path):
    ws = Workspace(tmp_path)
    first = ws.run([], specs=ONCE)
    (ws.out / publish.MARKER_NAME).unlink()  # as an earlier version left it: .lock, run-*, latest
    assert (ws.out / ".lock").exists()
    second = ws.run([], specs=ONCE)
    assert second.status == "complete" and second.folder != first.folder
    assert (ws.out / publish.MARKER_NAME).is_file()


# --------------------------------------------------------------------------- unchanged notebooks are not run again


def _reused(result):
    return {o.id: o.reused_from for o in result.outcomes}


def test_unchanged_notebooks_are_reused_if_changed_skips_and_a_changed_scenario_reruns_its_pages_only(tmp_path):
    """One history of batches on one folder: reuse, ``--if-changed`` and a forced rerun."""
    ws = Workspace(tmp_path)
    first = ws.run(["alpha", "beta"])
    assert set(_reused(first).values()) == {None}
    second = ws.run(["alpha", "beta"])
    assert second.status == "complete" and second.folder != first.folder
    assert set(_reused(second).values()) == {first.folder.name}  # nothing ran again
    for rel in ("b_scenario--alpha.html", "notebooks/b_scenario--alpha.ipynb", "files/b_scenario--alpha/run.txt"):
        assert (second.folder / rel).read_bytes() == (first.folder / rel).read_bytes()
    manifest = json.loads((second.folder / "manifest.json").read_text(encoding="utf-8"))
    assert all(n["reused_from"] == first.folder.name and n["fingerprint"] for n in manifest["notebooks"])
    index = (second.folder / "index.html").read_text(encoding="utf-8")
    assert f"không đổi từ lần chạy {first.folder.name}" in index

    # --if-changed: nothing changed since the latest run, so nothing is written
    before = sorted(p.name for p in ws.out.iterdir())
    skipped = ws.run(["alpha", "beta"], if_changed=True)
    assert skipped.status == "skipped" and skipped.exit_code == 0
    assert "skipped" in ws.lines[-1] and second.folder.name in ws.lines[-1]
    assert sorted(p.name for p in ws.out.iterdir()) == before

    (ws.scenarios / "alpha.yaml").write_text("name: alpha\n# a changed reason\n", encoding="utf-8")
    third = ws.run(["alpha", "beta"], if_changed=True)  # an input changed: it runs
    assert third.status == "complete"
    assert os.readlink(ws.out / "latest") == third.folder.name
    assert _reused(third) == {"a_once": first.folder.name, "b_scenario--alpha": None,
                              "b_scenario--beta": first.folder.name, "c_compare": None}
    # a page reused twice still names the run that made it
    assert (third.folder / "files/b_scenario--beta/run.txt").read_bytes() == \
        (first.folder / "files/b_scenario--beta/run.txt").read_bytes()

    # a different choice of scenarios is a different report
    assert ws.run(["alpha"], if_changed=True).status == "complete"

    forced = ws.run(["alpha", "beta"], reuse_pages=False)
    assert set(_reused(forced).values()) == {None}


def test_a_failed_run_is_never_the_source_of_a_reused_page(tmp_path):
    ws = Workspace(tmp_path)
    bad = ws.run(["alpha", "broken"])
    assert bad.status == "failed"
    again = ws.run(["alpha"])
    assert set(_reused(again).values()) == {None}


# --------------------------------------------------------------------------- start-up overlapped, charts drawn once


def test_the_next_notebooks_kernel_starts_ahead_with_its_imports_done(tmp_path):
    """In one process (--jobs 1) every notebook of a batch gets a kernel launched ahead of need
    (while the batch prepared, or while the previous notebook ran) that has already imported what
    the notebooks import, and bound no name; a lone notebook gets papermill's own kernel."""
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    probe = ('import sys\nprint("WARM", "fractions" in sys.modules, '
             'sorted(k for k in globals() if not k.startswith("_") and k not in ("In", "Out", "exit", "quit", '
             '"get_ipython", "open", "lang", "output_dir", "sys")))')
    for stem in ("n1", "n2", "n3"):
        write_notebook(notebooks / f"{stem}.ipynb", probe, "import fractions")
    ws = Workspace(tmp_path)
    result = rp.run_reports([], out=ws.out, jobs=1, notebooks_dir=notebooks, raw_dir=ws.raw, code_dir=ws.code,
                            specs=tuple(NotebookSpec(s, "once", s, s) for s in ("n1", "n2", "n3")),
                            resolve=lambda names: [], progress=ws.lines.append)
    assert result.status == "complete"
    def warm(folder, stem):
        executed = nbformat.read(folder / f"notebooks/{stem}.ipynb", as_version=4)
        text = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
        assert "[]" in text  # the notebook's namespace is as papermill gives it
        assert [c.execution_count for c in executed.cells if c.cell_type == "code"][:2] == [1, 2]
        return text.split("WARM ")[1].split()[0]

    assert [warm(result.folder, s) for s in ("n1", "n2", "n3")] == ["True", "True", "True"]
    assert not list((result.folder / "logs").glob(".kernel-*"))
    lone = rp.run_reports([], out=ws.out, jobs=1, notebooks_dir=notebooks, raw_dir=ws.raw, code_dir=ws.code,
                          specs=(NotebookSpec("n1", "once", "n1", "n1"),), resolve=lambda names: [],
                          progress=ws.lines.append, reuse_pages=False)
    assert warm(lone.folder, "n1") == "False"


def test_in_one_process_a_page_made_beside_the_next_notebook_fails_only_its_own_job(tmp_path, monkeypatch):
    """With --jobs 1 a notebook's page is made on a thread while the next notebook runs: a page
    that cannot be made fails its own job (error named), every other job completes, and every job
    gets its progress line and its outcome, in job order."""
    from khcn_analysis.report import execute

    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    stems = ("n1", "n2", "n3")
    for stem in stems:
        write_notebook(notebooks / f"{stem}.ipynb", f"print('{stem}')")
    real = execute.notebook_to_html

    def fussy(executed, out, **kw):
        if Path(executed).stem == "n2":
            raise ValueError("cannot draw n2")
        return real(executed, out, **kw)

    monkeypatch.setattr(execute, "notebook_to_html", fussy)
    ws = Workspace(tmp_path)
    result = rp.run_reports([], out=ws.out, jobs=1, notebooks_dir=notebooks, raw_dir=ws.raw, code_dir=ws.code,
                            specs=tuple(NotebookSpec(s, "once", s, s) for s in stems), resolve=lambda names: [],
                            progress=ws.lines.append)
    assert result.status == "failed"
    assert [(o.id, o.status) for o in result.outcomes] == [("n1", "ok"), ("n2", "failed"), ("n3", "ok")]
    assert "HTML conversion failed: ValueError: cannot draw n2" in result.outcomes[1].error
    assert (result.folder / "n1.html").is_file() and (result.folder / "n3.html").is_file()
    assert not (result.folder / "n2.html").exists()
    assert (result.folder / "notebooks/n2.ipynb").is_file()  # the executed notebook is kept
    progress = [line for line in ws.lines if line.startswith("[")]
    assert sorted(line.split("] ")[1].split()[1] for line in progress) == list(stems)
    assert sorted(line.split("]")[0] for line in progress) == ["[1/3", "[2/3", "[3/3"]


def test_a_chart_is_drawn_once_saved_beside_the_page_and_linked_not_embedded(tmp_path):
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    write_notebook(notebooks / "chart.ipynb",
              "import matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt\n"
              "from khcn_analysis.present.notebook import Page\n"
              "fig, ax = plt.subplots()\nax.plot([1, 2, 3])\nPage(output_dir).show(fig, 'duong')")
    ws = Workspace(tmp_path)
    result = rp.run_reports([], out=ws.out, jobs=1, notebooks_dir=notebooks, raw_dir=ws.raw, code_dir=ws.code,
                            specs=(NotebookSpec("chart", "once", "Biểu đồ", "Chart"),), resolve=lambda names: [],
                            progress=ws.lines.append)
    assert result.status == "complete", result.message
    png = result.folder / "files/chart/duong.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    assert sorted(p.name for p in png.parent.iterdir()) == ["duong.png"]  # one render, one file
    executed = nbformat.read(result.folder / "notebooks/chart.ipynb", as_version=4)
    shown = [o for c in executed.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(shown) == 1 and shown[0]["metadata"]["image/png"]["khcn_file"] == "files/chart/duong.png"
    assert base64.b64decode(shown[0]["data"]["image/png"]) == png.read_bytes()  # the file's own bytes
    page = (result.folder / "chart.html").read_text(encoding="utf-8")
    assert re.search(r'<img[^>]*\ssrc="files/chart/duong.png"', page) and "data:image/png" not in page
    assert len(page) < 20_000


def test_parameters_and_imports_are_read_without_running_anything():
    from khcn_analysis.report.jobs import declared_parameters
    from khcn_analysis.report.kernels import warm_modules

    assert declared_parameters(FIXTURES / "b_scenario.ipynb") == {
        "scenario": "alpha", "lang": "vi", "output_dir": "", "seed": 7}
    modules = warm_modules([FIXTURES / "a_once.ipynb"])
    assert {"os", "pathlib", "IPython.display", "IPython.display.HTML"} <= set(modules)
