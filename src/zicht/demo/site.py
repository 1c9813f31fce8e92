"""The demo ad site: a world's ads served over HTTP on 127.0.0.1, day by day.

`serve_site(world)` starts it in a thread (port 0 picks a free port) and
returns a `RunningSite` with `.url`, `.advance(days)` and `.stop()`. Ad pages
carry `Last-Modified` and `ETag` and answer conditional requests with 304, so
a recrawl can tell changed ads from unchanged ones.

Time: on the world's `today` (the default) every ad is online. Start at an
earlier day to see ads appear as you advance; advance past today and ads
change (text, price, city, phone) and disappear (410 Gone).
"""

from __future__ import annotations

import hashlib
import socket
import threading
from datetime import datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from math import ceil
from urllib.parse import parse_qs, urlsplit

from zicht.demo import pages
from zicht.demo.ads import START
from zicht.demo.timeline import DayView, SiteState
from zicht.demo.world import World

ROBOTS = b"User-agent: *\nDisallow: /admin/\nDisallow: /private/\n"


def _page(query: dict[str, list[str]]) -> int | None:
    try:
        page = int(query.get("page", ["1"])[0])
    except ValueError:
        return None
    return page if page >= 1 else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "DemoAdSite/1.0"
    server: SiteServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle and delayed ACKs
        # add 40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a crawl makes thousands of requests."""

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        state = self.server.state
        view, phone = state.view, state.world.site_phone
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        headers: dict[str, str] = {"Content-Type": "text/html; charset=utf-8"}
        status, body = HTTPStatus.OK, b""
        if path == "/robots.txt":
            headers["Content-Type"] = "text/plain; charset=utf-8"
            body = ROBOTS
        elif path == "/static/site.css":
            headers["Content-Type"] = "text/css"
            body = pages.CSS
        elif path in ("/", "/cities"):
            cities = sorted((name, key, len(items)) for key, (name, items) in view.cities.items())
            body = pages.index(cities, len(view.ads), phone)
        elif path == "/ads" or path.startswith("/city/"):
            status, body = self._listing(view, path, query, phone)
        elif path.startswith("/ad/"):
            status, body = self._ad(view, path[4:], headers, phone)
        elif path.startswith("/img/") and path.endswith(".jpg"):
            data = state.world.image_bytes(path[5:-4])
            if data is None:
                status, body = HTTPStatus.NOT_FOUND, pages.message("Niet gevonden", path, phone)
            else:
                headers = {
                    "Content-Type": "image/jpeg",
                    "Cache-Control": "max-age=86400",
                    "ETag": '"' + hashlib.sha256(data).hexdigest()[:16] + '"',
                }
                status, body = self._conditional(headers, None), data
        elif path.startswith(("/admin", "/private")):
            status, body = (
                HTTPStatus.FORBIDDEN,
                pages.message("Geen toegang", "Log eerst in.", phone),
            )
        else:
            status, body = HTTPStatus.NOT_FOUND, pages.message("Niet gevonden", path, phone)
        if status == HTTPStatus.NOT_MODIFIED:
            body = b""
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)

    def _listing(
        self, view: DayView, path: str, query: dict[str, list[str]], phone: str
    ) -> tuple[HTTPStatus, bytes]:
        if path == "/ads":
            title, items, base = "Alle advertenties", view.ads, "/ads"
        else:
            key = path[len("/city/") :].strip("/")
            if key not in view.cities:
                return HTTPStatus.NOT_FOUND, pages.message("Onbekende stad", key, phone)
            name, items = view.cities[key]
            title, base = f"Advertenties in {name}", f"/city/{key}"
        page = _page(query)
        total = max(1, ceil(len(items) / pages.PAGE_SIZE))
        if page is None or page > total:
            return HTTPStatus.NOT_FOUND, pages.message("Pagina bestaat niet", path, phone)
        chunk = items[(page - 1) * pages.PAGE_SIZE : page * pages.PAGE_SIZE]
        return HTTPStatus.OK, pages.listing(title, chunk, base, page, total, phone)

    def _ad(
        self, view: DayView, ad_id: str, headers: dict[str, str], phone: str
    ) -> tuple[HTTPStatus, bytes]:
        world = self.server.state.world
        ad = world.ad(ad_id.strip("/"))
        snap = ad.on(view.day) if ad else None
        if ad is None or snap is None:
            gone = ad is not None and ad.removed_day is not None and view.day >= ad.removed_day
            status = HTTPStatus.GONE if gone else HTTPStatus.NOT_FOUND
            return status, pages.message(
                "Advertentie niet gevonden", "Deze advertentie is offline.", phone
            )
        body = pages.ad_page(ad, snap, phone)
        if snap.day == ad.posted_day:
            modified = datetime.fromisoformat(ad.posted_at)
        else:  # edits go live at six in the morning
            modified = START + timedelta(days=snap.day, hours=6)
        headers["Last-Modified"] = format_datetime(modified, usegmt=True)
        headers["ETag"] = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        headers["Cache-Control"] = "no-cache"
        return self._conditional(headers, modified), body

    def _conditional(self, headers: dict[str, str], modified: object) -> HTTPStatus:
        """304 when the client's ETag or date still holds (ETag wins, as RFC 9110 says)."""
        tags = self.headers.get("If-None-Match")
        if tags is not None:
            match = headers["ETag"] in [t.strip() for t in tags.split(",")] or tags.strip() == "*"
            return HTTPStatus.NOT_MODIFIED if match else HTTPStatus.OK
        since = self.headers.get("If-Modified-Since")
        if since and modified is not None:
            try:
                if parsedate_to_datetime(since) >= modified:  # type: ignore[operator]
                    return HTTPStatus.NOT_MODIFIED
            except (TypeError, ValueError):
                return HTTPStatus.OK
        return HTTPStatus.OK


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], state: SiteState) -> None:
        super().__init__(address, Handler)
        self.state = state


class RunningSite:
    """A site serving in a background thread; stop it when done (or use `with`)."""

    def __init__(self, server: SiteServer) -> None:
        self.server = server
        host, port = server.server_address[:2]
        self.url = f"http://{host!s}:{port}"
        self._thread = threading.Thread(target=server.serve_forever, name="demo-site", daemon=True)
        self._thread.start()

    @property
    def day(self) -> int:
        return self.server.state.day

    def advance(self, days: int = 1) -> int:
        """Move the site's world on by `days`: ads appear, change and disappear."""
        return self.server.state.advance(days)

    def set_day(self, day: int) -> None:
        self.server.state.set_day(day)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> RunningSite:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def make_server(
    world: World, host: str = "127.0.0.1", port: int = 0, day: int | None = None
) -> SiteServer:
    return SiteServer((host, port), SiteState(world, day))


def serve_site(
    world: World, host: str = "127.0.0.1", port: int = 0, day: int | None = None
) -> RunningSite:
    """Start the site in a thread and return it; port 0 picks a free port."""
    return RunningSite(make_server(world, host, port, day))
