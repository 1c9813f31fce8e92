"""Generated ad photos: small drawings from a seed, and near-copies of them.

Networks reuse one photo across ads, re-encoded, cropped by a few pixels or
brightened, so that its perceptual hash stays within a few bits. Nothing is
shipped: every image is drawn from its spec when it is first needed.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageEnhance

WIDTH, HEIGHT = 96, 128
SIZE = (WIDTH, HEIGHT)


@dataclass(frozen=True)
class ImageSpec:
    """A base drawing (`seed`) and how this copy was altered (`edit`, `amount`)."""

    seed: int
    edit: str = "none"  # none | reencode | crop | bright | crop+bright
    amount: int = 0


@cache
def _gradient(turns: int) -> Image.Image:
    return Image.linear_gradient("L").resize(SIZE).rotate(90 * turns, expand=False)


def _base(seed: int) -> Image.Image:
    rng = random.Random(seed)
    top = tuple(rng.randrange(256) for _ in range(3))
    bottom = tuple(rng.randrange(256) for _ in range(3))
    mask = _gradient(rng.randrange(4))
    img = Image.composite(Image.new("RGB", SIZE, bottom), Image.new("RGB", SIZE, top), mask)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(3, 7)):  # furniture, curtains, lamps
        x0, y0 = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        x1, y1 = x0 + rng.randint(10, 60), y0 + rng.randint(10, 70)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
    skin = (rng.randint(90, 240), rng.randint(60, 200), rng.randint(40, 170))
    cx, cy = rng.randint(30, 66), rng.randint(25, 45)  # a figure: head and body
    draw.ellipse((cx - 11, cy - 14, cx + 11, cy + 14), fill=skin)
    cloth = tuple(rng.randrange(256) for _ in range(3))
    draw.polygon(
        [(cx - 8, cy + 14), (cx + 8, cy + 14), (cx + 22, HEIGHT), (cx - 22, HEIGHT)], fill=cloth
    )
    return img


def render(spec: ImageSpec) -> bytes:
    """The JPEG bytes the site serves for this spec (deterministic for a Pillow version)."""
    img = _base(spec.seed)
    quality = 85
    if spec.edit == "reencode":
        quality = 40 + spec.amount
        img = Image.open(io.BytesIO(_jpeg(img, 92))).convert("RGB")
    if "crop" in spec.edit:
        d = 1 + spec.amount % 2
        img = img.crop(
            (d, 0, WIDTH, HEIGHT - d) if spec.amount % 4 < 2 else (0, d, WIDTH - d, HEIGHT)
        )
    if "bright" in spec.edit:
        img = ImageEnhance.Brightness(img).enhance(0.85 + (spec.amount % 7) * 0.05)
    return _jpeg(img, quality)


def _jpeg(img: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality, optimize=False)
    return out.getvalue()


def phash_hex(data: bytes) -> str:
    """The imagehash phash (64 bits, hex) of the served bytes, as a crawler computes it."""
    import imagehash

    with Image.open(io.BytesIO(data)) as img:
        return str(imagehash.phash(img))


def near_copy(rng: random.Random, seed: int) -> ImageSpec:
    """A slightly altered copy of the base drawing `seed`."""
    edit = rng.choice(["none", "reencode", "crop", "bright", "crop+bright"])
    return ImageSpec(seed, edit, rng.randrange(40))


class ImageBank:
    """Image ids handed out in order, each with the spec it is drawn from."""

    def __init__(self) -> None:
        self.specs: dict[str, ImageSpec] = {}

    def add(self, spec: ImageSpec) -> str:
        image_id = f"img-{len(self.specs) + 1:06d}"
        self.specs[image_id] = spec
        return image_id
