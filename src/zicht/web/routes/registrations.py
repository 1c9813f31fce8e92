"""The registry's pages: register a possible victim, follow its referrals, answer referrals.

A clerk, analyst, counsellor or inspector registers through the form and sees
their organisation's registrations with the status of each referral (feedback).
The receiving team sees the referrals addressed to it, each registration shown
only as its consent allows, and receives, accepts or declines it with a reason,
then records the outcome. The pages call the same services as the CLI and API.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData
from starlette.responses import Response

from zicht.domain import ReferralStatus, Role, User
from zicht.errors import Conflict, Forbidden, InvalidInput
from zicht.registry import partner
from zicht.registry.parse import AGE_GROUPS, FORMS, OPTIONAL, REQUIRED, VICTIM_STATUS, parse_form
from zicht.registry.service import REGISTERING, get_registration, import_registrations
from zicht.route import referrals
from zicht.route.regions import municipalities
from zicht.store import utcnow
from zicht.store.tables import RegistrationRow
from zicht.web.auth import CurrentUser, DbSession
from zicht.web.navigation import Page, register
from zicht.web.templating import render

router = APIRouter(prefix="/registrations", include_in_schema=False)
register(
    Page(
        "registrations",
        "/registrations",
        frozenset({Role.CLERK, Role.ANALYST, Role.COUNSELLOR, Role.INSPECTOR, Role.ADMIN}),
    )
)
STEPS = {
    "receive": ReferralStatus.RECEIVED,
    "accept": ReferralStatus.ACCEPTED,
    "decline": ReferralStatus.DECLINED,
    "close": ReferralStatus.CLOSED,
}


async def form_data(request: Request) -> FormData:
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]


def _values(form: FormData) -> dict[str, str]:
    return {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}


def _require_registering(user: User) -> None:
    if user.role not in REGISTERING:
        raise Forbidden(f"a {user.role.value} does not register possible victims")


@router.get("")
def list_page(request: Request, db: DbSession, user: CurrentUser, offset: int = 0) -> Response:
    """The organisation's registrations, each with where its referrals stand."""
    rows = partner.own_registrations(db, user, limit=200, offset=max(offset, 0))
    sent: dict[str, list[Any]] = defaultdict(list)
    for view, ref in partner.sent_referrals(db, user):
        sent[ref].append(view)
    incoming = [v for v in referrals.referrals_for(db, user) if v.referral.to_org_id == user.org_id]
    context = {
        "rows": rows,
        "sent": sent,
        "offset": max(offset, 0),
        "may_register": user.role in REGISTERING,
        "incoming_open": sum(1 for v in incoming if v.referral.status in referrals.OPEN),
        "overdue": sum(1 for v in incoming if v.overdue),
    }
    return render(request, "registrations/list.html", context)


def form_page(
    request: Request, values: dict[str, str], *, error: str | None = None, status_code: int = 200
) -> Response:
    context = {
        "values": values,
        "error": error,
        "forms": FORMS,
        "age_groups": AGE_GROUPS,
        "victim_statuses": VICTIM_STATUS,
        "municipalities": [m.name for m in municipalities()],
    }
    return render(request, "registrations/new.html", context, status_code=status_code)


@router.get("/new")
def new_form(request: Request, user: CurrentUser) -> Response:
    _require_registering(user)
    return form_page(request, {"year": str(utcnow().year), "consent": "counted"})


@router.post("")
def create(request: Request, db: DbSession, user: CurrentUser, form: Form) -> Response:
    _require_registering(user)
    values = _values(form)
    fields = {k: values.get(k, "") for k in (*REQUIRED, *OPTIONAL)}
    try:
        [rid] = import_registrations(db, user, [parse_form(fields)])
    except (InvalidInput, Conflict) as error:
        # The form comes back filled in, with the reason (close matches for a municipality).
        db.rollback()
        return form_page(request, values, error=error.message, status_code=400)
    return RedirectResponse(f"/registrations/{rid}", status_code=303)


def _incoming(db: Session, user: User) -> list[tuple[Any, dict[str, Any] | None]]:
    """Referrals addressed to the organisation, each with the registration as consent allows."""
    out = []
    for view in referrals.referrals_for(db, user):
        if view.referral.to_org_id != user.org_id:
            continue
        # A declined referral no longer carries the registration to this organisation.
        declined = view.referral.status is ReferralStatus.DECLINED
        out.append(
            (view, None if declined else get_registration(db, user, view.referral.record_id))
        )
    return out


@router.get("/referrals")
def incoming_page(request: Request, db: DbSession, user: CurrentUser) -> Response:
    return render(request, "registrations/incoming.html", {"items": _incoming(db, user)})


@router.post("/referrals/{referral_id}")
def referral_step(db: DbSession, user: CurrentUser, form: Form, referral_id: int) -> Response:
    """Receive, accept, decline (with a reason) or close (with the outcome)."""
    values = _values(form)
    step, note = values.get("step", ""), values.get("note", "").strip()[:2000]
    if step not in STEPS:
        raise InvalidInput(f"unknown step {step!r} (receive, accept, decline, close)")
    if step == "receive":
        referrals.receive(db, user, referral_id)
    elif step == "accept":
        referrals.accept(db, user, referral_id)
    elif step == "decline":
        referrals.decline(db, user, referral_id, note)
    else:
        referrals.record_outcome(db, user, referral_id, note)
    return RedirectResponse(f"/registrations/referrals#referral-{referral_id}", status_code=303)


@router.get("/{registration_id}")
def detail(request: Request, db: DbSession, user: CurrentUser, registration_id: int) -> Response:
    """One registration as the user may see it, and (for its owner) its referrals."""
    shown = get_registration(db, user, registration_id)
    own = user.org_id == _owner(db, registration_id)
    sent = (
        [v for v, _ in partner.sent_referrals(db, user) if v.referral.record_id == registration_id]
        if own
        else []
    )
    context = {
        "r": shown,
        "own": own,
        "sent": sent,
        "may_refer": own and shown["consent"] != "counted",
    }
    return render(request, "registrations/detail.html", context)


def _owner(db: Session, registration_id: int) -> int | None:
    row = db.get(RegistrationRow, registration_id)
    return row.org_id if row else None


@router.post("/{registration_id}/refer")
def refer(db: DbSession, user: CurrentUser, form: Form, registration_id: int) -> Response:
    """Refer to the AVIM team of the municipality's police unit (or a named organisation)."""
    to_org = _values(form).get("to_org", "").strip() or None
    referrals.send(db, user, registration_id, to_org=to_org)
    return RedirectResponse(f"/registrations/{registration_id}", status_code=303)
