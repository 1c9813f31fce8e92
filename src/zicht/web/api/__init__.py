"""The JSON API under /api/ (OpenAPI at /openapi.json, docs at /docs)."""

from __future__ import annotations

from fastapi import APIRouter

from zicht.web.api import deployments, me
from zicht.web.schemas import ErrorPublic

router = APIRouter(
    prefix="/api",
    responses={
        401: {"model": ErrorPublic, "description": "not logged in"},
        403: {"model": ErrorPublic, "description": "forbidden, or the CSRF token is missing"},
    },
)
router.include_router(me.router)
router.include_router(deployments.router)
