"""One small demo world per test session, generated and written once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from zicht.demo.site import RunningSite, serve_site
from zicht.demo.world import World, generate

SMALL = {"n_ads": 400, "n_mutations": 600, "n_chats": 200, "n_registrations": 400}


@pytest.fixture(scope="session")
def world() -> World:
    return generate(11, **SMALL)


@pytest.fixture(scope="session")
def default_world() -> World:
    """The world `zicht demo` builds, at its default sizes (not written: images take a while)."""
    return generate(7)


@pytest.fixture(scope="session")
def world_dir(world: World, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("world")
    world.write(directory)
    return directory


@pytest.fixture
def site(world: World) -> Iterator[RunningSite]:
    running = serve_site(world)
    try:
        yield running
    finally:
        running.stop()
