"""the e-licence registry (电子证照库): certificates this server issued and imported licences

Revision ID: c0008
Revises: c0007
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0008"
# Written against c0004; c0005–c0007 land beside it and this is re-pointed at the last on merge.
down_revision = "c0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "licence",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("type_code", sa.String(length=64), nullable=False),
        sa.Column("type_name", sa.String(length=200), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("holder_hash", sa.String(length=64), nullable=False),
        sa.Column("holder_masked", sa.String(length=24), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("case_no", sa.String(length=64), nullable=True),
        sa.Column("copy_sha256", sa.String(length=64), nullable=True),
        sa.Column("copy_size", sa.BigInteger(), nullable=True),
        sa.Column("added_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence")),
        sa.UniqueConstraint("type_code", "number", name=op.f("uq_licence_type_code")),
    )
    op.create_index(op.f("ix_licence_holder_hash"), "licence", ["holder_hash"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_licence_holder_hash"), table_name="licence")
    op.drop_table("licence")
