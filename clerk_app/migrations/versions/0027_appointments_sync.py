"""appointments synced from the central server: server id, status, slot, the ID number's
keyed hash, the phone encrypted, what was reported back; the sync's pull state for them

Revision ID: 0027_appointments_sync
Revises: 0025_case_signature
Create Date: 2026-12-07 16:10:00

At merge: re-point down_revision to 0026_credit_check.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0027_appointments_sync"
down_revision = "0025_case_signature"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appointment") as batch:
        batch.add_column(sa.Column("server_id", sa.String(length=36), nullable=True))
        batch.add_column(
            sa.Column(
                "status", sa.String(length=16), server_default=sa.text("'booked'"), nullable=False
            )
        )
        batch.add_column(sa.Column("cancelled_by", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("id_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("phone_enc", sa.Text(), nullable=True))
        batch.add_column(sa.Column("reported", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("no_show_ms", sa.BigInteger(), nullable=True))
        batch.create_unique_constraint(op.f("uq_appointment_server_id"), ["server_id"])
        batch.create_index("ix_appointment_hall_day", ["hall_id", "day"])
        batch.create_index("ix_appointment_id_hash", ["id_hash"])
    op.execute("UPDATE appointment SET status = 'checked_in' WHERE ticket_id IS NOT NULL")
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("appointments_etag", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("appointments_etag")
    with op.batch_alter_table("appointment") as batch:
        batch.drop_index("ix_appointment_id_hash")
        batch.drop_index("ix_appointment_hall_day")
        batch.drop_constraint(op.f("uq_appointment_server_id"), type_="unique")
        for column in (
            "no_show_ms",
            "reported",
            "phone_enc",
            "id_hash",
            "cancelled_by",
            "status",
            "server_id",
        ):
            batch.drop_column(column)
