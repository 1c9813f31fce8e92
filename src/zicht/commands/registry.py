"""`zicht import registrations`, `zicht export persons`, `zicht persons ...`, `zicht registry ...`.

The registry's commands: thin wrappers around `zicht.registry` and `zicht.route`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import typer

from zicht.cli import app, evaluate_app, export_app, import_app
from zicht.commands.common import acting_as, unit_of_work

AS = typer.Option(..., "--as", help="act as this user (the audit log names them)")

persons_app = typer.Typer(
    help="Persons: registrations linked, each person counted once.", no_args_is_help=True
)
registry_app = typer.Typer(
    help="The registry: police units, referrals and their status.", no_args_is_help=True
)
app.add_typer(persons_app, name="persons")
app.add_typer(registry_app, name="registry")


def _read_text(path: Path) -> str:
    from zicht.errors import InvalidInput

    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text") from None


@import_app.command("registrations")
def import_registrations(
    file: Path = typer.Argument(..., help="CSV with the contract's columns"),
    as_user: str = AS,
    retention_days: int = typer.Option(5 * 365, "--retention-days", min=1),
) -> None:
    """Import an organisation's registrations, all or nothing; prints the count."""
    from zicht.registry.parse import parse_csv
    from zicht.registry.service import import_registrations as do_import

    items = parse_csv(_read_text(file), name=str(file))
    with acting_as(as_user) as (session, user):
        ids = do_import(session, user, items, retention_days=retention_days)
    typer.echo(f"imported {len(ids)} registrations")


@export_app.command("persons")
def export_persons(output: Path = typer.Option(..., "-o", "--output"), as_user: str = AS) -> None:
    """Write org,ref,person for every registration the user may see (an admin: all)."""
    from zicht.registry.service import export_persons as do_export

    with acting_as(as_user) as (session, user):
        rows = do_export(session, user)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["org", "ref", "person"])
        writer.writeheader()
        writer.writerows(rows)
    typer.echo(f"wrote {len(rows)} rows to {output}")


@export_app.command("registrations")
def export_registrations(
    output: Path = typer.Option(..., "-o", "--output"),
    as_user: str = AS,
    fmt: str = typer.Option("csv", "--format", help="csv or json (CTDC columns)"),
    year: int | None = typer.Option(None, "--year"),
) -> None:
    """Your organisation's registrations in the CTDC format: no identity, no counted-only."""
    from zicht.errors import InvalidInput
    from zicht.registry.ctdc import COLUMNS, export

    if fmt not in ("csv", "json"):
        raise InvalidInput(f"unknown format {fmt!r} (csv or json)")
    with acting_as(as_user) as (session, user):
        rows = export(session, user, year=year)
    with output.open("w", encoding="utf-8", newline="") as handle:
        if fmt == "json":
            json.dump(rows, handle, indent=1)
        else:
            writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
            writer.writeheader()
            writer.writerows(rows)
    typer.echo(f"wrote {len(rows)} registrations to {output}")


@persons_app.command("link")
def link(
    engine: str = typer.Option("duckdb", "--engine", help="duckdb, or spark (local[*])"),
    model: Path | None = typer.Option(None, "--model", help="a trained Splink model (JSON)"),
) -> None:
    """Link all registrations into persons (Splink in the clear where consent allows,
    Bloom-filter keys for the rest); prints JSON counts."""
    from zicht.link.persons.splink_linker import load_model
    from zicht.registry.linkage import link_registrations

    spark = _spark() if engine == "spark" else None
    try:
        with unit_of_work() as session:
            result = link_registrations(
                session,
                actor="zicht persons link",
                engine=engine,
                spark=spark,
                model=load_model(model) if model else None,
            )
    finally:
        if spark is not None:
            spark.stop()
    typer.echo(json.dumps(result))


def _spark() -> Any:
    import os
    import sys

    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # its workers need rapidfuzz
    return (
        SparkSession.builder.master("local[*]")
        .appName("zicht-persons")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )


@persons_app.command("count")
def count(year: int = typer.Option(..., "--year")) -> None:
    """JSON with the year's registrations and the unique persons behind them."""
    from zicht.registry.service import count as do_count

    with unit_of_work() as session:
        typer.echo(json.dumps(do_count(session, year)))


@persons_app.command("train")
def train(
    registrations: Path = typer.Argument(..., help="a directory of <org>.csv files"),
    output: Path = typer.Option(..., "-o", "--output"),
) -> None:
    """Train a Splink model by expectation-maximisation on registration files."""
    from zicht.link.persons.records import read_directory
    from zicht.link.persons.splink_linker import save_model
    from zicht.link.persons.splink_linker import train as do_train

    save_model(do_train(read_directory(registrations)), output)
    typer.echo(f"wrote {output}")


