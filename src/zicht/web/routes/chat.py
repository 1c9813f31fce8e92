"""The help chat on the web: the visitor page, the counsellor console, their WebSockets, closing.

The visitor side reads nothing about the client: no address, no cookie, no
account; the page sets no cookie at all. The console is for logged-in
counsellors of a helpline; its socket checks the login session and the origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData
from starlette.responses import Response

from zicht.accounts import sessions
from zicht.chat import closing
from zicht.chat.canned import canned_texts
from zicht.chat.fanout import encode
from zicht.chat.hub import Hub, may_counsel
from zicht.chat.i18n import NAMES, VISITOR_LANGUAGES, visitor_catalogue, visitor_language
from zicht.chat.limits import MAX_CHARS, MAX_FRAME, Bucket
from zicht.chat.suggest import available as suggestions_available
from zicht.domain import Role, User
from zicht.errors import Forbidden, InvalidInput, Unauthenticated, ZichtError
from zicht.settings import get_settings
from zicht.web.auth import SESSION_COOKIE, CurrentUser, DbSession
from zicht.web.i18n import language, translator
from zicht.web.navigation import Page, register
from zicht.web.templating import render


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    hub = hub_of(app)
    warming = asyncio.ensure_future(hub.warm())
    yield
    await warming
    hub = app.state.chat_hub  # a test may have swapped it
    await hub.drain()


router = APIRouter(include_in_schema=False, lifespan=lifespan)
register(Page("chat", "/chat/console", frozenset({Role.COUNSELLOR})))


def hub_of(app: Any) -> Hub:
    hub: Hub | None = getattr(app.state, "chat_hub", None)
    if hub is None:
        hub = app.state.chat_hub = Hub(
            app.state.database, grace_seconds=get_settings().chat_grace_seconds
        )
    return hub


class SocketPeer:
    """A Starlette WebSocket behind the hub's `Peer`: a send to a gone socket is no error."""

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket = websocket

    async def send(self, data: dict[str, Any] | str) -> bool:
        try:
            await self.websocket.send_text(data if isinstance(data, str) else encode(data))
        except (WebSocketDisconnect, RuntimeError, OSError):
            return False
        return True

    async def close(self, code: int = 1000) -> None:
        with contextlib.suppress(WebSocketDisconnect, RuntimeError, OSError):
            await self.websocket.close(code)


def same_origin(websocket: WebSocket) -> bool:
    """A browser always sends Origin: refuse another site's page (cross-site WebSocket)."""
    origin = websocket.headers.get("origin")
    if origin is None:
        return True
    host = websocket.headers.get("host", "")
    return origin in (f"http://{host}", f"https://{host}")


def parse_frame(raw: str) -> dict[str, Any] | None:
    try:
        frame = json.loads(raw)
    except ValueError:
        return None
    return frame if isinstance(frame, dict) else None


# -- the visitor -----------------------------------------------------------------------


@router.get("/chat")
def visitor_page(request: Request, lang: str | None = None) -> Response:
    vlang = visitor_language(lang, request.headers.get("accept-language", ""))
    return render(
        request,
        "chat/visitor.html",
        {
            "vt": visitor_catalogue(vlang),
            "vlang": vlang,
            "vlangs": VISITOR_LANGUAGES,
            "names": NAMES,
            "max_chars": MAX_CHARS,
        },
    )


@router.get("/weer")
def neutral_page(request: Request) -> Response:
    """Where the quick exit goes: a plain weather page that says nothing about a chat."""
    return render(request, "chat/weer.html")


async def visitor_socket(websocket: WebSocket) -> None:
    if not same_origin(websocket):
        await websocket.close(1008)
        return
    await websocket.accept()
    hub, peer, bucket = hub_of(websocket.app), SocketPeer(websocket), Bucket()
    live = None
    try:
        while True:
            raw = await websocket.receive_text()
            if len(raw) > MAX_FRAME:
                await peer.close(1009)
                break
            frame = parse_frame(raw)
            if frame is None:
                await peer.send({"type": "error", "code": "invalid"})
                continue
            if live is None:
                if frame.get("type") == "hello":
                    live = await hub.visitors.hello(peer, frame)
                    if live is None:
                        break
                continue
            if frame.get("type") == "msg":
                await hub.visitors.message(live, bucket, frame, peer)
                if bucket.exhausted:
                    await peer.close(1008)
                    break
            elif frame.get("type") == "leave":
                await hub.visitors.gone(live, peer, left=True)
                break
    except WebSocketDisconnect:
        pass
    finally:
        if live is not None:
            await hub.visitors.gone(live, peer)


# -- the counsellor --------------------------------------------------------------------


def require_counsellor(user: User) -> None:
    if not may_counsel(user):
        raise Forbidden(f"{user.username} ({user.role.value}) is not a counsellor of a helpline")


