"""`zicht serve`: uvicorn with logs that hold no client addresses."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from zicht.web.accesslog import LOG_CONFIG


def build_config(app: FastAPI, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=LOG_CONFIG,
        access_log=True,
        server_header=False,
        # Chat messages are at most a few KiB; refuse bigger frames before reading them.
        ws_max_size=65536,
        # Short chat messages gain nothing from compression, which costs CPU per message
        # and would mix secret and attacker-chosen text in one compressed stream.
        ws_per_message_deflate=False,
    )


def run(host: str, port: int) -> None:
    """Build the app first, so a bad setting ends as `error: ...` from the CLI, not a trace."""
    from zicht.web.app import create_app

    uvicorn.Server(build_config(create_app(), host, port)).run()
