"""Word shingles of ad texts as 32-bit hashes, computed for all ads at once.

Normalisation folds case and accents but keeps digits: a template's phone number, price
and age are part of what makes two ads the same (InfoShield drops digits and loses that).
Tokens are hashed once (crc32, stable across processes and Spark executors); a k-shingle
hash is an arithmetic mix of its k token hashes done in numpy over every ad together.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_TOKEN = re.compile(r"[^\W_]+")
_ASCII_SPACES = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})
_MIX = (np.uint32(0x9E3779B1), np.uint32(0x85EBCA77), np.uint32(0xC2B2AE3D), np.uint32(0x27D4EB2F))


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def normalise(text: str) -> str:
    """Lower case without accents; other scripts stay as they are."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def tokens(text: str) -> list[str]:
    """Words and numbers; ASCII text (most ads) takes a fast path with the same result."""
    if text.isascii():
        return text.lower().translate(_ASCII_SPACES).split()
    folded = normalise(text)
    if folded.isascii():  # `privé` folds to ASCII: the same fast path applies
        return folded.translate(_ASCII_SPACES).split()
    return _TOKEN.findall(folded)


class _Vocabulary(dict[str, int]):
    """Word -> crc32, filled on first sight (stable across processes, unlike `hash`)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode())
        return value


@dataclass(frozen=True)
class Shingles:
    """Sorted distinct shingle hashes of every ad: ad i owns `values[offsets[i]:offsets[i+1]]`."""

    values: npt.NDArray[np.uint32]
    offsets: npt.NDArray[np.int64]

    def of(self, i: int) -> npt.NDArray[np.uint32]:
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def __len__(self) -> int:
        return len(self.offsets) - 1


def shingle(texts: Sequence[str], k: int = 3) -> Shingles:
    """Distinct word k-shingles of each text (a text shorter than k is one shingle)."""
    vocabulary = _Vocabulary()
    ids: array[int] = array("I")
    lengths = np.zeros(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        words = tokens(text)
        ids.extend(map(vocabulary.__getitem__, words))  # 4 bytes a word, not a str object
        lengths[i] = len(words)
    word_hashes = np.frombuffer(ids, dtype=np.uint32) if ids else np.zeros(0, dtype=np.uint32)
    starts = np.concatenate(([0], np.cumsum(lengths)))[:-1]
    # Shingle j of ad i starts at word starts[i] + j; ads shorter than k get one shingle.
    counts = np.where(lengths >= k, lengths - k + 1, np.minimum(lengths, 1))
    ad_of = np.repeat(np.arange(len(texts)), counts)
    first = np.repeat(starts, counts) + (
        np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    )
    width = np.minimum(lengths[ad_of], k) if len(ad_of) else np.zeros(0, dtype=np.int64)
    h = np.zeros(len(first), dtype=np.uint32)
    with np.errstate(over="ignore"):
        for j in range(k):
            inside = j < width
            part = np.zeros(len(first), dtype=np.uint32)
            part[inside] = word_hashes[first[inside] + j]
            h = (h ^ part) * _MIX[j % 4]
            h ^= h >> np.uint32(15)
    keys = np.sort((ad_of.astype(np.uint64) << np.uint64(32)) | h.astype(np.uint64))
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
    ad_sorted = (keys >> np.uint64(32)).astype(np.int64)
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(ad_sorted, minlength=len(texts)), out=offsets[1:])
    return Shingles((keys & np.uint64(0xFFFFFFFF)).astype(np.uint32), offsets)


def jaccard(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Exact Jaccard similarity of two sorted distinct shingle arrays."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    inter = len(set(a.tolist()).intersection(b.tolist()))
    return inter / (len(a) + len(b) - inter)
