"""Crawler: the deployment's minimisation profile (issue 3).

The ad fields a crawl keeps. Deployments drafted before keep what they kept
then: the strict default, plus the advertiser's name where raw identifiers
were allowed (the old `full` profile), so no authorised frame widens or
narrows by a migration.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 19:45:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)

# A snapshot, not an import: a migration must not change when the code does.
STRICT = [
    "title",
    "text",
    "city",
    "age",
    "prices",
    "posted",
    "images",
    "phones",
    "emails",
    "handles",
]
FULL = ["title", "text", "advertiser", *STRICT[2:]]


def upgrade() -> None:
    op.add_column(
        "deployments",
        sa.Column(
            "minimisation",
            sa.JSON(),
            nullable=False,
            server_default=sa.text(f"'{json.dumps(STRICT)}'"),
        ),
    )
    deployments = sa.table(
        "deployments",
        sa.column("raw_identifiers", sa.Boolean()),
        sa.column("minimisation", sa.JSON()),
    )
    op.execute(
        deployments.update()
        .where(deployments.c.raw_identifiers.is_(True))
        .values(minimisation=FULL)
    )


def downgrade() -> None:
    with op.batch_alter_table("deployments") as batch:
        batch.drop_column("minimisation")
