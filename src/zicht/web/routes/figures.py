"""The figures page: charts and suppressed tables, the one view a researcher has of the data.

Every number comes from `zicht.figures.annual.annual_figures`, the function the
report calls too; the charts are Vega-Lite specs from `zicht.figures.charts`, fetched
as JSON by `static/figures.js` (no inline script under the strict CSP).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from zicht.figures import charts
from zicht.figures.annual import AnnualFigures, annual_figures
from zicht.figures.present import labeller
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.i18n import language, translator
from zicht.web.navigation import ALL_ROLES, Page, register
from zicht.web.templating import render

router = APIRouter(include_in_schema=False)
register(Page("figures", "/figures", ALL_ROLES))

Year = Annotated[int, Query(ge=1990, le=2100)]
PathYear = Annotated[int, Path(ge=1990, le=2100)]


def default_year() -> int:
    """The last complete year: the one a rapporteur publishes."""
    return date.today().year - 1


@dataclass(frozen=True)
class ForecastInputs:
    """The forecast's inputs from the query string, the same on every figures route:
    the police's target, and a count entered for the first months of the year."""

    target: Annotated[int | None, Query(ge=0)] = None
    months: Annotated[int | None, Query(ge=1, le=12)] = None
    count: Annotated[int | None, Query(ge=0)] = None

    @property
    def entered(self) -> tuple[int, int] | None:
        """The count entered so far, when months and count are both given."""
        if self.months is None or self.count is None:
            return None
        return self.months, self.count

    @property
    def query(self) -> str:
        """The inputs as a query string, for links and the charts' fetch."""
        given = {"target": self.target, "months": self.months, "count": self.count}
        return urlencode({k: v for k, v in given.items() if v is not None})


ForecastQuery = Annotated[ForecastInputs, Depends()]


def _figures(
    db: DbSession, user: CurrentUser, year: int, forecast: ForecastInputs
) -> AnnualFigures:
    return annual_figures(
        db,
        year,
        actor=user.username,
        org_id=user.org_id,
        target=forecast.target,
        entered=forecast.entered,
    )


@router.get("/figures")
def figures_page(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    forecast: ForecastQuery,
    year: Year | None = None,
) -> Response:
    year = year or default_year()
    figures = _figures(db, user, year, forecast)
    t = translator(language(request))
    query = forecast.query
    return render(
        request,
        "figures/page.html",
        {
            "figures": figures,
            "target": forecast.target,
            "months": forecast.months,
            "count": forecast.count,
            "query": query,
            "label": labeller(t),
            "choices": sorted({*figures.years, year, default_year()}, reverse=True),
            "specs_url": f"/figures/{year}/charts.json?{query}",
            "chart_titles": {
                k: v["title"]["text"] for k, v in charts.all_charts(figures, t).items()
            },
        },
    )


@router.get("/figures/{year}/charts.json")
def figures_charts(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    year: PathYear,
    forecast: ForecastQuery,
) -> JSONResponse:
    figures = _figures(db, user, year, forecast)
    return JSONResponse(charts.all_charts(figures, translator(language(request))))


@router.get("/figures/{year}/data.json")
def figures_data(
    db: DbSession,
    user: CurrentUser,
    year: PathYear,
    forecast: ForecastQuery,
) -> JSONResponse:
    return JSONResponse(_figures(db, user, year, forecast).as_dict())


@router.get("/figures/{year}/report.html")
def figures_report(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    year: PathYear,
    forecast: ForecastQuery,
) -> HTMLResponse:
    from zicht.figures.report import render_report

    figures = _figures(db, user, year, forecast)
    html = render_report(figures, lang=language(request))
    return HTMLResponse(
        html, headers={"Content-Disposition": f'attachment; filename="zicht-figures-{year}.html"'}
    )
