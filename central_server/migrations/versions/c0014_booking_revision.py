"""bookings: each hall's revision, given in hello so a counter pulls only when it moved

Revision ID: c0014
Revises: c0013
Create Date: 2026-12-08 01:40:00

A hall without a row is at revision 0; its next booking change makes it 1. Counters that held
nothing before pull once, as they did every cycle until now.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0014"
down_revision = "c0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking_revision",
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["hall.code"], name=op.f("fk_booking_revision_hall_code_hall")
        ),
        sa.PrimaryKeyConstraint("hall_code", name=op.f("pk_booking_revision")),
    )


def downgrade() -> None:
    op.drop_table("booking_revision")
