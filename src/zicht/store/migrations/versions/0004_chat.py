"""Chat: conversations, messages (transcripts), transfers and closing forms.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 17:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "chat_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resume_hash", sa.String(length=64), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=True),
        sa.Column("counsellor", sa.String(length=100), nullable=True),
        sa.Column("visitor_key", sa.String(length=100), nullable=True),
        sa.Column("same_as_id", sa.Integer(), nullable=True),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("end_reason", sa.String(length=32), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("accepted_at", TZ, nullable=True),
        sa.Column("ended_at", TZ, nullable=True),
        sa.Column("transcript_deleted_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["same_as_id"], ["chat_conversations.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("resume_hash"),
    )
    op.create_index("ix_chat_conversations_status", "chat_conversations", ["status"])
    op.create_index("ix_chat_conversations_created", "chat_conversations", ["created_at"])
    op.create_index("ix_chat_conversations_visitor", "chat_conversations", ["visitor_key"])
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("sender", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["chat_conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversation_id", "seq", name="uq_chat_messages_seq"),
    )
    op.create_table(
        "chat_transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("from_user", sa.String(length=100), nullable=False),
        sa.Column("to_user", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["chat_conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_chat_transfers_conversation", "chat_transfers", ["conversation_id"])
    op.create_table(
        "chat_closings",
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("about_trafficking", sa.Boolean(), nullable=False),
        sa.Column("caller", sa.String(length=16), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=True),
        sa.Column("age_group", sa.String(length=16), nullable=False),
        sa.Column("gender", sa.String(length=16), nullable=False),
        sa.Column("relationship", sa.String(length=32), nullable=True),
        sa.Column("municipality_code", sa.String(length=6), nullable=True),
        sa.Column("consent", sa.String(length=16), nullable=False),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("referral_id", sa.Integer(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("closed_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["chat_conversations.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["registration_id"], ["registrations.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["referral_id"], ["referrals.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("conversation_id"),
    )
    op.create_index("ix_chat_closings_year", "chat_closings", ["year"])


def downgrade() -> None:
    op.drop_index("ix_chat_closings_year", table_name="chat_closings")
    op.drop_table("chat_closings")
    op.drop_index("ix_chat_transfers_conversation", table_name="chat_transfers")
    op.drop_table("chat_transfers")
    op.drop_table("chat_messages")
    op.drop_index("ix_chat_conversations_visitor", table_name="chat_conversations")
    op.drop_index("ix_chat_conversations_created", table_name="chat_conversations")
    op.drop_index("ix_chat_conversations_status", table_name="chat_conversations")
    op.drop_table("chat_conversations")
