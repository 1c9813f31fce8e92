"""Partner API tokens per organisation (issue 7).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
