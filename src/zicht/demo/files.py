"""Writing a world to disk: the pipeline's inputs, and the ground truth beside them.

Inputs carry no truth. Everything a detector or linker could learn from sits
under `gold/`, which only the evaluation commands and the tests read.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from zicht.demo.images import ImageSpec, phash_hex, render
from zicht.demo.registrations import COLUMNS, ORGS

if TYPE_CHECKING:
    from zicht.demo.world import StepCallback, World

MUTATION_COLUMNS = ("id", "text", "offence", "unit", "author", "written_at", "municipality")


def _jsonl(path: Path, rows: Iterable[dict[str, object]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")


def ad_record(world: World, ad_id: str) -> dict[str, object]:
    """An ad as the site shows it today: what a crawler could collect, nothing more."""
    ad = world.ad(ad_id)
    assert ad is not None
    now = ad.on(world.today)
    assert now is not None
    return {
        "id": ad.id,
        "url": ad.path,
        "title": now.title,
        "text": now.text,
        "advertiser": ad.advertiser,
        "phones": list(now.phones),
        "email": ad.email,
        "handle": ad.handle,
        "city": now.city,
        "age": ad.age,
        "price": now.price,
        "posted_at": ad.posted_at,
        "images": list(ad.images),
    }


def image_hashes(world: World, on_step: StepCallback | None = None) -> dict[str, str]:
    """Perceptual hash of every served image, computed from the bytes the site serves."""
    hashes: dict[str, str] = {}
    by_spec: dict[ImageSpec, str] = {}  # an unaltered copy has the same bytes
    total = len(world.images)
    for done, (image_id, spec) in enumerate(world.images.items(), start=1):
        if spec not in by_spec:
            by_spec[spec] = phash_hex(render(spec))
        hashes[image_id] = by_spec[spec]
        if on_step and (done % 250 == 0 or done == total):
            on_step("image hashes", done, total)
    return hashes


def write_world(world: World, root: Path, on_step: StepCallback | None = None) -> dict[str, int]:
    gold = root / "gold"
    (root / "registrations").mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    step = on_step or (lambda _s, _d, _t: None)
    records = [ad_record(world, ad.id) for ad in world.ads]
    _jsonl(root / "ads.jsonl", records)
    step("ads", len(records), len(records))
    muts = [{c: getattr(m, c) for c in MUTATION_COLUMNS} for m in world.mutations]
    _jsonl(root / "mutations.jsonl", muts)
    _csv(root / "mutations.csv", MUTATION_COLUMNS, muts)
    step("mutations", len(muts), len(muts))
    _jsonl(
        root / "chats.jsonl",
        (
            {
                "id": c.id,
                "lang": c.lang,
                "messages": [{"role": m.role, "text": m.text} for m in c.messages],
                "text": c.text,
            }
            for c in world.chats
        ),
    )
    step("chats", len(world.chats), len(world.chats))
    for slug in ORGS:
        rows = [r.row for r in world.registrations if r.org == slug]
        _csv(root / "registrations" / f"{slug}.csv", COLUMNS, rows)
    step("registrations", len(world.registrations), len(world.registrations))
    hashes = image_hashes(world, on_step)
    _jsonl(gold / "detect.jsonl", _detect_rows(world, records))
    _jsonl(
        gold / "link.jsonl",
        (
            {
                "id": r["id"],
                "text": r["text"],
                "title": r["title"],
                "phones": r["phones"],
                "emails": [r["email"]] if r["email"] else [],
                "handles": [r["handle"]] if r["handle"] else [],
                "images": [hashes[i] for i in r["images"]],  # type: ignore[attr-defined]
                "city": r["city"],
                "posted_at": r["posted_at"],
                "network": ad.network,
            }
            for r, ad in zip(records, world.ads, strict=True)
        ),
    )
    _csv(
        gold / "persons.csv",
        ("org", "ref", "person"),
        ({"org": r.org, "ref": r.row["ref"], "person": r.person} for r in world.registrations),
    )
    counts = _truth(world, gold / "truth.json")
    step("ground truth", 1, 1)
    return counts


def _detect_rows(world: World, records: list[dict[str, object]]) -> Iterable[dict[str, object]]:
    for record, ad in zip(records, world.ads, strict=True):
        yield {
            "id": ad.id,
            "text": f"{record['title']}\n{record['text']}",
            "kind": "ad",
            "lang": ad.lang,
            "label": ad.label,
            "form": "sexual" if ad.label else None,
        }
    for m in world.mutations:
        yield {
            "id": m.id,
            "text": m.text,
            "kind": "mutation",
            "lang": "nl",
            "label": m.label,
            "form": m.form,
        }
    for c in world.chats:
        yield {
            "id": c.id,
            "text": c.text,
            "kind": "chat",
            "lang": c.lang,
            "label": c.label,
            "form": c.form,
        }


def _truth(world: World, path: Path) -> dict[str, int]:
    persons = {r.person for r in world.registrations}
    counts = {
        "ads": len(world.ads),
        "network_ads": sum(a.label for a in world.ads),
        "networks": len(world.networks),
        "images": len(world.images),
        "mutations": len(world.mutations),
        "mutations_positive": sum(m.label for m in world.mutations),
        "chats": len(world.chats),
        "chats_positive": sum(c.label for c in world.chats),
        "registrations": len(world.registrations),
        "persons": len(persons),
    }
    truth = {
        "seed": world.seed,
        "today": world.today,
        "horizon": world.horizon,
        "site_phone": world.site_phone,
        "stock_images": world.stock_images,
        "counts": counts,
        "networks": [
            {
                "id": n.id,
                "size": n.size,
                "phones": list(n.phones),
                "cities": list(n.cities),
                "lang": n.lang,
            }
            for n in world.networks
        ],
        "ad_groups": dict(
            sorted(
                Counter(a.network for a in world.ads if not a.label and a.network != a.id).items()
            )
        ),
        "forms": {
            kind: dict(sorted(Counter(str(x.form) for x in items if x.label).items()))
            for kind, items in (("mutations", world.mutations), ("chats", world.chats))
        },
    }
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return counts
