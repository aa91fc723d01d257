"""``index.html``: one page linking every report, executed notebook, chart and table of a run.

Everything from outside the code (scenario titles, errors, file names) is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.formatting import Lang, format_number
from khcn_analysis.report.jobs import Job
from khcn_analysis.report.manifest import MANIFEST_NAME

__all__ = ["write_index"]

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;table-layout:auto}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eee;vertical-align:top;overflow-wrap:anywhere}
.ok{color:#1a7f37}.failed{color:#b42318;font-weight:bold}.err{color:#b42318;font-size:.85rem;white-space:pre-wrap}
.meta{color:#555}ul.files{margin:0;padding-left:1rem;font-size:.9rem}
"""

e = html.escape


def write_index(folder: Path, manifest: Mapping[str, Any], jobs: Sequence[Job], lang: Lang) -> Path:
    """Write ``index.html`` into ``folder``: the run's status, then one table per group of jobs."""
    title = t("report.index.title", lang)
    complete = manifest["status"] == "complete"
    status = t("report.run.complete" if complete else "report.run.failed", lang)
    parts = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1><p class=meta>{e(t('report.index.subtitle', lang))}</p>",
        "<p class=meta>"
        f"{e(t('report.index.run', lang))}: <code>{e(manifest['run_id'])}</code> · "
        f"{e(t('report.index.made', lang))}: {e(manifest['finished_utc'])} · "
        f"{e(t('report.index.status', lang))}: "
        f"<span class={'ok' if complete else 'failed'}>{e(status)}</span></p>",
    ]
    records = {n["id"]: n for n in manifest["notebooks"]}
    for heading, group in _groups(jobs, lang).items():
        parts.append(_table(heading, group, records, lang))
    if manifest.get("not_built"):
        items = "".join(f"<li>{e(m)}</li>" for m in manifest["not_built"])
        parts.append(f"<h2>{e(t('report.index.not_built', lang))}</h2><ul>{items}</ul>")
    parts.append(f'<p class=meta><a href="{MANIFEST_NAME}">{e(t("report.index.manifest", lang))}</a></p>')
    parts.append("</body></html>")
    path = folder / "index.html"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _groups(jobs: Sequence[Job], lang: Lang) -> dict[str, list[Job]]:
    """General reports first, then one group per scenario, in the order the jobs run."""
    groups: dict[str, list[Job]] = {}
    for job in jobs:
        if job.scenario is None:
            key = t("report.index.general", lang)
        else:
            key = t("report.index.scenario", lang, title=job.scenario_title(lang))
        groups.setdefault(key, []).append(job)
    return groups


def _table(heading: str, group: Sequence[Job], records: Mapping[str, Mapping[str, Any]], lang: Lang) -> str:
    columns = ("report", "status", "notebook", "files", "duration")
    head = "".join(f"<th>{e(t(f'report.index.{c}', lang))}</th>" for c in columns)
    rows = [f"<h2>{e(heading)}</h2><table><tr>{head}</tr>"]
    for job in group:
        rec = records[job.id]
        title = e(job.spec.title(lang))
        link = f'<a href="{e(rec["html"])}">{title}</a>' if rec.get("html") else title
        nb = f'<a href="{e(rec["executed"])}">.ipynb</a>' if rec.get("executed") else ""
        files = "".join(f'<li><a href="{e(f)}">{e(Path(f).name)}</a></li>' for f in rec.get("files", []))
        seconds = t("report.index.seconds", lang, seconds=format_number(rec["seconds"], 1, lang))
        rows.append(
            f"<tr><td>{link}</td><td>{_state(rec, lang)}</td><td>{nb}</td>"
            f"<td><ul class=files>{files}</ul></td><td>{e(seconds)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _state(rec: Mapping[str, Any], lang: Lang) -> str:
    """A run word for one notebook: done, error (with the error), or not run."""
    if rec["status"] == "ok" and rec.get("reused_from"):
        return f"<span class=ok>{e(t('report.job.reused', lang, run=rec['reused_from']))}</span>"
    if rec["status"] == "ok":
        return f"<span class=ok>{e(t('report.job.ok', lang))}</span>"
    word = t("report.job.error" if rec.get("executed") else "report.job.not_run", lang)
    return f"<span class=failed>{e(word)}</span><div class=err>{e(rec.get('error') or '')}</div>"
