"""A crawl whose deployment ends (expires or is revoked) while it runs stops cleanly."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from tests.sources.crawler.conftest import MOCK_PROFILE, World, start_crawl
from tests.sources.crawler.mockserver import MockServer, MockSite

from zicht.privacy import deployments
from zicht.store.tables import CrawlRunRow, DocumentRow

# At 0.25 s a page and 4 pages at once a full crawl takes about 12 s, far longer than the
# 2 s in which a running crawl notices that its deployment ended.
N_ADS = 200


@pytest.fixture
def slow_site() -> Iterator[MockServer]:
    server = MockServer(MockSite(n_ads=N_ADS, latency=0.25))
    yield server
    server.stop()


@pytest.mark.parametrize("end", ["deployment_expired", "deployment_revoked"])
def test_crawl_stops_cleanly_when_the_deployment_ends(
    world: World, slow_site: MockServer, end: str
) -> None:
    d = world.deployment(slow_site.domain)
    process = start_crawl(d.id, "--profile", MOCK_PROFILE)
    deadline = time.monotonic() + 90
    while True:
        with world.db.session() as s:
            if (s.scalar(select(func.count()).select_from(DocumentRow)) or 0) >= 5:
                break
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.1)
    if end == "deployment_expired":
        world.set_valid_until(d.id, 0)
    else:
        with world.db.session() as s:
            deployments.revoke(s, world.chain.prosecutor, d.id, "stop")
    ended = time.monotonic()
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert f"stopped ({end})" in out
    assert time.monotonic() - ended < 30
    with world.db.session() as s:
        run = s.scalars(select(CrawlRunRow)).one()
        stored = s.scalar(select(func.count()).select_from(DocumentRow)) or 0
    assert run.status == "stopped" and run.finish_reason == end
    assert stored < N_ADS  # it did not crawl on
