"""text-message opt-ins (短信提醒): a ticket's holder at the kiosk, a case's applicant at
intake; the phone encrypted, the message's status for the clerk

Revision ID: 0032_notifications
Revises: 0031_case_assistance
Create Date: 2026-12-07 18:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0032_notifications"
down_revision = "0031_case_assistance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notify_opt_in",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("case_uuid", sa.String(length=36), nullable=True),
        sa.Column("phone_enc", sa.Text(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.String(length=36), nullable=True),
        sa.Column("turn_near_ms", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("status_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_notify_opt_in_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notify_opt_in")),
        sa.UniqueConstraint("ticket_id", name=op.f("uq_notify_opt_in_ticket_id")),
        sa.UniqueConstraint("case_uuid", name=op.f("uq_notify_opt_in_case_uuid")),
    )


def downgrade() -> None:
    op.drop_table("notify_opt_in")
