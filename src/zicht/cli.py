"""`zicht ...`: the scriptable command line.

Thin: every command calls the same services as the web app.

Each command group lives in `zicht/commands/<group>.py` and registers itself
on the app below; heavy libraries are imported inside the commands so that
`zicht --help` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

import typer
from typer.exceptions import TyperException

from zicht.errors import ZichtError

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="zicht",
    help="zicht: bring victims of human trafficking into view, lawfully.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# Groups that several features add commands to.
import_app = typer.Typer(help="Import records from files.", no_args_is_help=True)
export_app = typer.Typer(help="Export records to files.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Measure a component against ground truth.", no_args_is_help=True)
app.add_typer(import_app, name="import")
app.add_typer(export_app, name="export")
app.add_typer(evaluate_app, name="evaluate")

COMMAND_MODULES = (
    "zicht.commands.accounts",
    "zicht.commands.deployments",
    "zicht.commands.audit",
    "zicht.commands.retention",
    "zicht.commands.keys",
    "zicht.commands.serve",
    "zicht.commands.demo",
    "zicht.commands.link",
    "zicht.commands.detect",
    "zicht.commands.crawl",
    "zicht.commands.figures",
    "zicht.commands.registry",
    "zicht.commands.pprl",
    "zicht.commands.tokens",
)

for _name in COMMAND_MODULES:
    import_module(_name)


def _stderr() -> Console:
    """Where a failed command says why; rich is imported only when it is needed."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a domain error becomes one line on stderr and a non-zero exit."""
    try:
        result = app(args=argv, standalone_mode=False)
    except ZichtError as error:
        _stderr().print(f"error: {error.message}", markup=False)
        return 1
    except typer.Abort:
        _stderr().print("error: aborted", markup=False)
        return 1
    except TyperException as exc:  # usage errors: a click-style message and exit code 2
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        return int(getattr(exc, "exit_code", 2))
    return result if isinstance(result, int) else 0
