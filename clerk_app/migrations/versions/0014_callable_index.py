"""call-next reads the head of each service's line from an index of the callable tickets

Revision ID: 0014_callable_index
Revises: 0013_sync_error_code
Create Date: 2026-11-28 20:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_callable_index"
down_revision = "0013_sync_error_code"
branch_labels = None
depends_on = None

CALLABLE = sa.text("state IN ('waiting', 'parked')")
TARGETED = sa.text("target_window_id IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_ticket_callable",
        "ticket",
        ["hall_id", "day", "service_id", "priority_class", "arrival_ms", "id"],
        sqlite_where=CALLABLE,
        postgresql_where=CALLABLE,
    )
    op.create_index(
        "ix_ticket_targeted",
        "ticket",
        ["target_window_id", "hall_id", "day"],
        sqlite_where=TARGETED,
        postgresql_where=TARGETED,
    )


def downgrade() -> None:
    op.drop_index("ix_ticket_targeted", table_name="ticket")
    op.drop_index("ix_ticket_callable", table_name="ticket")
