"""Defer an import that papermill's dependencies make eagerly and never need in a batch.

``jsonschema`` (imported by ``nbformat``, so by papermill and nbconvert) imports
``rfc3987_syntax`` at import time when it is installed (it is, through ``jupyter-events``'
``jsonschema[format-nongpl]``), and that module builds some 35 Earley parsers for IRI
grammar rules on import: about 0.9 s of CPU in every process that executes or converts a
notebook, twice per batch on two workers, for a check no notebook schema uses (upstream:
python-jsonschema/jsonschema#1428). :func:`defer_iri_grammar` puts a stand-in module in its
place whose ``is_valid_syntax`` imports the real one on first use, so an ``iri`` format is
still checked, correctly, if a schema ever asks.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

__all__ = ["defer_iri_grammar"]

MODULE = "rfc3987_syntax"


def _real() -> types.ModuleType:
    """Import the real module in place of the stand-in (once) and return it."""
    current = sys.modules.get(MODULE)
    if current is not None and not getattr(current, "__khcn_stand_in__", False):
        return current
    sys.modules.pop(MODULE, None)
    return importlib.import_module(MODULE)


def _is_valid_syntax(term: str, value: str) -> bool:
    return bool(_real().is_valid_syntax(term, value))


def defer_iri_grammar() -> bool:
    """Register the stand-in unless the real module is already imported or not installed.

    Returns whether the stand-in is in place. Call it before importing papermill,
    nbconvert or nbformat.
    """
    current = sys.modules.get(MODULE)
    if current is not None:
        return bool(getattr(current, "__khcn_stand_in__", False))
    if "jsonschema._format" in sys.modules or importlib.util.find_spec(MODULE) is None:
        return False
    stand_in = types.ModuleType(MODULE, "Stand-in: imports rfc3987_syntax on first use (khcn_analysis).")
    stand_in.__khcn_stand_in__ = True  # type: ignore[attr-defined]
    stand_in.is_valid_syntax = _is_valid_syntax  # type: ignore[attr-defined]
    sys.modules[MODULE] = stand_in
    return True
