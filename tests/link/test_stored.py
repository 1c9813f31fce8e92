"""A link run over the crawled ads in the store, kept as networks (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from sqlalchemy import func, select

from tests.link.store_world import store_rows, world_with_deployment
from zicht.errors import InvalidInput, NotFound
from zicht.link import pair_scores
from zicht.link.stored import link_store, queries
from zicht.link.synthetic import generate
from zicht.store import Database
from zicht.store.tables import (
    AdNetworkRow,
    AuditRow,
    CrawledAdRow,
    IdentifierRow,
    IgnoredIdentifierRow,
    LinkRunRow,
    NetworkEdgeRow,
    NetworkMemberRow,
    NetworkTemplateRow,
)

E164 = re.compile(r"\+\d{8,15}")


def _stored_partition(db: Database, run_id: int, gold: dict[int, str]) -> tuple[list[str], ...]:
    with db.session() as s:
        member_of = {
            ad: net
            for ad, net in s.execute(
                select(NetworkMemberRow.ad_id, NetworkMemberRow.network_id)
                .join(AdNetworkRow, AdNetworkRow.id == NetworkMemberRow.network_id)
                .where(AdNetworkRow.run_id == run_id)
            )
        }
    ids = sorted(gold)
    predicted = [str(member_of.get(i, f"single-{i}")) for i in ids]
    return [gold[i] for i in ids], predicted


def test_networks_of_pseudonymised_ads_are_found_and_stored_without_raw_values(
    database: Database,
) -> None:
    world, deployment = world_with_deployment(database)
    rows = generate(400, seed=47)
    gold = store_rows(database, world, deployment, rows)
    with database.session() as s:
        run = link_store(s, world.chain.analyst)
        run_id = run.id
        assert (run.ads, run.raw_identifiers) == (len(rows), False)
    truth, predicted = _stored_partition(database, run_id, gold)
    scores = pair_scores(truth, predicted)
    assert scores.f1 >= 0.9, scores  # phones only as pseudonyms, text redacted: still linked
    with database.session() as s:
        edges = list(s.scalars(select(NetworkEdgeRow)))
        hubs = list(s.scalars(select(IgnoredIdentifierRow)))
        stored = {f"{i.key_id}:{i.pseudonym}" for i in s.scalars(select(IdentifierRow))}
        assert {e.kind for e in edges} >= {"phone", "template"}
        phone_vias = {e.via for e in edges if e.kind == "phone"}
        assert phone_vias and phone_vias <= stored  # the crawler's own pseudonyms
        values = [e.via for e in edges] + [h.via for h in hubs]
        assert all(e.raw_value is None for e in edges) and all(h.raw_value is None for h in hubs)
        assert not any(E164.search(v) for v in values)
        assert s.scalars(select(func.count()).select_from(NetworkTemplateRow)).one() > 0
        entry = s.scalar(select(AuditRow).where(AuditRow.action == "link.run"))
        assert entry is not None and entry.record_id == str(run_id)


def test_raw_values_are_kept_beside_pseudonyms_where_the_deployment_allows(
    sqlite_database: Database,
) -> None:
    world, deployment = world_with_deployment(sqlite_database, raw=True)
    store_rows(sqlite_database, world, deployment, generate(80, seed=48))
    with sqlite_database.session() as s:
        assert link_store(s, world.chain.analyst).raw_identifiers
        phones = [e for e in s.scalars(select(NetworkEdgeRow)) if e.kind == "phone"]
    assert phones and all(e.raw_value and E164.fullmatch(e.raw_value) for e in phones)
    assert not any(E164.search(e.via) for e in phones)


def test_another_organisation_sees_no_network_and_the_attempt_is_audited(
    sqlite_database: Database,
) -> None:
    world, deployment = world_with_deployment(sqlite_database)
    store_rows(sqlite_database, world, deployment, generate(60, seed=49))
    with sqlite_database.session() as s:
        run_id = link_store(s, world.chain.analyst).id
        network_id = s.scalar(select(AdNetworkRow.id).where(AdNetworkRow.run_id == run_id))
    assert network_id is not None
    with sqlite_database.session() as s:
        detail = queries.network(s, world.chain.analyst2, network_id, purpose="test")
        assert detail.members and detail.edges  # a colleague of the same unit may read it
    with pytest.raises(NotFound), sqlite_database.session() as s:
        queries.network(s, world.chain.other_police, network_id, purpose="test")
    with sqlite_database.session() as s:
        assert queries.get_run(s, world.chain.other_police) is None
        denied = s.scalars(select(AuditRow).where(AuditRow.action == "access.denied")).all()
        viewed = s.scalars(select(AuditRow).where(AuditRow.action == "network.view")).all()
    assert [(d.actor, d.record_type) for d in denied] == [("olga", "network")]
    assert [v.actor for v in viewed] == ["bert"]
    with (
        pytest.raises(NotFound, match=f"deployment {deployment.id}"),
        sqlite_database.session() as s,
    ):
        link_store(s, world.chain.other_police, deployment_ids=[deployment.id])


def test_a_failing_run_stores_nothing(sqlite_database: Database) -> None:
    world, deployment = world_with_deployment(sqlite_database)
    rows = generate(30, seed=50)
    rows[7]["images"] = ["not-a-hash"]
    store_rows(sqlite_database, world, deployment, rows)
    with sqlite_database.session() as s:
        bad = s.scalar(
            select(CrawledAdRow.id).where(CrawledAdRow.url.endswith(f"/{rows[7]['id']}"))
        )
    with (
        pytest.raises(InvalidInput, match=f"ad {bad}: image hash 'not-a-hash'"),
        sqlite_database.session() as s,
    ):
        link_store(s, world.chain.analyst)
    with sqlite_database.session() as s:
        assert s.scalar(select(func.count()).select_from(LinkRunRow)) == 0
        assert s.scalar(select(func.count()).select_from(AdNetworkRow)) == 0


def test_networks_are_listed_by_score(sqlite_database: Database) -> None:
    world, deployment = world_with_deployment(sqlite_database)
    store_rows(sqlite_database, world, deployment, generate(120, seed=51))
    with sqlite_database.session() as s:
        link_store(s, world.chain.analyst)
        run = queries.get_run(s, world.chain.analyst)
        assert run is not None
        rows = queries.networks(s, world.chain.analyst, run)
        members: defaultdict[int, int] = defaultdict(int)
        for m in s.scalars(select(NetworkMemberRow)):
            members[m.network_id] += 1
    assert len(rows) == run.networks > 0
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert all(members[r.id] == r.ads >= 2 for r in rows)


def test_link_store_and_networks_commands(
    sqlite_database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    from zicht.cli import main

    world, deployment = world_with_deployment(sqlite_database)
    store_rows(sqlite_database, world, deployment, generate(120, seed=52))
    assert main(["link", "store", "--as", "ana", "--deployment", str(deployment.id)]) == 0
    out = capsys.readouterr().out
    run_id = int(re.search(r"link run (\d+): 120 ads", out).group(1))  # type: ignore[union-attr]
    assert main(["link", "networks", "--as", "ana", "--top", "3"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith(f"link run {run_id}: 120 ads") and len(listing) == 4
    scores = [float(re.search(r"score (\S+)", line).group(1)) for line in listing[1:]]  # type: ignore[union-attr]
    assert scores == sorted(scores, reverse=True)
    assert main(["link", "networks", "--as", "olga"]) == 1  # another unit has no run to show
    assert "no stored link run" in capsys.readouterr().err
    assert main(["link", "store", "--as", "piet"]) == 1  # a prosecutor does not link ads
    assert "only an analyst" in capsys.readouterr().err


def test_retention_removes_templates_of_erased_texts_then_whole_runs(
    database: Database,
) -> None:
    from datetime import timedelta

    from sqlalchemy import update

    from zicht.link.stored import retention
    from zicht.store.db import utcnow
    from zicht.store.tables import DocumentRow

    world, deployment = world_with_deployment(database)
    store_rows(database, world, deployment, generate(120, seed=53))
    with database.session() as s:
        link_store(s, world.chain.analyst)
        networks = set(s.scalars(select(NetworkTemplateRow.network_id)))
        victim = s.scalars(
            select(NetworkMemberRow).where(NetworkMemberRow.network_id.in_(networks))
        ).first()
        assert victim is not None
        s.execute(update(DocumentRow).where(DocumentRow.id == victim.document_id).values(text=None))
        assert retention.templates_of_erased_texts(s, utcnow()) == 1
        left = set(s.scalars(select(NetworkTemplateRow.network_id)))
        assert left == networks - {victim.network_id}
        assert retention.expired_link_runs(s, utcnow()) == 0  # within the retention period
        later = utcnow() + timedelta(days=deployment.retention_days + 1)
        assert retention.expired_link_runs(s, later) == 1
        for table in (AdNetworkRow, NetworkMemberRow, NetworkEdgeRow, IgnoredIdentifierRow):
            assert s.scalar(select(func.count()).select_from(table)) == 0, table


def test_cities_per_week_count_where_recrawls_saw_an_ad(sqlite_database: Database) -> None:
    from collections import Counter
    from datetime import timedelta

    world, deployment = world_with_deployment(sqlite_database)
    rows = generate(200, seed=54)
    gold = store_rows(sqlite_database, world, deployment, rows)
    sizes = Counter(r["network"] for r in rows)
    label = next(n for n, size in sizes.most_common() if size >= 3)
    moved = [dict(r, city="emmen", text=r["text"] + " Nu in Emmen!")
             for r in rows if r["network"] == label]  # fmt: skip
    with sqlite_database.session() as s:
        first = link_store(s, world.chain.analyst).id
    store_rows(sqlite_database, world, deployment, moved, later=timedelta(days=3))
    with sqlite_database.session() as s:
        second = link_store(s, world.chain.analyst).id
    ad_ids = {ad for ad, net in gold.items() if net == label}

    def indicators(run_id: int) -> dict[str, float]:
        with sqlite_database.session() as s:
            network = s.scalar(
                select(AdNetworkRow)
                .join(NetworkMemberRow, NetworkMemberRow.network_id == AdNetworkRow.id)
                .where(AdNetworkRow.run_id == run_id, NetworkMemberRow.ad_id.in_(ad_ids))
            )
            assert network is not None
            return dict(network.indicators)

    before, after = indicators(first), indicators(second)
    assert after["cities"] == before["cities"] + 1  # the recrawl saw them in Emmen too
    assert after["weeks"] >= before["weeks"]
    assert after["max_cities_per_week"] >= before["max_cities_per_week"]
