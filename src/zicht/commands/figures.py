"""`zicht estimate` and `zicht forecast`: the dark number and the 12-month forecast as JSON.

Their output is a contract other tools read: keys are added, never renamed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from zicht.cli import app


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
