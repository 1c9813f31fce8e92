"""Ad networks: link runs, networks, members, edges, templates, ignored identifiers (issue 5).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "link_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("started_by", sa.String(length=100), nullable=False),
        sa.Column("started_at", TZ, nullable=False),
        sa.Column("finished_at", TZ, nullable=False),
        sa.Column("deployment_ids", sa.JSON(), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("ads", sa.Integer(), nullable=False),
        sa.Column("networks", sa.Integer(), nullable=False),
        sa.Column("raw_identifiers", sa.Boolean(), nullable=False),
        sa.Column("timings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_link_runs_org", "link_runs", ["org_id"])
    op.create_table(
        "ad_networks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("network_key", sa.String(length=32), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("ads", sa.Integer(), nullable=False),
        sa.Column("cities", sa.Integer(), nullable=False),
        sa.Column("names", sa.Integer(), nullable=False),
        sa.Column("first_seen", TZ, nullable=True),
        sa.Column("last_seen", TZ, nullable=True),
        sa.Column("indicators", sa.JSON(), nullable=False),
        sa.Column("contributions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["link_runs.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_id"], ["organisations.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "network_key", name="uq_ad_networks_key"),
    )
    op.create_index("ix_ad_networks_run_score", "ad_networks", ["run_id", "score"])
    op.create_table(
        "network_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("ad_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("posted", sa.String(length=10), nullable=True),
        sa.Column("third_person", sa.Boolean(), nullable=False),
        sa.Column("in_template", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["network_id"], ["ad_networks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ad_id"], ["crawled_ads.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("network_id", "ad_id", name="uq_network_members_ad"),
    )
    op.create_index("ix_network_members_ad", "network_members", ["ad_id"])
    op.create_table(
        "network_edges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("left_ad_id", sa.Integer(), nullable=False),
        sa.Column("right_ad_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("via", sa.String(length=100), nullable=False),
        sa.Column("raw_value", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(["network_id"], ["ad_networks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["left_ad_id"], ["crawled_ads.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["right_ad_id"], ["crawled_ads.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_network_edges_network", "network_edges", ["network_id"])
    op.create_table(
        "network_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("network_id", sa.Integer(), nullable=False),
        sa.Column("texts", sa.Integer(), nullable=False),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("segments", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["network_id"], ["ad_networks.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("network_id"),
    )
    op.create_table(
        "link_ignored_identifiers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("via", sa.String(length=100), nullable=False),
        sa.Column("raw_value", sa.String(length=500), nullable=True),
        sa.Column("ads", sa.Integer(), nullable=False),
        sa.Column("cities", sa.Integer(), nullable=False),
        sa.Column("advertisers", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["link_runs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_link_ignored_run", "link_ignored_identifiers", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_link_ignored_run", table_name="link_ignored_identifiers")
    op.drop_table("link_ignored_identifiers")
    op.drop_table("network_templates")
    op.drop_index("ix_network_edges_network", table_name="network_edges")
    op.drop_table("network_edges")
    op.drop_index("ix_network_members_ad", table_name="network_members")
    op.drop_table("network_members")
    op.drop_index("ix_ad_networks_run_score", table_name="ad_networks")
    op.drop_table("ad_networks")
    op.drop_index("ix_link_runs_org", table_name="link_runs")
    op.drop_table("link_runs")
