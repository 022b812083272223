"""text messages: each message's status history, the dispatcher's claim, delivery reports

Revision ID: c0012
Revises: c0011
Create Date: 2026-12-07 19:10:00

A message queued before keeps its status; its history starts with one line of that status at
its last update.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0012"
down_revision = "c0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notify_message") as batch:
        batch.add_column(sa.Column("claim_id", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("delivery_code", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("receipt_ms", sa.BigInteger(), nullable=True))
    op.create_index("ix_notify_message_gateway_id", "notify_message", ["gateway_id"])
    op.create_table(
        "notify_message_event",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=True),
        sa.Column("detail", sa.String(length=200), nullable=True),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("recorded_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["message_id"],
            ["notify_message.id"],
            name=op.f("fk_notify_message_event_message_id_notify_message"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_notify_message_event")),
    )
    op.create_index(
        "ix_notify_message_event_message", "notify_message_event", ["message_id", "at_ms"]
    )
    op.execute(
        "INSERT INTO notify_message_event (message_id, status, source, detail, at_ms,"
        " recorded_ms) SELECT id, status, 'server', error, updated_ms, updated_ms"
        " FROM notify_message"
    )


def downgrade() -> None:
    op.drop_index("ix_notify_message_event_message", table_name="notify_message_event")
    op.drop_table("notify_message_event")
    op.drop_index("ix_notify_message_gateway_id", table_name="notify_message")
    with op.batch_alter_table("notify_message") as batch:
        batch.drop_column("receipt_ms")
        batch.drop_column("delivery_code")
        batch.drop_column("claim_id")
