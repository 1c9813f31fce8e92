"""Browser tests: Debian's Chromium driven by Playwright against the real server.

One server and one browser per test session; every test opens its own contexts
(a visitor and a counsellor are two contexts: two separate browsers, as it were).
Screenshots go to `test-artifacts/` at the repository root.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser import ARGS, ARTIFACTS, CHROMIUM, shot
from tests.chat.conftest import Helpline, seed
from tests.e2e.server import Server, serve
from zicht.store.db import Database


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Helpline, Path]]:
    home = tmp_path_factory.mktemp("e2e-home")
    db = Database(f"sqlite:///{home / 'zicht.db'}")
    db.migrate()
    with db.session() as session:
        people = seed(session)
    db.dispose()
    with serve(home) as server:
        yield server, people, home


@pytest.fixture
def contexts(browser: Any, site: tuple[Server, Helpline, Path]) -> Iterator[Callable[..., Any]]:
    """New browser contexts on the site; every request any page makes is recorded."""
    server = site[0]
    made: list[Any] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(base_url=server.url, **options)
        context.requests = []
        context.on("request", lambda request: context.requests.append(request.url))
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def log_in(context: Any, username: str) -> Any:
    from tests.factories import PASSWORD

    page = context.new_page()
    page.goto("/login?next=/chat/console")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/chat/console")
    page.wait_for_selector("#console-status:not(:empty)")
    return page


__all__ = ["ARGS", "ARTIFACTS", "CHROMIUM", "shot"]
