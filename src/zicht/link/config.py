"""Linkage settings: one dataclass that round-trips to JSON, so a run is an auditable artefact."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from zicht.errors import ConfigurationError

ENGINES = ("python", "spark")
METHODS = ("components", "louvain")


@dataclass(frozen=True)
class LinkSettings:
    engine: str = "python"
    method: str = "components"  # connected components, or Louvain communities (python only)
    region: str = "NL"  # default region for numbers written without country code
    shingle_k: int = 3  # word 3-shingles: one edited word breaks 3 of ~60 shingles
    num_perm: int = 64
    lsh_threshold: float = 0.3  # banding: datasketch picks 21 bands of 3 rows for 64 perms
    jaccard_threshold: float = 0.4  # exact Jaccard a candidate pair must reach
    photo_distance: int = 3
    # Hub guards: an identifier shared by many ads that otherwise have little in common.
    # A network reuses photos and templates with one to a few numbers; a footer number, a
    # stock photo or a disclaimer spans many advertisers (their other numbers) in many cities.
    hub_min_ads: int = 5
    hub_min_cities: int = 3
    hub_min_advertisers: int = 5
    hub_min_spread: float = 0.3  # distinct advertisers per ad (0.6 let a stock photo on
    # ads of a dozen small networks glue them in a 400-ad world) ...
    hub_many_advertisers: int = 20  # ... or this many advertisers whatever the spread
    edge_weights: dict[str, float] = field(
        default_factory=lambda: {
            "phone": 1.0, "email": 1.0, "handle": 0.9, "url": 0.6, "image": 0.8, "template": 1.0,
        }
    )  # fmt: skip
    spark_master: str = "local[*]"
    spark_conf: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigurationError(f"link engine {self.engine!r} unknown; use one of {ENGINES}")
        if self.method not in METHODS:
            raise ConfigurationError(f"link method {self.method!r} unknown; use one of {METHODS}")
        if not 0 < self.jaccard_threshold <= 1 or not 0 < self.lsh_threshold <= 1:
            raise ConfigurationError("link thresholds must lie in (0, 1]")
        if not 0 <= self.photo_distance <= 3:
            raise ConfigurationError("photo_distance must be 0..3 (four 16-bit bands)")

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> LinkSettings:
        data: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ConfigurationError(f"unknown link settings: {sorted(unknown)}")
        return cls(**data)
