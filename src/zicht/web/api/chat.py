"""`/api/chat/figures`: the help chat's yearly figures, counted in people, never read from chats."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from zicht.chat.people import yearly_figures
from zicht.domain import Role
from zicht.errors import Forbidden
from zicht.store import utcnow
from zicht.web.auth import CurrentUser, DbSession

router = APIRouter(prefix="/api/chat", tags=["chat"])
READERS = frozenset({Role.COUNSELLOR, Role.RESEARCHER, Role.ADMIN})


class ChatFigures(BaseModel):
    year: int
    conversations: int = Field(description="closed conversations of the year")
    unique_visitors: int = Field(description="people behind them (device codes, 'same as')")
    unique_visitors_trafficking: int = Field(description="people with a trafficking question")
    share_victims_themselves: float | None
    share_naming_a_parent: float | None


@router.get("/figures")
def figures(
    db: DbSession, user: CurrentUser, year: Annotated[int | None, Query(ge=1990)] = None
) -> ChatFigures:
    if user.role not in READERS:
        raise Forbidden(f"a {user.role.value} does not read the chat's figures")
    return ChatFigures.model_validate(yearly_figures(db, year or utcnow().year, user=user))
