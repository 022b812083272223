"""the sync state keeps the code of its last error, for the screen to say in the clerk's language

Revision ID: 0013_sync_error_code
Revises: 0012_security2
Create Date: 2026-11-28 18:42:34
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_sync_error_code"
down_revision = "0012_security2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("last_error_code", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("last_error_code")
