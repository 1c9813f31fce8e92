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
    minimisation: Mapped[list[Any]]  # the ad fields a crawl keeps (issue 3, migration 0008)
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


class CrawlRunRow(Base):
    """One run of `zicht crawl` (one process): who ran it, how it ended, what it counted."""

    __tablename__ = "crawl_runs"
    __table_args__ = (Index("ix_crawl_runs_deployment", "deployment_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deployment_id: Mapped[int] = mapped_column(ForeignKey("deployments.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    started_by: Mapped[str] = mapped_column(String(100))
    mode: Mapped[str] = mapped_column(String(16))
    frontier: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    finish_reason: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CrawlErrorRow(Base):
    """A URL that failed in a run, with the reason; the run went on."""

    __tablename__ = "crawl_errors"
    __table_args__ = (Index("ix_crawl_errors_run", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("crawl_runs.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    reason: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    http_status: Mapped[int | None]
    at: Mapped[datetime]


class CrawledAdRow(Base):
    """An ad's identity in one deployment: its URL and what a recrawl needs to revisit it."""

    __tablename__ = "crawled_ads"
    __table_args__ = (UniqueConstraint("deployment_id", "url", name="uq_crawled_ads_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    deployment_id: Mapped[int] = mapped_column(ForeignKey("deployments.id"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    url: Mapped[str] = mapped_column(String(2000))
    site: Mapped[str] = mapped_column(String(255))
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]
    disappeared_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    field_hashes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    etag: Mapped[str | None] = mapped_column(String(255))
    last_modified: Mapped[str | None] = mapped_column(String(64))


class AdVersionRow(Base):
    """A version of an ad: appeared, changed (which fields) or disappeared; unique per number."""

    __tablename__ = "ad_versions"
    __table_args__ = (UniqueConstraint("ad_id", "version", name="uq_ad_versions_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ad_id: Mapped[int] = mapped_column(ForeignKey("crawled_ads.id", ondelete="CASCADE"))
    version: Mapped[int]
    change: Mapped[str] = mapped_column(String(16))
    changed_fields: Mapped[list[Any]]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id", ondelete="SET NULL"))
    first_seen: Mapped[datetime]
    last_seen: Mapped[datetime]


class RegistrationRow(Base):
    """A possible victim registered by an organisation (fields after IOM's HTCDS 2.0).

    The identity columns are the owning organisation's: what leaves it is decided by
    `consent` in `zicht.registry` (counted: only `linkage_key` and `blocks`).
    """

    __tablename__ = "registrations"
    __table_args__ = (
        UniqueConstraint("org_id", "ref", name="uq_registrations_ref"),
        Index("ix_registrations_retain_until", "retain_until"),
        Index("ix_registrations_person", "person_id"),
        Index("ix_registrations_year", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    ref: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(200))
    family_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    sex: Mapped[str] = mapped_column(String(1))
    citizenship: Mapped[str] = mapped_column(String(3))
    municipality_code: Mapped[str] = mapped_column(String(6))
    form: Mapped[str] = mapped_column(String(16))
    year: Mapped[int]
    consent: Mapped[str] = mapped_column(String(16))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    contact: Mapped[str | None] = mapped_column(Text)
    linkage_key: Mapped[str] = mapped_column(Text)
    blocks: Mapped[list[Any]]
    person_id: Mapped[str | None] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    retain_until: Mapped[datetime]


class OrgUnitRow(Base):
    """Which police regional unit an organisation's AVIM team serves (one team per unit)."""

    __tablename__ = "org_units"

    org_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True
    )
    unit_code: Mapped[str] = mapped_column(String(4), unique=True)
    declared_by: Mapped[str] = mapped_column(String(100))
    declared_at: Mapped[datetime]


class ReferralEventRow(Base):
    """One step in a referral's life: sent, received, accepted, declined, closed."""

    __tablename__ = "referral_events"
    __table_args__ = (Index("ix_referral_events_referral", "referral_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)


class ChatConversationRow(Base):
    """A help-chat conversation: no address, no name; the resume secret only as a hash.

    `visitor_key` is a keyed pseudonym of the anonymous token a visitor may choose to
    keep on their device; `same_as_id` is a counsellor's "same person as" mark. Both
    serve only to count people, not chats.
    """

    __tablename__ = "chat_conversations"
    __table_args__ = (
        Index("ix_chat_conversations_status", "status"),
        Index("ix_chat_conversations_created", "created_at"),
        Index("ix_chat_conversations_visitor", "visitor_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    resume_hash: Mapped[str] = mapped_column(String(64), unique=True)
    lang: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16))
    org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    counsellor: Mapped[str | None] = mapped_column(String(100))
    visitor_key: Mapped[str | None] = mapped_column(String(100))
    same_as_id: Mapped[int | None] = mapped_column(
        ForeignKey("chat_conversations.id", ondelete="SET NULL")
    )
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    end_reason: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    transcript_deleted_at: Mapped[datetime | None]


class ChatMessageRow(Base):
    """One message of a transcript; deleted by the retention job after the set number of days."""

    __tablename__ = "chat_messages"
    __table_args__ = (UniqueConstraint("conversation_id", "seq", name="uq_chat_messages_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("chat_conversations.id", ondelete="CASCADE")
    )
    seq: Mapped[int]
    sender: Mapped[str] = mapped_column(String(16))
    author: Mapped[str | None] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]


class ChatTransferRow(Base):
    """A hand-over to a colleague with a note; the note goes with the transcript."""

    __tablename__ = "chat_transfers"
    __table_args__ = (Index("ix_chat_transfers_conversation", "conversation_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("chat_conversations.id", ondelete="CASCADE")
    )
    from_user: Mapped[str] = mapped_column(String(100))
    to_user: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime]


class ChatClosingRow(Base):
    """The closing form (after IOM's HTCDS): what is counted; it outlives the transcript."""

    __tablename__ = "chat_closings"
    __table_args__ = (Index("ix_chat_closings_year", "year"),)

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("chat_conversations.id", ondelete="CASCADE"), primary_key=True
    )
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    year: Mapped[int]
    about_trafficking: Mapped[bool] = mapped_column(Boolean)
    caller: Mapped[str] = mapped_column(String(16))
    form: Mapped[str | None] = mapped_column(String(16))
    age_group: Mapped[str] = mapped_column(String(16))
    gender: Mapped[str] = mapped_column(String(16))
    relationship: Mapped[str | None] = mapped_column(String(32))
    municipality_code: Mapped[str | None] = mapped_column(String(6))
    consent: Mapped[str] = mapped_column(String(16))
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL")
    )
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referrals.id", ondelete="SET NULL"))
    closed_by: Mapped[str] = mapped_column(String(100))
    closed_at: Mapped[datetime]


# --- Signal queue: labels and feedback (issue 4, migration 0005) ---


class SignalLabelRow(Base):
    """An analyst's confirm (1) or reject (0) of a document's signals: the latest one counts,
    and every one is training data for the detector."""

    __tablename__ = "signal_labels"
    __table_args__ = (Index("ix_signal_labels_document", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    label: Mapped[int] = mapped_column(Integer)
    form: Mapped[str | None] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    labelled_by: Mapped[str] = mapped_column(String(100))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    created_at: Mapped[datetime]


class FeedbackMessageRow(Base):
    """Feedback on a mutation's signal to the organisation and officer who wrote it."""

    __tablename__ = "feedback_messages"
    __table_args__ = (Index("ix_feedback_messages_to", "to_org_id", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    label_id: Mapped[int] = mapped_column(ForeignKey("signal_labels.id", ondelete="CASCADE"))
    from_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    to_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    to_author: Mapped[str | None] = mapped_column(String(100))
    verdict: Mapped[str] = mapped_column(String(16))
    indicators: Mapped[list[Any]]
    reason: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)  # the message as sent, in English
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]


# --- Ad networks (issue 5, migration 0006) ---


class LinkRunRow(Base):
    """One linkage run over an organisation's crawled ads: what it read, how, and what it found."""

    __tablename__ = "link_runs"
    __table_args__ = (Index("ix_link_runs_org", "org_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    started_by: Mapped[str] = mapped_column(String(100))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime]
    deployment_ids: Mapped[list[Any]]
    engine: Mapped[str] = mapped_column(String(16))
    settings: Mapped[dict[str, Any]]
    ads: Mapped[int]
    networks: Mapped[int]  # networks of two or more ads (singletons are not stored)
    raw_identifiers: Mapped[bool] = mapped_column(Boolean, default=False)
    timings: Mapped[dict[str, Any]]


class AdNetworkRow(Base):
    """A network of ads found by a run, with its score and the contributions behind it."""

    __tablename__ = "ad_networks"
    __table_args__ = (
        UniqueConstraint("run_id", "network_key", name="uq_ad_networks_key"),
        Index("ix_ad_networks_run_score", "run_id", "score"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("link_runs.id", ondelete="CASCADE"))
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    network_key: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)
    ads: Mapped[int]
    cities: Mapped[int]
    names: Mapped[int]
    first_seen: Mapped[datetime | None]
    last_seen: Mapped[datetime | None]
    indicators: Mapped[dict[str, Any]]
    contributions: Mapped[list[Any]]


class NetworkMemberRow(Base):
    """A crawled ad in a network; the document is the version that was linked."""

    __tablename__ = "network_members"
    __table_args__ = (
        UniqueConstraint("network_id", "ad_id", name="uq_network_members_ad"),
        Index("ix_network_members_ad", "ad_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("ad_networks.id", ondelete="CASCADE"))
    ad_id: Mapped[int] = mapped_column(ForeignKey("crawled_ads.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    city: Mapped[str] = mapped_column(String(100))
    posted: Mapped[str | None] = mapped_column(String(10))  # ISO day the ad was posted or seen
    third_person: Mapped[bool] = mapped_column(Boolean, default=False)
    in_template: Mapped[bool] = mapped_column(Boolean, default=False)


class NetworkEdgeRow(Base):
    """Two ads joined by a shared value: its kind, weight and (pseudonymised) value."""

    __tablename__ = "network_edges"
    __table_args__ = (Index("ix_network_edges_network", "network_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("ad_networks.id", ondelete="CASCADE"))
    left_ad_id: Mapped[int] = mapped_column(ForeignKey("crawled_ads.id", ondelete="CASCADE"))
    right_ad_id: Mapped[int] = mapped_column(ForeignKey("crawled_ads.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    weight: Mapped[float] = mapped_column(Float)
    via: Mapped[str] = mapped_column(String(100))  # keyed pseudonym, photo hash or "template"
    raw_value: Mapped[str | None] = mapped_column(String(500))


class NetworkTemplateRow(Base):
    """The text template of a network's largest near-duplicate cluster and its changing slots."""

    __tablename__ = "network_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    network_id: Mapped[int] = mapped_column(
        ForeignKey("ad_networks.id", ondelete="CASCADE"), unique=True
    )
    texts: Mapped[int]
    coverage: Mapped[float] = mapped_column(Float)
    segments: Mapped[list[Any]]


class IgnoredIdentifierRow(Base):
    """A hub a run kept out of its graph (a site's footer number, a stock photo), and why."""

    __tablename__ = "link_ignored_identifiers"
    __table_args__ = (Index("ix_link_ignored_run", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("link_runs.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    via: Mapped[str] = mapped_column(String(100))
    raw_value: Mapped[str | None] = mapped_column(String(500))
    ads: Mapped[int]
    cities: Mapped[int]
    advertisers: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)


# --- Partner API tokens (issue 7, migration 0007) ---


class PartnerTokenRow(Base):
    """A partner API token of one organisation: only the SHA-256 of the secret is kept."""

    __tablename__ = "partner_tokens"
    __table_args__ = (UniqueConstraint("org_id", "name", name="uq_partner_tokens_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(100))
    revoked_at: Mapped[datetime | None]
