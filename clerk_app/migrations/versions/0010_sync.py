"""the sync engine's state: device credential, feed cursor and epoch, catalogue ETag, backoff

Revision ID: 0010_sync
Revises: 0009_results
Create Date: 2026-11-28 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_sync"
down_revision = "0009_results"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("server_url", sa.String(length=300), nullable=True),
        sa.Column("hall_code", sa.String(length=16), nullable=True),
        sa.Column("refresh_enc", sa.Text(), nullable=True),
        sa.Column("cursor", sa.String(length=120), nullable=True),
        sa.Column("epoch", sa.String(length=64), nullable=True),
        sa.Column("catalogue_etag", sa.String(length=120), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("backoff_until_ms", sa.BigInteger(), nullable=False),
        sa.Column("skew_ms", sa.BigInteger(), nullable=True),
        sa.Column("last_success_ms", sa.BigInteger(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
