"""Minimisation profiles: which fields of an ad a deployment keeps.

The deployment's own fields decide, so the prosecutor decided too: a deployment
that allows raw identifiers keeps the `full` profile (the advertiser's name and
the text as written); every other one keeps `standard` (no names, identifiers in
the free text replaced by placeholders, identifiers only as keyed pseudonyms).
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.domain import Deployment


@dataclass(frozen=True)
class MinimisationProfile:
    name: str
    fields: tuple[str, ...]  # structured fields kept in the document's `fields`
    keep_text: bool  # title and text, kept until the retention date
    redact_text: bool  # identifiers in title and text replaced by placeholders
    raw_identifiers: bool


STANDARD = MinimisationProfile(
    "standard",
    fields=("site", "profile", "city", "age", "prices", "posted", "images"),
    keep_text=True,
    redact_text=True,
    raw_identifiers=False,
)
FULL = MinimisationProfile(
    "full",
    fields=(*STANDARD.fields, "advertiser"),
    keep_text=True,
    redact_text=False,
    raw_identifiers=True,
)


def for_deployment(deployment: Deployment) -> MinimisationProfile:
    return FULL if deployment.raw_identifiers else STANDARD
