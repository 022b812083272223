"""告知承诺制 (notify-and-commit): catalogue flags, committed materials, the post-check

Revision ID: 0020_commitment
Revises: 0019_parties
Create Date: 2026-12-07 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_commitment"
down_revision = "0019_parties"
branch_labels = None
depends_on = None

FALSE = sa.text("false")


def upgrade() -> None:
    with op.batch_alter_table("catalogue_item") as batch:
        batch.add_column(
            sa.Column("notify_commit", sa.Boolean(), nullable=False, server_default=FALSE)
        )
        batch.add_column(sa.Column("post_check_days", sa.Integer(), nullable=True))
    with op.batch_alter_table("catalogue_material") as batch:
        batch.add_column(
            sa.Column("commitment", sa.Boolean(), nullable=False, server_default=FALSE)
        )
    with op.batch_alter_table("case_material") as batch:
        batch.add_column(sa.Column("committed", sa.Boolean(), nullable=False, server_default=FALSE))
    with op.batch_alter_table("intake_case") as batch:
        batch.add_column(sa.Column("post_check_days", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("post_check_due", sa.Date(), nullable=True))
        batch.add_column(sa.Column("post_check_done_ms", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("post_check_outcome", sa.String(24), nullable=True))
    with op.batch_alter_table("applicant") as batch:
        batch.add_column(sa.Column("false_commitment_ms", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applicant") as batch:
        batch.drop_column("false_commitment_ms")
    with op.batch_alter_table("intake_case") as batch:
        batch.drop_column("post_check_outcome")
        batch.drop_column("post_check_done_ms")
        batch.drop_column("post_check_due")
        batch.drop_column("post_check_days")
    with op.batch_alter_table("case_material") as batch:
        batch.drop_column("committed")
    with op.batch_alter_table("catalogue_material") as batch:
        batch.drop_column("commitment")
    with op.batch_alter_table("catalogue_item") as batch:
        batch.drop_column("post_check_days")
        batch.drop_column("notify_commit")
