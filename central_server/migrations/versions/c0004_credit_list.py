"""the joint-punishment list the counters check at intake

Revision ID: c0004
Revises: c0003
Create Date: 2026-12-07 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credit_listing",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subject_hash", sa.String(length=64), nullable=False),
        sa.Column("subject_masked", sa.String(length=24), nullable=False),
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("listed_since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("added_ms", sa.BigInteger(), nullable=False),
        sa.Column("removed_by", sa.String(length=64), nullable=True),
        sa.Column("removed_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credit_listing")),
    )
    op.create_index(
        op.f("ix_credit_listing_subject_hash"), "credit_listing", ["subject_hash"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_credit_listing_subject_hash"), table_name="credit_listing")
    op.drop_table("credit_listing")
