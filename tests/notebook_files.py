"""Small notebooks written for tests of the batch: a ``parameters`` cell, then code cells."""

from __future__ import annotations

from pathlib import Path

import nbformat

KERNELSPEC = {"name": "python3", "language": "python", "display_name": "Python 3"}


def write_notebook(path: Path, *cells: str, parameters: str = 'lang = "vi"\noutput_dir = ""') -> Path:
    """A notebook at ``path`` with the ``parameters`` cell papermill fills in, then ``cells``."""
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": KERNELSPEC})
    nb.cells.append(nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}))
    nb.cells += [nbformat.v4.new_code_cell(c) for c in cells]
    nbformat.write(nb, path)
    return path
