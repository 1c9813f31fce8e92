"""Counts and schema of every file a world writes, and ids unique across the world."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.demo.helpers import read_jsonl
from zicht.demo.places import municipalities
from zicht.demo.registrations import ORGS
from zicht.demo.world import World

AD_KEYS = {
    "id",
    "url",
    "title",
    "text",
    "advertiser",
    "phones",
    "email",
    "handle",
    "city",
    "age",
    "price",
    "posted_at",
    "images",
}
REG_COLUMNS = [
    "ref",
    "given_name",
    "family_name",
    "birth_date",
    "sex",
    "citizenship",
    "municipality",
    "form",
    "year",
    "consent",
    "age_group",
    "language",
]
FORMS = {"sexual", "labour", "criminal", "other"}


def test_default_world_has_the_default_sizes(default_world: World) -> None:
    world = default_world
    assert len(world.ads) == 3000
    assert len(world.mutations) == 2000
    assert len(world.chats) == 600
    assert len(world.registrations) == 1500
    assert 30 <= len(world.networks) <= 60
    assert all(3 <= n.size <= 40 for n in world.networks)
    positives = sum(m.label for m in world.mutations) / len(world.mutations)
    assert 0.10 <= positives <= 0.15


def test_ads_file_has_no_truth(world_dir: Path, world: World) -> None:
    ads = read_jsonl(world_dir / "ads.jsonl")
    assert len(ads) == len(world.ads)
    assert all(set(ad) == AD_KEYS for ad in ads)
    assert all(ad["url"] == f"/ad/{ad['id']}" for ad in ads)
    assert all(ad["images"] and all(i.startswith("img-") for i in ad["images"]) for ad in ads)


def test_mutations_jsonl_and_csv_agree(world_dir: Path) -> None:
    rows = read_jsonl(world_dir / "mutations.jsonl")
    with (world_dir / "mutations.csv").open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert rows == table
    assert set(rows[0]) == {"id", "text", "offence", "unit", "author", "written_at", "municipality"}
    names = {m.name for m in municipalities()}
    assert all(r["municipality"] in names for r in rows)


def test_chats_have_turns_and_joined_text(world_dir: Path) -> None:
    chats = read_jsonl(world_dir / "chats.jsonl")
    assert len(chats) == 200
    for chat in chats:
        assert {m["role"] for m in chat["messages"]} == {"visitor", "counsellor"}
        assert chat["text"] == "\n".join(f"{m['role']}: {m['text']}" for m in chat["messages"])
    assert {"nl", "en", "pl", "ro"} <= {c["lang"] for c in chats}


def test_registrations_have_exactly_the_contract_columns(world_dir: Path) -> None:
    names = {m.name for m in municipalities()}
    total = 0
    for slug in ORGS:
        with (world_dir / "registrations" / f"{slug}.csv").open(encoding="utf-8", newline="") as h:
            reader = csv.DictReader(h)
            assert reader.fieldnames == REG_COLUMNS
            rows = list(reader)
        total += len(rows)
        assert len({r["ref"] for r in rows}) == len(rows)
        for row in rows:
            assert row["municipality"] in names
            assert row["form"] in FORMS
            assert row["consent"] in {"counted", "signal", "referral"}
            assert row["birth_date"] == "" or len(row["birth_date"]) == 10
    assert total == 400


def test_gold_files(world_dir: Path, world: World) -> None:
    detect = read_jsonl(world_dir / "gold" / "detect.jsonl")
    ids = [d["id"] for d in detect]
    assert len(ids) == len(set(ids)) == 400 + 600 + 200
    assert {d["kind"] for d in detect} == {"ad", "mutation", "chat"}
    assert all(d["label"] in (0, 1) and (d["form"] in FORMS) == bool(d["label"]) for d in detect)
    link = read_jsonl(world_dir / "gold" / "link.jsonl")
    assert [r["id"] for r in link] == [a.id for a in world.ads]
    assert all(len(h) == 16 and int(h, 16) >= 0 for r in link for h in r["images"])
    singles = [r for r in link if r["network"] == r["id"]]
    assert len(singles) > 0.4 * len(link)
    with (world_dir / "gold" / "persons.csv").open(encoding="utf-8", newline="") as handle:
        persons = list(csv.DictReader(handle))
    assert len(persons) == 400 and set(persons[0]) == {"org", "ref", "person"}
    truth = json.loads((world_dir / "gold" / "truth.json").read_text(encoding="utf-8"))
    assert truth["seed"] == 11
    assert truth["counts"]["network_ads"] == sum(r["network"].startswith("net-") for r in link)
