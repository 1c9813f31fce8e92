"""The privacy gate: the only way from a fetched ad to the store.

What passes is a `GatedAd`: the fields the deployment's minimisation profile
keeps, identifiers as keyed pseudonyms (raw values only where the deployment
allows them), free text with a retention date, and keyed hashes of the kept
fields so a recrawl can tell which field changed without keeping the raw value.
A field the deployment does not keep leaves no trace, not even a keyed hash.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from scrapy.crawler import Crawler

from zicht.domain.deployment import AD_FIELDS
from zicht.privacy.pseudonym import Pseudonymiser
from zicht.sources.crawler import identifiers
from zicht.sources.crawler.context import CrawlContext, context_of
from zicht.sources.crawler.items import AdItem, Event
from zicht.sources.crawler.minimise import MinimisationProfile, for_deployment

TRACKED = AD_FIELDS  # every field of the ad record; a field is hashed only when kept
# What json.dumps(value, sort_keys=True, ensure_ascii=False) builds on every call, built once.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class GatedIdentifier:
    kind: str
    pseudonym: str
    key_id: str
    raw_value: str | None


@dataclass
class GatedAd:
    url: str
    site: str
    event: Event
    fetched_at: datetime
    retain_until: datetime
    title: str | None = None
    text: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    identifiers: list[GatedIdentifier] = field(default_factory=list)
    field_hashes: dict[str, str] = field(default_factory=dict)
    content_hash: str = ""
    etag: str | None = None
    last_modified: str | None = None


class PrivacyGate:
    def __init__(self, ctx: CrawlContext, pseudonymiser: Pseudonymiser) -> None:
        self.ctx = ctx
        self.profile: MinimisationProfile = for_deployment(ctx.deployment)
        self.pseudonymiser = pseudonymiser
        self.retention = timedelta(days=ctx.deployment.retention_days)

    def admit(self, item: AdItem) -> GatedAd:
        ad = GatedAd(
            url=item.url,
            site=item.site,
            event=item.event,
            fetched_at=item.fetched_at,
            retain_until=item.fetched_at + self.retention,
            etag=item.etag,
            last_modified=item.last_modified,
        )
        if item.event is not Event.FETCHED:
            return ad
        profile = self.profile
        ad.field_hashes = {
            name: self.keyed_hash(name, getattr(item, name))
            for name in TRACKED
            if profile.keeps(name)
        }
        ad.content_hash = hashlib.sha256(
            json.dumps(ad.field_hashes, sort_keys=True).encode()
        ).hexdigest()
        if profile.keeps("title") and item.title:
            ad.title = identifiers.redact(item.title) if profile.redact_text else item.title
        if profile.keeps("text") and item.text:
            ad.text = identifiers.redact(item.text) if profile.redact_text else item.text
        ad.fields = {name: getattr(item, name) for name in profile.fields}
        for attribute, kind in profile.identifiers.items():
            for value in getattr(item, attribute):
                p = self.pseudonymiser.pseudonymise(kind, value)
                raw = value if self.profile.raw_identifiers else None
                ad.identifiers.append(GatedIdentifier(kind, p.digest, p.key_id, raw))
        return ad

    def keyed_hash(self, name: str, value: object) -> str:
        canonical = _CANONICAL.encode(value)
        return self.pseudonymiser.pseudonymise(f"field:{name}", canonical).digest[:32]


class PrivacyGatePipeline:
    def __init__(self, gate: PrivacyGate) -> None:
        self.gate = gate

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivacyGatePipeline:
        return cls(PrivacyGate(context_of(crawler), Pseudonymiser.from_settings()))

    def process_item(self, item: object) -> object:
        return self.gate.admit(item) if isinstance(item, AdItem) else item
