"""The tables. One declarative class per table; behaviour lives in services, not here."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from zicht.store.types import UTCDateTime


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class OrganisationRow(Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]

    organisation: Mapped[OrganisationRow] = relationship(lazy="joined")


class WebSessionRow(Base):
    """Server-side login sessions; the cookie holds only a random token."""

    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class DeploymentRow(Base):
    __tablename__ = "deployments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    created_by: Mapped[str] = mapped_column(String(100))
    purpose: Mapped[str] = mapped_column(Text)
    legal_basis_code: Mapped[str] = mapped_column(String(100))
    legal_basis_text: Mapped[str] = mapped_column(Text)
    submitted_to_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    status: Mapped[str] = mapped_column(String(16))
    domains: Mapped[list[Any]]
    url_patterns: Mapped[list[Any]]
    max_pages: Mapped[int]
    max_depth: Mapped[int]
    valid_days: Mapped[int]
    retention_days: Mapped[int]
    raw_identifiers: Mapped[bool] = mapped_column(Boolean, default=False)
    politeness: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    authorised_by: Mapped[str | None] = mapped_column(String(100))
    authorised_at: Mapped[datetime | None]
    valid_until: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(100))
    revoked_at: Mapped[datetime | None]


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deployment_id: Mapped[int | None] = mapped_column(ForeignKey("deployments.id"))
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("org_id", "kind", "external_ref", name="uq_documents_ref"),
        Index("ix_documents_retain_until", "retain_until"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    kind: Mapped[str] = mapped_column(String(32))
    deployment_id: Mapped[int | None] = mapped_column(ForeignKey("deployments.id"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    external_ref: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[datetime]
    retain_until: Mapped[datetime]


class IdentifierRow(Base):
    """A keyed pseudonym of a phone number, e-mail, handle or image, beside a document."""

    __tablename__ = "identifiers"
    __table_args__ = (Index("ix_identifiers_pseudonym", "kind", "pseudonym"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    pseudonym: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(32))
    raw_value: Mapped[str | None] = mapped_column(String(500))


class SignalRow(Base):
    __tablename__ = "signals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    indicator_id: Mapped[str] = mapped_column(String(64))
    form: Mapped[str] = mapped_column(String(16))
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[list[Any]]
    created_at: Mapped[datetime]


class ReferralRow(Base):
    __tablename__ = "referrals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    to_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    record_type: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))
    sent_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)


class AuditRow(Base):
    """Append-only: the database refuses UPDATE and DELETE (see the migration's triggers)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(100))
    org_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(64))
    record_type: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64), unique=True)
