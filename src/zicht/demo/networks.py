"""Planted exploitation networks, and honest agencies that look a bit like them.

A network posts many ads from one text template with small edits, with a few
shared (often obfuscated) phone numbers and reused, slightly altered photos,
moving from city to city every few days.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from zicht.demo import ad_phrases as P
from zicht.demo import network_phrases as N
from zicht.demo import phones as ph
from zicht.demo.ads import Ad, Snapshot, compose, contact, evolve, posted_at
from zicht.demo.images import ImageBank, ImageSpec, near_copy
from zicht.demo.noise import (
    add_typos,
    casing,
    chance,
    drop_sentence,
    expand,
    pick,
    swap_words,
)
from zicht.demo.places import ad_city, city_label


@dataclass(frozen=True)
class NetworkInfo:
    id: str
    size: int
    phones: tuple[str, ...]  # E.164
    cities: tuple[str, ...]
    lang: str


def _route(rng: random.Random, start: int, end: int) -> list[tuple[int, str]]:
    """(from_day, city) stops: the network moves on every few days."""
    stops, day, city = [], start, ad_city(rng)
    while day <= end:
        stops.append((day, city))
        day += rng.randint(3, 10)
        city = ad_city(rng) if chance(rng, 0.85) else city
    return stops


def _edited(rng: random.Random, raw: list[str], fixed: list[str], slots: dict[str, object]) -> str:
    """The template with this ad's slots and a few small edits."""
    parts = [
        expand(rng, r if chance(rng, 0.12) else f, slots) for r, f in zip(raw, fixed, strict=True)
    ]
    text = " ".join(p if p[-1] in ".!?" else p + "." for p in parts)
    if chance(rng, 0.6):
        text = swap_words(rng, text, rng.randint(1, 2))
    if chance(rng, 0.2):
        text = drop_sentence(rng, text)
    return add_typos(rng, text, rng.choice([0.0, 0.02, 0.04]))


def network(
    rng: random.Random,
    net_id: str,
    next_id: int,
    size: int,
    bank: ImageBank,
    today: int,
    horizon: int,
) -> tuple[list[Ad], NetworkInfo]:
    lang = rng.choices(["nl", "en", "mix"], weights=[40, 40, 20])[0]
    tl = "nl" if lang == "nl" else "en"
    numbers = [ph.mobile(rng) for _ in range(rng.choices([1, 2, 3], weights=[60, 30, 10])[0])]
    names = rng.sample(P.AD_NAMES, k=min(len(P.AD_NAMES), rng.randint(2, 8)))
    k = rng.randrange(len(P.NATIONALITY[tl]))
    nat, land, boss = P.NATIONALITY[tl][k], P.COUNTRY[tl][k], pick(rng, P.BOSSES)
    email, handle = contact(rng, pick(rng, names), honest=False)
    seeds = [rng.getrandbits(40) for _ in range(rng.randint(1, max(1, min(5, size // 3))))]
    raw = compose(rng, lang, N.NET_INTRO, N.NET_BODY, rng.randint(3, 6), {})
    raw += [pick(rng, P.OWN_BODY[tl]) for _ in range(rng.randint(0, 2))]
    fixed = [expand(rng, s) for s in raw]
    title_raw = pick(rng, P.TITLES[tl])
    start = rng.randint(0, max(0, today - 14))
    stops = _route(rng, start, min(today, start + rng.randint(14, 50)))
    days = sorted(rng.randint(start, stops[-1][0] + 3) for _ in range(size))
    ads = []
    for k, day in enumerate(days):
        day = min(day, today)
        city = [c for d, c in stops if d <= day][-1] if day >= stops[0][0] else stops[0][1]
        name = pick(rng, names)
        age = rng.randint(18, 25)
        price = rng.choice([40, 50, 50, 60, 70, 80, 100, 120, 150])
        slots = {
            "name": name,
            "age": age,
            "city": city_label(rng, city),
            "price": price,
            "nat": nat,
            "nat_land": land,
            "boss": boss,
        }
        text = _edited(rng, raw, fixed, slots)
        # the main number is on most ads, and always on the first two
        number = numbers[0] if k < 2 or chance(rng, 0.6) else pick(rng, numbers)
        shown = ph.obfuscated(rng, number) if chance(rng, 0.6) else ph.plain(rng, number)
        if chance(rng, 0.3):
            text += " " + pick(rng, ["Bel", "Call", "App", "Whatsapp", "Tel"]) + " " + shown
        phones: tuple[str, ...] = (shown,) if k < 2 or chance(rng, 0.9) else ()
        images = [
            bank.add(near_copy(rng, s))
            for s in rng.sample(seeds, k=rng.randint(1, min(3, len(seeds))))
        ]
        ad = Ad(
            f"ad-{next_id + k:06d}",
            name,
            email if chance(rng, 0.7) else None,
            handle if chance(rng, 0.7) else None,
            age,
            tl,
            day,
            posted_at(rng, day),
            images,
            net_id,
            1,
        )
        first = Snapshot(
            day, casing(rng, expand(rng, title_raw, slots)), casing(rng, text), price, city, phones
        )
        evolve(rng, ad, first, today, horizon, numbers, 0.3, 0.15)
        ads.append(ad)
    info = NetworkInfo(
        net_id,
        size,
        tuple(ph.e164(n) for n in numbers),
        tuple(dict.fromkeys(c for _, c in stops)),
        lang,
    )
    return ads, info


def agency(
    rng: random.Random, next_id: int, size: int, bank: ImageBank, today: int, horizon: int
) -> list[Ad]:
    """A licensed club: third person, several ladies, one number, honest."""
    lang = rng.choice(["nl", "en"])
    club, city = pick(rng, N.CLUBS), ad_city(rng)
    number = ph.landline(rng) if chance(rng, 0.5) else ph.mobile(rng)
    licence = f"{rng.randint(2019, 2025)}-{rng.randint(100, 9999)}"
    raw = N.AGENCY_BODY[lang]
    ads = []
    for k in range(size):
        name, age, price = pick(rng, P.AD_NAMES), rng.randint(22, 40), rng.choice([120, 150, 180])
        slots = {
            "name": name,
            "city": city_label(rng, city),
            "club": club,
            "licence": licence,
            "price": price,
            "age": age,
        }
        text = " ".join(expand(rng, s, slots) + "." for s in rng.sample(raw, k=rng.randint(3, 5)))
        day = rng.randint(0, today)
        ad = Ad(
            f"ad-{next_id + k:06d}",
            f"{club} {city}",
            f"info@{club.lower().replace(' ', '')}.nl",
            None,
            age,
            lang,
            day,
            posted_at(rng, day),
            [bank.add(ImageSpec(rng.getrandbits(40)))],
            f"ad-{next_id:06d}",
            0,
        )
        title = f"{club} {city}: {name}"
        first = Snapshot(day, title, text, price, city, (ph.plain(rng, number),))
        evolve(rng, ad, first, today, horizon, [], 0.2, 0.1)
        ads.append(ad)
    return ads
