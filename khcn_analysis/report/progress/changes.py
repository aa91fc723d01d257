"""What moved between two half-year reports, and why.

Two snapshots (:mod:`.snapshot`) are compared key by key: a verdict moved when the judge's
word or the evidence grade it rests on changed; a value moved when its number or its
status changed. The reason is read from the value's own provenance: the source ids it rests
on now and then, and the digest of the figure behind each id. A new id from a Department
import means the import (or a revert) made it current; a new or revised ``sources.csv``
fact means a new public figure; a changed ``assumption:`` id means a changed assumption;
a projected value under a changed scenario means the scenario. Nothing here decides
"met": the verdicts compared are the judge's, as each report recorded them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from khcn_analysis.core.config import COMPARE_RTOL
from khcn_analysis.core.provenance import source_kind
from khcn_analysis.report.progress.snapshot import Snapshot

__all__ = [
    "REASON_KINDS",
    "Changes",
    "InputChanges",
    "Reason",
    "ValueChange",
    "VerdictChange",
    "compare_snapshots",
]

#: Why something moved, in the order a report lists them.
REASON_KINDS = ("department", "department_withdrawn", "public_figure", "public_revised", "public_removed",
                "assumption", "scenario", "plan", "method")

#: Raw files whose change is a change of assumptions, and of the plan.
ASSUMPTION_FILES = ("assumptions.yaml", "assumption-ranges.yaml")
PLAN_PREFIX = "plans/"


@dataclass(frozen=True)
class Reason:
    """One cause: its kind and the ids behind it (import ids, fact ids, assumption ids)."""

    kind: str
    ids: tuple[str, ...] = ()


@dataclass
class VerdictChange:
    target_id: str
    indicator: str
    year: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reasons: list[Reason]


@dataclass
class ValueChange:
    variable: str
    year: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reasons: list[Reason]


@dataclass
class InputChanges:
    """What changed among the inputs themselves, whether or not it moved anything."""

    department_events: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # raw files added, removed or changed (not the Department's)
    scenario: bool = False
    code: bool = False

    @property
    def any(self) -> bool:
        return bool(self.department_events or self.files or self.scenario or self.code)


@dataclass
class Changes:
    previous: Snapshot
    current: Snapshot
    verdicts: list[VerdictChange]
    values: list[ValueChange]
    inputs: InputChanges

    @property
    def reasons(self) -> list[Reason]:
        """Every distinct reason, in report order."""
        found: dict[Reason, None] = {}
        for change in [*self.verdicts, *self.values]:
            for reason in change.reasons:
                found.setdefault(reason, None)
        return sorted(found, key=lambda r: (REASON_KINDS.index(r.kind), r.ids))


# --------------------------------------------------------------------------- moves


def _number_moved(a: object, b: object) -> bool:
    if a is None or b is None:
        return (a is None) != (b is None)
    a, b = float(a), float(b)  # type: ignore[arg-type]
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) != math.isnan(b)
    return abs(a - b) > COMPARE_RTOL * max(abs(a), abs(b), 1e-12)


def value_moved(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    if before is None or after is None:
        return (before is None) != (after is None)
    return _number_moved(before.get("value"), after.get("value")) or before.get("status") != after.get("status")


def verdict_moved(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    if before is None or after is None:
        return (before is None) != (after is None)
    return before.get("verdict") != after.get("verdict") or (before.get("grade") or "") != (after.get("grade") or "")


# --------------------------------------------------------------------------- reasons


def _import_of(fact_id: str) -> str:
    """``department.<import>.<variable>.<year>`` → ``<import>``."""
    return fact_id.split(".")[1] if fact_id.count(".") >= 3 else fact_id


def _changed_files(previous: Snapshot, current: Snapshot) -> list[str]:
    names = set(previous.inputs) | set(current.inputs)
    return sorted(n for n in names if previous.inputs.get(n) != current.inputs.get(n))


def _scenario_changed(previous: Snapshot, current: Snapshot) -> bool:
    keys = ("name", "sha256")
    return any(previous.scenario.get(k) != current.scenario.get(k) for k in keys)


def source_reasons(old_ids: list[str], new_ids: list[str], previous: Snapshot, current: Snapshot
                   ) -> list[Reason]:
    """Why a value resting on ``old_ids`` then rests on ``new_ids`` now (or its figures changed)."""
    old, new = set(old_ids), set(new_ids)
    kinds = {i: source_kind(i) for i in old | new}
    reasons: list[Reason] = []
    added_imports = sorted({_import_of(i) for i in new - old if kinds[i] == "department"})
    dropped_imports = sorted({_import_of(i) for i in old - new if kinds[i] == "department"} - set(added_imports))
    if added_imports:
        reasons.append(Reason("department", tuple(added_imports)))
    if dropped_imports:
        reasons.append(Reason("department_withdrawn", tuple(dropped_imports)))
    facts_added = sorted(i for i in new - old if kinds[i] == "fact")
    facts_removed = sorted(i for i in old - new if kinds[i] == "fact")
    revised = sorted(i for i in old & new if kinds[i] in ("fact", "department")
                     and i in previous.facts and i in current.facts and previous.facts[i] != current.facts[i])
    if facts_added:
        reasons.append(Reason("public_figure", tuple(facts_added)))
    if revised:
        reasons.append(Reason("public_revised", tuple(revised)))
    if facts_removed and not added_imports and not facts_added:
        reasons.append(Reason("public_removed", tuple(facts_removed)))
    superseded = bool(added_imports or facts_added)  # a new figure replaces an assumption: not its change
    assumed = sorted(i for i in new - old if kinds[i] == "assumption")
    assumed += sorted(i for i in old - new if kinds[i] == "assumption" and not superseded)
    assumed += sorted(i for i in old & new if kinds[i] == "assumption"
                      and previous.facts.get(i) != current.facts.get(i))
    if assumed:
        reasons.append(Reason("assumption", tuple(i.removeprefix("assumption:") for i in sorted(assumed))))
    if _scenario_changed(previous, current) and any(kinds[i] == "scenario" for i in old | new):
        reasons.append(Reason("scenario", (str(current.scenario.get("name")),)))
    return reasons


def _fallback(previous: Snapshot, current: Snapshot) -> list[Reason]:
    """The cause of a move that none of the value's own sources explains."""
    files = _changed_files(previous, current)
    if any(f in ASSUMPTION_FILES for f in files):
        return [Reason("assumption")]
    if _scenario_changed(previous, current):
        return [Reason("scenario", (str(current.scenario.get("name")),))]
    if any(f.startswith(PLAN_PREFIX) for f in files):
        return [Reason("plan")]
    return [Reason("method")]


