"""Linking: identifiers, near-duplicate texts, photo reuse and the ad networks behind them.

The public surface; engines (Spark) are imported only when a run asks for them.
Person linkage (registrations -> persons) will live beside this in `link/persons/`.
"""

from zicht.link.ads import Ad, ad_from_dict, ads_from_dicts, read_ads
from zicht.link.config import LinkSettings
from zicht.link.engines import LinkEngine, get_engine
from zicht.link.evaluate import PairScores, pair_scores
from zicht.link.networks.result import LinkResult


def link_ads(ads: list[Ad], settings: LinkSettings | None = None) -> LinkResult:
    """Networks of `ads` with the engine named in `settings` (python by default)."""
    with get_engine(settings or LinkSettings()) as engine:
        return engine.link(ads)


__all__ = [
    "Ad",
    "LinkEngine",
    "LinkResult",
    "LinkSettings",
    "PairScores",
    "ad_from_dict",
    "ads_from_dicts",
    "get_engine",
    "link_ads",
    "pair_scores",
    "read_ads",
]
