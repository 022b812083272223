"""text-message notifications: case opt-ins, messages and the loopback gateway's record

Revision ID: c0009
Revises: c0008
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0009"
down_revision = "c0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notify_case_opt_in",
        sa.Column("case_no", sa.String(length=64), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("phone_enc", sa.Text(), nullable=False),
        sa.Column("phone_masked", sa.String(length=16), nullable=False),
        sa.Column("consented_ms", sa.BigInteger(), nullable=False),
        sa.Column("received_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("case_no", name=op.f("pk_notify_case_opt_in")),
    )
    op.create_table(
        "notify_message",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("hall_code", sa.String(length=16), nullable=False),
        sa.Column("template", sa.String(length=32), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("phone_enc", sa.Text(), nullable=False),
        sa.Column("phone_masked", sa.String(length=16), nullable=False),
        sa.Column("case_no", sa.String(length=64), nullable=True),
        sa.Column("ticket_no", sa.String(length=12), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_ms", sa.BigInteger(), nullable=False),
        sa.Column("gateway_id", sa.String(length=64), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_message")),
    )
    op.create_index(
        "ix_notify_message_status_next", "notify_message", ["status", "next_attempt_ms"]
    )
    op.create_index("ix_notify_message_case_no", "notify_message", ["case_no"])
    op.create_table(
        "notify_loopback",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("gateway_id", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("phone_enc", sa.Text(), nullable=False),
        sa.Column("phone_masked", sa.String(length=16), nullable=False),
        sa.Column("template", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("recorded_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_notify_loopback")),
        sa.UniqueConstraint("gateway_id", name=op.f("uq_notify_loopback_gateway_id")),
    )


def downgrade() -> None:
    op.drop_table("notify_loopback")
    op.drop_index("ix_notify_message_case_no", table_name="notify_message")
    op.drop_index("ix_notify_message_status_next", table_name="notify_message")
    op.drop_table("notify_message")
    op.drop_table("notify_case_opt_in")
