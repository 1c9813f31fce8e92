"""Bloom-filter linkage keys (cryptographic long-term keys, CLKs) as in clkhash.

Each organisation turns name, birth date and sex into a 1,024-bit filter: every
token (name bigrams, date parts, sex) sets k bits chosen by double hashing with
two HMACs keyed by the partners' shared secret (Schnell, Bachteler and Reiher 2009;
clkhash's 'doubleHash'). Name bigrams of given and family name go into one pool,
so a swapped given and family name still matches. The filter has three parts
(field-partitioned CLKs, as clkhash's per-field `num_bits`): the name and sex
(bits 0-511), the birth date (512-767) and the case context (768-1023), so that a
missing date (a third of the help line's records) can be told from a different one.

The case context, and why each field is in it. Name, date and sex identify a
person; the context only tells apart two people who share a common name when a
date is missing, and it is weighted so (a quarter of the score with a date, half
without, and an undated name links only when the name is rare; see `pprl.score`).
Every field is one the registry receives anyway for a signal, and none is exact
enough to single someone out:
- citizenship: does not change between registrations (a second passport aside),
  and separates namesakes of different origin;
- form of exploitation: what the case is about; organisations classify it
  differently now and then, so it weighs, never decides;
- municipality: where the victim lives or is exploited, coarse (342 values) and not
  always the same in two registrations;
- age group: five bands, often known when the birth date is not.
Neither a shared secret nor a key reveals a field: without the secret the filter
cannot be checked against a guess; with it, only similarity shows. The demo world
makes form and municipality differ between organisations now and then, and leaves
the age group out of some records, as in life, so the evaluation does not credit
the keys with a consistency real registrations lack.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

import numpy as np

from zicht.link.persons.normalise import name_tokens, sex_key
from zicht.link.persons.records import PersonRecord

BITS = 1024
MIN_SECRET_BYTES = 16


@dataclass(frozen=True, slots=True)
class Encoding:
    """How many bits each kind of token sets; part of the key format, so versioned."""

    version: int = 1
    bits: int = BITS
    k_name: int = 10
    k_date: int = 20
    k_sex: int = 6
    k_context: int = 20

    def part(self, kind: str) -> tuple[int, int]:
        """(first bit, number of bits) of the part a kind of token goes to."""
        half, quarter = self.bits // 2, self.bits // 4
        if kind == "date":
            return half, quarter
        if kind == "context":
            return half + quarter, quarter
        return 0, half


def bigrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + 2] for i in range(len(padded) - 1)]


def tokens(record: PersonRecord) -> list[tuple[str, str]]:
    """(kind, token) pairs; date parts let a typo in the day still share the year and month."""
    out: list[tuple[str, str]] = []
    for word in name_tokens(record.given_name) + name_tokens(record.family_name):
        out.extend(("name", "n" + g) for g in bigrams(word))
    date = record.birth_date.strip()
    if len(date) == 10:
        year, month, day = date[:4], date[5:7], date[8:10]
        pair = "".join(sorted((month, day)))  # the same when day and month are swapped
        out += [
            ("date", "y" + year),
            ("date", "m" + month),
            ("date", "d" + day),
            ("date", "p" + pair),
            ("date", "f" + date),
        ]
    sex = sex_key(record.sex)
    if sex:
        out.append(("sex", "s" + sex))
    for prefix, value in (
        ("c", record.citizenship),
        ("f", record.form),
        ("g", record.municipality.lower()),
        ("a", record.age_group),
    ):
        if value:
            out.append(("context", prefix + value))
    return out


class Encoder:
    """Makes CLKs with the partners' shared secret."""

    def __init__(self, secret: bytes, encoding: Encoding | None = None) -> None:
        from zicht.errors import ConfigurationError

        if len(secret) < MIN_SECRET_BYTES:
            raise ConfigurationError(
                f"the linkage secret has {len(secret)} bytes; it needs at least {MIN_SECRET_BYTES}"
            )
        self.encoding = encoding or Encoding()
        self._key1 = hmac.new(secret, b"zicht-clk-1", hashlib.sha256).digest()
        self._key2 = hmac.new(secret, b"zicht-clk-2", hashlib.sha256).digest()
        self._cache: dict[tuple[str, str], list[int]] = {}

    def _positions(self, kind: str, token: str) -> list[int]:
        cached = self._cache.get((kind, token))
        if cached is not None:
            return cached
        enc = self.encoding
        k = {"name": enc.k_name, "date": enc.k_date, "sex": enc.k_sex, "context": enc.k_context}[
            kind
        ]
        data = token.encode("utf-8")
        h1 = int.from_bytes(hmac.new(self._key1, data, hashlib.sha256).digest()[:8], "big")
        h2 = int.from_bytes(hmac.new(self._key2, data, hashlib.sha256).digest()[:8], "big")
        offset, size = enc.part(kind)
        positions = [offset + (h1 + i * h2) % size for i in range(k)]
        if len(self._cache) < 200_000:
            self._cache[(kind, token)] = positions
        return positions

    def encode(self, record: PersonRecord) -> bytes:
        bits = np.zeros(self.encoding.bits, dtype=np.uint8)
        for kind, token in tokens(record):
            bits[self._positions(kind, token)] = 1
        return np.packbits(bits).tobytes()

    def encode_b64(self, record: PersonRecord) -> str:
        return base64.b64encode(self.encode(record)).decode("ascii")


def decode_b64(text: str, bits: int = BITS) -> bytes:
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) * 8 != bits:
        from zicht.errors import InvalidInput

        raise InvalidInput(f"a linkage key has {len(raw) * 8} bits, expected {bits}")
    return raw
