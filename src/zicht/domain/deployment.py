"""A deployment: the legal frame of one collection (who, why, what, how long)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class DeploymentStatus(StrEnum):
    DRAFT = "draft"
    AUTHORISED = "authorised"
    EXPIRED = "expired"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class Politeness:
    """How gently a crawl behaves; anything but the defaults is a deviation the prosecutor sees."""

    obey_robots: bool = True
    concurrent_per_domain: int = 1
    download_delay: float = 1.0
    autothrottle: bool = True

    def deviations(self) -> list[str]:
        default = Politeness()
        out = []
        if self.obey_robots != default.obey_robots:
            out.append("robots.txt is not obeyed")
        if self.concurrent_per_domain != default.concurrent_per_domain:
            out.append(f"{self.concurrent_per_domain} concurrent requests per domain")
        if self.download_delay != default.download_delay:
            out.append(f"download delay {self.download_delay:g}s")
        if self.autothrottle != default.autothrottle:
            out.append("AutoThrottle off")
        return out


# What a crawled ad can hold, in the order a reviewer reads it. Identifiers (phones,
# e-mails, handles, image hashes) are kept as keyed pseudonyms; raw values only where
# the deployment allows raw identifiers.
AD_FIELDS = (
    "title",
    "text",
    "advertiser",
    "city",
    "age",
    "prices",
    "posted",
    "images",
    "phones",
    "emails",
    "handles",
)
# The strict default keeps what detection (title, text), linking (identifiers, image
# hashes) and routing (city) use, and no name: the advertiser's name identifies a
# person without helping to find the network, which the identifiers already link.
DEFAULT_AD_FIELDS = tuple(f for f in AD_FIELDS if f != "advertiser")


@dataclass(frozen=True, slots=True)
class Minimisation:
    """Which fields of an ad a deployment keeps; anything else never reaches the store."""

    keep: tuple[str, ...] = DEFAULT_AD_FIELDS

    def keeps(self, name: str) -> bool:
        return name in self.keep

    @property
    def dropped(self) -> tuple[str, ...]:
        return tuple(f for f in AD_FIELDS if f not in self.keep)

    def widenings(self) -> list[str]:
        """What this keeps beyond the strict default: for the prosecutor's eye."""
        return [f for f in self.keep if f not in DEFAULT_AD_FIELDS]


@dataclass(frozen=True, slots=True)
class Deployment:
    id: int
    org_id: int
    created_by: str
    purpose: str
    legal_basis_code: str
    legal_basis_text: str
    submitted_to_org_id: int
    status: DeploymentStatus
    domains: tuple[str, ...]
    url_patterns: tuple[str, ...]
    max_pages: int
    max_depth: int
    valid_days: int
    retention_days: int
    raw_identifiers: bool
    created_at: datetime
    politeness: Politeness = field(default_factory=Politeness)
    minimisation: Minimisation = field(default_factory=Minimisation)
    authorised_by: str | None = None
    authorised_at: datetime | None = None
    valid_until: datetime | None = None
    revoked_by: str | None = None
    revoked_at: datetime | None = None

    def status_at(self, now: datetime) -> DeploymentStatus:
        """Expiry is a matter of time, not of a stored flag."""
        if (
            self.status is DeploymentStatus.AUTHORISED
            and self.valid_until is not None
            and now >= self.valid_until
        ):
            return DeploymentStatus.EXPIRED
        return self.status
