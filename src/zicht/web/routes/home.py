"""The home page: what the user's role can do here, with links to its pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from zicht.web.auth import CurrentUser
from zicht.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request, user: CurrentUser) -> Response:
    return render(request, "home.html", {"role": user.role.value})
