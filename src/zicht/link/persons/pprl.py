"""Privacy-preserving linkage: link Bloom-filter keys from several organisations, blind.

The registry receives per record only a reference, a CLK and keyed blocking
signatures. Pairs of records that share a signature are scored by the Dice
coefficient of their CLKs, and anonlink's greedy solver joins them best first,
never putting two records of the same organisation into one person (an
organisation does not register one person twice in its own keys file).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from zicht.errors import InvalidInput
from zicht.link.persons.blocking import keyed_signatures
from zicht.link.persons.bloom import BITS, Encoder, Encoding, decode_b64
from zicht.link.persons.clusters import greedy_solve
from zicht.link.persons.records import PersonRecord

THRESHOLD = 0.82  # tuned on demo seed 7, reported on seed 11 (see benchmarks/bench_persons.py)
STRONG = 0.85  # two records of one organisation join one person only this surely
MAX_BLOCK = 400  # a signature shared by more records than this says too little to block on


@dataclass(frozen=True, slots=True)
class Weights:
    """Shares of the parts' Dice coefficients in a pair's score."""

    name: float = 0.5  # when both dates are known
    date: float = 0.25
    undated_name: float = 0.5  # when a date is missing: the name, and the rest the context
    # Without a date, a name links only when at most this many records carry that very
    # name filter: among thousands of registrations 'Sophie Hoekstra' in Amsterdam could
    # be several people (the linker sees how often a filter repeats, never the name).
    common: int = 6


@dataclass(frozen=True, slots=True)
class Key:
    """One record's linkage key: nothing readable but the organisation's own reference."""

    dataset: str
    ref: str
    clk: bytes
    blocks: tuple[str, ...]


def blocking_key(secret: bytes) -> bytes:
    return hmac.new(secret, b"zicht-blocks-1", hashlib.sha256).digest()


def encode_records(records: Iterable[PersonRecord], secret: bytes) -> Iterator[Key]:
    encoder = Encoder(secret)
    block_key = blocking_key(secret)
    for record in records:
        yield Key(
            record.org,
            record.ref,
            encoder.encode(record),
            tuple(keyed_signatures(record, block_key)),
        )


def key_json(key: Key) -> str:
    return json.dumps(
        {
            "ref": key.ref,
            "clk": base64.b64encode(key.clk).decode("ascii"),
            "blocks": list(key.blocks),
            "v": Encoding().version,
        }
    )


def write_keys(path: Path, keys: Iterable[Key]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as handle:
        for key in keys:
            handle.write(key_json(key) + "\n")
            n += 1
    return n


def read_keys(path: Path, dataset: str | None = None) -> list[Key]:
    """A keys file; a malformed line is reported with its number."""
    out: list[Key] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                ref = str(item["ref"])
                clk = decode_b64(item["clk"])
                blocks = tuple(str(b) for b in item.get("blocks", []))
            except (ValueError, KeyError, TypeError, InvalidInput) as exc:
                raise InvalidInput(f"{path}: line {number}: not a linkage key ({exc})") from None
            if ref in seen:
                raise InvalidInput(f"{path}: line {number}: reference {ref!r} occurs twice")
            seen.add(ref)
            out.append(Key(dataset or path.name, ref, clk, blocks))
    return out


def candidate_pairs(keys: Sequence[Key], max_block: int = MAX_BLOCK) -> np.ndarray:
    """Index pairs (i < j) that share a blocking signature."""
    buckets: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        for block in set(key.blocks):  # a block twice in one key pairs it with itself
            buckets.setdefault(block, []).append(i)
    chunks: list[np.ndarray] = []
    for members in buckets.values():
        if len(members) < 2 or len(members) > max_block:
            continue
        idx = np.array(members, dtype=np.int64)
        left, right = np.triu_indices(len(idx), k=1)
        a, b = idx[left], idx[right]
        chunks.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
    if not chunks:
        return np.empty((0, 2), dtype=np.int64)
    # One int64 per pair: a 1-d unique sorts ten times faster than rows with axis=0.
    n = len(keys)
    flat = np.unique(np.concatenate([c[:, 0] * n + c[:, 1] for c in chunks]))
    return np.stack([flat // n, flat % n], axis=1)


def dice(matrix: np.ndarray, pairs: np.ndarray, chunk: int = 500_000) -> np.ndarray:
    """Dice coefficients of the CLK pairs, 2|A and B| / (|A| + |B|)."""
    counts = np.bitwise_count(matrix).sum(axis=1, dtype=np.int64)
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), chunk):
        a, b = pairs[start : start + chunk, 0], pairs[start : start + chunk, 1]
        both = np.bitwise_count(matrix[a] & matrix[b]).sum(axis=1, dtype=np.int64)
        total = counts[a] + counts[b]
        out[start : start + chunk] = np.where(total > 0, 2 * both / np.maximum(total, 1), 0.0)
    return out


def score(matrix: np.ndarray, pairs: np.ndarray, weights: Weights) -> np.ndarray:
    """Name, date and case-context Dice weighted; a missing date shifts weight to the rest."""
    enc = Encoding()
    parts = {}
    for kind in ("name", "date", "context"):
        start, size = enc.part(kind)
        block = np.ascontiguousarray(matrix[:, start // 64 : (start + size) // 64])
        parts[kind] = (block, dice(block, pairs))
    date_bits = np.bitwise_count(parts["date"][0]).sum(axis=1)
    dated = (date_bits[pairs[:, 0]] > 0) & (date_bits[pairs[:, 1]] > 0)
    name, date, context = parts["name"][1], parts["date"][1], parts["context"][1]
    w = weights
    with_date = w.name * name + w.date * date + (1 - w.name - w.date) * context
    without = w.undated_name * name + (1 - w.undated_name) * context
    names = parts["name"][0].view(np.dtype((np.void, parts["name"][0].shape[1] * 8))).ravel()
    _, inverse, counts = np.unique(names, return_inverse=True, return_counts=True)
    repeats = counts[inverse.ravel()]
    rare = np.maximum(repeats[pairs[:, 0]], repeats[pairs[:, 1]]) <= w.common
    return np.where(dated, with_date, np.where(rare, without, 0.0))


def link_keys(
    keys: Sequence[Key],
    threshold: float = THRESHOLD,
    max_block: int = MAX_BLOCK,
    weights: Weights | None = None,
    strong: float = STRONG,
) -> list[int]:
    """A person number per key, in the order given."""
    if not keys:
        return []
    matrix = np.frombuffer(b"".join(k.clk for k in keys), dtype=np.uint64).reshape(
        len(keys), BITS // 64
    )
    pairs = candidate_pairs(keys, max_block)
    scores = score(matrix, pairs, weights or Weights())
    keep = scores >= threshold
    return greedy_solve(
        len(keys), [k.dataset for k in keys], pairs[keep], scores[keep], strong=strong
    )
