"""The ad graph: typed, weighted edges from shared identifiers, templates and photos.

Every shared value is a *group* of ads (one phone number, one photo family, one template
cluster). A group becomes edges (a star from its first ad) unless it is a hub: shared by
ads of many different advertisers (their other phone numbers) in many cities, such as a
site's own contact number in every footer, a stock photo or a disclaimer. Hubs are kept
out of the graph and listed with the figures that condemned them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from zicht.link.config import LinkSettings
from zicht.link.features import AdFeatures

KIND_CODES = ("phone", "email", "handle", "url", "image", "template")


@dataclass(frozen=True, slots=True)
class IgnoredIdentifier:
    """A hub: why this shared value does not join ads."""

    key: str
    kind: str
    ads: int
    cities: int
    advertisers: int  # distinct other contacts (phone, else e-mail, else handle) among its ads
    reason: str


@dataclass
class Edges:
    """Parallel arrays of undirected edges; `group[k]` names the shared value behind edge k."""

    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    kind: npt.NDArray[np.int8]
    weight: npt.NDArray[np.float64]
    group: list[str]

    def __len__(self) -> int:
        return len(self.left)


def hub_reason(
    kind: str, ads: int, cities: int, advertisers: int, settings: LinkSettings
) -> str | None:
    """Why a group is a hub, or None. One rule for every kind, so it is easy to explain.

    A network shares a photo or a template across many ads but with few phone numbers;
    a site's footer number, a stock photo or a disclaimer spans ads of many advertisers.
    """
    spread = advertisers / ads if ads else 0.0
    if (
        ads >= settings.hub_min_ads
        and cities >= settings.hub_min_cities
        and advertisers >= settings.hub_min_advertisers
        and (spread >= settings.hub_min_spread or advertisers >= settings.hub_many_advertisers)
    ):
        return (
            f"{kind} shared by {ads} ads in {cities} cities from {advertisers} distinct "
            f"advertisers (other contact numbers; {spread:.2f} per ad): a hub, not a network "
            f"(thresholds: >= {settings.hub_min_ads} ads, >= {settings.hub_min_cities} cities, "
            f">= {settings.hub_min_advertisers} advertisers and >= {settings.hub_min_spread} "
            f"per ad or >= {settings.hub_many_advertisers} advertisers)"
        )
    return None


def _advertiser(features: AdFeatures, key: str, hubs: set[str]) -> str:
    """Who posted the ad, as far as its other contacts say: a phone, else e-mail, else handle.

    An ad with no other contact (or only hub contacts) counts as the shared value's own
    advertiser: it is evidence for a network, not against one.
    """
    for prefix in ("phone:", "email:", "handle:"):
        for identifier in features.identifiers:
            if identifier.startswith(prefix) and identifier != key and identifier not in hubs:
                return identifier
    return key


def _stats(
    key: str, members: Sequence[int], features: Sequence[AdFeatures], hubs: set[str]
) -> tuple[int, int, int]:
    cities = {features[i].city for i in members if features[i].city}
    advertisers = {_advertiser(features[i], key, hubs) for i in members}
    return len(members), len(cities), len(advertisers)


def build_graph(
    features: Sequence[AdFeatures],
    template_labels: npt.NDArray[np.int64],
    template_pairs: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]],
    photo_group_of: dict[int, int],
    settings: LinkSettings,
) -> tuple[Edges, list[IgnoredIdentifier]]:
    """Guarded edges of the ad graph and the identifiers ignored as hubs."""
    ignored: list[IgnoredIdentifier] = []
    groups: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(features):
        for key in f.identifiers:
            groups[key].append(i)
        for h in dict.fromkeys(photo_group_of[h] for h in f.images):
            groups[f"image:{h:016x}"].append(i)
    for i, label in enumerate(template_labels.tolist()):
        groups[f"template:{label}"].append(i)
    # Contacts first (a footer number must not make every ad look like one advertiser), then
    # photos, URLs and templates, judged by the contacts that are not hubs.
    hubs: set[str] = set()
    contact_kinds = ("phone", "email", "handle")
    for first_pass in (True, False):
        for key, members in groups.items():
            kind = key.split(":", 1)[0]
            if (kind in contact_kinds) != first_pass or len(members) < settings.hub_min_ads:
                continue
            ads, cities, advertisers = _stats(key, members, features, hubs)
            reason = hub_reason(kind, ads, cities, advertisers, settings)
            if reason:
                hubs.add(key)
                ignored.append(IgnoredIdentifier(key, kind, ads, cities, advertisers, reason))

    lefts: list[int] = []
    rights: list[int] = []
    kinds: list[int] = []
    weights: list[float] = []
    names: list[str] = []
    for key, members in groups.items():
        kind = key.split(":", 1)[0]
        if len(members) < 2 or key in hubs or kind == "template":
            continue  # template edges are the verified pairs below, not a star
        centre = members[0]
        code = KIND_CODES.index(kind)
        w = settings.edge_weights.get(kind, 1.0)
        for other in members[1:]:
            lefts.append(centre)
            rights.append(other)
            kinds.append(code)
            weights.append(w)
            names.append(key)
    hub_templates = {int(k.split(":", 1)[1]) for k in hubs if k.startswith("template:")}
    t_left, t_right, t_jac = template_pairs
    keep = np.array([template_labels[a] not in hub_templates for a in t_left.tolist()], dtype=bool)
    template_code = KIND_CODES.index("template")
    t_weight = settings.edge_weights.get("template", 1.0) * t_jac[keep]
    edges = Edges(
        left=np.concatenate([np.asarray(lefts, dtype=np.int64), t_left[keep]]),
        right=np.concatenate([np.asarray(rights, dtype=np.int64), t_right[keep]]),
        kind=np.concatenate(
            [
                np.asarray(kinds, dtype=np.int8),
                np.full(int(keep.sum()), template_code, dtype=np.int8),
            ]
        ),
        weight=np.concatenate([np.asarray(weights, dtype=np.float64), t_weight]),
        group=names + [f"template:{template_labels[a]}" for a in t_left[keep].tolist()],
    )
    return edges, ignored
