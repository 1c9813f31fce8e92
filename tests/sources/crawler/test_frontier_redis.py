"""Two crawler processes share one deployment's frontier in Redis: every ad once, none missed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from tests.conftest import require_service
from tests.sources.crawler.conftest import MOCK_PROFILE, World, start_crawl
from tests.sources.crawler.mockserver import MockServer, MockSite

from zicht.sources.crawler.runner import frontier_namespace
from zicht.store.tables import CrawlRunRow, DocumentRow

REDIS_DB = 11  # the crawler tests' own database; keys are namespaced per test run as well
N_ADS = 60
pytestmark = pytest.mark.redis


def _redis_or_reason() -> str | None:
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_connect_timeout=2).ping()
    except Exception as exc:
        return f"Redis not available at 127.0.0.1:6379: {exc}"
    return None


@pytest.fixture
def frontier() -> Iterator[str]:
    require_service(_redis_or_reason())
    import redis

    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    server = redis.Redis.from_url(url)
    yield url
    for key in server.scan_iter(f"{frontier_namespace()}:*"):  # this test's keys only
        server.delete(key)
    server.close()


@pytest.fixture
def shared_site() -> Iterator[MockServer]:
    # Slow enough that the work outlasts a process start on a loaded machine: a faster
    # site let the first worker finish everything before the second had started.
    server = MockServer(MockSite(n_ads=N_ADS, latency=0.15))
    yield server
    server.stop()


def test_two_processes_share_one_frontier(
    world: World, shared_site: MockServer, frontier: str
) -> None:
    import redis

    d = world.deployment(shared_site.domain)
    env = {"ZICHT_CRAWL_FRONTIER": frontier}
    workers = [start_crawl(d.id, "--profile", MOCK_PROFILE, env=env) for _ in range(2)]
    outputs = [w.communicate(timeout=150) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], outputs

    fetched = Counter(p for p in shared_site.site.fetches("/ad/"))
    assert sorted(fetched) == sorted(f"/ad/{i}" for i in range(1, N_ADS + 1))  # none missed
    assert set(fetched.values()) == {1}  # every ad fetched once
    with world.db.session() as s:
        refs = s.scalars(select(DocumentRow.external_ref)).all()
        runs = s.scalars(select(CrawlRunRow)).all()
    assert len(refs) == len(set(refs)) == N_ADS
    assert {r.frontier for r in runs} == {"redis"} and all(r.status == "finished" for r in runs)
    assert all(r.counts.get("pages", 0) > 0 for r in runs), [r.counts for r in runs]  # both worked
    # the last worker out cleared the finished frontier
    assert list(redis.Redis.from_url(frontier).scan_iter(f"{frontier_namespace()}:*")) == []
