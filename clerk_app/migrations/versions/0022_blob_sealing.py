"""blobs sealed in their files: the unused envelope index ``encrypted_blob`` goes

Blobs are now encrypted in the store itself (``onewindow_base.crypto.blobs``): each file carries
the id of the ring key that seals it, so no database row is needed. The table was never
written by a released version (nothing constructed its store), so nothing is lost.

Revision ID: 0022_blob_sealing
Revises: 0021_catalogue_history
Create Date: 2026-12-07 07:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_blob_sealing"
down_revision = "0021_catalogue_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("encrypted_blob")


def downgrade() -> None:
    op.create_table(
        "encrypted_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("stored_sha256", sa.String(length=64), nullable=False),
        sa.Column("data_key_enc", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_encrypted_blob")),
    )
