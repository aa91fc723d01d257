"""The note as PDF, through LibreOffice when it is installed.

``soffice --headless --convert-to pdf`` with a fresh, temporary user profile (a shared
profile makes concurrent conversions fail or hang; STACK.md). The PDF is written
atomically beside its target; without LibreOffice the caller gets
:class:`PdfUnavailable` (exit 2) with the package to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from khcn_analysis.core.atomic import atomic_path
from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import KhcnError

__all__ = ["PdfUnavailable", "find_soffice", "has_writer", "to_pdf"]

#: Seconds one conversion may take before it is abandoned (a cold start takes ~3 s).
TIMEOUT = 180

#: Free fonts drawn to the same metrics as the fonts Word documents name, best first, then
#: a condensed fallback that keeps line lengths close. A server without the template's
#: font would otherwise set it in a wider face and push the note onto an extra page.
SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "Times New Roman": ("Liberation Serif", "Tinos", "DejaVu Serif Condensed"),
    "Arial": ("Liberation Sans", "Arimo", "DejaVu Sans Condensed"),
    "Calibri": ("Carlito", "DejaVu Sans Condensed"),
    "Cambria": ("Caladea", "DejaVu Serif Condensed"),
    "Courier New": ("Liberation Mono", "Cousine", "DejaVu Sans Mono"),
}


class PdfUnavailable(KhcnError):
    """LibreOffice is missing or failed: no PDF was written."""


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def has_writer(soffice: str) -> bool:
    """Whether this LibreOffice has its word processor (Debian splits it off: a machine
    with only ``libreoffice-calc-nogui`` converts spreadsheets but cannot load a .docx)."""
    program = Path(os.path.realpath(soffice)).parent
    if not program.is_dir():
        return True  # an unusual layout: let LibreOffice itself say whether it can
    return any(program.glob("libsw*")) or any(program.glob("*swlo*")) or (program / "swriter").exists()


def to_pdf(docx_path: str | Path, pdf_path: str | Path, *, lang: str = "vi", soffice: str | None = None) -> Path:
    """Convert ``docx_path`` to ``pdf_path`` with LibreOffice; return the PDF's path."""
    program = soffice or find_soffice()
    if not program:
        raise PdfUnavailable(t("brief.error.no_soffice", lang))
    if not has_writer(program):
        raise PdfUnavailable(t("brief.error.no_writer", lang))
    docx_path, pdf_path = Path(docx_path), Path(pdf_path)
    with tempfile.TemporaryDirectory(prefix="khcn-brief-") as work:
        work_dir = Path(work)
        profile = work_dir / "profile"
        profile.mkdir()
        source = work_dir / "brief.docx"
        shutil.copyfile(docx_path, source)
        env = dict(os.environ, FONTCONFIG_FILE=str(_font_config(source, work_dir)))
        try:
            done = subprocess.run(
                [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                 "--convert-to", "pdf", "--outdir", str(work_dir), str(source)],
                capture_output=True, text=True, timeout=TIMEOUT, check=False, env=env,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            raise PdfUnavailable(t("brief.error.pdf_failed", lang, detail=str(err))) from None
        produced = work_dir / "brief.pdf"
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout or f"exit {done.returncode}").strip()[-400:]
            raise PdfUnavailable(t("brief.error.pdf_failed", lang, detail=detail))
        with atomic_path(pdf_path) as tmp:
            shutil.copyfile(produced, tmp)
    return pdf_path


def _document_fonts(docx: Path) -> set[str]:
    """The font names the document's styles and text ask for."""
    try:
        with zipfile.ZipFile(docx) as package:
            xml = "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist()
                          if name in ("word/styles.xml", "word/document.xml"))
    except (OSError, zipfile.BadZipFile, KeyError):
        return set()
    return set(re.findall(r'w:(?:ascii|hAnsi)="([^"]+)"', xml))


def _font_config(docx: Path, folder: Path) -> Path:
    """A fontconfig file: the system's rules, then metric-compatible stand-ins *after* each
    font the document names, so an installed font always wins and a missing one is set
    in the closest face available."""
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    aliases = "".join(
        f"<alias binding=\"same\"><family>{escape(font)}</family><accept>"
        + "".join(f"<family>{escape(f)}</family>" for f in SUBSTITUTES[font])
        + "</accept></alias>"
        for font in sorted(_document_fonts(docx)) if font in SUBSTITUTES
    )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">{escape(base)}</include>{aliases}</fontconfig>\n',
        encoding="utf-8")
    return path
