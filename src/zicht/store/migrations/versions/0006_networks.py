"""Ad networks: link runs, networks, members, edges, templates, ignored identifiers (issue 5).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 19:45:00
"""

import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
