"""A local ad site for the crawler tests: ads, listings, robots.txt and every robustness case.

One `MockSite` holds the ads; tests change it (edit, remove, add) to produce
versions. The server records every request so a test can count fetches.
Never a live site: it listens on 127.0.0.1 only.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PER_PAGE = 20
SITE_PHONE = "020-7654321"  # the site's own number, in every footer


@dataclass
class Ad:
    id: int
    title: str
    text: str
    phone: str
    city: str
    price: int
    age: int
    email: str | None = None
    handle: str | None = None
    images: tuple[int, ...] = ()
    modified: float = field(default_factory=time.time)


def make_ads(n: int) -> dict[int, Ad]:
    cities = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"]
    ads = {}
    for i in range(1, n + 1):
        ads[i] = Ad(
            id=i,
            title=f"Nieuwe dame {i} in de stad",
            text=f"Hoi, ik ben nieuw hier. Bel {phone_of(i)} voor een afspraak. Discreet.",
            phone=phone_of(i),
            city=cities[i % len(cities)],
            price=100 + i % 50,
            age=19 + i % 20,
            email=f"dame{i}@example.com" if i % 3 == 0 else None,
            handle=f"dame_{i}" if i % 4 == 0 else None,
            images=(i % 7, 100 + i),
        )
    return ads


def phone_of(i: int) -> str:
    return f"06-{10000000 + i * 7919 % 89999999:08d}"


class MockSite:
    def __init__(self, n_ads: int = 45, latency: float = 0.0) -> None:
        self.ads = make_ads(n_ads)
        self.latency = latency
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.once: set[str] = set()

    def log(self, path: str, headers: dict[str, str]) -> None:
        with self.lock:
            self.requests.append((path, headers))

    def fetches(self, prefix: str) -> list[str]:
        with self.lock:
            return [p for p, _ in self.requests if p.startswith(prefix)]

    def reset_log(self) -> None:
        with self.lock:
            self.requests.clear()
            self.once.clear()


def page(title: str, body: str, *, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!doctype html><html><head>{meta}<title>{title}</title>"
        '<meta name="generator" content="zicht-mock"></head>'
        f"<body>{body}<footer>Klantenservice {SITE_PHONE}</footer></body></html>"
    )


def jpeg(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (64, 64), ((seed * 37) % 256, (seed * 91) % 256, (seed * 13) % 256))
    draw = ImageDraw.Draw(img)
    draw.rectangle((seed % 30, seed % 20, 30 + seed % 30, 40 + seed % 20), fill=(255, 255, 255))
    draw.ellipse((5, 40, 25 + seed % 35, 60), fill=(seed % 256, 0, 0))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    site: MockSite

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def send(
        self,
        status: int,
        body: bytes,
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def html(self, text: str, status: int = 200, **kw: object) -> None:
        self.send(status, text.encode("utf-8"), **kw)  # type: ignore[arg-type]

    def first_time(self, key: str) -> bool:
        with self.site.lock:
            if key in self.site.once:
                return False
            self.site.once.add(key)
            return True

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        self.site.log(self.path, {k: v for k, v in self.headers.items()})
        if self.site.latency:
            time.sleep(self.site.latency)
        site = self.site
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/":
            return self.html(page("Mock", '<a href="/ads">Advertenties</a>'))
        if path == "/ads":
            n = int(query.get("page", ["1"])[0])
            ids = sorted(site.ads)
            chunk = ids[(n - 1) * PER_PAGE : n * PER_PAGE]
            items = "".join(
                f'<li><a class="ad-link" href="/ad/{i}">{site.ads[i].title}</a></li>' for i in chunk
            )
            nxt = (
                f'<a rel="next" href="/ads?page={n + 1}">volgende</a>'
                if n * PER_PAGE < len(ids)
                else ""
            )
            return self.html(page(f"Advertenties {n}", f"<ul>{items}</ul>{nxt}"))
        if path.startswith("/ad/"):
            ad = site.ads.get(int(path.rsplit("/", 1)[1]))
            if ad is None:
                return self.html(page("Weg", "<p>Deze advertentie is verwijderd.</p>"), 404)
            return self.ad(ad)
        if path.startswith("/img/"):
            return self.send(200, jpeg(int(path[5:].split(".")[0])), "image/jpeg")
        return self.bad(path)

    def ad(self, ad: Ad) -> None:
        extra = "".join(
            f"<p class='contact'>{v}</p>"
            for v in (
                f"mail {ad.email}" if ad.email else "",
                f"telegram: @{ad.handle}" if ad.handle else "",
            )
            if v
        )
        imgs = "".join(f'<img class="photo" src="/img/{k}.jpg">' for k in ad.images)
        body = (
            f'<article class="ad"><h1>{ad.title}</h1><p class="text">{ad.text}</p>{extra}'
            f'<span class="advertiser">Dame {ad.id}</span><span class="city">{ad.city}</span>'
            f'<span class="age">{ad.age} jaar</span><span class="price">€ {ad.price}</span>'
            f'<time datetime="2026-11-{ad.id % 28 + 1:02d}">gisteren</time>{imgs}</article>'
        )
        html = page(ad.title, body).encode("utf-8")
        etag = '"' + hashlib.sha1(html).hexdigest()[:16] + '"'
        modified = formatdate(ad.modified, usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return self.send(200, html, headers={"ETag": etag, "Last-Modified": modified})

    def bad(self, path: str) -> None:
        if path == "/bad/":
            links = [
                "/bad/broken",
                "/bad/wrong-charset",
                "/bad/utf8-as-latin1",
                "/bad/no-charset",
                "/bad/huge",
                "/bad/huge-chunked",
                "/bad/binary",
                "/bad/loop-a",
                "/calendar/2026-11-23",
                "/bad/429",
                "/bad/503",
                "/bad/500",
                "/bad/slow",
                "/bad/truncated",
                "/private/secret",
                "http://127.0.0.1:9/elsewhere",
            ]
            return self.html(page("Bad", "".join(f'<a href="{u}">{u}</a> ' for u in links)))
        if path == "/bad/broken":
            body = (
                "<html><body><div><p>Lieve meid <b>nieuw <i>bel 06-11112222 </div>"
                "<table><tr><td>onafgesloten <p>tekst zonder einde " + "lorem " * 30
            )
            return self.send(200, body.encode(), "text/html")
        if path == "/bad/wrong-charset":  # declared utf-8, written in cp1252
            text = page(
                "Café", "<p>Café Zoë in Den Haag, bel 06-22223333. " + "tekst " * 20 + "</p>"
            )
            return self.send(200, text.encode("cp1252"), "text/html; charset=utf-8")
        if path == "/bad/utf8-as-latin1":  # declared iso-8859-1, written in utf-8
            text = page(
                "Zoë",
                "<p>Zoë uit Enschede, bel 06-33334444. " + "tekst " * 20 + "</p>",
                charset="iso-8859-1",
            )
            return self.send(200, text.encode("utf-8"), "text/html; charset=iso-8859-1")
        if path == "/bad/no-charset":
            text = page(
                "Noë", "<p>Noë uit Delft, bel 06-44445555. " + "tekst " * 20 + "</p>", charset=None
            )
            return self.send(200, text.encode("utf-8"), "text/html")
        if path == "/bad/huge":
            return self.send(200, b"<html>" + b"x" * 300_000 + b"</html>")
        if path == "/bad/huge-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for _ in range(40):
                    chunk = b"y" * 10_000
                    self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass
            return None
        if path == "/bad/binary":
            return self.send(200, bytes(range(256)) * 20, "application/octet-stream")
        if path == "/bad/loop-a":
            return self.send(302, b"", headers={"Location": "/bad/loop-b"})
        if path == "/bad/loop-b":
            return self.send(302, b"", headers={"Location": "/bad/loop-a"})
        if path.startswith("/calendar/"):
            y, m, d = (int(x) for x in path.rsplit("/", 1)[1].split("-"))
            month = m % 12 + 1 if d == 28 else m
            nxt = f"/calendar/{y + (m == 12 and d == 28)}-{month:02d}-{d % 28 + 1:02d}"
            return self.html(
                page("Agenda", f'<p>Agenda {y}-{m}-{d}</p><a href="{nxt}">volgende dag</a>')
            )
        if path == "/bad/429":
            if self.first_time(path):
                return self.send(429, b"slow down", "text/plain", headers={"Retry-After": "1"})
            return self.html(
                page("Na 429", "<p>Na het wachten: bel 06-55556666. " + "tekst " * 20 + "</p>")
            )
        if path == "/bad/503":
            if self.first_time(path):
                return self.send(503, b"busy", "text/plain", headers={"Retry-After": "1"})
            return self.html(
                page("Na 503", "<p>Weer open: bel 06-66667777. " + "tekst " * 20 + "</p>")
            )
        if path == "/bad/500":
            return self.send(500, b"broken", "text/plain")
        if path == "/bad/slow":
            time.sleep(2.5)
            return self.html(page("Traag", "<p>te laat</p>"))
        if path == "/bad/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "50000")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"z" * 1000)
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if path.startswith("/private/"):
            return self.html(page("Privé", "<p>Mag niet gecrawld worden, bel 06-77778888</p>"))
        return self.html(page("Niet gevonden", "<p>404</p>"), 404)


class MockServer:
    def __init__(self, site: MockSite) -> None:
        handler = type("BoundHandler", (Handler,), {"site": site})
        self.site = site
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.domain = f"127.0.0.1:{self.port}"
        self.url = f"http://{self.domain}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


if __name__ == "__main__":  # a quick manual look: python tests/sources/crawler/mockserver.py
    server = MockServer(MockSite())
    print(server.url, flush=True)
    server.thread.join()
