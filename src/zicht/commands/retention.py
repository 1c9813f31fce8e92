"""`zicht retention run`."""

from __future__ import annotations

import json
from importlib import import_module

import typer

from zicht.cli import app
from zicht.commands.common import unit_of_work

# Modules whose retention rules the job must run: each registers with `@retention.rule`.
RULE_MODULES = (
    "zicht.registry.retention",
    "zicht.chat.retention",
    "zicht.sources.crawler.retention",
    "zicht.link.stored.retention",
)

retention_app = typer.Typer(help="Delete what has passed its retention.", no_args_is_help=True)
app.add_typer(retention_app, name="retention")


@retention_app.command("run")
def run() -> None:
    """Delete every record past its retention and audit how much was deleted."""
    from zicht.privacy import retention

    for module in RULE_MODULES:
        import_module(module)
    with unit_of_work() as session:
        counts = retention.run(session, actor="retention-job")
    typer.echo(json.dumps({"deleted": counts}))
