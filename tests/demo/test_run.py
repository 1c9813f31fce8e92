"""`zicht demo` builds a working chain: world, site, accounts and an authorised deployment."""

from __future__ import annotations

import urllib.request
from collections import Counter

from rich.console import Console
from sqlalchemy import func, select

from zicht.accounts import service
from zicht.demo.accounts import ACCOUNTS, DEMO_PASSWORD
from zicht.demo.run import build
from zicht.domain import DeploymentStatus
from zicht.privacy import audit, deployments
from zicht.store.db import Database
from zicht.store.tables import DocumentRow, SignalRow


def test_the_demo_sets_up_the_chain_and_is_idempotent(sqlite_database: Database) -> None:
    sizes = {"n_mutations": 20, "n_chats": 10, "n_registrations": 20}
    context = build(3, 60, 0, Console(quiet=True), **sizes)
    try:
        assert (context.directory / "gold" / "link.jsonl").exists()
        with urllib.request.urlopen(context.site.url + "/robots.txt") as response:
            assert response.status == 200
        with sqlite_database.session() as session:
            for account in ACCOUNTS:
                user = service.authenticate(session, account.username, DEMO_PASSWORD)
                assert user.role.value == account.role
            analyst = service.get_user(session, "ana")
            active = deployments.require_active(session, analyst, context.deployment.id)
            assert active.status is DeploymentStatus.AUTHORISED
            assert active.authorised_by == "piet" and active.created_by == "ana"
            assert active.politeness.deviations()  # the demo's deviations are on record
            # The pipeline ran: the site was crawled, mutations imported, signals stored.
            kinds = Counter(session.scalars(select(DocumentRow.kind)))
            assert kinds == {"ad": 60, "mutation": 20}
            assert session.scalars(select(func.count()).select_from(SignalRow)).one() > 0
    finally:
        context.site.stop()
    again = build(3, 60, 0, Console(quiet=True), **sizes)
    again.site.stop()
    with sqlite_database.session() as session:
        assert audit.verify(session).ok
        ids = {d.id for d in deployments.list_visible(session, service.get_user(session, "ana"))}
    # A new site port means a new deployment; the accounts were reused, not duplicated.
    assert context.deployment.id in ids and again.deployment.id in ids