def _value_reasons(before: dict[str, Any] | None, after: dict[str, Any] | None, previous: Snapshot,
                   current: Snapshot) -> list[Reason]:
    old, new = previous.sources_of(before), current.sources_of(after)
    return source_reasons(old, new, previous, current) or _fallback(previous, current)


def _series_reasons(values: list[ValueChange], previous: Snapshot, current: Snapshot) -> None:
    """Reasons for values that appeared or vanished: those of their series' other moves.

    A value has no sources on the side where it is absent: when a Department count starts a
    series' record in 2020, the years before it are no longer estimated, and the reason is the
    count, not the sources the old estimate rested on.
    """
    by_series: dict[str, list[Reason]] = {}
    for change in values:
        for reason in change.reasons:
            if reason not in by_series.setdefault(change.variable, []):
                by_series[change.variable].append(reason)
    for change in values:
        if not change.reasons:
            change.reasons = by_series.get(change.variable) or _value_reasons(
                change.before, change.after, previous, current)


def _ranges_moved(before: dict[str, Any] | None, after: dict[str, Any] | None) -> bool:
    if before is None or after is None:
        return False
    return any(_number_moved(before.get(k), after.get(k)) for k in ("value_low", "value_high", "breakpoint"))


# --------------------------------------------------------------------------- the comparison


def _events_since(previous: Snapshot, current: Snapshot) -> list[dict[str, Any]]:
    seen = {e.get("event_id") for e in previous.department.get("events", [])}
    return [e for e in current.department.get("events", []) if e.get("event_id") not in seen]


def compare_snapshots(previous: Snapshot, current: Snapshot) -> Changes:
    """Every verdict and key value that moved from ``previous`` to ``current``, with its reasons."""
    old_values, new_values = previous.value_map(), current.value_map()
    variables = list(dict.fromkeys([v["variable"] for v in current.values] + [v["variable"] for v in previous.values]))
    targets = list(dict.fromkeys([v["target_id"] for v in current.verdicts] + [v["target_id"] for v in previous.verdicts]))
    values = []
    for key in sorted(set(old_values) | set(new_values), key=lambda k: (variables.index(k[0]), k[1])):
        before, after = old_values.get(key), new_values.get(key)
        if value_moved(before, after):
            both = before is not None and after is not None
            reasons = _value_reasons(before, after, previous, current) if both else []
            values.append(ValueChange(key[0], key[1], before, after, reasons))
    _series_reasons(values, previous, current)
    old_verdicts, new_verdicts = previous.verdict_map(), current.verdict_map()
    verdicts = []
    for key in sorted(set(old_verdicts) | set(new_verdicts), key=lambda k: (k[1], targets.index(k[0]))):
        before, after = old_verdicts.get(key), new_verdicts.get(key)
        if not verdict_moved(before, after):
            continue
        indicator = (after or before or {}).get("indicator", "")
        value_before, value_after = old_values.get((indicator, key[1])), new_values.get((indicator, key[1]))
        reasons = (_value_reasons(value_before, value_after, previous, current)
                   if value_moved(value_before, value_after) else [])
        if _ranges_moved(before, after) and any(f in ASSUMPTION_FILES for f in _changed_files(previous, current)):
            reasons.append(Reason("assumption"))
        verdicts.append(VerdictChange(key[0], indicator, key[1], before, after,
                                      reasons or _fallback(previous, current)))
    department_files = [f for f in _changed_files(previous, current) if not f.startswith("department/")]
    inputs = InputChanges(
        department_events=_events_since(previous, current), files=department_files,
        scenario=_scenario_changed(previous, current),
        code=previous.code.get("sha256") != current.code.get("sha256"))
    return Changes(previous, current, verdicts, values, inputs)

