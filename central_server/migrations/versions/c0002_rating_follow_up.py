"""rating follow-ups pushed by the counters

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-28 17:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rating_follow_up",
        sa.Column("rating_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("closed_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("received_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["rating.id"], name=op.f("fk_rating_follow_up_rating_id_rating")
        ),
        sa.PrimaryKeyConstraint("rating_id", name=op.f("pk_rating_follow_up")),
    )


def downgrade() -> None:
    op.drop_table("rating_follow_up")
