"""Resume after SIGKILL: a killed crawl started again ends with every ad stored exactly once."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from tests.sources.crawler.conftest import MOCK_PROFILE, World, crawl, start_crawl
from tests.sources.crawler.mockserver import MockServer, MockSite

from zicht.store.tables import CrawledAdRow, CrawlRunRow, DocumentRow

N_ADS = 100


@pytest.fixture
def slow_site() -> Iterator[MockServer]:
    server = MockServer(MockSite(n_ads=N_ADS, latency=0.04))
    yield server
    server.stop()


def stored(world: World) -> int:
    with world.db.session() as s:
        return s.scalar(select(func.count()).select_from(DocumentRow)) or 0


def test_sigkill_then_resume_loses_nothing_and_duplicates_nothing(
    world: World, slow_site: MockServer
) -> None:
    d = world.deployment(slow_site.domain)
    process = start_crawl(d.id, "--profile", MOCK_PROFILE)
    deadline = time.monotonic() + 90
    while stored(world) < 20:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the crawl stored nothing in time"
        time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    before = stored(world)
    assert 20 <= before < N_ADS, "killed too late to test a resume"

    slow_site.site.reset_log()
    result = crawl(d.id, "--profile", MOCK_PROFILE)
    assert result.returncode == 0, result.stderr
    assert "[resumed]" in result.stdout

    with world.db.session() as s:
        refs = s.scalars(select(DocumentRow.external_ref)).all()
        urls = s.scalars(select(CrawledAdRow.url)).all()
        runs = s.scalars(select(CrawlRunRow).order_by(CrawlRunRow.id)).all()
    assert len(refs) == len(set(refs)) == N_ADS  # none lost, none twice
    assert sorted(int(u.rsplit("/", 1)[1]) for u in urls) == list(range(1, N_ADS + 1))
    assert [r.status for r in runs] == ["interrupted", "finished"]
    # it continued: ads stored before the kill were not fetched again
    refetched = slow_site.site.fetches("/ad/")
    assert len(refetched) <= N_ADS - before + 16  # at most the batch in flight at the kill
