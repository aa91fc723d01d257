"""Shared fixtures.

``require_program`` is how a test asks for a Debian package (LibreOffice,
Chromium, poppler). On a user's machine without it the test skips with a
reason; under ``KHCN_REQUIRE_SYSTEM_DEPS=1`` (set by ``.ci/run``) it fails, so CI
always runs the real-client tests.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_ENV = "KHCN_REQUIRE_SYSTEM_DEPS"


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
def processed_baseline(tmp_path_factory) -> Path:
    """The real processed baseline, built once from data/raw/ into a temporary folder."""
    from khcn_analysis.data.build import build_processed

    out = tmp_path_factory.mktemp("processed")
    build_processed(processed_dir=out)
    return out


@pytest.fixture(scope="module")
def observations(processed_baseline):
    """A fresh copy per module, so no module sees another's changes."""
    from khcn_analysis.data.baseline import load_observations

    return load_observations(processed_baseline)


@pytest.fixture(scope="module")
def plan():
    from khcn_analysis.plan.load import load_plan

    return load_plan()
