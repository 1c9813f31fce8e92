"""`zicht link IN.jsonl -o OUT.jsonl`, `zicht link store|networks` and `zicht evaluate link`.

The contract: input ads with `id`, `text`, optional `title`, `phones`, `emails`, `handles`,
`images`, `city`, `posted_at`; output one `{id, network, score}` per input ad, in order.
`link` is a group whose default command is that contract, so `zicht link IN -o OUT` keeps
working beside `zicht link store --as USER` (link the crawled ads in the store, keep the run).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from zicht.cli import app, evaluate_app
from zicht.errors import InvalidInput

if TYPE_CHECKING:
    from zicht.link import LinkResult, LinkSettings
    from zicht.link.engines.base import Progress


class _DefaultToFile(TyperGroup):
    """A group whose first argument, when it names no subcommand, is the contract's IN.jsonl."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:  # typer's own click Context
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [FILE_COMMAND, *args]
        return super().parse_args(ctx, args)


FILE_COMMAND = "file"
link_app = typer.Typer(
    cls=_DefaultToFile,
    help="Join ads into networks: `zicht link IN.jsonl -o OUT.jsonl`, or the ads in the store.",
    no_args_is_help=True,
)
app.add_typer(link_app, name="link")

EngineOption = Annotated[
    str | None, typer.Option("--engine", help="python (one machine) or spark (national scale).")
]
MethodOption = Annotated[
    str | None,
    typer.Option("--method", help="components (default) or louvain communities (python only)."),
]
SettingsOption = Annotated[
    Path | None,
    typer.Option("--settings", help="LinkSettings as JSON (thresholds, hub guards, engine)."),
]


def _settings(settings_file: Path | None, engine: str | None, method: str | None) -> LinkSettings:
    from dataclasses import replace

    from zicht.link import LinkSettings

    if settings_file is not None:
        if not settings_file.is_file():
            raise InvalidInput(f"settings file {settings_file} does not exist")
        settings = LinkSettings.from_json(settings_file.read_text(encoding="utf-8"))
    else:
        settings = LinkSettings()
    if engine is not None:
        settings = replace(settings, engine=engine)
    if method is not None:
        settings = replace(settings, method=method)
    return settings


@contextmanager
def _progress() -> Iterator[Progress]:
    """A rich progress bar on stderr when it is a terminal; silent otherwise."""
    from rich.console import Console
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

    console = Console(stderr=True)
    if not console.is_terminal:
        yield lambda step, done, total: None
        return
    with Bar(console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def update(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total)
            bar.update(tasks[step], completed=done, total=total)

        yield update


def _run(path: Path, settings: LinkSettings) -> LinkResult:
    from zicht.link import get_engine, read_ads

    if not path.is_file():
        raise InvalidInput(f"input file {path} does not exist")
    ads = list(read_ads(path))
    with _progress() as progress, get_engine(settings) as engine:
        return engine.link(ads, progress)


@link_app.command(FILE_COMMAND)
def link(
    input_path: Annotated[Path, typer.Argument(metavar="IN.jsonl", help="Ads, one JSON a line.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write OUT.jsonl.")],
    engine: EngineOption = None,
    method: MethodOption = None,
    settings_file: SettingsOption = None,
    explain: Annotated[
        Path | None,
        typer.Option("--explain", help="Also write networks, scores and ignored hubs as JSON."),
    ] = None,
) -> None:
    """Join the ads of IN.jsonl into networks by shared identifiers, templates and photos
    (also reachable as `zicht link IN.jsonl -o OUT.jsonl`)."""
    from zicht.link.report import explanation

    result = _run(input_path, _settings(settings_file, engine, method))
    with output.open("w", encoding="utf-8") as handle:
        for row in result.rows():
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if explain is not None:
        explain.write_text(json.dumps(explanation(result), ensure_ascii=False, indent=1))
    multi = sum(1 for n in result.networks.values() if len(n.members) > 1)
    typer.echo(
        f"{len(result.ads)} ads, {len(result.networks)} networks ({multi} with 2+ ads), "
        f"{len(result.ignored)} hub identifiers ignored",
        err=True,
    )


@evaluate_app.command("link")
def evaluate_link(
    gold_path: Annotated[
        Path, typer.Argument(metavar="GOLD.jsonl", help="Ads with a gold `network` key.")
    ],
    engine: EngineOption = None,
    method: MethodOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """Link GOLD's ads and print pairwise precision, recall, F1 and adjusted Rand index."""
    from zicht.link import pair_scores

    result = _run(gold_path, _settings(settings_file, engine, method))
    gold: list[str] = []
    for ad in result.ads:
        label = ad.extra.get("network")
        if label is None or isinstance(label, (dict, list)):
            raise InvalidInput(f"{gold_path.name}: ad {ad.id} has no gold 'network' key")
        gold.append(str(label))
    scores = pair_scores(gold, result.network_of)
    typer.echo(json.dumps(scores.as_dict()))


AS = typer.Option(..., "--as", help="Act as this user (the audit log names them).")


@link_app.command("store")
def link_store_command(
    as_user: str = AS,
    deployment: Annotated[
        list[int] | None,
        typer.Option("--deployment", help="Only this deployment's ads (repeatable)."),
    ] = None,
    engine: EngineOption = None,
    method: MethodOption = None,
    settings_file: SettingsOption = None,
) -> None:
    """Link the ads your organisation crawled (latest versions) and store the networks."""
    from zicht.commands.common import acting_as
    from zicht.link.stored import link_store

    settings = _settings(settings_file, engine, method)
    with _progress() as progress, acting_as(as_user) as (session, actor):
        run = link_store(
            session, actor, deployment_ids=deployment, settings=settings, progress=progress
        )
        run_id, ads, networks = run.id, run.ads, run.networks
    typer.echo(f"link run {run_id}: {ads} ads, {networks} networks of 2+ ads stored")


@link_app.command("networks")
def networks_command(
    as_user: str = AS,
    run: Annotated[
        int | None, typer.Option("--run", help="This run (default: your newest).")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="How many networks, highest score first.")] = 20,
) -> None:
    """List a stored run's networks by score (figures only; open one in the web app)."""
    from zicht.commands.common import acting_as
    from zicht.errors import NotFound
    from zicht.link.stored import queries

    with acting_as(as_user) as (session, actor):
        found = queries.get_run(session, actor, run)
        if found is None:
            raise NotFound(f"{actor.username}'s organisation has no stored link run yet")
        rows = queries.networks(session, actor, found, limit=top)
        typer.echo(f"link run {found.id}: {found.ads} ads, {found.networks} networks")
        for row in rows:
            typer.echo(
                f"{row.id:>6}  score {row.score:.2f}  {row.ads:>4} ads  "
                f"{row.cities:>3} cities  {row.network_key}"
            )
