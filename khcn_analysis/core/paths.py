"""Where the workbook's folders are.

The project root is found from ``KHCN_ROOT`` or, for an editable install, from
the package's own location; every other path derives from it so that notebooks,
the CLI and tests agree on one layout.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    env = os.environ.get("KHCN_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


def raw_dir() -> Path:
    return project_root() / "data" / "raw"


def processed_dir() -> Path:
    return project_root() / "data" / "processed"


def reports_dir() -> Path:
    return project_root() / "reports"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def scenarios_dir() -> Path:
    return project_root() / "scenarios"
