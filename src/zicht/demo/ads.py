"""Ads of independent advertisers, and the life of every ad on the site.

An ad keeps its history as snapshots (title, text, price, city, phones) from
the day it was posted; the site shows the snapshot of the day asked for, and
the ad's own fields are its state on the world's `today`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from zicht.demo import ad_phrases as P
from zicht.demo import phones as ph
from zicht.demo.images import ImageBank, ImageSpec
from zicht.demo.noise import add_typos, casing, chance, expand, pick
from zicht.demo.places import CITY_ALIASES, ad_city, city_label

START = datetime(2026, 1, 5, tzinfo=UTC)
MAIL_HOSTS = ("gmail.com", "hotmail.com", "outlook.com", "live.nl", "yahoo.com", "protonmail.com")


@dataclass(frozen=True)
class Snapshot:
    day: int
    title: str
    text: str
    price: int
    city: str
    phones: tuple[str, ...]


@dataclass
class Ad:
    id: str
    advertiser: str
    email: str | None
    handle: str | None
    age: int
    lang: str
    posted_day: int
    posted_at: str
    images: list[str]
    network: str  # ground truth: whose ads these are
    label: int  # ground truth: 1 when planted by an exploitation network
    history: list[Snapshot] = field(default_factory=list)
    removed_day: int | None = None

    @property
    def path(self) -> str:
        return f"/ad/{self.id}"

    def on(self, day: int) -> Snapshot | None:
        """The ad as the site shows it on `day`, or None when it is not online."""
        if day < self.posted_day or (self.removed_day is not None and day >= self.removed_day):
            return None
        return [s for s in self.history if s.day <= day][-1]


def posted_at(rng: random.Random, day: int) -> str:
    moment = START + timedelta(days=day, hours=rng.randint(7, 23), minutes=rng.randrange(60))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def compose(
    rng: random.Random,
    lang: str,
    intro: dict[str, list[str]],
    body: dict[str, list[str]],
    n: int,
    slots: dict[str, object],
) -> list[str]:
    """Sentences in `lang` ('nl', 'en' or 'mix'), with their choices still open."""
    langs = ["nl", "en"] if lang == "mix" else [lang]
    first = pick(rng, intro[pick(rng, langs)])
    chosen = rng.sample(range(len(body["nl"])), k=min(n, len(body["nl"])))
    rest = [pick(rng, langs) for _ in chosen]
    return [first] + [body[lg][i % len(body[lg])] for lg, i in zip(rest, chosen, strict=True)]


def render(rng: random.Random, sentences: list[str], slots: dict[str, object]) -> str:
    out = []
    for raw in sentences:
        s = expand(rng, raw, slots)
        out.append(s if s[-1] in ".!?" else s + pick(rng, [".", ".", "!", ".", " :)", ""]))
    return " ".join(out).replace(" .", ".")


def contact(rng: random.Random, name: str, honest: bool) -> tuple[str | None, str | None]:
    stem = name.lower().replace("ë", "e") + pick(rng, ["", "_", "."]) + str(rng.randint(1, 99))
    email = f"{stem}@{pick(rng, MAIL_HOSTS)}" if chance(rng, 0.55 if honest else 0.35) else None
    handle = None
    if chance(rng, 0.4):
        handle = pick(rng, ["Telegram: @", "Snap: ", "Insta: @", "Signal: @", "Kik: "]) + stem
    return email, handle


def _moved(rng: random.Random, last: Snapshot, city: str) -> Snapshot:
    """The ad moved: the advertiser rewrites the city in title and text."""
    label = city_label(rng, city)
    title, text = last.title, last.text
    for old in sorted({last.city, *CITY_ALIASES.get(last.city, [])}, key=len, reverse=True):
        title, text = title.replace(old, label), text.replace(old, label)
    return replace(last, city=city, title=title, text=text)


def evolve(
    rng: random.Random,
    ad: Ad,
    first: Snapshot,
    today: int,
    horizon: int,
    alt_phones: list[str],
    p_change: float,
    p_remove: float,
) -> None:
    """Give the ad its history: maybe one or two changes, maybe removal after today."""
    ad.history = [first]
    for _ in range(2):
        if not chance(rng, p_change) or ad.history[-1].day >= today + horizon - 1:
            continue
        last = ad.history[-1]
        day = rng.randint(last.day + 1, today + horizon - 1)
        what = pick(rng, ["price", "text", "city", "phone"])
        if what == "price":
            new = replace(last, price=max(40, last.price + pick(rng, [-30, -20, -10, 10, 20, 50])))
        elif what == "text":
            new = replace(
                last,
                text=add_typos(rng, last.text, 0.04)
                + pick(
                    rng,
                    [
                        " Nu ook in het weekend!",
                        " Update: new photos.",
                        " Ook 's avonds.",
                        " Back!",
                    ],
                ),
            )
        elif what == "city":
            new = _moved(rng, last, ad_city(rng))
        else:
            number = pick(rng, alt_phones) if alt_phones else ph.mobile(rng)
            new = replace(last, phones=(ph.plain(rng, number),))
        ad.history.append(replace(new, day=day))
    if chance(rng, p_remove):
        ad.removed_day = rng.randint(today + 1, today + horizon)


def independent(
    rng: random.Random,
    next_id: int,
    advertiser_ads: int,
    bank: ImageBank,
    stock: list[str],
    today: int,
    horizon: int,
    hub: str,
) -> list[Ad]:
    """One independent advertiser's ads (usually one): honest, first person, own photos."""
    lang = rng.choices(["nl", "en", "mix"], weights=[55, 30, 15])[0]
    name = pick(rng, P.AD_NAMES)
    age = rng.randint(18, 24) if chance(rng, 0.15) else rng.randint(21, 52)
    number = ph.mobile(rng)
    email, handle = contact(rng, name, honest=True)
    home = ad_city(rng)
    n_photos = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
    photos = [bank.add(ImageSpec(rng.getrandbits(40))) for _ in range(n_photos)]
    sentences = compose(rng, lang, P.OWN_INTRO, P.OWN_BODY, rng.randint(3, 6), {})
    group = f"ad-{next_id:06d}"
    ads = []
    for k in range(advertiser_ads):
        ad_id = f"ad-{next_id + k:06d}"
        city = home if k == 0 or chance(rng, 0.7) else ad_city(rng)
        price = rng.choice([70, 80, 100, 100, 120, 130, 150, 160, 180, 200, 250, 300])
        slots = {
            "name": name,
            "age": age,
            "city": city_label(rng, city),
            "price": price,
            "nat": pick(rng, P.NATIONALITY["nl" if lang == "nl" else "en"]),
        }
        text = render(rng, sentences, slots)
        if chance(rng, 0.2):
            text += " " + expand(rng, pick(rng, P.DISCLAIMER), {"hub": hub})
        title = expand(
            rng,
            pick(
                rng,
                P.TITLES["nl" if lang == "nl" else "en"][:4]
                + P.TITLES["nl" if lang == "nl" else "en"][6:],
            ),
            slots,
        )
        images = list(photos) if k == 0 else rng.sample(photos, k=len(photos))
        if chance(rng, 0.015):
            images.append(pick(rng, stock))
        day = rng.randint(0, today)
        ad = Ad(
            ad_id,
            name,
            email,
            handle,
            age,
            "en" if lang == "en" else "nl",
            day,
            posted_at(rng, day),
            images,
            group if advertiser_ads > 1 else ad_id,
            0,
        )
        shown = (ph.plain(rng, number),)
        first = Snapshot(day, casing(rng, title), add_typos(rng, text, 0.01), price, city, shown)
        evolve(rng, ad, first, today, horizon, [], 0.25, 0.1)
        ads.append(ad)
    return ads
