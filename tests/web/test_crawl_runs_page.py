"""The deployment page shows its crawl runs, their counts and errors, to whom may see it."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from tests import factories
from tests.web.conftest import log_in
from zicht.privacy import deployments
from zicht.store.db import Database, utcnow
from zicht.store.tables import CrawlErrorRow, CrawlRunRow


def _deployment_with_a_run(database: Database, people: factories.Chain) -> tuple[int, int]:
    with database.session() as s:
        d = deployments.create(
            s, people.analyst, purpose="ads", legal_basis="Wpg art. 9", domains=["127.0.0.1:8800"]
        )
        deployments.authorise(s, people.prosecutor, d.id)
        run = CrawlRunRow(
            deployment_id=d.id,
            org_id=people.analyst.org_id,
            started_by="ana",
            mode="crawl",
            frontier="local",
            status="finished",
            finish_reason="finished",
            started_at=utcnow(),
            finished_at=utcnow(),
            heartbeat_at=None,
            counts={"stored": 41, "errors": 2},
        )
        s.add(run)
        s.flush()
        for url, reason in (("/huge", "too_large"), ("/loop", "redirect_loop")):
            s.add(
                CrawlErrorRow(
                    run_id=run.id,
                    url=f"http://127.0.0.1:8800{url}",
                    reason=reason,
                    message=f"{reason} at {url}",
                    http_status=None,
                    at=utcnow(),
                )
            )
        return d.id, run.id


def test_runs_and_their_errors_are_shown(
    database: Database, people: factories.Chain, make_client: Callable[[], TestClient]
) -> None:
    deployment_id, run_id = _deployment_with_a_run(database, people)
    for username in ("ana", "piet"):  # the holder and the reviewing prosecutor
        client = make_client()
        log_in(client, username)
        page = client.get(f"/deployments/{deployment_id}")
        assert page.status_code == 200
        assert f"/deployments/{deployment_id}/runs/{run_id}" in page.text
        assert "stored: 41" in page.text
        run = client.get(f"/deployments/{deployment_id}/runs/{run_id}")
        assert run.status_code == 200
        assert "too_large" in run.text and "http://127.0.0.1:8800/loop" in run.text


def test_another_organisation_sees_no_runs(
    database: Database, people: factories.Chain, make_client: Callable[[], TestClient]
) -> None:
    deployment_id, run_id = _deployment_with_a_run(database, people)
    client = make_client()
    log_in(client, "olga")
    assert client.get(f"/deployments/{deployment_id}/runs/{run_id}").status_code == 404
    assert client.get(f"/deployments/{deployment_id}/runs/{run_id + 99}").status_code == 404
