"""papermill's dependencies no longer build the IRI grammar in every batch process (issue 16)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from khcn_analysis.report.deferred_imports import defer_iri_grammar
print(defer_iri_grammar())
import nbformat, papermill, jsonschema
print("lark" in sys.modules, "rfc3987_syntax.syntax_helpers" in sys.modules)
checker = jsonschema.Draft7Validator.FORMAT_CHECKER
print(checker.conforms("https://example.org/đường", "iri"), checker.conforms("not an iri", "iri"))
print("rfc3987_syntax.syntax_helpers" in sys.modules)
"""


def test_papermill_imports_without_the_iri_grammar_and_iri_formats_are_still_checked():
    pytest.importorskip("rfc3987_syntax", reason="rfc3987-syntax is not installed: nothing to defer")
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["True", "False", "False", "True", "False", "True"], out.stdout + out.stderr
