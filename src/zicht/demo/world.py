"""The demo world: ads, mutations, chats and registrations from one seed.

Each part draws from its own random stream (named after the seed and the
part), so asking for more chats does not change the ads. Ids carry no truth:
ads and images are numbered in posting order, never in generation order.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from zicht.demo import phones as ph
from zicht.demo.ads import Ad, independent
from zicht.demo.chats import Chat, chats
from zicht.demo.images import ImageBank, ImageSpec, render
from zicht.demo.mutations import Mutation, mutations
from zicht.demo.networks import NetworkInfo, agency, network
from zicht.demo.registrations import Registration, registrations

StepCallback = Callable[[str, int, int], None]  # (step, done, total)
TODAY = 56  # the day the site shows by default: every ad is online
HORIZON = 21  # days after today in which ads still change or disappear


@dataclass
class World:
    seed: int
    site_phone: str
    ads: list[Ad]
    networks: list[NetworkInfo]
    mutations: list[Mutation]
    chats: list[Chat]
    registrations: list[Registration]
    images: dict[str, ImageSpec]
    stock_images: list[str]
    today: int = TODAY
    horizon: int = HORIZON
    _by_id: dict[str, Ad] = field(default_factory=dict, repr=False)

    def ad(self, ad_id: str) -> Ad | None:
        if not self._by_id:
            self._by_id = {a.id: a for a in self.ads}
        return self._by_id.get(ad_id)

    def image_bytes(self, image_id: str) -> bytes | None:
        spec = self.images.get(image_id)
        return None if spec is None else _render_cached(spec)

    def write(self, directory: Path | str, on_step: StepCallback | None = None) -> dict[str, int]:
        """Write the world's files and its ground truth (see `zicht.demo.files`)."""
        from zicht.demo.files import write_world

        return write_world(self, Path(directory), on_step)


@lru_cache(maxsize=8192)
def _render_cached(spec: ImageSpec) -> bytes:
    return render(spec)


def _sizes(rng: random.Random, target: int) -> list[int]:
    """Network sizes between 3 and 40, most of them small, adding up to `target`."""
    sizes: list[int] = []
    while sum(sizes) < target:
        sizes.append(3 + int(37 * rng.random() ** 2))
    overshoot = sum(sizes) - target
    if sizes and overshoot:
        sizes[-1] -= overshoot
        if sizes[-1] < 3:
            sizes.pop()
    return sizes


def _ads(
    seed: int, n_ads: int, site_phone: str
) -> tuple[list[Ad], list[NetworkInfo], dict[str, ImageSpec], list[str]]:
    rng = random.Random(f"{seed}:ads")
    bank = ImageBank()
    stock = [bank.add(ImageSpec(rng.getrandbits(40))) for _ in range(3)]
    ads: list[Ad] = []
    infos: list[NetworkInfo] = []
    for k, size in enumerate(_sizes(rng, round(n_ads * 0.22)), start=1):
        made, info = network(rng, f"net-{k:03d}", len(ads) + 1, size, bank, TODAY, HORIZON)
        ads += made
        infos.append(info)
    for k in range(1, max(1, n_ads // 400) + 1):
        size = min(rng.randint(3, 8), n_ads - len(ads))
        if size > 0:
            for ad in agency(rng, len(ads) + 1, size, bank, TODAY, HORIZON):
                ad.network = f"agency-{k:03d}"
                ads.append(ad)
    group = 0
    while len(ads) < n_ads:
        size = min(1 if rng.random() < 0.85 else rng.randint(2, 4), n_ads - len(ads))
        made = independent(rng, len(ads) + 1, size, bank, stock, TODAY, HORIZON, site_phone)
        group += size > 1
        for ad in made:
            ad.network = f"adv-{group:05d}" if size > 1 else ""
        ads += made
    return _renumber(ads, infos, bank, stock)


def _renumber(
    ads: list[Ad], infos: list[NetworkInfo], bank: ImageBank, stock: list[str]
) -> tuple[list[Ad], list[NetworkInfo], dict[str, ImageSpec], list[str]]:
    """Number ads by posting time and images by first use, so ids reveal no network."""
    ads.sort(key=lambda a: (a.posted_at, a.id))
    new_images: dict[str, str] = {}
    for i, ad in enumerate(ads, start=1):
        ad.id = f"ad-{i:06d}"
        ad.network = ad.network or ad.id
        for img in ad.images:
            new_images.setdefault(img, f"img-{len(new_images) + 1:06d}")
        ad.images = [new_images[img] for img in ad.images]
    specs = {new_images[old]: spec for old, spec in bank.specs.items() if old in new_images}
    specs = dict(sorted(specs.items()))
    return ads, infos, specs, [new_images[s] for s in stock if s in new_images]


def generate(
    seed: int = 7,
    n_ads: int = 3000,
    n_mutations: int = 2000,
    n_chats: int = 600,
    n_registrations: int = 1500,
) -> World:
    """A whole world, the same for the same seed and sizes."""
    site_rng = random.Random(f"{seed}:site")
    number = ph.landline(site_rng)
    site_phone = f"{number[:3]}-{number[3:6]} {number[6:]}"
    ads, infos, images, stock = _ads(seed, n_ads, site_phone)
    return World(
        seed=seed,
        site_phone=site_phone,
        ads=ads,
        networks=infos,
        mutations=mutations(random.Random(f"{seed}:mutations"), n_mutations),
        chats=chats(random.Random(f"{seed}:chats"), n_chats),
        registrations=registrations(random.Random(f"{seed}:registrations"), n_registrations),
        images=images,
        stock_images=stock,
    )
