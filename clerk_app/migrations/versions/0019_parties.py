"""a company applicant's legal representative and contact person (法定代表人, 联系人)

Revision ID: 0019_parties
Revises: 0017_document_numbers
Create Date: 2026-12-07 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019_parties"
down_revision = "0017_document_numbers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applicant") as batch:
        batch.add_column(sa.Column("legal_representative", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("contact_name", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("applicant") as batch:
        batch.drop_column("contact_name")
        batch.drop_column("legal_representative")
