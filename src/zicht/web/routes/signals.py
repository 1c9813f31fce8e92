"""The signal queue: new signals by score, a document with its evidence marked, confirm or
reject with a reason, and the feedback page where a mutation's author reads the verdict.

Thin: every read and write goes through `zicht.detect.signals` and `zicht.detect.review`,
which scope to the user's organisation (404 and an audit entry otherwise) and audit reads.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData
from starlette.responses import Response

from zicht.detect import feedback as feedback_service
from zicht.detect import review, signals
from zicht.detect.taxonomy import default_taxonomy
from zicht.domain import Role
from zicht.errors import InvalidInput
from zicht.route import signals as routing
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.i18n import language
from zicht.web.navigation import Page, register
from zicht.web.templating import render

# No prefix: the feedback page lives at /feedback, so the navigation does not mark the
# queue as the current page while an author reads their feedback.
router = APIRouter(include_in_schema=False)
register(Page("signals", "/signals", frozenset({Role.ANALYST, Role.ADMIN})))
register(Page("feedback", "/feedback", frozenset({Role.ANALYST, Role.ADMIN})))


async def form_data(request: Request) -> FormData:
    return await request.form()  # parsed once per request; csrf_protect may have read it


Form = Annotated[FormData, Depends(form_data)]


def _labels(lang: str) -> dict[str, str]:
    """Indicator id -> its label in the page's language (English when Dutch is missing)."""
    return {
        i.id: i.label.get(lang) or i.label.get("en") or i.id for i in default_taxonomy().indicators
    }


@router.get("/signals")
def queue(request: Request, db: DbSession, user: CurrentUser, status: str = "new") -> Response:
    wanted = None if status == "all" else status
    if wanted is not None and wanted not in signals.STATUSES:
        raise InvalidInput(f"status {status!r} is not one of new, confirmed, rejected, all")
    items = signals.list_signals(db, user, status=wanted)
    return render(
        request,
        "signals/list.html",
        {
            "items": items,
            "status": status,
            "statuses": [*signals.STATUSES, "all"],
            "labels": _labels(language(request)),
        },
    )


@router.get("/feedback")
def feedback(request: Request, db: DbSession, user: CurrentUser) -> Response:
    messages = feedback_service.feedback_for(db, user)
    mine = [m for m in messages if m.to_author == user.username]
    others = [m for m in messages if m.to_author != user.username]
    return render(request, "signals/feedback.html", {"mine": mine, "others": others})


def _document_page(
    request: Request,
    db: DbSession,
    user: CurrentUser,
    document_id: int,
    *,
    error: str | None = None,
    route_error: str | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    view = signals.open_document(db, user, document_id)
    return render(
        request,
        "signals/document.html",
        {
            "view": view,
            "labels": _labels(language(request)),
            "forms": review.FORMS,
            "error": error,
            "route_error": route_error,
            "values": values or {"form": view.item.form or ""},
            "own": view.org_id == user.org_id,
            "sent": routing.sent_to(db, document_id),
            "place": (values or {}).get("municipality") or routing.place_of(view.fields) or "",
        },
        status_code=status_code,
    )


@router.get("/signals/{document_id}")
def document(request: Request, db: DbSession, user: CurrentUser, document_id: int) -> Response:
    return _document_page(request, db, user, document_id)


@router.post("/signals/{document_id}/label")
def label(
    request: Request, db: DbSession, user: CurrentUser, form: Form, document_id: int
) -> Response:
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    verdict = values.get("verdict", "")
    try:
        if verdict not in ("confirm", "reject"):
            raise InvalidInput(f"verdict {verdict!r} is not confirm or reject")
        review.label(
            db,
            user,
            document_id,
            confirm=verdict == "confirm",
            reason=values.get("reason", ""),
            form=values.get("form") or None,
        )
    except InvalidInput as error:
        # Nothing is stored; the page comes back with the reason and what was typed.
        db.rollback()
        return _document_page(
            request, db, user, document_id, error=error.message, values=values, status_code=400
        )
    return RedirectResponse("/signals", status_code=303)


@router.post("/signals/{document_id}/send")
def send(
    request: Request, db: DbSession, user: CurrentUser, form: Form, document_id: int
) -> Response:
    """Send the document's signal to the AVIM team of the municipality's police unit."""
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        routing.send_signal(db, user, document_id, municipality=values.get("municipality"))
    except InvalidInput as error:
        db.rollback()
        return _document_page(
            request,
            db,
            user,
            document_id,
            route_error=error.message,
            values=values,
            status_code=400,
        )
    return RedirectResponse(f"/signals/{document_id}", status_code=303)
