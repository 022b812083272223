"""appointments booked online, their slots' places and the capacity per slot

Revision ID: c0005
Revises: c0004
Create Date: 2026-12-07 16:00:00

At merge: re-point down_revision to the credit list's migration (c0004_credit_list).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "booking",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("service_code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot_min", sa.Integer(), nullable=False),
        sa.Column("id_number", sa.String(length=40), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("cancelled_by", sa.String(length=16), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_code"], ["hall.code"], name=op.f("fk_booking_hall_code_hall")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_booking")),
        sa.UniqueConstraint("hall_code", "code", name=op.f("uq_booking_hall_code")),
    )
    op.create_index("ix_booking_hall_day", "booking", ["hall_code", "day"])
    op.create_index("ix_booking_id_number", "booking", ["id_number", "status"])
    op.create_table(
        "booking_slot",
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("service_code", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot_min", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("taken", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "hall_code", "service_code", "day", "slot_min", name=op.f("pk_booking_slot")
        ),
    )
    op.create_table(
        "booking_capacity",
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("service_code", sa.String(length=16), nullable=False),
        sa.Column("per_slot", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hall_code", "service_code", name=op.f("pk_booking_capacity")),
    )


def downgrade() -> None:
    op.drop_table("booking_capacity")
    op.drop_table("booking_slot")
    op.drop_index("ix_booking_id_number", table_name="booking")
    op.drop_index("ix_booking_hall_day", table_name="booking")
    op.drop_table("booking")
