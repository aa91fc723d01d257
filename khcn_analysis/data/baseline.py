"""Read the processed baseline (``data/processed/``) for everything downstream.

Why one reader: the engine, charts, reports and notebooks must all see the same
built tables with the same columns; if the build has not run, they say so with
the command that fixes it instead of failing on a missing file.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from khcn_analysis.core.catalogue import t
from khcn_analysis.core.errors import InputError, NotBuiltError
from khcn_analysis.data.processed_set import verified_bytes
from khcn_analysis.data.sources import REGIONS

__all__ = [
    "STATUSES",
    "load_conflicts",
    "load_crosschecks",
    "load_facts",
    "load_observations",
    "load_processed_table",
    "load_regional",
    "load_source_details",
    "series",
]

OBSERVATION_COLUMNS = ["region", "variable", "unit", "basis", "year", "value", "status",
                       "source", "note"]
STATUSES = ("observed", "derived", "interpolated", "assumption")


def _region_id(region: str) -> str:
    """The ASCII region id for an id, a name as sources.csv spells it, or a reader's name."""
    if region in REGIONS:
        return REGIONS[region]
    for rid in set(REGIONS.values()):
        if region in (t(f"data.region.{rid}", "vi"), t(f"data.region.{rid}", "en")):
            return rid
    return region


def _dir(processed_dir: str | Path | None) -> Path:
    from khcn_analysis.core.paths import processed_dir as default

    return Path(processed_dir) if processed_dir is not None else default()


def load_processed_table(name: str, processed_dir: str | Path | None = None) -> pd.DataFrame:
    """One table of ``data/processed/`` by name (``observations``, ``conflicts`` …).

    Refused (exit 2) when it does not match the build's manifest: tables from two
    different builds are never used together.
    """
    path = _dir(processed_dir) / f"{name}.csv"
    if not path.exists():
        raise NotBuiltError(f"{path} does not exist: run `khcn data build` first "
                            "(or `make report`)")
    return pd.read_csv(io.BytesIO(verified_bytes(path)), keep_default_na=False, na_values=[""])


def load_observations(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """The long observations table: region, variable, unit, basis, year, value, status, source, note."""
    obs = load_processed_table("observations", processed_dir)
    obs["year"] = obs["year"].astype(int)
    obs["value"] = obs["value"].astype(float)
    obs["note"] = obs["note"].fillna("")
    return obs[OBSERVATION_COLUMNS]


def load_source_details(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """Every id used in ``source``: id, url, name, quality, quote."""
    return load_processed_table("sources", processed_dir)[["id", "url", "name", "quality",
                                                            "quote"]]


def load_conflicts(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("conflicts", processed_dir)


def load_crosschecks(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("crosschecks", processed_dir)


def load_regional(processed_dir: str | Path | None = None) -> pd.DataFrame:
    return load_processed_table("regional", processed_dir)


def load_facts(processed_dir: str | Path | None = None) -> pd.DataFrame:
    """Every raw fact with its disposition (observation, rejected, excluded) and reason."""
    return load_processed_table("facts", processed_dir)


def series(region: str, variable: str, *, basis: str | None = None,
           statuses: tuple[str, ...] | None = None, years: range | list[int] | None = None,
           observations: pd.DataFrame | None = None,
           processed_dir: str | Path | None = None) -> pd.DataFrame:
    """One series (one row per year, sorted), e.g. ``series("Lai Chau", "population")``.

    ``region`` accepts the ASCII id or the Vietnamese name. Raises InputError when
    the series holds two bases (pass ``basis``) or nothing matches.
    """
    obs = observations if observations is not None else load_observations(processed_dir)
    region = _region_id(region)
    out = obs[(obs.region == region) & (obs.variable == variable)]
    if out.empty:
        known = sorted(obs.loc[obs.region == region, "variable"].unique())
        raise InputError(None, "series", f"{region}/{variable}",
                         f"a built series; {region} has: {', '.join(known) or 'nothing'}")
    if basis is not None:
        out = out[out.basis == basis]
    elif out["basis"].nunique() > 1:
        raise InputError(None, f"series {region}/{variable}", sorted(out.basis.unique()),
                         "one basis: pass basis=...")
    if statuses is not None:
        out = out[out.status.isin(statuses)]
    if years is not None:
        out = out[out.year.isin(list(years))]
    return out.sort_values("year").reset_index(drop=True)
