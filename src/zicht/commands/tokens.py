"""`zicht tokens create|list|revoke`: per-organisation tokens for the partner API.

The token is printed once, on standard output and nowhere else; zicht keeps only
its hash, so a lost token is revoked and a new one issued.
"""

from __future__ import annotations

import json

import typer

from zicht.cli import app
from zicht.commands.common import acting_as

tokens_app = typer.Typer(help="Partner API tokens, one organisation each.", no_args_is_help=True)
app.add_typer(tokens_app, name="tokens")
AS = typer.Option(..., "--as", help="act as this user (an admin; the audit log names them)")


@tokens_app.command("create")
def create(
    org: str = typer.Option(..., "--org", help="the organisation the token acts for"),
    name: str = typer.Option(
        "partner-api", "--name", help="which system uses it, e.g. 'case-system'"
    ),
    as_user: str = AS,
) -> None:
    """Issue a token; it is shown this once."""
    from zicht.registry.tokens import create as do_create

    with acting_as(as_user) as (session, user):
        token, info = do_create(session, user, org, name)
    typer.echo(f"token {info.id} for {info.org} ({info.name}); shown once, keep it safe:", err=True)
    typer.echo(token)


@tokens_app.command("list")
def list_tokens(
    as_user: str = AS, org: str | None = typer.Option(None, "--org", help="only this one's")
) -> None:
    """One JSON line a token: id, organisation, name, prefix, created, last used, revoked."""
    from zicht.registry.tokens import list_tokens as do_list

    with acting_as(as_user) as (session, user):
        infos = do_list(session, user, org)
    for info in infos:
        typer.echo(
            json.dumps(
                {
                    "id": info.id,
                    "org": info.org,
                    "name": info.name,
                    "prefix": info.prefix,
                    "created_by": info.created_by,
                    "created_at": info.created_at.isoformat(),
                    "last_used_at": info.last_used_at and info.last_used_at.isoformat(),
                    "revoked_at": info.revoked_at and info.revoked_at.isoformat(),
                }
            )
        )


@tokens_app.command("revoke")
def revoke(
    token_id: int = typer.Argument(..., help="the token's id (tokens list)"), as_user: str = AS
) -> None:
    """Revoke a token: the next request with it is refused."""
    from zicht.registry.tokens import revoke as do_revoke

    with acting_as(as_user) as (session, user):
        info = do_revoke(session, user, token_id)
    typer.echo(f"revoked token {info.id} ({info.name}) of {info.org}")
