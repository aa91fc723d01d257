"""What a half-year report knew: its verdicts, key values and input fingerprints, kept per period.

Each report leaves ``reports/progress/<period>/snapshot.json`` behind, small enough to read
by eye. The next report compares itself with it (:mod:`.changes`): which verdicts and
values moved, and why. To say *why*, a snapshot keeps, for every value, the source ids it
rests on, and for each of those ids a short digest of the figure behind it (a
``sources.csv`` row, a Department import's row, an assumption's value), plus the SHA-256
of every raw input file, of the scenario and of the library code. A snapshot is never
overwritten: a period already reported is refused unless the caller replaces it, and the
old snapshot is then kept beside the new one as a dated backup.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from khcn_analysis.core import paths
from khcn_analysis.core.atomic import write_text
from khcn_analysis.core.errors import InputError, KhcnError
from khcn_analysis.core.provenance import source_kind, split_sources
from khcn_analysis.report.manifest import display_path, files_under, sha256_file
from khcn_analysis.report.progress.periods import Period, parse_period_id

__all__ = [
    "SNAPSHOT_FORMAT",
    "SNAPSHOT_NAME",
    "AlreadyReported",
    "Snapshot",
    "latest_before",
    "progress_dir",
    "read_snapshot",
    "snapshot_path",
    "snapshots",
    "store_snapshot",
]

SNAPSHOT_FORMAT = "khcn-workbook/progress-snapshot"
SNAPSHOT_VERSION = 1
SNAPSHOT_NAME = "snapshot.json"
MAX_SNAPSHOT_BYTES = 5_000_000

#: The judge's columns a snapshot keeps for each verdict (those present in the attainment table).
VERDICT_FIELDS = ("verdict", "central_verdict", "grade", "value", "value_low", "value_high",
                  "deciding_assumption", "breakpoint", "breakpoint_unit", "breakpoint_comparator",
                  "gap", "gap_unit", "unit", "value_status")


class AlreadyReported(KhcnError):
    """A period that already has a snapshot, written again without ``--replace``."""


@dataclass
class Snapshot:
    """One period's record (see the module docstring); plain JSON data."""

    period: str
    written_at: str
    scenario: dict[str, Any]
    inputs: dict[str, str]
    code: dict[str, str]
    department: dict[str, Any]
    verdicts: list[dict[str, Any]]
    values: list[dict[str, Any]]
    facts: dict[str, str]
    source_sets: list[list[str]] = field(default_factory=list)
    format: str = SNAPSHOT_FORMAT
    version: int = SNAPSHOT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        """JSON with one line per list item or mapping entry: compact, and readable in a diff."""
        def dump(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False, allow_nan=False)

        parts = []
        for key, value in asdict(self).items():
            if isinstance(value, list) and value:
                inner = ",\n".join(f"  {dump(x)}" for x in value)
                parts.append(f" {dump(key)}: [\n{inner}\n ]")
            elif isinstance(value, dict) and value:
                inner = ",\n".join(f"  {dump(k)}: {dump(v)}" for k, v in value.items())
                parts.append(f" {dump(key)}: {{\n{inner}\n }}")
            else:
                parts.append(f" {dump(key)}: {dump(value)}")
        return "{\n" + ",\n".join(parts) + "\n}\n"

    def verdict_map(self) -> dict[tuple[str, int], dict[str, Any]]:
        return {(v["target_id"], int(v["year"])): v for v in self.verdicts}

    def value_map(self) -> dict[tuple[str, int], dict[str, Any]]:
        return {(v["variable"], int(v["year"])): v for v in self.values}

    def sources_of(self, value: dict[str, Any] | None) -> list[str]:
        """The source ids a value rests on (values name a shared set by its index)."""
        if value is None:
            return []
        index = value.get("sources")
        return list(self.source_sets[index]) if isinstance(index, int) else list(index or [])

    @property
    def written(self) -> datetime:
        return datetime.fromisoformat(self.written_at)


# --------------------------------------------------------------------------- taking one


def _plain(value: Any) -> Any:
    """JSON-safe: NaN and missing become None, numpy scalars plain Python."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        return None if isinstance(value, float) and math.isnan(value) else value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def key_variables(plan: Any) -> list[str]:
    """The series a report watches: every computable target's indicator and its inputs."""
    out: dict[str, None] = {}
    for target in plan.targets:
        if target.computable:
            out.setdefault(target.indicator, None)
            for name in target.inputs:
                out.setdefault(name, None)
    return list(out)


