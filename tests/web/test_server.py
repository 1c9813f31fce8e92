"""`zicht serve`: the access log never holds a client address (nor a query string)."""

from __future__ import annotations

import logging
import socket
import threading
import time

import httpx

from zicht.store.db import Database
from zicht.web.accesslog import DropClientAddress
from zicht.web.app import create_app
from zicht.web.server import build_config


def uvicorn_record(name: str, msg: str, args: tuple[object, ...]) -> logging.LogRecord:
    return logging.LogRecord(name, logging.INFO, "h11_impl.py", 1, msg, args, None)


def test_the_filter_drops_the_address_and_the_query() -> None:
    record = uvicorn_record(
        "uvicorn.access",
        '%s - "%s %s HTTP/%s" %d',
        ("203.0.113.7:51234", "GET", "/chat?name=Anna", "1.1", 200),
    )
    assert DropClientAddress().filter(record)
    assert record.getMessage() == '"GET /chat HTTP/1.1" 200'
    websocket = uvicorn_record(
        "uvicorn.error", '%s - "WebSocket %s" %s', ("203.0.113.7:51234", "/chat/ws", "[accepted]")
    )
    DropClientAddress().filter(websocket)
    assert websocket.getMessage() == '"WebSocket /chat/ws" [accepted]'
    other = uvicorn_record("uvicorn.error", "Started server process [%d]", (42,))
    DropClientAddress().filter(other)
    assert other.getMessage() == "Started server process [42]"


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_the_real_server_logs_requests_without_the_client_address(
    sqlite_database: Database,
) -> None:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(build_config(create_app(), "127.0.0.1", port))
    collect = Collect()
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert server.started
        # Attached after start-up: uvicorn applies its logging config while starting.
        logging.getLogger("uvicorn.access").addHandler(collect)
        response = httpx.get(f"http://127.0.0.1:{port}/login?next=/audit", timeout=5)
        assert response.status_code == 200
        assert "server" not in response.headers
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        logging.getLogger("uvicorn.access").removeHandler(collect)
    assert collect.lines == ['"GET /login HTTP/1.1" 200']
    assert not any("127.0.0.1" in line for line in collect.lines)
