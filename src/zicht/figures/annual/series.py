"""The other figures the registrations give: the dark number, the forecast, throughput times.

Each is computed from the same Arrow table the annual counts come from and
published through the same suppression rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from zicht.errors import InvalidInput
from zicht.figures.annual.publish import Cell, PublishedTable, System
from zicht.figures.annual.queries import YearCounts
from zicht.figures.forecast import Forecast, MonthCount, forecast
from zicht.figures.mse import NoFiniteEstimate, estimate, from_combinations
from zicht.figures.throughput import Case, throughput

BOOTSTRAP = 1000
CRITERION = "aic"
MONTHLY = (
    "SELECT year(created_at) AS year, month(created_at) AS month, count(*) AS registrations "
    "FROM registrations GROUP BY ALL ORDER BY ALL"
)
THROUGHPUT_SOURCE = (
    "signal = registrations.created_at; referral = min(referrals.sent_at) of that registration; "
    "zicht.figures.throughput.throughput(cases, as_of=...)  -- Kaplan-Meier, open cases censored"
)
DARK_SOURCE = (
    "capture histories = the overlap table (raw counts); "
    f"zicht.figures.mse.estimate(table, criterion={CRITERION!r}, bootstrap={BOOTSTRAP}, seed=year)"
)


@dataclass(frozen=True)
class DarkNumber:
    year: int
    lists: tuple[str, ...]
    result: dict[str, Any] | None  # Estimate.as_dict(); None when there is nothing to estimate
    reason: str | None = None  # why not, when result is None


def dark_number(
    counts: YearCounts,
    shown_total: Cell,
    overlap: dict[tuple[str, ...], int] | None = None,
    seed: int | None = None,
) -> DarkNumber:
    """Multiple systems estimation over the year's organisations as lists (or a stratum's)."""
    overlap = counts.overlap if overlap is None else overlap
    lists = tuple(sorted({org for combo in overlap for org in combo}))
    if isinstance(shown_total, str) or not shown_total:
        return DarkNumber(counts.year, lists, None, "too few persons to publish an estimate")
    if len(lists) < 2:
        return DarkNumber(counts.year, lists, None, "needs at least two organisations' lists")
    rows = tuple((tuple(int(o in c) for o in lists), n) for c, n in sorted(overlap.items()))
    try:
        result = _estimate(lists, rows, counts.year if seed is None else seed)
        return DarkNumber(counts.year, lists, result)
    except (InvalidInput, NoFiniteEstimate) as error:
        return DarkNumber(counts.year, lists, None, str(error))


def dark_by_stratum(
    counts: YearCounts, tables: list[PublishedTable]
) -> dict[tuple[str, str], DarkNumber]:
    """The dark number within each form and age group whose persons are published."""
    out = {}
    for k, ((by, stratum), overlap) in enumerate(sorted(counts.overlap_by.items())):
        table = next(t for t in tables if t.key == by)
        shown = table.value(stratum) if stratum in table.rows else "hidden"
        out[by, stratum] = dark_number(counts, shown, overlap, seed=counts.year * 100 + k)
    return out


@lru_cache(maxsize=256)
def _estimate(
    lists: tuple[str, ...], rows: tuple[tuple[tuple[int, ...], int], ...], seed: int
) -> dict[str, Any]:
    # Cached on the counts themselves: the web page and the report get the same interval.
    table = from_combinations(lists, rows)
    return estimate(table, criterion=CRITERION, bootstrap=BOOTSTRAP, seed=seed).as_dict()


def monthly(registrations: pa.Table) -> list[MonthCount]:
    con = duckdb.connect()
    try:
        con.register("registrations", registrations)
        return [MonthCount(int(y), int(m), int(n)) for y, m, n in con.execute(MONTHLY).fetchall()]
    finally:
        con.close()


def year_forecast(
    months: list[MonthCount], year: int, as_of: date, target: int | None
) -> Forecast | None:
    """The year's registrations from its complete months so far; seasonality from earlier years."""
    observed = 12 if as_of.year > year else as_of.month - 1 if as_of.year == year else 0
    if observed < 1:
        return None
    count = sum(m.count for m in months if m.year == year and m.month <= observed)
    history = [m for m in months if m.year < year]
    complete = {m.year for m in history if sum(1 for h in history if h.year == m.year) == 12}
    history = [m for m in history if m.year in complete]
    return forecast(observed, count, target=target, history=history)


def store_cases(registrations: pa.Table, referrals: pa.Table) -> list[Case]:
    """A registration is a case: signalled when stored, referred when first referred."""
    first: dict[int, date] = {}
    for rid, sent in zip(
        referrals.column("registration_id").to_pylist(),
        referrals.column("sent_at").to_pylist(),
        strict=True,
    ):
        if rid not in first or sent.date() < first[rid]:
            first[rid] = sent.date()
    cases = []
    for rid, created in zip(
        registrations.column("id").to_pylist(),
        registrations.column("created_at").to_pylist(),
        strict=True,
    ):
        dates = {"signal": created.date()}
        if rid in first:
            dates["referral"] = max(first[rid], created.date())
        cases.append(Case(f"registration {rid}", dates))
    return cases


def published_throughput(
    cases: list[Case], as_of: date, threshold: int, spans: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Kaplan-Meier percentiles per span and year; days hidden where cases are suppressed."""
    out = []
    for span in throughput(cases, as_of=as_of, spans=spans):
        system = System()
        total = system.cell(span.cases)
        system.line([system.cell(span.finished), system.cell(span.open)], total)
        shown = system.suppress(threshold)
        row = span.as_dict()
        row.update(cases=shown[0], finished=shown[1], open=shown[2])
        if isinstance(shown[0], str):
            row["days"] = None
        out.append(row)
    return out
