"""`/api/me`: who the session belongs to, and the CSRF token its state changes need."""

from __future__ import annotations

from fastapi import APIRouter

from zicht.web.auth import CurrentLogin
from zicht.web.schemas import UserPublic

router = APIRouter(tags=["accounts"])


@router.get("/me")
def me(login: CurrentLogin) -> UserPublic:
    user = login.user
    return UserPublic(
        id=user.id,
        username=user.username,
        org_id=user.org_id,
        org_kind=user.org_kind.value,
        role=user.role.value,
        csrf_token=login.csrf_token,
    )
