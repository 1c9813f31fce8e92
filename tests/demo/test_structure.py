"""The planted structure is really there: networks share phones, templates and photos;
hub identifiers are everywhere; duplicate registrations are spelled differently."""

from __future__ import annotations

import csv
import itertools
import json
import random
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

import imagehash

from tests.demo.helpers import jaccard, phone_digits, read_jsonl, shingles
from zicht.demo.registrations import ORGS
from zicht.demo.world import World


def _networks(world_dir: Path) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in read_jsonl(world_dir / "gold" / "link.jsonl"):
        groups[row["network"]].append(row)
    return {k: v for k, v in groups.items() if k.startswith("net-")}


def test_network_ads_share_phone_numbers(world_dir: Path) -> None:
    truth = json.loads((world_dir / "gold" / "truth.json").read_text(encoding="utf-8"))
    numbers = {n["id"]: {"0" + p[3:] for p in n["phones"]} for n in truth["networks"]}
    for net, ads in _networks(world_dir).items():
        shown = [phone_digits(p) for ad in ads for p in ad["phones"]]
        assert set(shown) <= numbers[net], net
        assert max(shown.count(d) for d in set(shown)) >= 2, net


def test_network_phones_are_often_obfuscated(world_dir: Path) -> None:
    shown = [p for ads in _networks(world_dir).values() for ad in ads for p in ad["phones"]]
    plain = [p for p in shown if phone_digits(p) in p.replace(" ", "").replace("-", "")]
    assert 0.2 < len(plain) / len(shown) < 0.8


def test_network_ads_reuse_an_edited_template(world_dir: Path) -> None:
    nets = _networks(world_dir)
    within = [
        statistics.mean(
            jaccard(shingles(a["text"]), shingles(b["text"]))
            for a, b in itertools.combinations(ads, 2)
        )
        for ads in nets.values()
    ]
    everyone = [ad for ads in nets.values() for ad in ads]
    rng = random.Random(0)
    pairs = [rng.sample(everyone, 2) for _ in range(400)]
    across = [
        jaccard(shingles(a["text"]), shingles(b["text"]))
        for a, b in pairs
        if a["network"] != b["network"]
    ]
    assert statistics.mean(within) > 0.2
    assert statistics.mean(across) < 0.05
    # edited, not copied: most network ads differ from every other ad of their network
    texts = [ad["text"] for ad in everyone]
    assert len(set(texts)) > 0.9 * len(texts)


def test_network_ads_reuse_photos_with_small_alterations(world_dir: Path) -> None:
    reused = 0
    for ads in _networks(world_dir).values():
        hashes = [imagehash.hex_to_hash(h) for ad in ads for h in ad["images"]]
        close = [a - b for a, b in itertools.combinations(hashes, 2) if a - b <= 10]
        reused += bool(close)
    assert reused >= 0.9 * len(_networks(world_dir))


def test_hub_number_is_in_ad_texts_of_unrelated_advertisers(world: World, world_dir: Path) -> None:
    hub = phone_digits(world.site_phone)
    rows = read_jsonl(world_dir / "gold" / "link.jsonl")
    with_hub = [r for r in rows if world.site_phone in r["text"]]
    assert len({r["network"] for r in with_hub}) >= 10
    assert all(phone_digits(p) != hub for r in rows for p in r["phones"])


def test_stock_photo_is_shared_by_unrelated_ads(default_world: World) -> None:
    users = defaultdict(set)
    for ad in default_world.ads:
        for image in ad.images:
            if image in default_world.stock_images:
                users[image].add(ad.network)
    assert max(len(networks) for networks in users.values()) >= 3


def test_independent_ads_use_network_cues_too(default_world: World) -> None:
    honest = [a for a in default_world.ads if not a.label]
    assert (
        sum(
            "new in" in a.history[0].text.lower() or "nieuw in" in a.history[0].text.lower()
            for a in honest
        )
        >= 30
    )


def test_duplicate_registrations_are_spelled_differently(world_dir: Path) -> None:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for slug in ORGS:
        with (world_dir / "registrations" / f"{slug}.csv").open(encoding="utf-8") as handle:
            rows |= {(slug, r["ref"]): r for r in csv.DictReader(handle)}
    people: dict[str, list[dict[str, str]]] = defaultdict(list)
    with (world_dir / "gold" / "persons.csv").open(encoding="utf-8") as handle:
        for link in csv.DictReader(handle):
            people[link["person"]].append(rows[(link["org"], link["ref"])])
    multi = [regs for regs in people.values() if len(regs) > 1]
    assert len(multi) > 0.2 * len(people)
    assert all(len({r["citizenship"] for r in regs}) == 1 for regs in multi)
    varied = [
        regs
        for regs in multi
        if len({(r["given_name"], r["family_name"], r["birth_date"]) for r in regs}) > 1
    ]
    assert len(varied) > 0.5 * len(multi)
    swapped = [
        regs
        for regs in multi
        if any(a["given_name"] == b["family_name"] for a, b in itertools.permutations(regs, 2))
    ]
    assert swapped
