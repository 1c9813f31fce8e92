"""Organisations, users and the roles that decide what a user may do."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OrgKind(StrEnum):
    POLICE = "police"
    PROSECUTION = "prosecution"
    HELPLINE = "helpline"
    REGISTRY = "registry"
    INSPECTORATE = "inspectorate"
    MUNICIPALITY = "municipality"
    RESEARCH = "research"


class Role(StrEnum):
    ANALYST = "analyst"
    PROSECUTOR = "prosecutor"
    COUNSELLOR = "counsellor"
    CLERK = "clerk"
    INSPECTOR = "inspector"
    RESEARCHER = "researcher"
    ADMIN = "admin"


# Which kinds of organisation a role can belong to: a prosecutor outside the
# prosecution service could authorise a police crawl, so the pairing is a rule.
ROLE_ORG_KINDS: dict[Role, frozenset[OrgKind]] = {
    Role.ANALYST: frozenset({OrgKind.POLICE, OrgKind.INSPECTORATE}),
    Role.PROSECUTOR: frozenset({OrgKind.PROSECUTION}),
    Role.COUNSELLOR: frozenset({OrgKind.HELPLINE}),
    Role.CLERK: frozenset({OrgKind.REGISTRY}),
    Role.INSPECTOR: frozenset({OrgKind.INSPECTORATE, OrgKind.MUNICIPALITY}),
    Role.RESEARCHER: frozenset({OrgKind.RESEARCH, OrgKind.REGISTRY}),
    Role.ADMIN: frozenset(OrgKind),
}


@dataclass(frozen=True, slots=True)
class Organisation:
    id: int
    name: str
    kind: OrgKind


@dataclass(frozen=True, slots=True)
class User:
    id: int
    username: str
    org_id: int
    org_kind: OrgKind
    role: Role

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN
