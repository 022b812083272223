"""intake: case number counter

Revision ID: 0003_intake_counters
Revises: 0002_audit
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_intake_counters"
down_revision = "0002_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_number_counter",
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("terminal", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.CheckConstraint("last >= 1", name=op.f("ck_case_number_counter_last_positive")),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["hall.id"], name=op.f("fk_case_number_counter_hall_id_hall")
        ),
        sa.PrimaryKeyConstraint("hall_id", "terminal", "day", name=op.f("pk_case_number_counter")),
    )


def downgrade() -> None:
    op.drop_table("case_number_counter")
