"""What the network step needs of one ad: identifier keys, photo hashes, names, wording.

Advertiser names and third-person wording use small regexes here; the detector
(`zicht.detect`) will supply third-person wording with evidence once it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from zicht.link.ads import Ad
from zicht.link.identifiers import extract_ad, identifier_keys
from zicht.link.images import parse_hash

_NAME = re.compile(
    r"\b(?:ik ben|ik heet|mijn naam is|my name is|i am|i'm|im|call me|noem me|"
    r"je kan me|this is|dit is)\s+(?P<name>[A-Z][a-z]{2,14})\b"
)
_TITLE_NAME = re.compile(r"^\W*(?P<name>[A-Z][a-z]{2,14})\b(?=\s*[(,\-|:!]|\s+\d{2}\b)")
# Capitalised words that open titles but are not names.
_NOT_NAMES = {"Nieuw", "New", "Sexy", "Hot", "Echt", "Real", "Bel", "Call", "Hier", "Here", "Nu"}
_NOT_NAMES |= {"Now", "Top", "Vip", "Mooie", "Lieve", "Jonge", "Young", "Een", "The"}
THIRD_PERSON = re.compile(
    r"\b(?:zij is|ze is|zij heeft|ze heeft|zij komt|ze komt|haar naam|onze (?:meiden|dames|"
    r"meisjes)|nieuwe (?:meiden|dames|meisjes)|deze dame|dit meisje|she is|she has|she's|"
    r"her name|our girls|new girls|this girl|these girls|boek haar|book her)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class AdFeatures:
    identifiers: tuple[str, ...]  # `kind:value` keys of phones, e-mail, handles, URLs
    images: tuple[int, ...]
    names: tuple[str, ...]
    third_person: bool
    city: str
    day: date | None


def advertiser_names(ad: Ad) -> tuple[str, ...]:
    found = [m.group("name") for m in _NAME.finditer(ad.text)]
    title = _TITLE_NAME.match(ad.title or "")
    if title:
        found.append(title.group("name"))
    return tuple(dict.fromkeys(n.lower() for n in found if n not in _NOT_NAMES))


def ad_features(ad: Ad, region: str = "NL") -> AdFeatures:
    return AdFeatures(
        identifiers=tuple(identifier_keys(extract_ad(ad, region))),
        images=tuple(dict.fromkeys(parse_hash(h, ad.id) for h in ad.images if h.strip())),
        names=advertiser_names(ad),
        third_person=bool(THIRD_PERSON.search(ad.text)),
        city=ad.city.strip().lower(),
        day=ad.posted_date,
    )
