"""Blocking signatures: which records are worth comparing at all.

Comparing every pair of a million records is half a trillion comparisons, so
both methods compare only records that share a signature (P-Sig blocking, as in
blocklib). For the Bloom-filter method each signature leaves the organisation as
a keyed hash, so the registry sees which records share one and nothing else.
"""

from __future__ import annotations

import hashlib
import hmac

from zicht.link.persons.normalise import name_tokens, sex_key
from zicht.link.persons.records import PersonRecord


def name_signature(record: PersonRecord) -> str:
    """Sorted three-letter starts of every name word: robust to swaps, particles, late typos."""
    words = name_tokens(record.given_name) + name_tokens(record.family_name)
    return " ".join(sorted(w[:3] for w in words))


def signatures(record: PersonRecord) -> list[str]:
    """The record's blocking signatures; a pair sharing any one of them is compared."""
    name = name_signature(record)
    date = record.birth_date.strip()
    out = []
    if len(date) == 10:
        out.append("d:" + date)
        out.append(f"ny:{name}|{date[:4]}")
        out.append(f"nmd:{name}|{date[5:]}")
    sex = sex_key(record.sex)
    if name:
        out.append(f"ns:{name}|{sex}")
        # Without a date, the case's facts keep a common name's block small.
        out.append(f"nc:{name}|{record.form}|{record.municipality.lower()}")
    # One word alone, by its start and by its end: catches a typo in another word or
    # in a word's first letters ('Zhelyazkova' and 'Jeliazkova'); common words make
    # big blocks that are skipped, so these matter most where the date is missing.
    for word in name_tokens(record.given_name) + name_tokens(record.family_name):
        if len(word) >= 4:
            out.append(f"ws:{word[:4]}|{sex}")
            out.append(f"we:{word[-4:]}|{sex}")
    return out


def keyed_signatures(record: PersonRecord, key: bytes) -> list[str]:
    """The signatures as keyed hashes (16 hex digits each: collisions are harmless here)."""
    return [
        hmac.new(key, s.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
        for s in signatures(record)
    ]