def _verdicts(results: Any) -> list[dict[str, Any]]:
    att = results.attainment
    rows = []
    for r in att[att["scope"] == "province"].to_dict("records"):
        row = {"target_id": r["target_id"], "indicator": r["indicator"], "year": int(r["year"]),
               "verdict": r.get("verdict", r["status"]), "status": r["status"]}
        for name in VERDICT_FIELDS:
            if name in r and name not in row:
                row[name] = _plain(r[name])
        rows.append({k: v for k, v in ((k, _plain(v)) for k, v in row.items()) if v is not None})
    return rows


def _values(results: Any, variables: list[str], first_year: int) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Each watched value from ``first_year`` on, and the distinct source sets they name by index."""
    table = results.table
    wanted = table[table["variable"].isin(variables) & (table["year"] >= first_year)]
    order = {v: i for i, v in enumerate(variables)}
    wanted = wanted.assign(_o=wanted["variable"].map(order)).sort_values(["_o", "year"])
    sets: dict[tuple[str, ...], int] = {}
    values = []
    for r in wanted.to_dict("records"):
        ids = tuple(split_sources(r["source"]))
        values.append({"variable": r["variable"], "year": int(r["year"]), "value": _plain(r["value"]),
                       "unit": r["unit"], "status": r["status"], "sources": sets.setdefault(ids, len(sets))})
    return values, [list(ids) for ids in sets]


def _digest(*parts: object) -> str:
    text = json.dumps([_plain(p) for p in parts], ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def fact_digests(ids: Iterable[str], facts: pd.DataFrame | None, assumptions: Iterable[Any] = ()
                 ) -> dict[str, str]:
    """A short digest of the figure behind each id: a fact's row, or an assumption's declaration.

    An assumption is digested as declared in ``assumptions.yaml`` (rule, value, inputs, years),
    not by the values it computes: those move with the facts it leans on, which are digested
    themselves, and with a Department figure that supersedes it.
    """
    by_fact = {} if facts is None or facts.empty else {
        str(r["fact_id"]): _digest(r.get("value"), r.get("unit"), r.get("basis"), r.get("year"),
                                   r.get("period"), r.get("qualifier"), r.get("kind"))
        for r in facts.drop_duplicates("fact_id").to_dict("records")}
    by_assumption = {f"assumption:{a.id}": _digest(a.rule, a.value, a.inputs, a.years, a.variable, a.unit)
                     for a in assumptions}
    out = {}
    for sid in ids:
        digest = by_assumption.get(sid) if source_kind(sid) == "assumption" else by_fact.get(sid)
        if digest is not None:
            out[sid] = digest
    return dict(sorted(out.items()))


def input_fingerprints(raw: Path, root: Path) -> dict[str, str]:
    """SHA-256 of every raw input file (READMEs left out), by path relative to ``data/raw``."""
    return {display_path(f.path, raw): sha256_file(f.path) for f in files_under(raw, "raw_data")
            if f.path.suffix != ".md"}


def code_fingerprint() -> dict[str, str]:
    """The library's version and one hash over its Python files."""
    from khcn_analysis import __version__

    package = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    for item in files_under(package, "code", (".py",)):
        digest.update(display_path(item.path, package).encode())
        digest.update(sha256_file(item.path).encode())
    return {"version": __version__, "sha256": digest.hexdigest()}


def scenario_record(scenario: Any) -> dict[str, Any]:
    parameters = json.dumps(scenario.as_parameters(), sort_keys=True, ensure_ascii=False, default=str)
    return {"name": scenario.name, "title_vi": scenario.title("vi"), "title_en": scenario.title("en"),
            "sha256": hashlib.sha256(parameters.encode("utf-8")).hexdigest()}


