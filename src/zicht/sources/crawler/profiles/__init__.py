"""Site profiles: where a site keeps its listings, next-page links, ad links and ad fields.

A profile is a small YAML file validated at load time, so a wrong selector fails
before a crawl starts instead of silently extracting nothing. A site without a
profile falls back to generic extraction (see `zicht.sources.crawler.extract`).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from parsel import Selector
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from zicht.errors import ConfigurationError, InvalidInput
from zicht.sources.crawler.selectors import strings

HERE = Path(__file__).parent
FIELDS = ("title", "text", "advertiser", "city", "age", "prices", "posted", "contact")


def _check_selector(value: str) -> str:
    try:
        select(Selector(text="<html></html>"), value)
    except Exception as exc:  # noqa: BLE001 - parsel raises several kinds for a bad selector
        raise ValueError(f"{value!r} is not a valid CSS or XPath selector: {exc}") from None
    return value


def _check_regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"{value!r} is not a valid regex: {exc}") from None
    return value


class ListingRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url_pattern: str
    ad_links: str
    next_page: str | None = None

    _pattern = field_validator("url_pattern")(_check_regex)
    _selectors = field_validator("ad_links", "next_page")(
        lambda v: v if v is None else _check_selector(v)
    )


class AdRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    url_pattern: str
    body: str = Field(description="the part of the page identifiers are taken from")
    fields: dict[str, str]
    images: str | None = None
    site_contact: str | None = Field(
        None, description="the site's own contact details: never an advertiser's identifier"
    )

    _pattern = field_validator("url_pattern")(_check_regex)
    _body = field_validator("body", "images", "site_contact")(
        lambda v: v if v is None else _check_selector(v)
    )

    @field_validator("fields")
    @classmethod
    def _fields(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(value) - set(FIELDS))
        if unknown:
            raise ValueError(f"unknown ad fields {unknown} (known: {', '.join(FIELDS)})")
        for selector in value.values():
            _check_selector(selector)
        return value


class SiteProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    description: str = ""
    detect: str = Field(description="a selector that matches only on this site's pages")
    start_paths: list[str] = ["/"]
    listing: ListingRules
    ad: AdRules

    _detect = field_validator("detect")(_check_selector)

    def matches(self, page: Selector) -> bool:
        return bool(select(page, self.detect))

    def is_ad(self, url: str) -> bool:
        return re.search(self.ad.url_pattern, url) is not None

    def is_listing(self, url: str) -> bool:
        return re.search(self.listing.url_pattern, url) is not None


def select(page: Selector, selector: str) -> list[str]:
    """Strings a CSS (with ::text / ::attr) or XPath selector yields, as parsel's `getall()`."""
    return strings(page.root, selector)


def load(source: str | Path) -> SiteProfile:
    """A profile by name (a file in this folder) or by path; refused clearly when invalid."""
    path = Path(source)
    if not path.suffix:
        path = HERE / f"{source}.yaml"
    if not path.is_file():
        known = ", ".join(available()) or "none"
        raise InvalidInput(f"no site profile {str(source)!r} (known profiles: {known})")
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        return SiteProfile.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigurationError(f"site profile {path.name} is invalid: {exc}") from None


def available() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.yaml"))


@cache
def bundled() -> tuple[SiteProfile, ...]:
    return tuple(load(name) for name in available())
