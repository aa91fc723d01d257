"""Shared fixtures.

``require_program`` is how a test asks for a Debian package (LibreOffice,
Chromium, poppler). On a user's machine without it the test skips with a
reason; under ``KHCN_REQUIRE_SYSTEM_DEPS=1`` (set by ``.ci/run``) it fails, so CI
always runs the real-client tests. A test that asks for one of those programs is
marked ``system`` and ``slow`` here, so ``make test-fast`` leaves it out.

The built data: ``built_project`` is a project root (``KHCN_ROOT``) holding copies of
``data/raw``, ``scenarios`` and ``notebooks`` with ``data/processed`` built from them,
made once per test process (``make test`` runs two pytest-xdist workers, each with its
own temporary folder, so no lock is needed; ``--dist loadscope`` keeps the tests of one
module in one worker, so a module-scoped fixture, such as a batch run or a server, is
made once as in a plain ``pytest`` run). Never change it: a test that writes
(``khcn data import``, a new scenario, a report) takes its own copy with
``new_project("name")``, which costs a file copy instead of a rebuild.
``processed_baseline`` is its ``data/processed``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from khcn_analysis.report.deferred_imports import defer_iri_grammar

# Test modules import papermill and nbformat: without this each worker builds the IRI grammar.
defer_iri_grammar()

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_ENV = "KHCN_REQUIRE_SYSTEM_DEPS"
#: Fixtures that start a Debian package's program: a test using one is ``system`` and ``slow``.
SYSTEM_FIXTURES = frozenset({"soffice", "soffice_writer", "chromium", "pdftoppm", "pdftotext"})
#: What a project root holds besides the built data (all copied from the checkout).
PROJECT_FOLDERS = ("data/raw", "scenarios", "notebooks")


def pytest_collection_modifyitems(config, items):
    """A test that asks for a Debian program's fixture is ``system`` and ``slow`` (make test-fast skips it)."""
    for item in items:
        if SYSTEM_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.system)
            item.add_marker(pytest.mark.slow)


def system_deps_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0", "false", "no")


def find_program(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_program(*names: str, package: str) -> str:
    """Path of the first program found, else skip (or fail under CI)."""
    found = find_program(*names)
    if found:
        return found
    reason = f"needs {' or '.join(names)} (Debian package {package}); install it to run this test"
    if system_deps_required():
        pytest.fail(f"{reason}. {REQUIRE_ENV} is set, so a missing program is a failure.")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def venv_python() -> str:
    return sys.executable


@pytest.fixture(scope="session")
def soffice() -> str:
    return require_program("soffice", "libreoffice", package="libreoffice-calc-nogui")


@pytest.fixture(scope="session")
def soffice_writer(soffice: str) -> str:
    """LibreOffice with its word processor, which converts .docx (Debian splits it off)."""
    from khcn_analysis.present.brief.pdf import has_writer

    if has_writer(soffice):
        return soffice
    reason = "needs LibreOffice Writer (Debian package libreoffice-writer-nogui) to convert .docx"
    if system_deps_required():
        pytest.fail(f"{reason}. {REQUIRE_ENV} is set, so a missing program is a failure.")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> str:
    return require_program("chromium", "chromium-browser", package="chromium")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    return require_program("pdftoppm", package="poppler-utils")


@pytest.fixture(scope="session")
def pdftotext() -> str:
    return require_program("pdftotext", package="poppler-utils")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A project root with data/raw, scenarios, notebooks and data/processed built; read only.

    Built once per test process. Tests that write take a copy: ``new_project``.
    """
    from khcn_analysis.data.build import build_processed

    root = tmp_path_factory.mktemp("built-project")
    for folder in PROJECT_FOLDERS:
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    build_processed(raw_dir=root / "data" / "raw", processed_dir=root / "data" / "processed")
    return root


@pytest.fixture(scope="session")
def new_project(built_project, tmp_path_factory) -> Callable[..., Path]:
    """``new_project(name)``: a fresh copy of ``built_project`` of one's own, to use as KHCN_ROOT.

    ``processed=False`` leaves data/processed out (for tests of ``khcn data build`` itself).
    """

    def make(name: str = "project", *, processed: bool = True) -> Path:
        root = tmp_path_factory.mktemp(name)
        data = built_project / "data"

        def skip(folder: str, names: list[str]) -> list[str]:
            return ["processed"] if not processed and Path(folder) == data else []

        shutil.copytree(built_project, root, dirs_exist_ok=True, ignore=skip)
        return root

    return make


@pytest.fixture(scope="session")
def khcn_root() -> Callable[[Path], contextlib.AbstractContextManager[Path]]:
    """``with khcn_root(root):`` the library and the ``khcn`` command read ``root`` as their project
    (``KHCN_ROOT``) and charts draw without a display; both settings are undone on leaving."""

    @contextlib.contextmanager
    def use(root: Path) -> Iterator[Path]:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("KHCN_ROOT", str(root))
            mp.setenv("MPLBACKEND", "Agg")
            yield root

    return use


@pytest.fixture(scope="session")
def processed_baseline(built_project) -> Path:
    """The real processed baseline, built once from data/raw/ (read only)."""
    return built_project / "data" / "processed"


@pytest.fixture(scope="module")
def observations(processed_baseline):
    """A fresh copy per module, so no module sees another's changes."""
    from khcn_analysis.data.baseline import load_observations

    return load_observations(processed_baseline)


@pytest.fixture(scope="module")
def plan():
    from khcn_analysis.plan.load import load_plan

    return load_plan()
