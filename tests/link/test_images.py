"""Photo reuse: multi-index hashing finds exactly the pairs brute force finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zicht.errors import InvalidInput
from zicht.link.images import hamming, image_hash_of, near_pairs, parse_hash


def _brute(hashes: list[int], d: int) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(hashes)) for j in range(i + 1, len(hashes))
            if hamming(hashes[i], hashes[j]) <= d}  # fmt: skip


def _flip(h: int, rng: random.Random, bits: int) -> int:
    for b in rng.sample(range(64), bits):
        h ^= 1 << b
    return h


@pytest.mark.parametrize("distance", [0, 1, 2, 3])
def test_multi_index_hashing_equals_brute_force(distance: int) -> None:
    rng = random.Random(distance)
    base = [rng.getrandbits(64) for _ in range(150)]
    hashes = base + [_flip(rng.choice(base), rng, rng.randint(1, 5)) for _ in range(150)]
    hashes = list(dict.fromkeys(hashes))
    left, right = near_pairs(hashes, distance)
    assert set(zip(left.tolist(), right.tolist(), strict=True)) == _brute(hashes, distance)


@given(st.lists(st.integers(0, 2**64 - 1), min_size=2, max_size=40, unique=True))
@settings(max_examples=60, deadline=None)
def test_multi_index_hashing_property(hashes: list[int]) -> None:
    close = hashes + [h ^ 0b1011 for h in hashes[:5]]
    close = list(dict.fromkeys(close))
    left, right = near_pairs(close, 3)
    assert set(zip(left.tolist(), right.tolist(), strict=True)) == _brute(close, 3)


def test_parse_hash_refuses_other_shapes() -> None:
    assert parse_hash("8F3C71A05E2D94B6") == 0x8F3C71A05E2D94B6
    with pytest.raises(InvalidInput, match="ad 7"):
        parse_hash("xyz", "7")


def test_reencoded_photo_stays_within_distance(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(image)
    for k in range(12):
        draw.ellipse((k * 17, k * 9, k * 17 + 60, k * 9 + 80), fill=(k * 20, 80, 200 - k * 10))
    image.save(tmp_path / "a.png")
    image.resize((180, 180)).save(tmp_path / "b.jpg", quality=70)
    a = parse_hash(image_hash_of(str(tmp_path / "a.png")))
    b = parse_hash(image_hash_of(str(tmp_path / "b.jpg")))
    assert hamming(a, b) <= 3
