"""fees charged per situation; a case's payment of the item's fees (cash, 非税缴款码, waived or pending) and the address
its result is mailed to (邮寄送达)

Revision ID: 0028_fees_mailing
Revises: 0027_appointments_sync
Create Date: 2026-12-07 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0028_fees_mailing"
down_revision = "0027_appointments_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("item_fee") as batch:
        batch.add_column(sa.Column("situations", sa.String(length=400), nullable=True))
    op.create_table(
        "case_payment",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("item_code", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=True),
        sa.Column("due_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_fen", sa.BigInteger(), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=True),
        sa.Column("waiver_reason", sa.String(length=200), nullable=True),
        sa.Column("fees", sa.Text(), nullable=False),
        sa.Column("recorded_ms", sa.BigInteger(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=True),
        sa.Column("paid_ms", sa.BigInteger(), nullable=True),
        sa.Column("window_number", sa.Integer(), nullable=True),
        sa.CheckConstraint("due_fen >= 0 AND paid_fen >= 0", name=op.f("ck_case_payment_amounts")),
        sa.CheckConstraint(
            "method IS NULL OR method IN ('cash', 'nontax')", name=op.f("ck_case_payment_method")
        ),
        sa.CheckConstraint(
            "status IN ('paid', 'pending', 'waived')", name=op.f("ck_case_payment_status")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_case_payment_case_id_intake_case")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["app_user.id"], name=op.f("fk_case_payment_recorded_by_app_user")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_payment")),
    )
    op.create_index("ix_case_payment_paid", "case_payment", ["paid_ms"], unique=False)
    op.create_table(
        "case_mailing",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("recipient", sa.String(length=64), nullable=False),
        sa.Column("phone_enc", sa.Text(), nullable=False),
        sa.Column("phone_masked", sa.String(length=24), nullable=False),
        sa.Column("province", sa.String(length=32), nullable=False),
        sa.Column("city", sa.String(length=32), nullable=False),
        sa.Column("district", sa.String(length=32), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=6), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_case_mailing_case_id_intake_case")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_mailing")),
    )


def downgrade() -> None:
    op.drop_table("case_mailing")
    op.drop_index("ix_case_payment_paid", table_name="case_payment")
    op.drop_table("case_payment")
    with op.batch_alter_table("item_fee") as batch:
        batch.drop_column("situations")
