"""Crawler: the deployment's minimisation profile (issue 3).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
