"""a bad rating keeps why (差评原因): the reasons the applicant ticked and their own words

Revision ID: 0030_rating_reasons
Revises: 0029_elicences
Create Date: 2026-12-07 16:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0030_rating_reasons"
down_revision = "0029_elicences"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_rating") as batch:
        batch.add_column(sa.Column("reasons", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("reason_text", sa.String(length=400), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service_rating") as batch:
        batch.drop_column("reason_text")
        batch.drop_column("reasons")
