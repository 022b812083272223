"""帮办代办: the assistance the counters record on a case (``case.assist``)

Revision ID: c0010
Revises: c0009
Create Date: 2026-12-07 17:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0010"
down_revision = "c0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_assistance",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("helper", sa.String(length=64), nullable=False),
        sa.Column("helper_name", sa.String(length=200), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("assisted_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("authorisation", sa.JSON(), nullable=True),
        sa.Column("received_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["central_case.id"], name=op.f("fk_case_assistance_case_id_central_case")
        ),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["hall.code"], name=op.f("fk_case_assistance_hall_code_hall")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_assistance")),
    )
    op.create_index(
        "ix_case_assistance_hall_at", "case_assistance", ["hall_code", "assisted_at_ms"]
    )


def downgrade() -> None:
    op.drop_index("ix_case_assistance_hall_at", table_name="case_assistance")
    op.drop_table("case_assistance")
