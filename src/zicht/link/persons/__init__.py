"""Person linkage: one person behind registrations by several organisations, counted once.

Two methods: Splink (probabilistic record linkage in the clear, DuckDB or
Spark) and Bloom-filter linkage keys (privacy-preserving, anonlink-style).
Engines are imported only when a run asks for them.
"""

from zicht.link.persons.evaluate import PairwiseScores, pairwise
from zicht.link.persons.pprl import Key, encode_records, link_keys, read_keys, write_keys
from zicht.link.persons.records import PersonRecord, read_csv, read_directory, read_gold

__all__ = [
    "Key",
    "PairwiseScores",
    "PersonRecord",
    "encode_records",
    "link_keys",
    "pairwise",
    "read_csv",
    "read_directory",
    "read_gold",
    "read_keys",
    "write_keys",
]
