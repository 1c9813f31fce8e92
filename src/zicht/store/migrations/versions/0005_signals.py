"""Signal queue: review labels and feedback messages to a mutation's author (issue 4).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "signal_labels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.Integer(), nullable=False),
        sa.Column("form", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("labelled_by", sa.String(length=100), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_signal_labels_document", "signal_labels", ["document_id"])
    op.create_table(
        "feedback_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label_id", sa.Integer(), nullable=False),
        sa.Column("from_org_id", sa.Integer(), nullable=False),
        sa.Column("to_org_id", sa.Integer(), nullable=False),
        sa.Column("to_author", sa.String(length=100), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("read_at", TZ, nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["label_id"], ["signal_labels.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["from_org_id"], ["organisations.id"]),
        sa.ForeignKeyConstraint(["to_org_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_feedback_messages_to", "feedback_messages", ["to_org_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_feedback_messages_to", table_name="feedback_messages")
    op.drop_table("feedback_messages")
    op.drop_index("ix_signal_labels_document", table_name="signal_labels")
    op.drop_table("signal_labels")
