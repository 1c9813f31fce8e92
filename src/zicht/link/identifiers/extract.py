"""All identifiers of an ad: given in its fields and found in its title and text.

Each extraction keeps the span it came from, so an analyst sees the exact characters
that made two ads share a number (the evidence, as `zicht.detect` keeps it for indicators).
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.link.ads import Ad
from zicht.link.identifiers.contacts import find_contacts, normalise_email, normalise_handle
from zicht.link.identifiers.phones import find_phones, normalise_phone

KINDS = ("phone", "email", "handle", "url")


@dataclass(frozen=True, slots=True)
class Extraction:
    """One identifier in one field; `start`/`end` index `field`'s text (-1 for a list entry)."""

    kind: str
    value: str
    field: str
    start: int
    end: int
    raw: str


def extract_text(text: str, field: str = "text", region: str = "NL") -> list[Extraction]:
    """Phones, e-mail addresses, handles and URLs of a free text, in order of appearance."""
    found: list[Extraction] = []
    contacts = find_contacts(text)
    taken = [(c.start, c.end) for c in contacts if c.kind != "url"]
    for contact in contacts:
        kind, value = contact.kind, contact.value
        if kind == "phone-link":
            phone = normalise_phone("+" + value.lstrip("+"), region)
            if phone is None:
                continue
            kind, value = "phone", phone
            found.append(
                Extraction("handle", f"whatsapp:{phone}", field, contact.start, contact.end,
                           text[contact.start : contact.end])
            )  # fmt: skip
        found.append(
            Extraction(kind, value, field, contact.start, contact.end,
                       text[contact.start : contact.end])
        )  # fmt: skip
    for match in find_phones(text, region):
        if all(match.end <= s or match.start >= e for s, e in taken):
            found.append(
                Extraction("phone", match.e164, field, match.start, match.end,
                           text[match.start : match.end])
            )  # fmt: skip
    return sorted(found, key=lambda x: (x.start, x.kind))


def extract_ad(ad: Ad, region: str = "NL") -> list[Extraction]:
    """Identifiers of the ad's own fields first, then those found in title and text."""
    found: list[Extraction] = []
    for raw in ad.phones:
        phone = normalise_phone(raw, region)
        if phone is not None:
            found.append(Extraction("phone", phone, "phones", -1, -1, raw))
    for raw in ad.emails:
        email = normalise_email(raw)
        if email is not None:
            found.append(Extraction("email", email, "emails", -1, -1, raw))
    for raw in ad.handles:
        if raw.strip():
            found.append(Extraction("handle", normalise_handle(raw), "handles", -1, -1, raw))
    if ad.title:
        found.extend(extract_text(ad.title, "title", region))
    found.extend(extract_text(ad.text, "text", region))
    return found


def identifier_keys(extractions: list[Extraction]) -> list[str]:
    """Distinct `kind:value` keys, in first-seen order (the unit the network graph joins on)."""
    return list(dict.fromkeys(f"{x.kind}:{x.value}" for x in extractions))
