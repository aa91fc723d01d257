"""Run inside a kernel started ahead of need: import what the batch's notebooks will import.

Kept apart from the rest of :mod:`khcn_analysis.report` (it imports nothing of it), so a
kernel pays only for the modules named. Names are bound nowhere: the notebook's
namespace is exactly as papermill would give it; only ``sys.modules`` is warm.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

__all__ = ["import_quietly"]


def import_quietly(names: Iterable[str]) -> None:
    """Import each module that exists; a module that fails is left for the notebook to report."""
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001, S112 - the notebook itself will raise it, in its own cell
            continue
