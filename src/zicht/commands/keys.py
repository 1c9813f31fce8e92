"""`zicht keys rotate|rekey|status`: pseudonym key rotation."""

from __future__ import annotations

import json

import typer

from zicht.cli import app
from zicht.commands.common import unit_of_work

keys_app = typer.Typer(help="Pseudonym keys.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")


@keys_app.command("rotate")
def rotate() -> None:
    """Make a new active key in the generated keyring (development)."""
    from zicht.privacy.rekey import rotate_development_key
    from zicht.settings import get_settings

    typer.echo(f"active pseudonym key is now {rotate_development_key(get_settings())}")


@keys_app.command("rekey")
def rekey() -> None:
    """Re-pseudonymise, under the active key, identifiers whose raw value is kept."""
    from zicht.privacy.pseudonym import Pseudonymiser
    from zicht.privacy.rekey import rekey as rekey_identifiers

    with unit_of_work() as session:
        changed = rekey_identifiers(session, Pseudonymiser.from_settings(), actor="key-rotation")
    typer.echo(f"{changed} identifiers re-keyed")


@keys_app.command("status")
def status() -> None:
    """How many stored identifiers each key made."""
    from zicht.privacy.rekey import usage_by_key

    with unit_of_work() as session:
        typer.echo(json.dumps(usage_by_key(session)))
