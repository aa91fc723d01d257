"""Bounded input: a filled template is checked for size before anything parses it.

An 18 KB workbook with one blank cell at row 1,048,576 kept the reader busy for
minutes; 20,000 pasted rows took nearly three minutes and printed a 3.6 MB error;
a 1 MB zip bomb unpacked to about 1 GB inside openpyxl. So the file is read once
into memory under a size cap, its zip directory's member count and declared
unpacked sizes are checked against caps, the real unpacked bytes are counted too
(a directory may lie; Python's zipfile then stops at the declared size and fails
the CRC, and openpyxl parses the same buffer), and each sheet's extent is
checked before its cells are read. The template itself is
~18 KB packed and ~95 KB unpacked, with at most 84 rows and 8 columns per sheet:
the caps leave generous room for long notes and still bound the work.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from khcn_analysis.core.errors import InputError, InputErrors
from khcn_analysis.data.department.tables import FIRST_DATA_ROW

__all__ = [
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_MEMBERS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "check_extent",
    "read_bounded",
]

MAX_FILE_BYTES = 5_000_000
MAX_MEMBERS = 200
MAX_UNPACKED_BYTES = 16_000_000
#: Rows and columns a sheet may reach: the years 2010–2030 need 21 data rows, the template
#: validates 80; the widest table has 8 columns.
MAX_ROWS = FIRST_DATA_ROW + 200
MAX_COLUMNS = 30
_CHUNK = 1 << 16
_EXPECTED = "an Excel .xlsx workbook written by `khcn data template`"


def _refuse(path: Path, found: str, hint: str) -> InputErrors:
    return InputErrors([InputError(path, None, found, _EXPECTED, hint)], what=str(path))


def read_bounded(path: Path) -> io.BytesIO:
    """The file's bytes, checked: size, zip members, declared and actual unpacked size.

    openpyxl then parses this very buffer, so what was checked is what is read.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refuse(path, f"a file of {size:,} bytes",
                      f"the template is far smaller (at most {MAX_FILE_BYTES:,} bytes are read); "
                      "copy the figures into a fresh template from `khcn data template`")
    with path.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    buffer = io.BytesIO(data)
    if not zipfile.is_zipfile(buffer):
        return buffer  # openpyxl's own message says it is not a workbook
    try:
        archive = zipfile.ZipFile(buffer)
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return buffer
    if len(members) > MAX_MEMBERS:
        raise _refuse(path, f"a zip archive with {len(members):,} members",
                      f"a workbook has a few dozen parts (at most {MAX_MEMBERS} are accepted)")
    declared = sum(m.file_size for m in members)
    if declared > MAX_UNPACKED_BYTES:
        raise _refuse(path, f"parts that unpack to {declared:,} bytes",
                      f"at most {MAX_UNPACKED_BYTES:,} bytes unpacked; the file is not the template "
                      "or was packed to exhaust memory")
    total = 0
    for member in members:
        try:
            with archive.open(member) as part:
                while chunk := part.read(_CHUNK):
                    total += len(chunk)
                    if total > MAX_UNPACKED_BYTES:
                        raise _refuse(path, f"parts that unpack to more than {MAX_UNPACKED_BYTES:,} "
                                      "bytes (more than the zip directory declares)",
                                      "the file is not the template or was packed to exhaust memory")
        except InputErrors:
            raise
        except Exception:  # noqa: BLE001 - a damaged member: openpyxl reports the workbook as unreadable
            break
    buffer.seek(0)
    return buffer


def check_extent(path: Path, sheet: str, max_row: int, max_column: int) -> InputError | None:
    """A sheet whose used range runs far beyond the template is refused before its cells are read."""
    if max_row <= MAX_ROWS and max_column <= MAX_COLUMNS:
        return None
    return InputError(
        path, f"sheet '{sheet}'", f"a used range reaching row {max_row:,}, column {max_column:,}",
        f"at most {MAX_ROWS} rows and {MAX_COLUMNS} columns (the template's years and columns)",
        "delete the rows below the table and the columns right of it (Ctrl+End shows the last used "
        "cell), or copy the figures into a fresh template",
    )
