"""Photo reuse: 64-bit perceptual hashes (imagehash's phash) within a small Hamming distance.

Multi-index hashing instead of all pairs: a 64-bit hash is cut into four 16-bit bands; two
hashes at distance <= 3 agree exactly on at least one band (pigeonhole), so only hashes that
share a band value are compared. Ads carry the hashes as hex (`imagehash.ImageHash.__str__`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from zicht.errors import InvalidInput

BANDS = 4
BAND_BITS = 16
MAX_DISTANCE = 3  # multi-index hashing with 4 bands is exact up to distance 3
_HEX64 = re.compile(r"[0-9a-f]{16}")  # ASCII hex only, as `int(text, 16)` reads it here


def parse_hash(value: str, ad_id: str = "?") -> int:
    """A 64-bit phash from its 16-digit hex form."""
    text = value.strip().lower()
    if _HEX64.fullmatch(text) is None:
        raise InvalidInput(
            f"ad {ad_id}: image hash {value!r} is not a 64-bit perceptual hash in hex "
            "(16 hex digits, as imagehash.phash gives)"
        )
    return int(text, 16)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def image_hash_of(path: str) -> str:
    """phash of an image file, for callers that have the photo rather than its hash."""
    import imagehash
    from PIL import Image

    with Image.open(path) as image:
        return str(imagehash.phash(image))


def near_pairs(
    hashes: Iterable[int], max_distance: int = MAX_DISTANCE
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Index pairs (i < j) of distinct hashes within `max_distance` bits of each other."""
    if max_distance > BANDS - 1:
        raise InvalidInput(f"photo distance {max_distance} exceeds what {BANDS} bands guarantee")
    values = np.fromiter(hashes, dtype=np.uint64)
    lefts: list[npt.NDArray[np.int64]] = []
    rights: list[npt.NDArray[np.int64]] = []
    mask = np.uint64((1 << BAND_BITS) - 1)
    for band in range(BANDS):
        keys = (values >> np.uint64(band * BAND_BITS)) & mask
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        # Compare each hash with the next d hashes of its bucket, for every d up to the bucket size.
        shift = 1
        while shift < len(order):
            same = sorted_keys[shift:] == sorted_keys[:-shift]
            if not same.any():
                break
            a, b = order[:-shift][same], order[shift:][same]
            close = np.bitwise_count(values[a] ^ values[b]) <= max_distance
            lefts.append(np.minimum(a, b)[close])
            rights.append(np.maximum(a, b)[close])
            shift += 1
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique((np.concatenate(lefts).astype(np.int64) << 32) | np.concatenate(rights))
    return pairs >> 32, pairs & 0xFFFFFFFF