@evaluate_app.command("persons")
def evaluate(
    gold: Path = typer.Argument(..., help="ground truth persons.csv (org,ref,person)"),
    registrations: Path | None = typer.Option(
        None, "--registrations", help="directory of <org>.csv (default: beside the gold's dir)"
    ),
    model: Path | None = typer.Option(None, "--model", help="Splink model (default: packaged)"),
) -> None:
    """Pairwise precision, recall and F1 of each linkage method against ground truth."""
    import secrets

    from zicht.link.persons import link_keys, pairwise, read_directory, read_gold
    from zicht.link.persons.pprl import encode_records
    from zicht.link.persons.splink_linker import load_model, predict_persons
    from zicht.link.persons.trained import default_model

    directory = registrations or gold.parent.parent / "registrations"
    records = read_directory(directory)
    truth = read_gold(gold)
    found = predict_persons(records, load_model(model) if model else default_model())
    keys = list(encode_records(records, secrets.token_bytes(32)))
    blind = dict(zip((r.uid for r in records), link_keys(keys), strict=True))
    typer.echo(f"{'method':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'pairs':>9}")
    for name, predicted in (("splink", found), ("bloom-filter", blind)):
        s = pairwise(predicted, truth)
        typer.echo(f"{name:<14}{s.precision:>10.4f}{s.recall:>10.4f}{s.f1:>10.4f}{s.true_pairs:>9}")


@registry_app.command("unit")
def unit(
    org: str = typer.Argument(..., help="a police organisation"),
    unit_code: str = typer.Argument(..., help="its regional unit, RE01-RE10"),
    as_user: str = AS,
) -> None:
    """Declare a police organisation the AVIM team of a regional unit (admin)."""
    from zicht.route.units import declare_unit

    with acting_as(as_user) as (session, user):
        declare_unit(session, user, org, unit_code)
    typer.echo(f"{org} serves {unit_code.upper()}")


@registry_app.command("route")
def route(municipality: str = typer.Argument(...)) -> None:
    """Which police unit covers a municipality (name, alias or CBS code)."""
    from zicht.route.regions import resolve

    m = resolve(municipality)
    typer.echo(f"{m.name} ({m.code}): {m.unit_code} {m.unit_name}")


@registry_app.command("refer")
def refer(
    registration: int = typer.Argument(..., help="the registration's id"),
    as_user: str = AS,
    to: str | None = typer.Option(None, "--to", help="default: the AVIM team of its unit"),
) -> None:
    """Send a registration to the organisation that must act; prints the referral id."""
    from zicht.route.referrals import send

    with acting_as(as_user) as (session, user):
        referral = send(session, user, registration, to_org=to)
    typer.echo(str(referral.id))


@registry_app.command("referral")
def referral_step(
    referral: int = typer.Argument(...),
    step: str = typer.Argument(..., help="receive, accept, decline or close"),
    as_user: str = AS,
    note: str = typer.Option("", "--note", help="the reason (decline) or outcome (close)"),
) -> None:
    """Move a received referral along its life cycle."""
    from zicht.errors import InvalidInput
    from zicht.route import referrals as r

    with acting_as(as_user) as (session, user):
        if step == "receive":
            result = r.receive(session, user, referral)
        elif step == "accept":
            result = r.accept(session, user, referral)
        elif step == "decline":
            result = r.decline(session, user, referral, note)
        elif step == "close":
            result = r.record_outcome(session, user, referral, note)
        else:
            raise InvalidInput(f"unknown step {step!r} (receive, accept, decline, close)")
    typer.echo(result.status.value)


@registry_app.command("referrals")
def referrals(
    as_user: str = AS,
    overdue_hours: float | None = typer.Option(
        None, "--overdue-hours", help="default: ZICHT_REFERRAL_OVERDUE_HOURS (72)"
    ),
    overdue: bool = typer.Option(False, "--overdue", help="only the overdue ones"),
) -> None:
    """Referrals your organisation sent or received, as JSON lines with status and flag."""
    from datetime import timedelta

    from zicht.route.referrals import referrals_for

    with acting_as(as_user) as (session, user):
        views = referrals_for(
            session,
            user,
            overdue_after=None if overdue_hours is None else timedelta(hours=overdue_hours),
            overdue_only=overdue,
        )
    for view in views:
        typer.echo(json.dumps(view.as_dict()))
