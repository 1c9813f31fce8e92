"""Turning a fetched page into an ad: by the site's profile, or generically by main text.

Identifiers are taken only from the ad's own body (the profile's `body`, or the
main text), so the site's own footer number is never attributed to an ad.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin

from parsel import Selector

from zicht.sources.crawler import identifiers
from zicht.sources.crawler.items import AdItem
from zicht.sources.crawler.profiles import SiteProfile, select
from zicht.sources.crawler.selectors import nodes, strings

SPACE = re.compile(r"\s+")
MIN_GENERIC_TEXT = 80
SITE_CONTACT = "//footer//text() | //header//text()"  # where a site keeps its own number


def clean(parts: list[str]) -> str:
    return SPACE.sub(" ", " ".join(parts)).strip()


def links(page: Selector, base: str, selector: str = "a::attr(href)") -> list[str]:
    out = []
    for href in select(page, selector):
        href = href.strip()
        if href and not href.startswith(("#", "mailto:", "tel:", "javascript:")):
            out.append(urljoin(base, href).split("#", 1)[0])
    return list(dict.fromkeys(out))


def by_profile(page: Selector, item: AdItem, profile: SiteProfile) -> AdItem:
    rules = profile.ad
    body = nodes(page.root, rules.body)
    raw = {name: select(page, sel) for name, sel in rules.fields.items()}
    values = {name: clean(found) for name, found in raw.items()}
    item.profile = profile.name
    item.title = values.get("title") or None
    item.text = values.get("text") or None
    item.advertiser = values.get("advertiser") or None
    item.city = values.get("city") or None
    item.posted = values.get("posted") or None
    item.age = _int(values.get("age")) or identifiers.age(item.text or "")
    prices = raw.get("prices", [])
    item.prices = [p for price in prices for p in identifiers.prices(price) or _ints(price)]
    body_text = clean(strings(body[0], ".//text()") if body else [item.text or ""])
    site_own = clean(select(page, rules.site_contact or SITE_CONTACT))
    _identifiers(item, body_text, exclude=site_own)
    if rules.images:
        item.image_urls = links(page, item.url, rules.images)
    return item


def generic(html: str, page: Selector, item: AdItem) -> AdItem | None:
    """Main text by trafilatura; None when the page carries no ad-like content."""
    import trafilatura

    main = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    title = clean(page.css("h1 ::text").getall()[:1] or page.css("title::text").getall())
    item.title = title or None
    item.text = main or None
    _identifiers(item, main, exclude=clean(select(page, SITE_CONTACT)))
    item.age = identifiers.age(main)
    item.prices = identifiers.prices(main)
    if len(main) < MIN_GENERIC_TEXT and not (item.phones or item.emails or item.handles):
        return None
    return item


def _identifiers(item: AdItem, text: str, exclude: str = "") -> None:
    """The ad's identifiers, without the site's own (a footer number quoted in an ad)."""
    own = _site_own(exclude)
    item.phones = [p for p in identifiers.phones(text) if p not in own]
    item.emails = [e for e in identifiers.emails(text) if e not in own]
    item.handles = identifiers.handles(text)


@lru_cache(maxsize=256)
def _site_own(text: str) -> frozenset[str]:
    """A site's own numbers and addresses: the same footer on every page, so read once."""
    return frozenset(identifiers.phones(text)) | frozenset(identifiers.emails(text))


def _int(value: str | None) -> int | None:
    numbers = _ints(value or "")
    return numbers[0] if numbers else None


def _ints(value: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", value)]
