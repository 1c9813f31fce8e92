"""MinHash signatures for many ads at once, identical to datasketch's, and their LSH bands.

datasketch's `MinHash.update_batch` runs one ad at a time and its `MinHashLSH.insert` costs
about 0.3 ms an ad here (28 s for 100,000 ads): too slow for a national recrawl. The same
signatures (datasketch's affine32 scheme and permutations, checked against datasketch in
the tests) are computed for every ad together in numpy, and the bands are grouped by sort.
The band parameters come from datasketch's `MinHashLSH` optimiser for a threshold. datasketch
(with scipy) takes about two seconds to import, so the permutations are drawn here the way it
draws them, and the optimiser runs only for a threshold whose bands are not known yet.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from zicht.link.text.shingles import Shingles

EMPTY = np.uint32(0xFFFFFFFF)
_CHUNK = 1 << 10  # shingles per block: its (block x num_perm) scratch array stays in cache


@lru_cache(maxsize=8)
def permutations(num_perm: int, seed: int) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
    """datasketch's affine32 permutations (`MinHash._init_permutations`): odd a, any b."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


# (threshold, num_perm) -> (bands, rows) as datasketch's optimiser gives them (checked in tests).
KNOWN_BANDS = {(0.3, 64): (21, 3)}


@lru_cache(maxsize=32)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH picks for this threshold."""
    if (threshold, num_perm) in KNOWN_BANDS:
        return KNOWN_BANDS[(threshold, num_perm)]
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return index.b, index.r


def fmix32(h: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MurmurHash3's finaliser, as datasketch applies it before the permutations."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint32(16))
        h = h * np.uint32(0x85EBCA6B)
        h = h ^ (h >> np.uint32(13))
        h = h * np.uint32(0xC2B2AE35)
        return h ^ (h >> np.uint32(16))


def signatures(shingles: Shingles, num_perm: int = 128, seed: int = 1) -> npt.NDArray[np.uint32]:
    """One row of `num_perm` min-hashes per ad; an ad without words gets a row of EMPTY."""
    a, b = permutations(num_perm, seed)
    n = len(shingles)
    out = np.full((n, num_perm), EMPTY, dtype=np.uint32)
    values = fmix32(shingles.values)
    offsets = shingles.offsets
    scratch = np.empty((_CHUNK, num_perm), dtype=np.uint32)  # reused: no allocation a block
    ad = 0
    while ad < n:
        # A block of whole ads holding about _CHUNK shingles.
        stop = int(np.searchsorted(offsets, offsets[ad] + _CHUNK, side="right")) - 1
        stop = max(stop, ad + 1)
        lo, hi = int(offsets[ad]), int(offsets[stop])
        if hi > lo:
            if hi - lo > len(scratch):  # one ad longer than a block
                scratch = np.empty((hi - lo, num_perm), dtype=np.uint32)
            permuted = scratch[: hi - lo]
            with np.errstate(over="ignore"):
                np.multiply(values[lo:hi, None], a[None, :], out=permuted)
                permuted += b[None, :]
            starts = offsets[ad:stop] - lo
            nonempty = offsets[ad + 1 : stop + 1] > offsets[ad:stop]
            reduced = np.minimum.reduceat(permuted, starts[nonempty], axis=0)
            out[np.arange(ad, stop)[nonempty]] = reduced
        ad = stop
    return out


def band_keys(sig: npt.NDArray[np.uint32], bands: int, rows: int) -> npt.NDArray[np.uint64]:
    """A 64-bit key per (ad, band): ads with equal keys in a band are LSH candidates."""
    n = sig.shape[0]
    keys = np.empty((n, bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            h = np.full(n, np.uint64(band + 1) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
            for col in sig[:, band * rows : (band + 1) * rows].T:
                h = (h ^ col.astype(np.uint64)) * np.uint64(0xBF58476D1CE4E5B9)
                h ^= h >> np.uint64(31)
            keys[:, band] = h
    return keys


def band_pairs(
    sig: npt.NDArray[np.uint32], bands: int, rows: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Candidate pairs (centre, member): each bucket's smallest ad index with every other member.

    A star per bucket keeps the candidates linear in the bucket size, so a boilerplate text
    shared by 10,000 ads costs 10,000 checks, not 50 million. Pairs are distinct, centre < member.
    """
    keys = band_keys(sig, bands, rows)
    live = np.flatnonzero(~(sig == EMPTY).all(axis=1))
    lefts: list[npt.NDArray[np.int64]] = []
    rights: list[npt.NDArray[np.int64]] = []
    for band in range(bands):
        column = keys[live, band]
        order = live[np.lexsort((live, column))]
        sorted_keys = keys[order, band]
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = sorted_keys[1:] != sorted_keys[:-1]
        centre = order[np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))]
        member = ~new_group
        lefts.append(centre[member])
        rights.append(order[member])
    if not lefts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique((np.concatenate(lefts) << 32) | np.concatenate(rights))
    return pairs >> 32, pairs & 0xFFFFFFFF
