"""Signal queue: review labels and feedback messages to a mutation's author (issue 4).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
