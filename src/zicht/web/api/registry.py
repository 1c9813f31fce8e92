"""The partner API for registrations, authenticated by per-organisation tokens (issue 7).

A partner's case system sends `Authorization: Bearer zpt_...` (a token an admin
issued with `zicht tokens create`); it submits its organisation's registrations,
reads them back and follows the referrals made of them. No session cookie, so no
CSRF token; a token never sees another organisation's data.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from zicht.domain import User
from zicht.errors import Unauthenticated
from zicht.registry import partner, tokens
from zicht.registry.parse import RecordErrors, parse_records
from zicht.web.api.registry_models import (
    EXAMPLES,
    RecordErrorsPublic,
    ReferralPublic,
    RegistrationCreate,
    RegistrationPublic,
    SubmitResult,
    SubmittedPublic,
)
from zicht.web.auth import DbSession
from zicht.web.schemas import ErrorPublic

bearer = HTTPBearer(
    scheme_name="PartnerToken",
    bearerFormat="zpt_…",
    description="A per-organisation token issued with `zicht tokens create --org ORG`.",
    auto_error=False,
)


def token_holder(
    db: DbSession, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> User:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise Unauthenticated("send the organisation's token as 'Authorization: Bearer ...'")
    return tokens.authenticate(db, credentials.credentials)


Partner = Annotated[User, Depends(token_holder)]

router = APIRouter(
    prefix="/api/partner",
    tags=["partner registry"],
    responses={
        401: {"model": ErrorPublic, "description": "no token, or an unknown or revoked one"},
        403: {"model": ErrorPublic, "description": "the token may not do this"},
    },
)


def _invalid(errors: list[tuple[int, str, str]], message: str, status: int) -> JSONResponse:
    body = RecordErrorsPublic(
        error="invalid" if status == 422 else "conflict",
        message=message,
        records=[{"index": n, "ref": ref, "reason": why} for n, ref, why in errors],
    )
    return JSONResponse(body.model_dump(), status_code=status)


@router.post(
    "/registrations",
    status_code=201,
    response_model=SubmitResult,
    responses={
        200: {"model": SubmitResult, "description": "every record was known already, unchanged"},
        409: {"model": RecordErrorsPublic, "description": "a known ref with other content"},
        422: {"model": RecordErrorsPublic, "description": "records that are not valid"},
    },
)
def submit(
    db: DbSession,
    org: Partner,
    response: Response,
    body: Annotated[RegistrationCreate | list[RegistrationCreate], Body(openapi_examples=EXAMPLES)],
) -> SubmitResult | JSONResponse:
    """Register one possible victim or a batch, all or nothing.

    A record whose `ref` your organisation already registered with the same
    content is accepted again (`unchanged`), so a retry is safe; the same `ref`
    with different content is a 409 naming the record. Every error names the
    record by its index and ref, with the reason, and nothing is stored.
    """
    batch = body if isinstance(body, list) else [body]
    try:
        items = parse_records([b.as_row() for b in batch])
        done = partner.submit(db, org, items)
    except RecordErrors as error:
        db.rollback()
        return _invalid(error.errors, error.message, 422)
    except partner.RecordConflicts as error:
        db.rollback()
        return _invalid(error.errors, error.message, 409)
    if not any(s.created for s in done):
        response.status_code = 200
    return SubmitResult(
        registrations=[
            SubmittedPublic(
                index=s.index, ref=s.ref, id=s.id, status="created" if s.created else "unchanged"
            )
            for s in done
        ]
    )


@router.get("/registrations")
def list_registrations(
    db: DbSession,
    org: Partner,
    year: Annotated[int | None, Query(ge=1990)] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[RegistrationPublic]:
    """Your organisation's registrations, in `ref` order, a page at a time."""
    rows = partner.own_registrations(db, org, year=year, limit=limit, offset=offset)
    return [RegistrationPublic.model_validate(r) for r in rows]


@router.get(
    "/registrations/{ref}",
    responses={404: {"model": ErrorPublic, "description": "your organisation has no such ref"}},
)
def get_registration(db: DbSession, org: Partner, ref: str) -> RegistrationPublic:
    """One of your organisation's registrations by your own `ref`."""
    return RegistrationPublic.model_validate(partner.own_registration(db, org, ref))


@router.get("/referrals")
def list_referrals(db: DbSession, org: Partner) -> list[ReferralPublic]:
    """The referrals made of your registrations: where they went and what became of them."""
    return [ReferralPublic.of(view, ref) for view, ref in partner.sent_referrals(db, org)]
