"""A synthetic ad world with known networks, for tests and the benchmark.

Networks reuse one or two phones, a few templates edited word by word, a pool of photos
(re-encoded: a bit or two flipped) and move through cities week by week; independent
advertisers post alone. Hubs are planted on purpose: the site's own footer number and URL
on a share of all ads, and a stock photo, so the hub guards have something to catch.
Until `zicht demo generate` lands this is the ground truth the linker is measured on.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

CITIES = ["amsterdam", "rotterdam", "den haag", "utrecht", "eindhoven", "groningen", "tilburg",
          "almere", "breda", "nijmegen", "arnhem", "haarlem", "enschede", "maastricht",
          "zwolle", "leiden", "den bosch", "apeldoorn", "alkmaar", "venlo"]  # fmt: skip
NAMES = [
    "lisa", "anna", "mia", "sofia", "nina", "eva", "julia", "emma", "lara", "kim", "roxy",
    "bella", "daisy", "vera", "tina", "maya", "lena", "sara", "nora", "alina", "ivana",
    "diana", "elena", "monica", "natasha", "olga", "paula", "rita", "sonia", "yara",
]  # fmt: skip
WORDS = [
    "lekker",
    "sexy",
    "nieuw",
    "nieuwe",
    "discreet",
    "discrete",
    "ontvangst",
    "prive",
    "privé",
    "massage",
    "ervaring",
    "verwennen",
    "genieten",
    "heerlijk",
    "zacht",
    "warm",
    "lief",
    "lieve",
    "jonge",
    "mooie",
    "slank",
    "rondingen",
    "vriendelijk",
    "gezellig",
    "escort",
    "afspraak",
    "bellen",
    "appen",
    "bezoek",
    "hotel",
    "thuis",
    "dag",
    "nacht",
    "weekend",
    "avond",
    "vandaag",
    "morgen",
    "snel",
    "tijd",
    "rustig",
    "spannend",
    "echt",
    "foto's",
    "beschikbaar",
    "hoi",
    "hallo",
    "kus",
    "kusjes",
    "welkom",
    "alle",
    "wensen",
    "service",
    "uur",
    "half",
    "twintig",
    "dertig",
    "geen",
    "haast",
    "bespreekbaar",
    "schoon",
    "hygiene",
    "belangrijk",
    "stijlvol",
    "sfeer",
    "kom",
    "bij",
    "mij",
    "ik",
    "ben",
    "sweet",
    "new",
    "hot",
    "girl",
    "discreet",
    "private",
    "visit",
    "available",
    "call",
    "text",
    "time",
    "relax",
    "pleasure",
    "real",
    "photos",
    "open",
    "minded",
    "friendly",
    "party",
    "tonight",
    "only",
    "from",
    "waiting",
]
SITE_FOOTER = "Adverteren op deze site? Bel 020 123 4567 of kijk op www.rodelampjes.nl/info"
STOCK_PHOTO = 0x8F3C_71A0_5E2D_94B6


def _mobile(rng: random.Random) -> str:
    return "06" + str(rng.randint(1, 5)) + "".join(str(rng.randint(0, 9)) for _ in range(7))


def render_phone(number: str, rng: random.Random) -> str:
    """A national mobile number as advertisers write it, sometimes obfuscated."""
    style = rng.random()
    if style < 0.35:
        return number
    if style < 0.55:
        return f"{number[:2]}-{number[2:4]} {number[4:6]} {number[6:8]} {number[8:]}"
    if style < 0.7:
        return "+31 " + number[1] + " " + number[2:6] + " " + number[6:]
    if style < 0.8:
        return " ".join(number)
    if style < 0.9:
        words = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
        return " ".join(words[int(d)] if rng.random() < 0.5 else d for d in number)
    return "o" + number[1:3] + " " + number[3:6] + " " + number[6:]


def _template(rng: random.Random, length: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(length)]


def _edit(words: list[str], rng: random.Random, edits: int) -> list[str]:
    out = list(words)
    for _ in range(edits):
        op = rng.random()
        k = rng.randrange(len(out))
        if op < 0.5:
            out[k] = rng.choice(WORDS)
        elif op < 0.75:
            out.insert(k, rng.choice(WORDS))
        elif len(out) > 10:
            del out[k]
    return out


def _flip(h: int, rng: random.Random, bits: int) -> int:
    for _ in range(bits):
        h ^= 1 << rng.randrange(64)
    return h


def generate(n_ads: int, seed: int = 0, *, footer_share: float = 0.15) -> list[dict[str, Any]]:
    """`n_ads` ads in the contract's JSONL shape plus a gold `network` key."""
    rng = random.Random(seed)
    ads: list[dict[str, Any]] = []
    start = date(2026, 1, 5)
    network_no = 0
    while len(ads) < n_ads:
        network_no += 1
        net = f"g{seed}-{network_no}"
        size = 1 if rng.random() < 0.45 else min(rng.choice([2, 3, 4, 6, 8, 12, 20, 40]), 60)
        size = min(size, n_ads - len(ads))
        phones = [_mobile(rng) for _ in range(1 if rng.random() < 0.7 else 2)]
        names = rng.sample(NAMES, rng.choice([1, 1, 2, 3, 4]))
        templates = [_template(rng, rng.randint(35, 70)) for _ in range(rng.choice([1, 1, 2]))]
        photos = [rng.getrandbits(64) for _ in range(rng.randint(1, 4))]
        third = rng.random() < 0.3
        city_path = rng.sample(CITIES, rng.randint(1, 6))
        handle = f"telegram: @{names[0]}_{rng.randint(1000, 9999)}" if rng.random() < 0.3 else None
        first_day = start + timedelta(days=rng.randrange(0, 120))
        for _ in range(size):
            name = rng.choice(names)
            phone = rng.choice(phones)
            day = first_day + timedelta(days=rng.randrange(0, 42))
            city = city_path[((day - first_day).days // 7) % len(city_path)]
            words = _edit(rng.choice(templates), rng, rng.randint(0, 4))
            opener = (
                f"Onze nieuwe dame {name.title()} is er" if third else f"Hoi ik ben {name.title()}"
            )
            body = " ".join(words)
            text = f"{opener}, nu in {city.title()}. {body}. Bel {render_phone(phone, rng)}"
            if handle and rng.random() < 0.7:
                text += f" of {handle}"
            images = [f"{_flip(rng.choice(photos), rng, rng.choice([0, 0, 1, 2])):016x}"
                      for _ in range(rng.randint(0, 3))]  # fmt: skip
            if rng.random() < footer_share:
                text += ". " + SITE_FOOTER
            if rng.random() < 0.05:
                images.append(f"{STOCK_PHOTO:016x}")
            given = [phone] if rng.random() < 0.5 else []
            ads.append(
                {
                    "id": f"ad-{seed}-{len(ads):07d}",
                    "title": f"{name.title()} ({rng.randint(19, 35)}) {city.title()}",
                    "text": text,
                    "phones": given,
                    "emails": [],
                    "handles": [],
                    "images": images,
                    "city": city,
                    "posted_at": day.isoformat(),
                    "network": net,
                }
            )
    rng.shuffle(ads)
    return ads
