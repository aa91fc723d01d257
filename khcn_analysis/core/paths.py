"""Where the workbook's folders are.

The project root is found from ``KHCN_ROOT`` or, for an editable install, from
the package's own location; every other path derives from it so that notebooks,
the CLI and tests agree on one layout.
"""

from __future__ import annotations

import os
from pathlib import Path

from khcn_analysis.core.errors import KhcnError


def project_root() -> Path:
    env = os.environ.get("KHCN_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parents[2]


class NotAProjectError(KhcnError):
    """The project root (``KHCN_ROOT``) is not a khcn-workbook folder."""


def require_project(folder: Path) -> Path:
    """``folder`` if it exists; if the root itself is not a workbook folder, say so.

    A wrong ``KHCN_ROOT`` used to surface as "expected one of: (none)" (no shipped
    scenarios); the message now names the variable and what the folder lacks.
    """
    if folder.is_dir():
        return folder
    root = project_root()
    if not (root / "scenarios").is_dir() and not (root / "data" / "raw").is_dir():
        origin = "KHCN_ROOT" if os.environ.get("KHCN_ROOT") else "the project root"
        raise NotAProjectError(
            f"{root} ({origin}): found no scenarios/ or data/raw/ folder there; expected a "
            "khcn-workbook project folder (the one holding scenarios/ and data/raw/)"
            + ("; set KHCN_ROOT to it or unset KHCN_ROOT" if origin == "KHCN_ROOT" else ""))
    return folder


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
