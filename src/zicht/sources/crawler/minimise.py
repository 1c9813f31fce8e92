"""Minimisation profiles: which fields of an ad a deployment keeps, as the gate applies them.

The deployment decides, so the prosecutor decided too: its `minimisation` names
the ad fields kept (a strict default leaves out the advertiser's name), and its
`raw_identifiers` whether identifiers keep their raw value beside the pseudonym.
Where raw values are not allowed, identifiers in the free text are replaced by
placeholders as well, or the text would carry what the pseudonyms hide.
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.domain import Deployment

ALWAYS = ("site", "profile")  # where the ad was found and how it was read: not personal
STRUCTURED = ("advertiser", "city", "age", "prices", "posted", "images")
IDENTIFIERS = {"phones": "phone", "emails": "email", "handles": "handle", "images": "image"}


@dataclass(frozen=True)
class MinimisationProfile:
    keep: tuple[str, ...]  # the ad fields kept (see zicht.domain.deployment.AD_FIELDS)
    fields: tuple[str, ...]  # structured fields kept in the document's `fields`
    identifiers: dict[str, str]  # ad attribute -> identifier kind, for those kept
    redact_text: bool  # identifiers in title and text replaced by placeholders
    raw_identifiers: bool

    def keeps(self, name: str) -> bool:
        return name in self.keep


def for_deployment(deployment: Deployment) -> MinimisationProfile:
    keep = deployment.minimisation.keep
    return MinimisationProfile(
        keep=keep,
        fields=(*ALWAYS, *(f for f in STRUCTURED if f in keep)),
        identifiers={a: k for a, k in IDENTIFIERS.items() if a in keep},
        redact_text=not deployment.raw_identifiers,
        raw_identifiers=deployment.raw_identifiers,
    )
