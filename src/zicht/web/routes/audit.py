"""The audit page: the entries the user may read, and for admins whether the chain holds."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from zicht.accounts import service
from zicht.privacy import audit
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 100


@router.get("/audit")
def audit_page(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    before: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    entries = audit.visible_entries(db, user, limit=PAGE_SIZE, before_seq=before)
    report = audit.verify(db) if user.is_admin else None
    orgs = {org.id: org.name for org in service.list_orgs(db)}
    older = entries[-1].seq if len(entries) == PAGE_SIZE else None
    return render(
        request,
        "audit.html",
        {"entries": entries, "report": report, "orgs": orgs, "older": older},
    )
