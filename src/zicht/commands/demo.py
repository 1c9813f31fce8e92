"""`zicht demo`: the demo world, its ad site, and the whole demo in one go."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from zicht.cli import app

demo_app = typer.Typer(
    help="The demo world: a generated ad site, mutations, chats and registrations.",
    invoke_without_command=True,
)
app.add_typer(demo_app, name="demo")


@demo_app.callback()
def demo(
    ctx: typer.Context,
    seed: int = typer.Option(
        7, "--seed", help="Seed of the world; the same seed gives the same world."
    ),
    ads: int = typer.Option(3000, "--ads", min=1, help="Number of ads on the demo site."),
    port: int = typer.Option(8000, "--port", help="Port of the web app."),
) -> None:
    """Build the demo world, start its site, run the pipeline and serve the web app."""
    if ctx.invoked_subcommand is not None:
        return
    from zicht.demo.run import run_demo

    run_demo(seed=seed, ads=ads, port=port)


@demo_app.command("site")
def site(
    seed: int = typer.Option(7, "--seed"),
    ads: int = typer.Option(3000, "--ads", min=1),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8800, "--port"),
    day: int | None = typer.Option(
        None, "--day", min=0, help="Show the world on this day (default: today, every ad online)."
    ),
) -> None:
    """Serve the demo ad site until Ctrl-C."""
    from zicht.demo.site import serve_site
    from zicht.demo.world import generate

    world = generate(seed, n_ads=ads)
    running = serve_site(world, host, port, day)
    typer.echo(
        f"demo ad site on {running.url}/ (day {running.day}, {len(world.ads)} ads); Ctrl-C stops it"
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        running.stop()


@demo_app.command("generate")
def generate(
    output: Path = typer.Option(..., "-o", "--output", help="Directory to write the world to."),
    seed: int = typer.Option(7, "--seed"),
    ads: int = typer.Option(3000, "--ads", min=1),
    mutations: int = typer.Option(2000, "--mutations", min=0),
    chats: int = typer.Option(600, "--chats", min=0),
    registrations: int = typer.Option(1500, "--registrations", min=0),
) -> None:
    """Write a demo world's files, with its ground truth under DIR/gold/."""
    from rich.progress import Progress, TaskID

    from zicht.demo.world import generate as build

    started = time.perf_counter()
    with Progress(transient=True) as progress:
        task = progress.add_task("generating the world", total=None)
        world = build(
            seed, n_ads=ads, n_mutations=mutations, n_chats=chats, n_registrations=registrations
        )
        progress.update(task, total=1, completed=1)
        tasks: dict[str, TaskID] = {}

        def step(name: str, done: int, total: int) -> None:
            if name not in tasks:
                tasks[name] = progress.add_task(f"writing {name}", total=total)
            progress.update(tasks[name], completed=done, total=total)

        counts = world.write(output, step)
    seconds = time.perf_counter() - started
    typer.echo(
        f"demo world (seed {seed}) written to {output} in {seconds:.1f}s: {counts['ads']} ads "
        f"({counts['network_ads']} in {counts['networks']} networks), {counts['images']} images, "
        f"{counts['mutations']} mutations, {counts['chats']} chats, "
        f"{counts['registrations']} registrations of {counts['persons']} persons"
    )
