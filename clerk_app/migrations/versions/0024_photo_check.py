"""the clerk's photo check (人证核验) after an ID-card read, kept with the case

A check made before the case has its number (a new case) waits with ``case_id`` NULL until the
visit is saved. The photo columns are filled only where ``[idcard] keep_photo`` is on; they
name sealed blobs.

Revision ID: 0024_photo_check
Revises: 0023_print_unconfirmed
Create Date: 2026-12-07 15:55:21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024_photo_check"
down_revision = "0023_print_unconfirmed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_photo_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("user_name", sa.String(length=100), nullable=False),
        sa.Column("card_kind", sa.String(length=32), nullable=False),
        sa.Column("id_masked", sa.String(length=40), nullable=False),
        sa.Column("card_photo_shown", sa.Boolean(), nullable=False),
        sa.Column("camera_compared", sa.Boolean(), nullable=False),
        sa.Column("card_photo_sha256", sa.String(length=64), nullable=True),
        sa.Column("card_photo_mime", sa.String(length=40), nullable=True),
        sa.Column("camera_sha256", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "result IN ('confirmed', 'refused', 'not_possible')",
            name=op.f("ck_case_photo_check_result"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_case_photo_check_case_id_intake_case")
        ),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["hall.id"], name=op.f("fk_case_photo_check_hall_id_hall")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_case_photo_check_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_photo_check")),
    )
    op.create_index("ix_case_photo_check_case", "case_photo_check", ["case_id"])


def downgrade() -> None:
    # The kept photos' blobs become unreferenced: the orphan sweep removes them.
    op.drop_index("ix_case_photo_check_case", table_name="case_photo_check")
    op.drop_table("case_photo_check")
