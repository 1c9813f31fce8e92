"""Fixtures of the crawler tests: the mock site, deployments, and `zicht crawl` in a subprocess.

A crawl runs in a subprocess because Twisted's reactor cannot be restarted in
one process, and because that is how it runs for real (`zicht crawl`).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from tests import factories
from tests.sources.crawler.mockserver import MockServer, MockSite

from zicht.domain import Deployment, Politeness
from zicht.privacy import deployments
from zicht.store import Database
from zicht.store.db import utcnow
from zicht.store.tables import DeploymentRow

HERE = Path(__file__).parent
MOCK_PROFILE = str(HERE / "mock_profile.yaml")
N_MOCK_ADS = 24  # two listing pages and a bit
FAST = Politeness(obey_robots=True, concurrent_per_domain=4, download_delay=0.0, autothrottle=False)
ZICHT = [sys.executable, "-c", "import sys; from zicht.cli import main; sys.exit(main())"]


@pytest.fixture(scope="session")
def mock_site() -> Iterator[MockServer]:
    server = MockServer(MockSite(n_ads=N_MOCK_ADS))
    yield server
    server.stop()


@pytest.fixture
def fresh_site() -> Iterator[MockServer]:
    """A site of its own, for tests that change its ads."""
    server = MockServer(MockSite(n_ads=N_MOCK_ADS))
    yield server
    server.stop()


@dataclass
class World:
    db: Database
    chain: factories.Chain

    def deployment(
        self, domain: str, *, politeness: Politeness = FAST, authorise: bool = True, **kw: object
    ) -> Deployment:
        with self.db.session() as s:
            d = deployments.create(
                s,
                self.chain.analyst,
                purpose="test crawl of the mock site",
                legal_basis="art. 3 Politiewet, test",
                legal_basis_code="politiewet-3",
                domains=[domain],
                politeness=politeness,
                **kw,  # type: ignore[arg-type]
            )
            if authorise:
                d = deployments.authorise(s, self.chain.prosecutor, d.id)
        return d

    def set_valid_until(self, deployment_id: int, seconds: float) -> None:
        with self.db.session() as s:
            s.execute(
                update(DeploymentRow)
                .where(DeploymentRow.id == deployment_id)
                .values(valid_until=utcnow() + timedelta(seconds=seconds))
            )


def make_world(db: Database) -> World:
    with db.session() as s:
        chain = factories.chain(s)
    return World(db, chain)


@pytest.fixture
def world(sqlite_database: Database) -> World:
    return make_world(sqlite_database)


def crawl_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("ZICHT_") or k.startswith("ZICHT_TEST_")
    }
    env.update(
        {
            k: v
            for k, v in os.environ.items()
            if k in ("ZICHT_HOME", "ZICHT_ENV", "ZICHT_DATABASE_URL")
        }
    )
    env.update(extra or {})
    return env


def crawl(
    deployment_id: int,
    *args: str,
    user: str = "ana",
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ZICHT, "crawl", str(deployment_id), "--as", user, "--no-progress", *args],
        capture_output=True,
        text=True,
        env=crawl_env(env),
        timeout=timeout,
        check=False,
    )


def start_crawl(
    deployment_id: int, *args: str, user: str = "ana", env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*ZICHT, "crawl", str(deployment_id), "--as", user, "--no-progress", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=crawl_env(env),
    )
