"""Saving the explorer's settings as a scenario file, the way a colleague would write one.

A saved file is an ordinary scenario (``scenarios/<name>.yaml``, a papermill
parameters file and a validated model). It starts with :data:`SAVED_MARKER`, so only
files the explorer wrote can ever be replaced, and only when the page asks; the
shipped scenarios never are. Each changed key says what it was and why (the note
typed on the page), unchanged keys keep the base file's reason, and the text is
validated exactly as written before it reaches the disk, atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any, Protocol

import yaml

from khcn_analysis.core import atomic
from khcn_analysis.core.catalogue import LANGS, t
from khcn_analysis.core.errors import InputError
from khcn_analysis.core.formatting import format_number
from khcn_analysis.core.paths import scenarios_dir
from khcn_analysis.core.strict_yaml import YamlError, parse_yaml
from khcn_analysis.model.scenario_comments import key_comments
from khcn_analysis.model.scenarios import (
    NAME_PATTERN,
    Distribution,
    Scenario,
    ScenarioError,
    validate_parameters,
)
from khcn_analysis.present.explore.settings import Settings


class Session(Protocol):
    """What saving needs of the explorer's session (:class:`~.session.Explorer`)."""

    trend_keys: dict[str, set[str]]

    def base(self, name: str) -> tuple[Scenario, dict[str, Any]]: ...

    def changes(self, settings: Settings) -> dict[str, tuple[Any, Any]]: ...

    def scenario(self, settings: Settings, *, name: str | None = None, **extra: Any) -> Scenario: ...

__all__ = ["SAVED_MARKER", "SaveRefused", "save", "saved_by_explorer"]

#: First line of every file the explorer writes: only such files may be overwritten.
SAVED_MARKER = "# saved-by: khcn explore"


class SaveRefused(InputError):
    """A save the page refuses, with the reason in the reader's language (:meth:`text`)."""

    def __init__(self, key: str, path: Path | None, name: str, expected: str) -> None:
        self.key = key
        self.name = name
        super().__init__(path, "scenario name", name, expected)

    def text(self, lang: str) -> str:
        return t(self.key, lang, name=self.name)


def saved_by_explorer(path: Path) -> bool:
    with path.open(encoding="utf-8") as fh:
        return fh.readline().rstrip("\n") == SAVED_MARKER


def target_path(name: str, directory: Path, *, overwrite: bool) -> Path:
    """``directory/<name>.yaml`` if the name may be written there, else :class:`SaveRefused`."""
    if not NAME_PATTERN.match(name):
        raise SaveRefused("explore.refused.name", None, name,
                          "lower-case letters, digits and '_', starting with a letter, at most 64 "
                          "characters (the name becomes scenarios/<name>.yaml; it cannot be a path)")
    path = directory / f"{name}.yaml"
    if path.exists():
        if not saved_by_explorer(path):
            raise SaveRefused("explore.refused.shipped", path, name,
                              "a new name: this is a shipped scenario and is never overwritten")
        if not overwrite:
            raise SaveRefused("explore.refused.exists", path, name,
                              "a new name, or tick 'overwrite' to replace this saved scenario")
    return path


def save(explorer: Session, settings: Settings, name: str, *, note: str = "", overwrite: bool = False,
         directory: Path | None = None) -> Path:
    """Write ``settings`` as ``<directory>/<name>.yaml`` (``scenarios/`` by default).

    Refuses a name that is not a plain id (no paths), any existing file not written
    by the explorer (the shipped scenarios), and an explorer file unless
    ``overwrite``; a file that appears while saving is never replaced.
    """
    directory = Path(directory) if directory is not None else scenarios_dir()
    name = (name or "").strip()
    path = target_path(name, directory, overwrite=overwrite)
    base_sc, params = explorer.base(settings.base)
    changes = explorer.changes(settings)
    trend_keys = explorer.trend_keys.get(settings.base, set())
    today = dt.date.today().isoformat()
    note = one_line(note)
    desc = describe(settings.base, changes, note, today)
    moved = set(changes) | trend_keys
    sc = explorer.scenario(settings, name=name, description_vi=desc["vi"], description_en=desc["en"],
                           uncertainty=shifted_uncertainty(params, settings.overrides(), moved))
    text = scenario_yaml(sc.as_parameters(), base_sc, changes, trend_keys, note, today)
    _check(text, path)

    _write(path, text, overwrite=overwrite)
    return path


def _check(text: str, path: Path) -> None:
    """Exactly the text to be written, read as ``load_scenario`` will read it (strict YAML), then validated."""
    try:
        doc = parse_yaml(text, source=path, expected="a YAML mapping of scenario parameters")
    except YamlError as err:
        raise ScenarioError([err], str(path)) from None
    validate_parameters(doc.data, file=path, doc=doc)


