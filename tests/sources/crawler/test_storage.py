"""Storage through the privacy gate, on SQLite and PostgreSQL: idempotent versions of ads."""

from __future__ import annotations

from sqlalchemy import func, select
from tests import factories
from tests.sources.crawler.conftest import make_world

from zicht.privacy import audit
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.sources.crawler.context import CrawlContext
from zicht.sources.crawler.items import AdItem, Event
from zicht.sources.crawler.pipelines.gate import PrivacyGate
from zicht.sources.crawler.storage import store_batch
from zicht.store import Database
from zicht.store.db import utcnow
from zicht.store.tables import AdVersionRow, DocumentRow, IdentifierRow

URL = "http://127.0.0.1:9/ad/1"


def item(**kw: object) -> AdItem:
    base: dict[str, object] = dict(
        url=URL,
        site="127.0.0.1:9",
        fetched_at=utcnow(),
        title="Nieuw",
        city="Utrecht",
        text="Bel 06-12345678",
        phones=["+31612345678"],
        prices=[100],
        images=["ffee00ddccbbaa99"],
    )
    base.update(kw)
    return AdItem(**base)  # type: ignore[arg-type]


def test_versions_are_stored_once_each(database: Database) -> None:
    world = make_world(database)
    d = world.deployment("127.0.0.1:9")
    with database.session() as s:
        run_id = factories.crawl_run(s, d)
        ctx = CrawlContext(deployment=d, actor="ana", org_name="Politie Amsterdam", run_id=run_id)
    gate = PrivacyGate(ctx, Pseudonymiser.from_settings())

    def store(*items: AdItem) -> dict[str, int]:
        with database.session() as s:
            return dict(store_batch(s, ctx, [gate.admit(i) for i in items]))

    assert store(item()) == {"appeared": 1}
    assert store(item(), item()) == {"unchanged": 2}  # a retry or a resume stores nothing twice
    assert store(item(prices=[150])) == {"changed": 1}
    assert store(AdItem(url=URL, site="x", fetched_at=utcnow(), event=Event.GONE)) == {
        "disappeared": 1
    }
    assert store(item(prices=[150])) == {"appeared": 1}  # back online
    with database.session() as s:
        versions = s.execute(
            select(AdVersionRow.change, AdVersionRow.changed_fields).order_by(AdVersionRow.version)
        ).all()
        assert [tuple(v) for v in versions] == [
            ("appeared", []),
            ("changed", ["prices"]),
            ("disappeared", []),
            ("appeared", []),
        ]
        assert s.scalar(select(func.count()).select_from(DocumentRow)) == 3
        assert s.scalar(select(func.count()).where(IdentifierRow.raw_value.is_not(None))) == 0
        texts = s.scalars(select(DocumentRow.text)).all()
        assert texts == ["Bel [phone]"] * 3
        assert audit.verify(s).ok
