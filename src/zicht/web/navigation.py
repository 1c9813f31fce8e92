"""Which pages each role has: the navigation bar and the role home pages read this one list.

A later feature adds its page with `register(Page(...))` when its router is included.
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.domain import Role, User

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True, slots=True)
class Page:
    """A page in the navigation: `nav.<key>` names it, `page.<key>` says what it is for."""

    key: str
    path: str
    roles: frozenset[Role]


PAGES: list[Page] = [
    Page("deployments", "/deployments", frozenset({Role.ANALYST, Role.PROSECUTOR, Role.ADMIN})),
    Page("audit", "/audit", ALL_ROLES),
    Page("api", "/docs", frozenset({Role.ANALYST, Role.PROSECUTOR, Role.ADMIN})),
]


def register(page: Page) -> None:
    if any(existing.key == page.key for existing in PAGES):
        raise ValueError(f"a page with key {page.key!r} is registered already")
    PAGES.append(page)


def pages_for(user: User | None) -> list[Page]:
    if user is None:
        return []
    return [page for page in PAGES if user.role in page.roles]
