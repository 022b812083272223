"""the sync state keeps the bookings mark: the server's bookings revision and the days pulled

Revision ID: 0033_bookings_mark
Revises: 0032_notifications
Create Date: 2026-12-08 01:45:00

Empty after the upgrade: the first sync pulls the bookings once and records the mark.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0033_bookings_mark"
down_revision = "0032_notifications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("appointments_mark", sa.String(length=80), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("appointments_mark")
