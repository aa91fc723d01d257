"""Read and validate the sourced facts: ``data/raw/sources.csv`` and department imports.

Why so strict: every number in the workbook must trace back to one row of these
files, and the typical ways such a file goes wrong (saved by a spreadsheet in a
legacy encoding, a Vietnamese decimal comma, a unit typed differently, a row
pasted twice) would otherwise slip through as plausible but wrong numbers. All
problems of a file are collected and raised together (:class:`InputErrors`) so
the user fixes them in one pass; nothing is silently dropped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from khcn_analysis.core.errors import InputError, InputErrors

__all__ = [
    "COLUMNS",
    "DEPARTMENT_VARIABLES",
    "VARIABLE_UNITS",
    "read_department_dir",
    "read_facts",
    "read_sources",
    "region_of",
]

#: The 15 columns of ``sources.csv`` and of department imports, in order.
COLUMNS = (
    "fact_id", "geography", "variable", "year", "period", "value", "unit", "basis",
    "kind", "qualifier", "source_url", "source_name", "source_quality", "quote", "note",
)

#: Vocabulary: variable -> the units it may carry (see data/raw/SOURCES-README.md, glossary).
VARIABLE_UNITS: dict[str, tuple[str, ...]] = {
    "budget_expenditure": ("billion VND",),
    "budget_expenditure_balanced": ("billion VND",),
    "budget_expenditure_investment": ("billion VND",),
    "budget_expenditure_recurrent": ("billion VND",),
    "budget_expenditure_recurrent_provincial_level": ("billion VND",),
    "budget_revenue_collected": ("billion VND",),
    "budget_revenue_domestic": ("billion VND",),
    "budget_revenue_local": ("billion VND",),
    "budget_revenue_local_total": ("billion VND",),
    "central_transfers": ("billion VND",),
    "central_transfers_balancing": ("billion VND",),
    "central_transfers_targeted": ("billion VND",),
    "certification_trademarks_granted": ("certificates",),
    "characteristic_products_developed": ("products",),
    "digital_economy_share_gdp": ("%",),
    "dost_staff": ("persons",),
    "dost_staff_quota": ("persons",),
    "employed_share_population": ("%",),
    "gdp": ("billion VND",),
    "gdp_growth_real": ("%",),
    "gdp_per_capita": ("million VND per person",),
    "gdp_usd": ("billion USD",),
    "geographical_indications_granted": ("GI certificates",),
    "grdp": ("billion VND",),
    "grdp_growth_real": ("%",),
    "grdp_growth_real_avg": ("% per year",),
    "grdp_per_capita": ("million VND per person",),
    "grdp_real_2010": ("billion VND",),
    "hightech_products_share_gdp": ("%",),
    "household_income_per_capita": ("million VND per person per year",),
    "household_income_per_capita_monthly": ("million VND per person per month",),
    "industrial_property_rights_established": ("organisations or individuals",),
    "labour_force": ("thousand persons",),
    "nq20_cadres_briefed": ("persons",),
    "ocop_rating_seng_cu_rice": ("stars",),
    "phd_cadres": ("persons",),
    "pii_rank": ("rank",),
    "pii_score": ("index points",),
    "population": ("thousand persons",),
    "population_growth_avg": ("% per year",),
    "rd_expenditure_nonstate_share": ("% of R&D spending",),
    "rd_expenditure_share_gdp": ("%",),
    "rd_personnel": ("persons",),
    "rd_personnel_per_10k": ("per 10,000 people",),
    "res57_documents_issued": ("documents",),
    "res57_task_completion_rank": ("rank",),
    "res57_tasks_assigned": ("tasks",),
    "res57_tasks_completed": ("tasks",),
    "research_orgs_regional_world_level": ("organisations",),
    "researchers": ("persons",),
    "researchers_fte": ("persons",),
    "researchers_fte_per_10k": ("per 10,000 people",),
    "researchers_per_10k": ("per 10,000 people",),
    "researchers_phd": ("persons",),
    "sam_concentrated_area": ("ha",),
    "st_budget": ("billion VND",),
    "st_budget_investment_share_expenditure": ("%",),
    "st_budget_recurrent": ("billion VND",),
    "st_budget_recurrent_provincial_level": ("billion VND",),
    "st_budget_recurrent_share_expenditure": ("%",),
    "st_budget_share_expenditure": ("%",),
    "st_budget_share_gdp": ("%",),
    "st_enterprises": ("enterprises",),
    "st_expenditure_share_gdp": ("%",),
    "st_fund_contribution": ("billion VND",),
    "st_funding_central_ministry": ("billion VND",),
    "st_funding_other_sources": ("billion VND",),
    "st_innovation_dx_contribution_gdp": ("%",),
    "st_investment": ("billion VND",),
    "st_investment_share_gdp": ("%",),
    "st_investment_state_budget_share": ("% of total S&T investment",),
    "st_market_transaction_growth": ("% per year",),
    "st_tasks": ("tasks",),
    "st_tasks_approved_per_year": ("tasks per year",),
    "st_tasks_reported": ("tasks",),
    "state_budget_expenditure": ("billion VND",),
    "techmart_held": ("events",),
    "technology_lines_renewal_supported": ("technology lines",),
    "technology_renewal_rate": ("% per year",),
    "tfp_contribution_growth": ("%",),
    "trademark_protected_products": ("products",),
    "trained_employed_share": ("%",),
    "national_brand_products": ("products",),
    "university_graduate_cadres": ("persons",),
}

#: Department imports (contracts item 3): variable -> (unit, basis).
DEPARTMENT_VARIABLES: dict[str, tuple[str, str]] = {
    "st_budget": ("billion VND", "current"),
    "st_investment": ("billion VND", "current"),
    "budget_expenditure": ("billion VND", "current"),
    "budget_revenue_local": ("billion VND", "current"),
    "researchers": ("persons", "headcount"),
    "researchers_fte": ("persons", "FTE"),
    "tfp_contribution_growth": ("%", "n/a"),
    "technology_renewal_rate": ("% per year", "n/a"),
    "national_brand_products": ("products", "n/a"),
    "st_fund_contribution": ("billion VND", "current"),
    "techmart_held": ("events", "n/a"),
}

#: geography as written in sources.csv -> region id of the processed tables.
REGIONS = {
    "Lai Châu": "Lai Chau",
    "Vietnam": "Vietnam",
    "Northern midlands and mountain areas": "Northern midlands and mountain areas",
    "Điện Biên": "Dien Bien",
    "Lào Cai": "Lao Cai",
    "Sơn La": "Son La",
    "Hà Giang": "Ha Giang",
    "Thái Nguyên": "Thai Nguyen",
}

BASES = ("current", "constant 2010", "headcount", "FTE", "n/a")
KINDS = ("outturn", "preliminary", "estimate", "plan", "target", "census")
QUALIFIERS = ("exact", "about", "more than", "less than", "at least", "at most")
QUALITIES = ("official", "official-mirror", "press", "secondary", "aggregator", "department")
PART_YEAR_PERIODS = ("H1", "Q1", "Jan-Sep", "Jan-Oct")
YEAR_MIN, YEAR_MAX = 1995, 2030

MONEY_UNITS = ("billion VND", "billion USD")
#: Units whose values can never be negative (counts, money, people).
NON_NEGATIVE_UNITS = (
    "billion VND", "billion USD", "thousand persons", "persons", "million VND per person",
    "million VND per person per year", "million VND per person per month", "per 10,000 people",
    "tasks", "tasks per year", "products", "rank", "index points", "ha", "certificates",
    "GI certificates", "documents", "organisations", "organisations or individuals",
    "enterprises", "technology lines", "stars", "events",
)
#: Shares of a whole: 0–100. Growth rates and contributions to growth are not shares.
NOT_SHARES = {
    "gdp_growth_real", "grdp_growth_real", "grdp_growth_real_avg", "population_growth_avg",
    "st_market_transaction_growth", "tfp_contribution_growth",
}
SHARE_UNITS = ("%", "% per year", "% of total S&T investment", "% of R&D spending")
#: Growth rates: may be negative, but a fall of 100 % or more leaves nothing to grow from.
GROWTH_RATES = NOT_SHARES - {"tfp_contribution_growth"}
#: Larger than any figure in any unit of the workbook (Vietnam's GDP is about 1e7 bn VND).
ABSURD_MAGNITUDE = 1e12
BOUNDED_100_UNITS = ("index points",)

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")
_COMMA_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")
_DOT_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")
_PERIOD = re.compile(r"(\d{4})-(\d{4})")
_FACT_ID = re.compile(r"[a-z_]+\.[a-z0-9_]+\.(\d{4})\.[a-z]+")
_DEPARTMENT_ID = re.compile(r"department\.([^.\s]+)\.([a-z0-9_]+)\.(\d{4})")
_BOM = b"\xef\xbb\xbf"


def region_of(geography: str) -> str:
    """The ASCII region id used in processed tables (``Lai Châu`` -> ``Lai Chau``)."""
    return REGIONS.get(geography, geography)


# --------------------------------------------------------------------------- decoding


MAX_BAD_LINES = 5


def _decode(path: Path, data: bytes, errors: list[InputError]) -> str:
    """UTF-8 text of the file; a BOM or invalid UTF-8 is reported, not guessed away.

    A BOM is collected and checking goes on; invalid UTF-8 stops here (every line
    with a bad byte is named), since the other checks would only repeat its damage.
    """
    if data.startswith(_BOM):
        errors.append(InputError(
            path, "row 1 (first bytes)", "a UTF-8 byte-order mark (BOM, EF BB BF)",
            "UTF-8 without BOM",
            hint="Excel's 'CSV UTF-8' adds it; save as plain UTF-8 CSV or remove the BOM",
        ))
        data = data[len(_BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad_lines = 0
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as err:
            bad_lines += 1
            if bad_lines > MAX_BAD_LINES:  # the first few say it all; 300 more would drown them
                continue
            bad = line[err.start:err.start + 2]
            around = line[max(0, err.start - 20):err.start + 20].decode("cp1258", errors="replace")
            errors.append(InputError(
                path, f"line {lineno}, byte {err.start + 1}",
                f"bytes {bad.hex(' ')} that are not valid UTF-8 (read as cp1258: {around!r})",
                "a UTF-8 encoded file",
                hint="the file looks saved in a legacy encoding (cp1258/Windows-1258 or "
                "latin-1); re-save it as UTF-8",
            ))
    if bad_lines > MAX_BAD_LINES:
        errors.append(InputError(path, f"{bad_lines - MAX_BAD_LINES} more line(s)", "bytes that are not UTF-8",
                                 "a UTF-8 encoded file"))
    raise InputErrors(errors, what=str(path))


# --------------------------------------------------------------------------- values


def _check_value(text: str, where: tuple[Path, str], errors: list[InputError]) -> float | None:
    path, loc = where
    text = text.strip()
    if _DOT_THOUSANDS.fullmatch(text) and (text.count(".") > 1 or text.endswith("0")):
        plain = text.replace(".", "")
        reads_as = f"the decimal {float(text)}" if text.count(".") == 1 else "no number at all"
        errors.append(InputError(
            path, loc, repr(text),
            "a plain number with '.' as decimal separator and no thousands separator",
            hint=f"'{text}' looks like Vietnamese thousands grouping for {plain} but reads as "
            f"{reads_as}; write {plain} if that is meant",
        ))
        return None
    if _NUMBER.fullmatch(text):
        value = float(text)
        if not abs(value) < ABSURD_MAGNITUDE:  # 400 digits read as inf; no real figure is this big
            errors.append(InputError(path, loc, f"{text[:20]}… ({len(text)} characters)" if len(text) > 24
                                     else repr(text), f"a number below {ABSURD_MAGNITUDE:.0e} in size",
                                     hint="no figure of the workbook comes near it; check the units"))
            return None
        return value
    if _DECIMAL_COMMA.fullmatch(text) and not _COMMA_THOUSANDS.fullmatch(text):
        errors.append(InputError(
            path, loc, repr(text), f"'.' as the decimal separator, e.g. {text.replace(',', '.')}",
            hint="a Vietnamese decimal comma; a CSV reader would take the comma as a thousands "
            f"separator and read {text.replace(',', '')}",
        ))
        return None
    if _COMMA_THOUSANDS.fullmatch(text):
        errors.append(InputError(
            path, loc, repr(text), "a plain number without thousands separator",
            hint=f"ambiguous: '{text}' is {text.replace(',', '')} with an English thousands "
            f"comma but {text.replace(',', '.', 1)} with a Vietnamese decimal comma; "
            f"write {text.replace(',', '')} or {text.replace(',', '.', 1)}",
        ))
        return None
    errors.append(InputError(path, loc, repr(text), "a number such as 1234.5 ('.' decimal)"))
    return None


def _check_range(row: dict, value: float, where: tuple[Path, str], errors: list[InputError]):
    path, loc = where
    unit, variable = row["unit"], row["variable"]
    if unit in NON_NEGATIVE_UNITS and value < 0:
        errors.append(InputError(
            path, loc, row["value"], f"a value >= 0 ({variable} in {unit} cannot be negative)"))
    is_share = (unit in SHARE_UNITS and variable not in NOT_SHARES) or unit in BOUNDED_100_UNITS
    if is_share and not 0 <= value <= 100:
        errors.append(InputError(
            path, loc, row["value"], f"a share between 0 and 100 ({variable} in {unit})"))
    if variable in GROWTH_RATES and value <= -100:
        errors.append(InputError(
            path, loc, row["value"], f"a growth rate above -100 ({variable} in {unit}; "
            "a fall of 100 % or more is impossible)"))


# --------------------------------------------------------------------------- rows


def _check_row(path: Path, rowno: int, row: dict, errors: list[InputError],
               department: bool) -> float | None:
    def loc(col: str) -> str:
        return f"row {rowno}, column {col}"

    def need(col: str, allowed: Iterable[str], what: str) -> bool:
        allowed = tuple(allowed)
        if row[col] not in allowed:
            shown = ", ".join(repr(a) for a in allowed) if len(allowed) <= 12 else what
            errors.append(InputError(path, loc(col), repr(row[col]), f"one of {shown}"))
            return False
        return True

    for col in ("fact_id", "geography", "variable", "year", "value", "unit", "kind",
                "qualifier", "source_url", "source_name", "source_quality", "quote"):
        if not row[col].strip():
            errors.append(InputError(path, loc(col), "an empty cell",
                                     f"a {col} (every number needs its source and quote)"
                                     if col in ("source_url", "quote") else f"a {col}"))
    need("geography", REGIONS, "a known geography")
    need("basis", BASES, "")
    need("kind", KINDS, "")
    need("qualifier", QUALIFIERS, "")
    need("source_quality", QUALITIES, "")
    var_ok = True
    if row["variable"] and row["variable"] not in VARIABLE_UNITS:
        var_ok = False
        errors.append(InputError(
            path, loc("variable"), repr(row["variable"]),
            "a known variable id (see the glossary in data/raw/SOURCES-README.md)",
            hint="unknown variable"))
    elif row["variable"] and row["unit"] not in VARIABLE_UNITS[row["variable"]]:
        var_ok = False
        allowed = " or ".join(repr(u) for u in VARIABLE_UNITS[row["variable"]])
        errors.append(InputError(path, loc("unit"), repr(row["unit"]),
                                 f"{allowed} for {row['variable']}", hint="unknown unit"))
    if row["unit"] in MONEY_UNITS and row["basis"] not in ("current", "constant 2010"):
        errors.append(InputError(path, loc("basis"), repr(row["basis"]),
                                 "a price basis ('current' or 'constant 2010') for money"))
    year = None
    try:
        year = int(row["year"])
    except ValueError:
        errors.append(InputError(path, loc("year"), repr(row["year"]), "an integer year"))
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        errors.append(InputError(path, loc("year"), year,
                                 f"a year between {YEAR_MIN} and {YEAR_MAX}"))
    period = row["period"]
    if period and period not in PART_YEAR_PERIODS and period != "every year":
        m = _PERIOD.fullmatch(period)
        if not m:
            errors.append(InputError(path, loc("period"), repr(period),
                                     "empty, 'YYYY-YYYY', H1, Q1, Jan-Sep, Jan-Oct or 'every year'"))
        elif year is not None and int(m.group(1)) != year:
            errors.append(InputError(path, loc("period"), repr(period),
                                     f"a period starting in the row's year {year}"))
    _check_fact_id(path, loc("fact_id"), row, year, errors)
    if department:
        _check_department_row(path, loc, row, errors)
    value = _check_value(row["value"], (path, loc("value")), errors)
    if value is not None and var_ok:
        _check_range(row, value, (path, loc("value")), errors)
    return value


def _check_fact_id(path: Path, where: str, row: dict, year: int | None,
                   errors: list[InputError]) -> None:
    fid = row["fact_id"]
    if not fid:
        return
    m = _DEPARTMENT_ID.fullmatch(fid)
    if m:
        if m.group(2) != row["variable"] or (year is not None and int(m.group(3)) != year):
            errors.append(InputError(path, where, repr(fid),
                                     f"department.<import id>.{row['variable']}.{row['year']}"))
        return
    m = _FACT_ID.fullmatch(fid)
    if not m:
        errors.append(InputError(path, where, repr(fid),
                                 "<geo>.<variable>.<year>.<letter> or "
                                 "department.<import id>.<variable>.<year>"))
    elif year is not None and int(m.group(1)) != year:
        errors.append(InputError(path, where, repr(fid), f"an id whose year is {year}"))


def _check_department_row(path: Path, loc, row: dict, errors: list[InputError]) -> None:
    if row["source_quality"] != "department":
        errors.append(InputError(path, loc("source_quality"), repr(row["source_quality"]),
                                 "'department' in a department import"))
    if row["geography"] != "Lai Châu":
        errors.append(InputError(path, loc("geography"), repr(row["geography"]),
                                 "'Lai Châu' in a department import"))
    spec = DEPARTMENT_VARIABLES.get(row["variable"])
    if spec is None:
        errors.append(InputError(path, loc("variable"), repr(row["variable"]),
                                 "one of the department variables: "
                                 + ", ".join(DEPARTMENT_VARIABLES)))
    elif row["basis"] != spec[1]:
        errors.append(InputError(path, loc("basis"), repr(row["basis"]),
                                 f"{spec[1]!r} for {row['variable']}"))


# --------------------------------------------------------------------------- files


def read_facts(path: str | Path, *, department: bool = False) -> pd.DataFrame:
    """Validate one facts file and return its rows with ``value`` as float.

    Adds ``file`` (the file name) and ``row`` (the spreadsheet row number, header = 1).
    Raises :class:`InputErrors` listing every problem found in the file.
    """
    path = Path(path)
    errors: list[InputError] = []
    text = _decode(path, path.read_bytes(), errors)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise InputErrors([InputError(path, "row 1", "an empty file",
                                      "a header with the columns " + ", ".join(COLUMNS))],
                          what=str(path))
    header = [h.lstrip("\ufeff") for h in header]
    if tuple(header) != COLUMNS:
        missing = [c for c in COLUMNS if c not in header]
        extra = [c for c in header if c not in COLUMNS]
        found = ", ".join(header)
        detail = (f" (missing: {', '.join(missing) or '-'}; unexpected: {', '.join(extra) or '-'})")
        errors.append(InputError(path, "row 1 (header)", found + detail,
                                 "exactly the columns " + ", ".join(COLUMNS) + ", in this order"))
        raise InputErrors(errors, what=str(path))

    records: list[dict] = []
    seen_ids: dict[str, int] = {}
    seen_keys: dict[tuple, int] = {}
    for rowno, cells in enumerate(reader, start=2):
        if not cells or all(not c.strip() for c in cells):
            continue
        if len(cells) != len(COLUMNS):
            errors.append(InputError(path, f"row {rowno}", f"{len(cells)} fields",
                                     f"{len(COLUMNS)} fields (check quoting of commas)"))
            continue
        row = dict(zip(COLUMNS, cells, strict=True))
        value = _check_row(path, rowno, row, errors, department)
        fid = row["fact_id"]
        if fid in seen_ids:
            errors.append(InputError(path, f"row {rowno}, column fact_id", repr(fid),
                                     f"a unique fact_id (already used in row {seen_ids[fid]})",
                                     hint="duplicate key"))
        else:
            seen_ids[fid] = rowno
        key = tuple(row[c] for c in ("geography", "variable", "year", "period", "kind",
                                     "qualifier", "source_url"))
        if key in seen_keys:
            errors.append(InputError(
                path, f"row {rowno}", "the same geography, variable, year, period, kind, "
                f"qualifier and source_url as row {seen_keys[key]}",
                "one row per figure per source", hint="duplicate row"))
        else:
            seen_keys[key] = rowno
        row["value"] = value
        row["file"] = path.name
        row["row"] = rowno
        records.append(row)
    if errors:
        raise InputErrors(errors, what=str(path))
    frame = pd.DataFrame.from_records(records, columns=[*COLUMNS, "file", "row"])
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    return frame


def read_sources(path: str | Path | None = None) -> pd.DataFrame:
    """``data/raw/sources.csv``, validated."""
    from khcn_analysis.core.paths import raw_dir

    return read_facts(path or raw_dir() / "sources.csv")


def read_department_dir(folder: str | Path | None = None) -> pd.DataFrame:
    """Every ``data/raw/department/*.csv`` import, validated (all files' problems together)."""
    from khcn_analysis.core.paths import raw_dir

    folder = Path(folder) if folder is not None else raw_dir() / "department"
    frames, errors = [], []
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        try:
            frames.append(read_facts(path, department=True))
        except InputErrors as err:
            errors.extend(err.errors)
    if errors:
        raise InputErrors(errors, what=f"department imports in {folder}")
    if not frames:
        return pd.DataFrame(columns=[*COLUMNS, "file", "row"])
    combined = pd.concat(frames, ignore_index=True)
    dup = combined[combined.duplicated("fact_id", keep=False)]
    if not dup.empty:
        raise InputErrors([
            InputError(r.file, f"row {r.row}, column fact_id", repr(r.fact_id),
                       "a fact_id used by one import only", hint="duplicate key")
            for r in dup.itertuples()], what=f"department imports in {folder}")
    return combined
