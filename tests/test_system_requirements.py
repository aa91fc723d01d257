"""A missing Debian package skips on a user's machine and fails under CI."""

from __future__ import annotations

import pytest
from conftest import REQUIRE_ENV, require_program

MISSING = "khcn-no-such-program-xyz"


def test_missing_program_skips_for_users(monkeypatch):
    monkeypatch.delenv(REQUIRE_ENV, raising=False)
    with pytest.raises(pytest.skip.Exception, match="Debian package some-pkg"):
        require_program(MISSING, package="some-pkg")


def test_missing_program_fails_when_ci_requires_system_deps(monkeypatch):
    monkeypatch.setenv(REQUIRE_ENV, "1")
    with pytest.raises(pytest.fail.Exception, match="is a failure"):
        require_program(MISSING, package="some-pkg")


def test_present_program_is_found(monkeypatch):
    monkeypatch.setenv(REQUIRE_ENV, "1")
    assert require_program("sh", package="dash").endswith("sh")
