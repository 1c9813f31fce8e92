"""`create_app()`: the FastAPI app, built from the settings read when it is created."""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from zicht import __version__
from zicht.settings import get_settings
from zicht.store import get_database
from zicht.web import docs, errors
from zicht.web.api import router as api_router
from zicht.web.api.chat import router as chat_api
from zicht.web.api.registry import router as registry_api
from zicht.web.csrf import csrf_protect
from zicht.web.routes import (
    audit,
    auth,
    deployments,
    figures,
    home,
    networks,
    registrations,
    signals,
)
from zicht.web.routes import chat as chat_routes
from zicht.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


def create_app() -> FastAPI:
    """A new app; fails with a clear error when the database or the secrets are missing."""
    settings = get_settings()
    app = FastAPI(
        title="zicht",
        version=__version__,
        summary="Bring victims of human trafficking into view, lawfully.",
        docs_url=None,  # served from vendored files by zicht.web.docs
        redoc_url=None,
        dependencies=[Depends(csrf_protect)],
    )
    app.state.settings = settings
    app.state.secret_key = settings.require_secrets().secret_key
    app.state.database = get_database()
    errors.install(app)
    docs.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in (auth.router, home.router, deployments.router, audit.router, api_router):
        app.include_router(router)
    app.include_router(chat_routes.router)
    app.include_router(chat_api)
    for part in (signals.router, networks.router, registrations.router, figures.router):
        app.include_router(part)
    app.include_router(registry_api)
    app.add_middleware(SecurityHeaders)
    return app
