"""`zicht deployment create|authorise|revoke|list|show`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from zicht.cli import app
from zicht.commands.common import acting_as
from zicht.domain.deployment import AD_FIELDS, DEFAULT_AD_FIELDS

if TYPE_CHECKING:
    from zicht.domain import Deployment

deployment_app = typer.Typer(
    help="Deployments: the legal frame of a collection.", no_args_is_help=True
)
app.add_typer(deployment_app, name="deployment")

AS = typer.Option(..., "--as", help="act as this user (the audit log names them)")


@deployment_app.command("create")
def create(
    as_user: str = AS,
    purpose: str = typer.Option(..., "--purpose"),
    legal_basis: str = typer.Option(..., "--legal-basis", help="the legal basis, in words"),
    legal_basis_code: str | None = typer.Option(
        None, "--legal-basis-code", help="e.g. sv-126j or wpg-9; found in the text if omitted"
    ),
    domain: list[str] = typer.Option(..., "--domain", help="HOST[:PORT] that may be fetched"),
    url_pattern: list[str] = typer.Option([], "--url-pattern", help="regex a URL must match"),
    max_pages: int = typer.Option(10_000, "--max-pages"),
    max_depth: int = typer.Option(10, "--max-depth"),
    valid_days: int = typer.Option(30, "--valid-days"),
    retention_days: int = typer.Option(180, "--retention-days"),
    raw_identifiers: bool = typer.Option(
        False, "--raw-identifiers", help="keep raw identifiers beside their pseudonyms"
    ),
    ignore_robots: bool = typer.Option(
        False, "--ignore-robots", help="a deviation: ignore robots.txt"
    ),
    concurrency: int = typer.Option(1, "--concurrency", help="requests per domain at once"),
    delay: float = typer.Option(1.0, "--delay", help="seconds between requests to a domain"),
    no_autothrottle: bool = typer.Option(False, "--no-autothrottle"),
    submit_to: str | None = typer.Option(
        None, "--submit-to", help="the prosecution service to submit to (needed if several)"
    ),
    keep: list[str] | None = typer.Option(
        None,
        "--keep",
        help=f"an ad field to keep (repeat, or comma-separated): {', '.join(AD_FIELDS)}; "
        f"default: {', '.join(DEFAULT_AD_FIELDS)}",
    ),
) -> None:
    """Draft a deployment and submit it for authorisation; prints its id on the last line."""
    from zicht.domain import Politeness
    from zicht.privacy import deployments

    with acting_as(as_user) as (session, user):
        deployment = deployments.create(
            session,
            user,
            purpose=purpose,
            legal_basis=legal_basis,
            legal_basis_code=legal_basis_code,
            domains=domain,
            url_patterns=url_pattern,
            max_pages=max_pages,
            max_depth=max_depth,
            valid_days=valid_days,
            retention_days=retention_days,
            raw_identifiers=raw_identifiers,
            politeness=Politeness(
                obey_robots=not ignore_robots,
                concurrent_per_domain=concurrency,
                download_delay=delay,
                autothrottle=not no_autothrottle,
            ),
            submit_to=submit_to,
            keep=keep or None,
        )
    typer.echo(f"draft deployment submitted for authorisation ({deployment.legal_basis_code})")
    typer.echo(str(deployment.id))


@deployment_app.command("authorise")
def authorise(deployment_id: int, as_user: str = AS) -> None:
    """Authorise a submitted draft (a prosecutor of the prosecution service it was sent to)."""
    from zicht.privacy import deployments

    with acting_as(as_user) as (session, user):
        deployment = deployments.authorise(session, user, deployment_id)
    assert deployment.valid_until is not None
    typer.echo(
        f"deployment {deployment.id} authorised until {deployment.valid_until:%Y-%m-%d %H:%M} UTC"
    )


@deployment_app.command("revoke")
def revoke(
    deployment_id: int, as_user: str = AS, reason: str = typer.Option("", "--reason")
) -> None:
    """Revoke a deployment: no further collection under it."""
    from zicht.privacy import deployments

    with acting_as(as_user) as (session, user):
        deployment = deployments.revoke(session, user, deployment_id, reason)
    typer.echo(f"deployment {deployment.id} revoked")


@deployment_app.command("list")
def list_(as_user: str = AS) -> None:
    """The deployments the user's organisation holds or reviews."""
    from zicht.privacy import deployments
    from zicht.store.db import utcnow

    with acting_as(as_user) as (session, user):
        rows = deployments.list_visible(session, user)
    now = utcnow()
    for d in rows:
        typer.echo(f"{d.id}\t{d.status_at(now).value}\t{','.join(d.domains)}\t{d.purpose}")


@deployment_app.command("show")
def show(deployment_id: int, as_user: str = AS) -> None:
    """Everything the prosecutor sees before authorising."""
    from zicht.privacy import deployments

    with acting_as(as_user) as (session, user):
        d = deployments.get(session, user, deployment_id)
    for line in describe(d):
        typer.echo(line)


def describe(d: Deployment) -> list[str]:
    from zicht.store.db import utcnow

    deviations = d.politeness.deviations() or ["none"]
    m = d.minimisation
    widened = f" (beyond the strict default: {', '.join(m.widenings())})" if m.widenings() else ""
    return [
        f"deployment {d.id}: {d.status_at(utcnow()).value}",
        f"purpose: {d.purpose}",
        f"legal basis: [{d.legal_basis_code}] {d.legal_basis_text}",
        f"domains: {', '.join(d.domains)}",
        f"url patterns: {', '.join(d.url_patterns) or 'any'}",
        f"page budget: {d.max_pages}, depth: {d.max_depth}",
        f"valid for {d.valid_days} days after authorisation; retention {d.retention_days} days",
        f"ad fields kept: {', '.join(m.keep)}{widened}",
        f"ad fields never stored: {', '.join(m.dropped) or 'none'}",
        f"raw identifiers kept: {'yes' if d.raw_identifiers else 'no (pseudonyms only)'}",
        f"deviations from polite crawling: {'; '.join(deviations)}",
        f"drafted by {d.created_by}; authorised by {d.authorised_by or '-'}",
    ]
