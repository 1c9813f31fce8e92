"""The figures page: charts and suppressed tables, the one view a researcher has of the data.

Every number comes from `zicht.figures.annual.annual_figures`, the function the
report calls too; the charts are Vega-Lite specs from `zicht.figures.charts`, fetched
as JSON by `static/figures.js` (no inline script under the strict CSP).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
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
Target = Annotated[int | None, Query(ge=0)]
PathYear = Annotated[int, Path(ge=1990, le=2100)]


def default_year() -> int:
    """The last complete year: the one a rapporteur publishes."""
    return date.today().year - 1


Months = Annotated[int | None, Query(ge=1, le=12)]
Count = Annotated[int | None, Query(ge=0)]


def _figures(
    db: DbSession,
    user: CurrentUser,
    year: int,
    target: int | None,
    months: int | None = None,
    count: int | None = None,
) -> AnnualFigures:
    """The forecast is of a count entered when months and count are both given."""
    entered = (months, count) if months is not None and count is not None else None
    return annual_figures(
        db, year, actor=user.username, org_id=user.org_id, target=target, entered=entered
    )


def _query(target: int | None, months: int | None, count: int | None) -> str:
    given = {"target": target, "months": months, "count": count}
    return urlencode({k: v for k, v in given.items() if v is not None})


@router.get("/figures")
def figures_page(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    year: Year | None = None,
    target: Target = None,
    months: Months = None,
    count: Count = None,
) -> Response:
    year = year or default_year()
    figures = _figures(db, user, year, target, months, count)
    t = translator(language(request))
    query = _query(target, months, count)
    return render(
        request,
        "figures/page.html",
        {
            "figures": figures,
            "target": target,
            "months": months,
            "count": count,
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
    target: Target = None,
    months: Months = None,
    count: Count = None,
) -> JSONResponse:
    figures = _figures(db, user, year, target, months, count)
    return JSONResponse(charts.all_charts(figures, translator(language(request))))


@router.get("/figures/{year}/data.json")
def figures_data(
    db: DbSession,
    user: CurrentUser,
    year: PathYear,
    target: Target = None,
    months: Months = None,
    count: Count = None,
) -> JSONResponse:
    return JSONResponse(_figures(db, user, year, target, months, count).as_dict())


@router.get("/figures/{year}/report.html")
def figures_report(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    year: PathYear,
    target: Target = None,
    months: Months = None,
    count: Count = None,
) -> HTMLResponse:
    from zicht.figures.report import render_report

    figures = _figures(db, user, year, target, months, count)
    html = render_report(figures, lang=language(request))
    return HTMLResponse(
        html, headers={"Content-Disposition": f'attachment; filename="zicht-figures-{year}.html"'}
    )
