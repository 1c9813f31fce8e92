"""Fixtures for figures: the small known world of `tests.figures.world`, on both engines."""

from __future__ import annotations

import pytest

from tests.figures.world import World, build
from zicht.store.db import Database


@pytest.fixture
def world(database: Database) -> World:
    with database.session() as session:
        return build(session)
