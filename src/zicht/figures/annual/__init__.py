"""Annual figures from linked persons: what the web page, the report and researchers see.

`annual_figures` is the one entry point: it reads the counted columns of the
registrations (audited), counts persons with DuckDB, and returns only published
(suppressed) tables, estimates and series; the raw counts never leave it. The web
page and `zicht report` both call it, so every number in both comes from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from zicht.chat.people import count_people
from zicht.errors import InvalidInput
from zicht.figures.annual.chat import ChatFigures, publish_chat
from zicht.figures.annual.extract import read_referrals, read_registrations
from zicht.figures.annual.publish import DEFAULT_THRESHOLD, PublishedTable, publish_year
from zicht.figures.annual.queries import count_years
from zicht.figures.annual.series import (
    DarkNumber,
    dark_by_stratum,
    dark_number,
    monthly,
    published_throughput,
    store_cases,
    year_forecast,
)
from zicht.figures.forecast import Forecast, forecast
from zicht.figures.throughput import CONSECUTIVE, Case
from zicht.privacy import audit

__all__ = ["DEFAULT_THRESHOLD", "AnnualFigures", "PublishedTable", "annual_figures"]


@dataclass(frozen=True)
class AnnualFigures:
    """Everything published for `year`, plus the series of the years before it."""

    year: int
    threshold: int
    as_of: date
    years: list[int]  # every year with registrations, for the series
    tables: dict[int, list[PublishedTable]]
    dark: dict[int, DarkNumber]
    chat: ChatFigures
    forecast: Forecast | None
    throughput: list[dict[str, Any]]
    unlinked: dict[int, int | str]
    notes: list[str] = field(default_factory=list)
    forecast_entered: bool = False  # the forecast is of a count entered, not of registrations
    dark_strata: dict[tuple[str, str], DarkNumber] = field(default_factory=dict)

    def table(self, key: str, year: int | None = None) -> PublishedTable:
        year = self.year if year is None else year
        return next(t for t in self.tables[year] if t.key == key)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "threshold": self.threshold,
            "as_of": self.as_of.isoformat(),
            "tables": {str(y): [t.as_dict() for t in ts] for y, ts in self.tables.items()},
            "dark_number": {
                str(y): {"lists": list(d.lists), "estimate": d.result, "reason": d.reason}
                for y, d in self.dark.items()
            },
            "dark_number_by_stratum": {
                f"{by}:{stratum}": {
                    "lists": list(d.lists),
                    "estimate": d.result,
                    "reason": d.reason,
                }
                for (by, stratum), d in self.dark_strata.items()
            },
            "chat": self.chat.as_dict(),
            "forecast": None if self.forecast is None else self.forecast.as_dict(),
            "forecast_entered": self.forecast_entered,
            "throughput": self.throughput,
            "unlinked_registrations": {str(y): n for y, n in self.unlinked.items()},
            "notes": self.notes,
        }


def annual_figures(
    session: Session,
    year: int,
    *,
    actor: str,
    org_id: int | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    as_of: date | None = None,
    target: int | None = None,
    extra_cases: list[Case] | None = None,
    entered: tuple[int, int] | None = None,
    strata: bool = False,
) -> AnnualFigures:
    """The year's published figures and the series up to it; `actor` is named in the audit log.

    The forecast is of the year's registrations, unless `entered` gives (months observed,
    count) of a series counted elsewhere, such as suspects registered by the prosecution.
    `strata` adds the year's dark number by form and by age group (a bootstrap each: slow).
    """
    if threshold < 3:
        # Below 3, `<threshold` can only mean 1 (zeros are shown): the mark gives it away.
        raise InvalidInput(f"a suppression threshold of {threshold} hides nothing; use 3 or more")
    as_of = as_of or date.today()
    registrations = read_registrations(session, actor=actor, org_id=org_id)
    counts = count_years(registrations)
    years = sorted(y for y in counts if y <= year)
    tables = {y: publish_year(counts[y], threshold) for y in years}
    dark = {y: dark_number(counts[y], _total(tables[y])) for y in years}
    by_stratum = dark_by_stratum(counts[year], tables[year]) if strata and year in counts else {}
    unlinked: dict[int, int | str] = {
        y: counts[y].unlinked
        if counts[y].unlinked >= threshold or not counts[y].unlinked
        else f"<{threshold}"
        for y in years
    }
    spans = list(CONSECUTIVE) if extra_cases else [("signal", "referral")]
    cases = store_cases(registrations, read_referrals(session)) + list(extra_cases or [])
    notes = ["unlinked"] if any(counts[y].unlinked for y in years) else []
    audit.record(
        session,
        actor=actor,
        org_id=org_id,
        action="chat.figures",
        detail={"year": year, "read": "closing forms and visitor links"},
    )
    return AnnualFigures(
        year=year,
        threshold=threshold,
        as_of=as_of,
        years=years,
        tables=tables,
        dark=dark,
        chat=publish_chat(count_people(session, year), threshold),
        forecast=(
            forecast(entered[0], entered[1], target=target)
            if entered is not None
            else year_forecast(monthly(registrations), year, as_of, target)
        ),
        forecast_entered=entered is not None,
        dark_strata=by_stratum,
        throughput=published_throughput(_until(cases, as_of), as_of, threshold, spans),
        unlinked=unlinked,
        notes=notes,
    )


def _total(tables: list[PublishedTable]) -> int | str:
    return next(t for t in tables if t.key == "form").value("total")


def _until(cases: list[Case], as_of: date) -> list[Case]:
    """The cases as they stood on `as_of`: later stages not reached yet."""
    out = []
    for case in cases:
        dates = {stage: when for stage, when in case.dates.items() if when <= as_of}
        if dates:
            out.append(Case(case.case_id, dates))
    return out
