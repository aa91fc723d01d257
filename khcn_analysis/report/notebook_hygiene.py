"""Refuse notebooks committed with outputs: outputs belong in ``reports/``.

Run as ``python -m khcn_analysis.report.notebook_hygiene notebooks`` (part of ``make lint``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat


def dirty_cells(path: Path) -> list[int]:
    """Indices of code cells that carry outputs or an execution count."""
    nb = nbformat.read(path, as_version=4)
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [Path("notebooks")]
    problems = []
    for folder in folders:
        for nb_path in sorted(folder.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in nb_path.parts:
                continue
            cells = dirty_cells(nb_path)
            if cells:
                problems.append(f"{nb_path}: cells {cells} have outputs or execution counts")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(
            "Strip them before committing: jupyter nbconvert --clear-output --inplace <notebook>",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
