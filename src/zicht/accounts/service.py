"""Creating organisations and users, and logging in."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from zicht.accounts.passwords import dummy_hash, hash_password, verify_password
from zicht.domain import ROLE_ORG_KINDS, Organisation, OrgKind, Role, User
from zicht.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from zicht.privacy import audit
from zicht.store.db import utcnow
from zicht.store.tables import OrganisationRow, UserRow

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")
LOCAL_ADMIN = "local-admin"


def parse_kind(kind: str) -> OrgKind:
    try:
        return OrgKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in OrgKind)
        raise InvalidInput(f"unknown organisation kind {kind!r} (known: {known})") from None


def parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InvalidInput(f"unknown role {role!r} (known: {known})") from None


def org_to_domain(row: OrganisationRow) -> Organisation:
    return Organisation(row.id, row.name, OrgKind(row.kind))


def user_to_domain(row: UserRow) -> User:
    return User(row.id, row.username, row.org_id, OrgKind(row.organisation.kind), Role(row.role))


def add_org(session: Session, name: str, kind: str, *, actor: str = LOCAL_ADMIN) -> Organisation:
    name = name.strip()
    if not name:
        raise InvalidInput("organisation name is empty")
    org_kind = parse_kind(kind)
    if session.scalar(select(OrganisationRow).where(OrganisationRow.name == name)):
        raise Conflict(f"organisation {name!r} exists already")
    row = OrganisationRow(name=name, kind=org_kind.value, created_at=utcnow())
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="org.add",
        org_id=row.id,
        record_type="organisation",
        record_id=row.id,
        detail={"name": name, "kind": org_kind.value},
    )
    return org_to_domain(row)


def get_org(session: Session, name: str) -> Organisation:
    row = session.scalar(select(OrganisationRow).where(OrganisationRow.name == name))
    if row is None:
        raise NotFound(f"no organisation named {name!r}")
    return org_to_domain(row)


def list_orgs(session: Session, kind: OrgKind | None = None) -> list[Organisation]:
    query = select(OrganisationRow).order_by(OrganisationRow.name)
    if kind is not None:
        query = query.where(OrganisationRow.kind == kind.value)
    return [org_to_domain(row) for row in session.scalars(query)]


def add_user(
    session: Session,
    username: str,
    *,
    org: str,
    role: str,
    password: str,
    actor: str = LOCAL_ADMIN,
) -> User:
    if not USERNAME.match(username):
        raise InvalidInput(
            f"username {username!r} must be 2-63 lowercase letters, digits, '.', '_' or '-'"
        )
    user_role = parse_role(role)
    organisation = get_org(session, org)
    allowed = ROLE_ORG_KINDS[user_role]
    if organisation.kind not in allowed:
        kinds = ", ".join(sorted(k.value for k in allowed))
        raise InvalidInput(
            f"role {user_role.value} cannot belong to {organisation.name!r} "
            f"(a {organisation.kind.value} organisation); it needs a {kinds} organisation"
        )
    if session.scalar(select(UserRow).where(UserRow.username == username)):
        raise Conflict(f"user {username!r} exists already")
    row = UserRow(
        username=username,
        org_id=organisation.id,
        role=user_role.value,
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="user.add",
        org_id=organisation.id,
        record_type="user",
        record_id=row.id,
        detail={"username": username, "role": user_role.value},
    )
    session.refresh(row)
    return user_to_domain(row)


def get_user(session: Session, username: str) -> User:
    """The active user by name: how the CLI's `--as USERNAME` acts as someone."""
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    if row is None or not row.active:
        raise NotFound(f"no active user named {username!r}")
    return user_to_domain(row)


def authenticate(session: Session, username: str, password: str) -> User:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    ok = verify_password(row.password_hash if row else dummy_hash(), password)
    if row is None or not row.active or not ok:
        raise audit.refuse(
            session,
            Unauthenticated(
                "wrong username or password",
                audit={"actor": username[:100] or "?", "action": "login.failed"},
            ),
        )
    audit.record(session, actor=row.username, org_id=row.org_id, action="login", detail={})
    return user_to_domain(row)
