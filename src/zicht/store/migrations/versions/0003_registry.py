"""Registry: registrations of possible victims, organisations' police units, referral events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=100), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("citizenship", sa.String(length=3), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("consent", sa.String(length=16), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("linkage_key", sa.Text(), nullable=False),
        sa.Column("blocks", sa.JSON(), nullable=False),
        sa.Column("person_id", sa.String(length=32), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("retain_until", TZ, nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_id", "ref", name="uq_registrations_ref"),
    )
    op.create_index("ix_registrations_retain_until", "registrations", ["retain_until"])
    op.create_index("ix_registrations_person", "registrations", ["person_id"])
    op.create_index("ix_registrations_year", "registrations", ["year"])
    op.create_table(
        "org_units",
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("unit_code", sa.String(length=4), nullable=False),
        sa.Column("declared_by", sa.String(length=100), nullable=False),
        sa.Column("declared_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("org_id"),
        sa.UniqueConstraint("unit_code"),
    )
    op.create_table(
        "referral_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_referral_events_referral", "referral_events", ["referral_id"])


def downgrade() -> None:
    op.drop_index("ix_referral_events_referral", table_name="referral_events")
    op.drop_table("referral_events")
    op.drop_table("org_units")
    op.drop_index("ix_registrations_year", table_name="registrations")
    op.drop_index("ix_registrations_person", table_name="registrations")
    op.drop_index("ix_registrations_retain_until", table_name="registrations")
    op.drop_table("registrations")
