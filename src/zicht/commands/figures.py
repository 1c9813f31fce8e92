"""`zicht estimate`, `zicht forecast` and `zicht report`: the dark number, the forecast, the report.

The JSON of estimate and forecast is a contract other tools read: keys are added,
never renamed. `zicht report` writes the annual report the web page shows, as HTML or PDF.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Annotated

import typer

from zicht.cli import app

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@app.command("estimate")
def estimate_command(
    captures: Annotated[Path, typer.Argument(help="CSV: one 0/1 column per list, then a count.")],
    criterion: Annotated[str, typer.Option(help="Model choice: aic or bic.")] = "aic",
    bootstrap: Annotated[
        int, typer.Option(help="Bootstrap replicates for the 95% interval.")
    ] = 1000,
    seed: Annotated[int | None, typer.Option(help="Seed, for a reproducible interval.")] = None,
    by: Annotated[
        str | None, typer.Option(help="A stratum column: one estimate per value (form, age).")
    ] = None,
) -> None:
    """Estimate how many were on no list (multiple systems estimation)."""
    from zicht.figures.mse import estimate, estimate_by_stratum, read_stratified_captures

    tables = read_stratified_captures(captures, stratum=by)
    if by is None:
        result = estimate(tables[""], criterion=criterion.lower(), bootstrap=bootstrap, seed=seed)
        typer.echo(json.dumps(result.as_dict()))
        return
    strata = estimate_by_stratum(
        tables, criterion=criterion.lower(), bootstrap=bootstrap, seed=seed
    )
    typer.echo(json.dumps({"by": by, "strata": {k: v.as_dict() for k, v in strata.items()}}))


@app.command("forecast")
def forecast_command(
    months_observed: Annotated[int, typer.Option(help="Months of the year counted so far.")],
    count: Annotated[int, typer.Option(help="The count over those months.")],
    target: Annotated[int | None, typer.Option(help="The year's target, if any.")] = None,
    history: Annotated[
        Path | None, typer.Option(help="CSV year,month,count of earlier years (seasonality).")
    ] = None,
) -> None:
    """Forecast the 12-month total with a 95% prediction interval."""
    from zicht.figures.forecast import forecast, read_history

    months = read_history(history) if history is not None else []
    result = forecast(months_observed, count, target=target, history=months)
    typer.echo(json.dumps(result.as_dict()))


@app.command("report")
def report_command(
    year: Annotated[int, typer.Argument(help="The year the report is about.")],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="report.html, or report.pdf for a PDF.")
    ] = None,
    pdf: Annotated[Path | None, typer.Option(help="Also (or only) write this PDF.")] = None,
    lang: Annotated[str, typer.Option(help="Language of the report: nl or en.")] = "nl",
    threshold: Annotated[
        int, typer.Option(help="Suppress counts from 1 to THRESHOLD-1 (shown as <THRESHOLD).")
    ] = 10,
    target: Annotated[int | None, typer.Option(help="The year's target for the forecast.")] = None,
    months_observed: Annotated[
        int | None, typer.Option(help="Forecast a count entered: months counted so far...")
    ] = None,
    count: Annotated[int | None, typer.Option(help="...and the count over those months.")] = None,
    cases: Annotated[
        Path | None,
        typer.Option(help="CSV case_id,signal,referral,report,decision,judgment (dates)."),
    ] = None,
    strata: Annotated[
        bool, typer.Option(help="Add the dark number by form and by age group (slower).")
    ] = False,
    as_user: Annotated[
        str | None, typer.Option("--as", help="Act as this user (the audit log names them).")
    ] = None,
) -> None:
    """Write the annual report (suppressed tables, charts, the query behind each number)."""
    from datetime import date

    from zicht.commands.common import acting_as
    from zicht.errors import InvalidInput
    from zicht.figures.annual import annual_figures
    from zicht.figures.cases import read_cases
    from zicht.figures.report import render_report, write_pdf

    if output is None and pdf is None:
        raise InvalidInput("say where to write the report: -o report.html or --pdf report.pdf")
    if output is not None and output.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise InvalidInput(f"{output}: -o takes a file ending in .html or .pdf")
    extra = read_cases(cases) if cases is not None else None
    if (months_observed is None) != (count is None):
        raise InvalidInput("give --months-observed and --count together, or neither")
    entered = (
        (months_observed, count) if months_observed is not None and count is not None else None
    )
    with acting_as(as_user) if as_user else unit_of_work_as("zicht report") as (session, user):
        figures = annual_figures(
            session,
            year,
            actor=user.username,
            org_id=user.org_id,
            threshold=threshold,
            target=target,
            extra_cases=extra,
            entered=entered,
            strata=strata,
            as_of=date.today(),
        )
    html = render_report(figures, lang=lang)
    written = []
    if output is not None and output.suffix.lower() != ".pdf":
        output.write_text(html, encoding="utf-8")
        written.append(str(output))
    for target_pdf in [p for p in (output, pdf) if p is not None and p.suffix.lower() == ".pdf"]:
        write_pdf(html, target_pdf)
        written.append(str(target_pdf))
    if pdf is not None and pdf.suffix.lower() != ".pdf":
        raise InvalidInput(f"{pdf}: --pdf takes a file ending in .pdf")
    typer.echo(json.dumps({"year": year, "written": written, "years": figures.years}))


@contextmanager
def unit_of_work_as(actor: str) -> Iterator[tuple[Session, SimpleNamespace]]:
    """A transaction for a command run by an operator, not a user: the audit log names it."""
    from zicht.commands.common import unit_of_work

    with unit_of_work() as session:
        yield session, SimpleNamespace(username=actor, org_id=None)
