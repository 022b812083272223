"""holiday arrangements published to the halls

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-07 04:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_release",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("published_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("year", "version", name=op.f("pk_calendar_release")),
    )


def downgrade() -> None:
    op.drop_table("calendar_release")
