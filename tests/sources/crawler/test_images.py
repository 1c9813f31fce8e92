"""The crawler's perceptual hash is imagehash's phash, bit for bit, however it is computed."""

from __future__ import annotations

import io

import imagehash
import pytest
from PIL import Image, ImageDraw

from zicht.demo.images import ImageSpec, render
from zicht.sources.crawler.pipelines.images import phash


def _encoded(img: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    img.save(out, kind)
    return out.getvalue()


def _drawn(seed: int) -> Image.Image:
    img = Image.new("RGB", (40 + 7 * seed, 30 + 11 * seed), (seed * 20 % 256, 90, 200))
    ImageDraw.Draw(img).ellipse((5, 5, 20 + seed, 25), fill=(250, 240, 10))
    return img


CASES = [
    *(render(ImageSpec(seed=s, edit=e, amount=s)) for s in range(12) for e in ("none", "crop")),
    _encoded(Image.new("RGB", (50, 50), (120, 120, 120)), "JPEG"),  # flat: the median ties
    _encoded(Image.new("RGBA", (64, 40), (10, 200, 30, 100)), "PNG"),
    _encoded(Image.linear_gradient("L").convert("P"), "GIF"),
    _encoded(Image.new("1", (33, 17), 1), "PNG"),
    _encoded(Image.new("RGB", (1, 1), (5, 6, 7)), "PNG"),
    *(_encoded(_drawn(s), kind) for s in range(6) for kind in ("JPEG", "PNG", "WEBP")),
]


@pytest.mark.parametrize("data", CASES)
def test_phash_is_imagehash_phash(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as img:
        expected = str(imagehash.phash(img))
    assert phash(data) == expected
