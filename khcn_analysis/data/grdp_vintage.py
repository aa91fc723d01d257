"""One GRDP basis: the GSO revision bridged with the province's own statement.

GSO revised provincial GRDP around 2019–2021. Lai Châu's current-price levels for
2010–2017 (per-capita GRDP × population, :func:`khcn_analysis.data.build.derive_grdp`)
are on the old basis; 2020–2022 are on the revised one. Chaining the two made a
47 % "growth" from 2019 to 2020 and a 15.8 %-a-year "recent trend" out of two
statistical bases. The revised basis is the one every later figure and every
target from 2020 on is measured in, so the processed ``grdp`` series is put on it:

* the bridge is the sourced statement itself: ``laichau.grdp.2020.a`` says 2020
  GRDP (20,486 bn VND) is 95.72 % above 2015, so 2015 on the revised basis is
  20,486 ÷ 1.9572 ≈ 10,467 against 7,843 on the old one (factor ≈ 1.335);
* every old-basis year is multiplied by that factor (status ``derived``; the note
  says it assumes the revision raised every year alike); the values as published
  stay in the series ``grdp_pre_revision``;
* the missing 2018–2019 are interpolated at constant growth between the bridged
  2017 and the revised 2020 (status ``interpolated``), so no 2019→2020 jump is
  presented as growth;
* two cross-checks go to ``crosschecks.csv``: the revision factor recomputed along
  constant prices (2015 level, the sourced real growth 2016–2022, the revised 2022
  level) and the price rise each basis implies for 2016–2020 (about 2.5 % a year on
  the revised basis, about 8.7 % on the old one: mixing the bases is what is wrong).

Growth rates and trends are computed within the revised vintage only
(:data:`TREND_FROM`): the bridged years are levels for shares, not evidence of growth.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

__all__ = [
    "NATIVE_REVISED_FROM",
    "REVISION_STATEMENT",
    "TREND_FROM",
    "Bridge",
    "bridge_grdp",
    "revision_bridge",
]

#: The fact whose quote states 2020 GRDP against 2015 ("tăng 95,72% so với năm 2015").
REVISION_STATEMENT = "laichau.grdp.2020.a"
#: The first year whose GRDP was published on the revised basis.
NATIVE_REVISED_FROM = 2020
#: Per engine series, the first year from which recorded values share one statistical basis:
#: growth rates and trends use no earlier year.
TREND_FROM: dict[str, int] = {"grdp": NATIVE_REVISED_FROM}

#: "... tăng 95,72% so với năm 2015": the percentage and the base year (letters left out of the pattern).
_STATEMENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s*so\s+\S+\s+\S+\s+(\d{4})")
#: Constant-price route of the cross-check: 2015 level (old basis), real growth to 2022, 2022 level (revised).
_REAL_ROUTE = {
    "level_2015": "laichau.grdp_real_2010.2015.a",
    "growth_2016_2020": "laichau.grdp_growth_real_avg.2016.a",
    "growth_2021": "laichau.grdp_growth_real.2021.a",
    "growth_2022": "laichau.grdp_growth_real.2022.a",
    "level_2022": "laichau.grdp_real_2010.2022.a",
}
#: How far the constant-price route may differ from the statement's factor.
FACTOR_TOLERANCE = 0.10
#: Annual price rise above which a nominal-versus-real comparison is implausible.
PRICE_RISE_CEILING = 6.0


@dataclass(frozen=True)
class Bridge:
    """The revision factor and what it rests on."""

    factor: float
    base_year: int
    old_value: float
    revised_value: float
    statement_pct: float
    sources: tuple[str, ...]

    def note(self) -> str:
        return (f"GSO revision bridge: {REVISION_STATEMENT} states {self.statement_pct:g} % above "
                f"{self.base_year}, so {self.base_year} on the revised basis is "
                f"{self.revised_value:,.0f} against {self.old_value:,.0f} as published "
                f"(factor {self.factor:.4f})")


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text)


def revision_bridge(obs: pd.DataFrame, facts: pd.DataFrame) -> Bridge | None:
    """The factor from the sourced statement; None when the statement or the base year is missing."""
    row = facts[facts.fact_id == REVISION_STATEMENT]
    if len(row) != 1:
        return None
    match = _STATEMENT.search(str(row.iloc[0].quote))
    if match is None:
        return None
    pct, base_year = _number(match.group(1)), int(match.group(2))
    lc = obs[(obs.region == "Lai Chau") & (obs.variable == "grdp")].set_index("year")
    if base_year not in lc.index or lc.loc[base_year, "status"] != "derived":
        return None
    old = float(lc.loc[base_year, "value"])
    revised = float(row.iloc[0].value) / (1 + pct / 100)
    sources = (REVISION_STATEMENT, *str(lc.loc[base_year, "source"]).split(";"))
    return Bridge(revised / old, base_year, old, revised, pct, sources)


def bridge_grdp(obs: pd.DataFrame, facts: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """``obs`` with Lai Châu's ``grdp`` on the revised basis, and the cross-check rows."""
    bridge = revision_bridge(obs, facts)
    if bridge is None:
        return obs, []
    is_old = ((obs.region == "Lai Chau") & (obs.variable == "grdp") & (obs.status == "derived")
              & (obs.year < NATIVE_REVISED_FROM))
    old = obs[is_old]
    kept = old.assign(variable="grdp_pre_revision",
                      note=old.note + "; as published, before the GSO revision (see grdp)")
    bridged = old.assign(
        value=old.value * bridge.factor,
        source=[";".join(dict.fromkeys([*s.split(";"), *bridge.sources])) for s in old.source],
        note=[f"{v:,.1f} as published × {bridge.factor:.4f}. {bridge.note()}; assumes the revision "
              f"raised every earlier year alike" for v in old.value],
    )
    out = pd.concat([obs[~is_old], bridged, kept], ignore_index=True)
    out = pd.concat([out, _interpolate_gap(out)], ignore_index=True)
    return out, _crosschecks(bridge, facts)


