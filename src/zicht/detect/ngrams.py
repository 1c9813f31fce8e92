"""Hashed character n-grams of a whole batch at once, in numpy: the learned scorer's text part.

scikit-learn's HashingVectorizer hashes n-grams one Python string at a time and
took four fifths of the time of scoring with a model. Here a batch is one array
of code points; each n-gram size is a few vectorised multiply-adds over shifted
slices, n-grams that would cross from one document into the next are masked out,
and the CSR matrix is laid out directly (no sort): a row may hold a column more
than once, which every linear product sums as it should. A document's values are
scaled by 1/sqrt(its number of n-grams), which is its L2 norm when no n-gram
repeats, so long and short documents weigh alike. The hash is fixed arithmetic
on code points (no salted `hash()`), so a saved model reads the same features.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

SIZES = (3, 4, 5)
# 32-bit arithmetic (wrapping): half the memory traffic of 64 bits, ample for 2**16 buckets.
_PRIME = np.uint32(0x01000193)  # FNV-1a's 32-bit prime
_MIX = np.uint32(0x9E3779B1)  # golden-ratio multiplier spreads the low bits
_SHIFT = np.uint32(15)
_COMBINING = (0x300, 0x36F)
# ASCII folded in one C pass: lower case, and every kind of white space (below 33) a space.
_ASCII_FOLD = bytes(
    32 if byte < 33 else byte + 32 if 65 <= byte <= 90 else byte for byte in range(256)
)
# Positions hashed per step: a chunk's few uint32 buffers fit in a 1 MB L2 cache.
CHUNK = 1 << 16


def codes(text: str) -> Any:
    """Code points of the text folded like the matcher folds it: lower case, no accents."""
    text = text.lower()
    ascii_only = text.isascii()
    if not ascii_only:
        text = unicodedata.normalize("NFKD", text)
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).copy()
    if not ascii_only:
        points = points[(points < _COMBINING[0]) | (points > _COMBINING[1])]
    points[points < 33] = 32  # every kind of white space is a space
    return points


def _batch_codes(texts: Sequence[str]) -> tuple[Any, Any]:
    """The code points of every text, end to end, and each text's length.

    A batch of ASCII texts is lowered and encoded in one go (ASCII folds one character
    at a time, so this is what `codes` gives text by text); any other batch goes text
    by text.
    """
    joined = "".join(texts)
    if joined.isascii():
        folded = joined.encode("ascii").translate(_ASCII_FOLD)
        points = np.frombuffer(folded, dtype=np.uint8).astype(np.uint32)
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        return points, lengths
    parts = [codes(text) for text in texts]
    lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
    return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint32)), lengths


def _valid(lengths: Any, total: int) -> Any:
    """Which cells of the (position, size) grid hold an n-gram that ends inside its text."""
    if lengths.min() >= max(SIZES):
        # Only the last positions of each text fall short: unmark those few cells.
        width = len(SIZES)
        ends = np.cumsum(lengths) * width
        short = np.asarray(
            [
                width * (back + 1) - k
                for back in range(max(SIZES) - 1)
                for k in range(width)
                if back + 1 < SIZES[k]
            ],
            dtype=np.int64,
        )
        valid = np.ones(total * width, dtype=bool)
        valid[(ends[:, None] - short[None, :]).ravel()] = False
        return valid
    # Characters left in its text from each position on (itself included).
    left = np.concatenate([np.arange(n, 0, -1, dtype=np.int32) for n in lengths])
    return (left[:, None] >= np.asarray(SIZES, dtype=np.int32)[None, :]).ravel()


def _hash_into(grid: Any, points: Any, n_features: int) -> None:
    """Hash the n-grams starting at each of grid's positions; `points` runs past them.

    In place on buffers the size of a chunk: each step is a pass over its arrays, and
    a chunk's arrays stay in the cache where the whole batch's would not.
    """
    hashes, mixed, spare = points.copy(), np.empty_like(points), np.empty_like(points)
    rows, mask = len(grid), np.uint32(n_features - 1)
    with np.errstate(over="ignore"):
        for n in range(2, max(SIZES) + 1):
            size = len(points) - n + 1
            if size <= 0:
                return  # shorter than n: no n-grams of this size or longer
            head, out, shifted = hashes[:size], mixed[:size], spare[:size]
            np.multiply(head, _PRIME, out=head)
            np.add(head, points[n - 1 :], out=head)
            if n in SIZES:
                np.bitwise_xor(head, np.uint32(n), out=out)
                np.multiply(out, _MIX, out=out)
                np.right_shift(out, _SHIFT, out=shifted)
                np.bitwise_xor(out, shifted, out=out)
                keep = min(size, rows)
                np.bitwise_and(out[:keep], mask, out=grid[:keep, SIZES.index(n)])


def transform(texts: Sequence[str], n_features: int) -> Any:
    """One CSR row per text: counts of hashed 3-5 character n-grams, scaled per document."""
    from scipy import sparse

    if n_features & (n_features - 1):
        raise ValueError(f"n_features must be a power of two, got {n_features}")
    points, lengths = _batch_codes(texts)
    if not len(texts) or not lengths.sum():
        return sparse.csr_matrix((len(texts), n_features), dtype=np.float64)
    total = len(points)
    # One row per position, one column per size: read row-major, a document's n-grams are
    # contiguous, so dropping the ones that run past its end keeps the CSR layout. Cells
    # past the batch's end are never written: `_valid` drops them.
    grid = np.empty((total, len(SIZES)), dtype=np.uint32)
    for low in range(0, total, CHUNK):
        _hash_into(grid[low : low + CHUNK], points[low : low + CHUNK + max(SIZES) - 1], n_features)
    mixed = grid.ravel()[_valid(lengths, total)]
    indices = mixed.view(np.int32)  # below 2**31: the same numbers, in scipy's index type
    per_doc = sum(np.maximum(lengths - n + 1, 0) for n in SIZES)
    indptr = np.concatenate(([0], np.cumsum(per_doc)))
    if indptr[-1] < 2**31:
        indptr = indptr.astype(np.int32)
    data = np.repeat(1.0 / np.sqrt(np.maximum(per_doc, 1)), per_doc)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(texts), n_features))


def product(texts: Sequence[str], weights: Any) -> Any:
    """`transform(texts, len(weights)) @ weights`: per text, its n-grams' weight rows summed.

    Compiled (`_hashing.pyx`), it hashes and adds in one pass with no matrix in between,
    and gives the same numbers bit for bit; without the compiled module, the product itself.
    """
    n_features = weights.shape[0]
    compiled = _compiled()
    if compiled is None or n_features & (n_features - 1) or not len(texts):
        return transform(texts, n_features) @ weights
    points, lengths = _batch_codes(texts)
    return compiled.product(
        np.ascontiguousarray(points, dtype=np.uint32),
        np.ascontiguousarray(lengths, dtype=np.int64),
        np.ascontiguousarray(weights, dtype=np.float64),
    )


@lru_cache(maxsize=1)
def _compiled() -> Any:
    try:
        from zicht.detect import _hashing
    except ImportError:  # no C compiler at install time
        return None
    return _hashing
