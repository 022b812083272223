"""a case's fees and their payment, and the address its result is mailed to

Revision ID: c0006
Revises: c0005
Create Date: 2026-12-07 16:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0006"
down_revision = "c0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("central_case") as batch:
        batch.add_column(sa.Column("payment", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("mailing", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("central_case") as batch:
        batch.drop_column("mailing")
        batch.drop_column("payment")
