"""`zicht demo`: the demo world, its site, the chain's accounts, the pipeline, the web app.

The pipeline's steps live in `zicht.demo.steps`, one function per step of the
road in DESIGN.md; each reports one line.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from zicht.demo.accounts import DEMO_PASSWORD, ensure_accounts, ensure_site_deployment
from zicht.demo.site import serve_site
from zicht.demo.steps import PIPELINE, DemoContext
from zicht.demo.world import generate
from zicht.settings import get_settings
from zicht.store import get_database


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
    )


def build(seed: int, ads: int, site_port: int, console: Console, **sizes: int) -> DemoContext:
    """Everything but the web app: used by `run_demo` and by the end-to-end tests.

    `sizes` passes `n_mutations`, `n_chats` and `n_registrations` to the generator.
    """
    directory = get_settings().home / "demo" / f"seed-{seed}"
    with _progress(console) as progress:
        task = progress.add_task("generating the demo world", total=None)
        world = generate(seed=seed, n_ads=ads, **sizes)
        progress.update(task, total=1, completed=1)
        task = progress.add_task(f"writing it to {directory}", total=None)
        counts = world.write(directory)
        progress.update(task, total=1, completed=1)
    console.print(
        "demo world: " + ", ".join(f"{v} {k}" for k, v in counts.items() if isinstance(v, int))
    )
    site = serve_site(world, port=site_port)
    console.print(f"demo ad site: {site.url}")
    host = site.url.removeprefix("http://")
    with get_database().session() as session:
        ensure_accounts(session)
        deployment = ensure_site_deployment(session, host)
    console.print(f"deployment {deployment.id} authorised for {host}")
    context = DemoContext(world, directory, site, deployment, console)
    for name, step in PIPELINE:
        console.print(f"[bold]{name}[/bold]: {step(context)}")
    return context


def run_demo(
    seed: int = 7, ads: int = 3000, port: int = 8000, site_port: int = 8800, host: str = "127.0.0.1"
) -> None:
    console = Console()
    context = build(seed, ads, site_port, console)
    console.print(f"\nzicht runs at [bold]http://{host}:{port}/[/bold]")
    console.print(f"demo logins (password [bold]{DEMO_PASSWORD}[/bold]):")
    from zicht.demo.accounts import ACCOUNTS

    for account in ACCOUNTS:
        console.print(f"  {account.username:<7} {account.role:<11} {account.organisation}")
    from zicht.web.server import run

    try:
        run(host=host, port=port)
    finally:
        context.site.stop()