@router.get("/chat/console")
def console_page(
    request: Request, user: CurrentUser, closed: int | None = None, referral: int | None = None
) -> Response:
    require_counsellor(user)
    texts = canned_texts()
    return render(
        request,
        "chat/console.html",
        {
            "canned": texts.get(language(request), texts["nl"]),
            "suggestions_available": suggestions_available(),
            "closed": closed,
            "referral": referral,
        },
    )


def _socket_user(websocket: WebSocket) -> User:
    token = websocket.cookies.get(SESSION_COOKIE)
    if not token:
        raise Unauthenticated("not logged in")
    with websocket.app.state.database.session() as db:
        return sessions.resolve(db, token).user


async def console_socket(websocket: WebSocket) -> None:
    if not same_origin(websocket):
        await websocket.close(1008)
        return
    try:
        user = await asyncio.to_thread(_socket_user, websocket)
    except Unauthenticated:
        await websocket.close(4401)
        return
    if not may_counsel(user):
        await websocket.close(4403)
        return
    await websocket.accept()
    hub, peer = hub_of(websocket.app), SocketPeer(websocket)
    await hub.counsellors.open(user, peer)
    try:
        while True:
            raw = await websocket.receive_text()
            frame = parse_frame(raw) if len(raw) <= MAX_FRAME else None
            if frame is None:
                await peer.send({"type": "error", "code": "invalid"})
                continue
            try:
                await hub.counsellors.action(user, frame, peer)
            except ZichtError as error:
                await peer.send(
                    {
                        "type": "error",
                        "code": error.code,
                        "message": error.message,
                        "conversation": frame.get("conversation"),
                    }
                )
    except WebSocketDisconnect:
        pass
    finally:
        await hub.counsellors.closed(user, peer)


# Plain Starlette routes: the app-wide dependencies (CSRF for forms) are for HTTP requests;
# the sockets check the origin themselves, and the console socket the login session.
router.add_websocket_route("/chat/ws", visitor_socket)
router.add_websocket_route("/chat/console/ws", console_socket)


# -- closing ---------------------------------------------------------------------------


async def form_data(request: Request) -> FormData:
    return await request.form()


Form = Annotated[FormData, Depends(form_data)]


def _closing_from(values: dict[str, str]) -> closing.Closing:
    def opt(name: str) -> str | None:
        value = values.get(name, "").strip()
        return value or None

    same_as = opt("same_as")
    if same_as is not None and not same_as.isdigit():
        raise InvalidInput(f"'same person as' must be a conversation number, not {same_as!r}")
    return closing.Closing(
        about_trafficking=values.get("about_trafficking") == "yes",
        caller=values.get("caller", ""),
        form=opt("form"),
        age_group=values.get("age_group", "unknown"),
        gender=values.get("gender", "unknown"),
        relationship=opt("relationship"),
        municipality=opt("municipality"),
        consent=values.get("consent", "counted"),
        name=opt("name"),
        contact=opt("contact"),
        same_as=int(same_as) if same_as else None,
    )


# The closing form's choices and the catalogue prefix of their labels.
CHOICES = {
    "callers": ("chat.caller", closing.CALLERS),
    "forms": ("chat.form", closing.FORMS),
    "age_groups": ("chat.age", closing.AGE_GROUPS),
    "genders": ("chat.gender", closing.GENDERS),
    "relationships": ("chat.rel", closing.RELATIONSHIPS),
    "consents": ("chat.consent", closing.CONSENTS),
}


def choices(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Each choice with its label: (value, text) pairs for the form's selects and radios."""
    label = translator(lang)
    return {
        name: [(value, label(f"{prefix}.{value}")) for value in values]
        for name, (prefix, values) in CHOICES.items()
    }


def close_page(
    request: Request,
    conversation_id: int,
    values: dict[str, str],
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    context = {"cid": conversation_id, "values": values, "error": error}
    context.update(choices(language(request)))
    return render(request, "chat/close.html", context, status_code=status_code)


@router.get("/chat/console/{conversation_id}/close")
def close_form(
    request: Request, db: DbSession, user: CurrentUser, conversation_id: int
) -> Response:
    require_counsellor(user)
    closing.conversation_of(db, user, conversation_id)
    return close_page(request, conversation_id, {"consent": "counted"})


@router.post("/chat/console/{conversation_id}/close")
def close_submit(
    request: Request, db: DbSession, user: CurrentUser, form: Form, conversation_id: int
) -> Response:
    require_counsellor(user)
    values = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    try:
        routed = closing.close(db, user, conversation_id, _closing_from(values))
    except ZichtError as error:
        if error.status_code >= 500 or isinstance(error, Forbidden | Unauthenticated):
            raise
        db.rollback()  # the form comes back filled in; nothing half-stored
        return close_page(request, conversation_id, values, error.message, 400)
    target = f"/chat/console?closed={conversation_id}"
    if routed is not None:
        target += f"&referral={routed.referral_id}"
    return RedirectResponse(target, status_code=303)