def take_snapshot(results: Any, period: Period, *, now: datetime, department: dict[str, Any],
                  facts: pd.DataFrame | None, raw_dir: Path | None = None) -> Snapshot:
    """The record of one report: ``results`` judged, the Department's import history, the inputs."""
    from khcn_analysis.data.assumptions import load_assumptions

    raw = Path(raw_dir) if raw_dir is not None else paths.raw_dir()
    declared = load_assumptions(raw / "assumptions.yaml") if (raw / "assumptions.yaml").is_file() else []
    first_year = int(getattr(getattr(results.plan, "horizon", None), "start_year", 0) or 0)
    values, source_sets = _values(results, key_variables(results.plan), first_year)
    ids = {sid for ids in source_sets for sid in ids}
    return Snapshot(
        period=period.id, written_at=now.isoformat(timespec="seconds"),
        scenario=scenario_record(results.scenario), inputs=input_fingerprints(raw, paths.project_root()),
        code=code_fingerprint(), department=department, verdicts=_verdicts(results), values=values,
        facts=fact_digests(ids, facts, declared), source_sets=source_sets)


# --------------------------------------------------------------------------- storing and reading


def progress_dir(folder: str | Path | None = None) -> Path:
    return Path(folder) if folder is not None else paths.reports_dir() / "progress"


def snapshot_path(period: Period, folder: str | Path | None = None) -> Path:
    return progress_dir(folder) / period.id / SNAPSHOT_NAME


def read_snapshot(path: Path) -> Snapshot:
    expected = f"a progress snapshot written by `khcn progress` ({SNAPSHOT_FORMAT})"
    if not path.is_file():
        raise InputError(path, None, "no such file", expected)
    if path.stat().st_size > MAX_SNAPSHOT_BYTES:
        raise InputError(path, None, f"a file of {path.stat().st_size:,} bytes", expected)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(path, None, f"unreadable JSON ({str(err)[:100]})", expected) from None
    if not isinstance(doc, dict) or doc.get("format") != SNAPSHOT_FORMAT:
        raise InputError(path, "format", repr(doc.get("format") if isinstance(doc, dict) else doc)[:60], expected)
    if doc.get("version") != SNAPSHOT_VERSION:
        raise InputError(path, "version", repr(doc.get("version")), f"version {SNAPSHOT_VERSION}")
    try:
        return Snapshot(**doc)
    except TypeError as err:
        raise InputError(path, None, f"unexpected fields ({err})", expected) from None


def snapshots(folder: str | Path | None = None) -> dict[Period, Path]:
    """Every period that has a snapshot, oldest first."""
    base = progress_dir(folder)
    found = {}
    for child in sorted(base.iterdir()) if base.is_dir() else []:
        period = parse_period_id(child.name)
        if period is not None and (child / SNAPSHOT_NAME).is_file():
            found[period] = child / SNAPSHOT_NAME
    return dict(sorted(found.items()))


def latest_before(period: Period, folder: str | Path | None = None) -> Period | None:
    """The latest period before ``period`` that has a snapshot (None for a first report)."""
    earlier = [p for p in snapshots(folder) if p < period]
    return earlier[-1] if earlier else None


def check_free(period: Period, folder: str | Path | None = None, *, replace: bool = False) -> None:
    """Refuse a period already reported unless ``replace``."""
    path = snapshot_path(period, folder)
    if path.exists() and not replace:
        raise AlreadyReported(
            f"{path}: the report for {period.id} was already written (its snapshot is kept and never "
            "overwritten); expected a period without a report, or --replace to write it again "
            "(the old snapshot is then kept as a dated backup)")


def store_snapshot(snapshot: Snapshot, period: Period, folder: str | Path | None = None, *,
                   replace: bool = False, now: datetime | None = None) -> tuple[Path, Path | None]:
    """Write the snapshot without ever overwriting one; (path, backup of the replaced one or None)."""
    check_free(period, folder, replace=replace)
    path = snapshot_path(period, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = None
    if path.exists():
        stamp = (now or datetime.now()).strftime("%Y%m%dT%H%M%S")
        backup = path.with_name(f"snapshot-replaced-{stamp}.json")
        n = 1
        while backup.exists():
            n += 1
            backup = path.with_name(f"snapshot-replaced-{stamp}-{n}.json")
        os.link(path, backup)  # the old snapshot stays whole under its dated name
        path.unlink()
    staged = path.with_name(f".{SNAPSHOT_NAME}.{os.getpid()}.staged")
    write_text(staged, snapshot.to_json())
    try:
        os.link(staged, path)  # fails if the name exists: a snapshot is never overwritten
    except FileExistsError as err:
        raise AlreadyReported(f"{path}: another report for {period.id} was written meanwhile") from err
    finally:
        staged.unlink(missing_ok=True)
    return path, backup
