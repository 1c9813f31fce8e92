"""`zicht org add` and `zicht user add`."""

from __future__ import annotations

import typer

from zicht.cli import app
from zicht.commands.common import read_password_stdin, unit_of_work
from zicht.errors import InvalidInput

org_app = typer.Typer(help="Organisations.", no_args_is_help=True)
user_app = typer.Typer(help="User accounts.", no_args_is_help=True)
app.add_typer(org_app, name="org")
app.add_typer(user_app, name="user")


@org_app.command("add")
def org_add(
    name: str,
    kind: str = typer.Option(
        ...,
        "--kind",
        help="police, prosecution, helpline, registry, inspectorate, municipality or research",
    ),
) -> None:
    """Add an organisation."""
    from zicht.accounts import service

    with unit_of_work() as session:
        org = service.add_org(session, name, kind)
    typer.echo(f"organisation {org.name} ({org.kind.value}) added with id {org.id}")


@org_app.command("list")
def org_list() -> None:
    """List organisations."""
    from zicht.accounts import service

    with unit_of_work() as session:
        for org in service.list_orgs(session):
            typer.echo(f"{org.id}\t{org.kind.value}\t{org.name}")


@user_app.command("add")
def user_add(
    username: str,
    org: str = typer.Option(..., "--org", help="the organisation's name"),
    role: str = typer.Option(
        ..., "--role", help="analyst, prosecutor, counsellor, clerk, inspector, researcher or admin"
    ),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="read the password from standard input"
    ),
) -> None:
    """Add a user to an organisation with a role."""
    from zicht.accounts import service

    if not password_stdin:
        raise InvalidInput("give the password on standard input with --password-stdin")
    password = read_password_stdin()
    with unit_of_work() as session:
        user = service.add_user(session, username, org=org, role=role, password=password)
    typer.echo(f"user {user.username} ({user.role.value}) added to {org}")