def one_line(text: str) -> str:
    """A typed note as one line of printable characters (it goes into a comment and a description)."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text or "").split())


def _write(path: Path, text: str, *, overwrite: bool) -> None:
    """Atomically; without ``overwrite`` the file is linked into place, which fails if it exists."""
    if overwrite:
        atomic.write_text(path, text)
        return
    staged = path.with_name(f".{path.stem}.{secrets.token_hex(4)}.new")
    atomic.write_text(staged, text)
    try:
        os.link(staged, path)
    except FileExistsError:
        raise SaveRefused("explore.refused.raced", path, path.stem,
                          "a new name (the file was just created)") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return format_number(v, 2, "en").rstrip("0").rstrip(".") if v == v else "nan"
    return str(v)


def describe(base: str, changes: dict[str, tuple[Any, Any]], note: str, day: str) -> dict[str, str]:
    """The saved scenario's description in both languages: origin, changes, reason."""
    listed = "; ".join(f"{k}: {_fmt(a)} -> {_fmt(b)}" for k, (a, b) in changes.items())
    out = {}
    for lang in LANGS:
        parts = [t("explore.saved.origin", lang, day=day, base=base)]
        parts.append(t("explore.saved.changes", lang, changes=listed) if listed
                     else t("explore.saved.no_change", lang))
        if note:
            parts.append(t("explore.saved.reason", lang, note=note))
        out[lang] = " ".join(parts)
    return out


def shifted_uncertainty(params: dict[str, Any], overrides: dict[str, Any], moved: set[str]) -> dict[str, Any]:
    """The base's distributions, re-centred on any changed central value (spread kept).

    A distribution centred on the old value would contradict the new one. A
    distribution in other units (researcher growth switched between persons and
    percent) cannot be moved and is dropped; so is one that no longer fits its range.
    """
    out: dict[str, Any] = {}
    for key, dist in (params.get("uncertainty") or {}).items():
        dist = {k: v for k, v in dict(dist).items() if v is not None}
        if key == "researcher_growth_value" and overrides["researcher_growth_mode"] != params["researcher_growth_mode"]:
            continue
        if key in moved:
            now = float({**params, **overrides}[key])
            delta = now - Distribution.model_validate(dist).central
            for part in ("low", "high", "mean", "mode"):
                if part in dist:
                    dist[part] = round(float(dist[part]) + delta, 4)
        out[key] = dist
    # Keep only what still validates (a moved band may leave the key's allowed range).
    probe = {**params, **overrides}
    kept: dict[str, Any] = {}
    for key, dist in out.items():
        try:
            validate_parameters({**probe, "uncertainty": {key: dist}})
        except ScenarioError:
            continue
        kept[key] = dist
    return kept


#: Keys whose base-file comment would be wrong in the saved file.
_OWN_KEYS = ("name", "description_vi", "description_en", "title_vi", "title_en")


def scenario_yaml(data: dict[str, Any], base: Scenario, changes: dict[str, tuple[Any, Any]],
                  trend_keys: set[str], note: str, day: str) -> str:
    """The scenario file: the explorer's marker, then each key with the reason for its value.

    Comments are for whoever edits the file next (scenarios/README.md writes them in
    English); the note is one line (:func:`save` folds its whitespace).
    """
    base_comments = key_comments(base.path)
    lines = [
        SAVED_MARKER,
        f"# Scenario saved from the scenario explorer (khcn explore) on {day},",
        f"# starting from scenario '{base.name}'. A papermill parameters file and a validated model,",
        "# like every file here (scenarios/README.md). Changed keys say what they were.",
        "",
    ]
    why = f" Reason: {note}" if note else ""
    for key, value in data.items():
        if key in ("title_vi", "title_en") and value is None:
            continue  # optional: a saved scenario without a title shows its name
        if key in changes:
            lines.append(f"# Set in the explorer (was {_fmt(changes[key][0])} in '{base.name}').{why}")
        elif key in trend_keys:
            lines.append(f"# The recent trend that '{base.name}' uses (growth_basis: latest_trend, "
                         f"trend_years: {base.trend_years}), written out as a stated value.")
        elif key == "uncertainty" and any(k in changes or k in trend_keys for k in (value or {})):
            lines.append("# Distributions of changed parameters moved with their central value (same spread).")
        elif key in base_comments and key not in _OWN_KEYS:
            lines.append(f"# {base_comments[key]}")
        if key == "uncertainty":
            value = {k: {p: v for p, v in d.items() if v is not None} for k, d in (value or {}).items()}
        dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100,
                                default_flow_style=False)
        lines.append(dumped.rstrip("\n"))
    return "\n".join(lines) + "\n"