def _interpolate_gap(obs: pd.DataFrame) -> pd.DataFrame:
    """Constant growth between the last bridged year and the first revised year (2018–2019)."""
    lc = obs[(obs.region == "Lai Chau") & (obs.variable == "grdp")].set_index("year").sort_index()
    before = [y for y in lc.index if y < NATIVE_REVISED_FROM]
    after = [y for y in lc.index if y >= NATIVE_REVISED_FROM]
    if not before or not after or after[0] - before[-1] < 2:
        return pd.DataFrame(columns=obs.columns)
    a, b = before[-1], after[0]
    va, vb = float(lc.loc[a, "value"]), float(lc.loc[b, "value"])
    rate = (vb / va) ** (1 / (b - a))
    source = ";".join(dict.fromkeys([*str(lc.loc[a, "source"]).split(";"), *str(lc.loc[b, "source"]).split(";")]))
    rows = [{
        "region": "Lai Chau", "variable": "grdp", "unit": lc.loc[a, "unit"], "basis": lc.loc[a, "basis"],
        "year": y, "value": va * rate ** (y - a), "status": "interpolated", "source": source,
        "note": (f"constant growth ({(rate - 1) * 100:.2f} % a year) between {a} (bridged to the revised "
                 f"basis) and {b}; a level between two records, not an observed growth rate"),
    } for y in range(a + 1, b)]
    return pd.DataFrame(rows, columns=obs.columns)


def _crosschecks(bridge: Bridge, facts: pd.DataFrame) -> list[dict]:
    from khcn_analysis.data.crosschecks import _row

    f = facts.set_index("fact_id")["value"]
    rows = []
    if all(i in f.index for i in _REAL_ROUTE.values()):
        real_2022_old_basis = (float(f[_REAL_ROUTE["level_2015"]])
                               * (1 + float(f[_REAL_ROUTE["growth_2016_2020"]]) / 100) ** 5
                               * (1 + float(f[_REAL_ROUTE["growth_2021"]]) / 100)
                               * (1 + float(f[_REAL_ROUTE["growth_2022"]]) / 100))
        factor_real = float(f[_REAL_ROUTE["level_2022"]]) / real_2022_old_basis
        rows.append(_row("grdp_revision_factor_constant_prices", "Lai Chau", 2015, bridge.factor,
                         factor_real, FACTOR_TOLERANCE, [*bridge.sources, *_REAL_ROUTE.values()],
                         finding="the constant-price route does not confirm the revision factor"))
    growth = _REAL_ROUTE["growth_2016_2020"]
    if growth in f.index:
        real = float(f[growth])
        years = NATIVE_REVISED_FROM - bridge.base_year
        for check, start in (("price_rise_2016_2020_revised_basis", bridge.revised_value),
                             ("price_rise_2016_2020_mixed_bases", bridge.old_value)):
            nominal = ((bridge.revised_value * (1 + bridge.statement_pct / 100) / start) ** (1 / years) - 1) * 100
            implied = ((1 + nominal / 100) / (1 + real / 100) - 1) * 100
            ok = 0 <= implied <= PRICE_RISE_CEILING and not math.isnan(implied)
            finding = ("" if ok else f"prices would have risen {implied:.1f} % a year: the {bridge.base_year} "
                       "level is on the pre-revision basis; never chain the two bases (this is why grdp is bridged)")
            rows.append(_row(check, "Lai Chau", NATIVE_REVISED_FROM, real, nominal, PRICE_RISE_CEILING,
                             [REVISION_STATEMENT, growth, *bridge.sources[1:]], ok=ok, finding=finding))
    return rows
