"""`zicht serve`: the web app."""

from __future__ import annotations

import typer

from zicht.cli import app


@app.command("serve")
def serve(
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
) -> None:
    """Serve the web app (UI, API and OpenAPI docs at /docs)."""
    from zicht.web.server import run

    run(host=host, port=port)
