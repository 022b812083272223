"""papers: the document number book (a counter per series and the register of numbers)

Revision ID: 0017_document_numbers
Revises: 0016_waiting_due
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_document_numbers"
down_revision = "0016_waiting_due"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_number_counter",
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=8), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.CheckConstraint("last >= 1", name=op.f("ck_document_number_counter_last_positive")),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["hall.id"], name=op.f("fk_document_number_counter_hall_id_hall")
        ),
        sa.PrimaryKeyConstraint(
            "hall_id", "agency", "kind", "year", "series", name=op.f("pk_document_number_counter")
        ),
    )
    op.create_table(
        "document_number",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("agency", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=8), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("occasion", sa.String(length=40), nullable=False),
        sa.Column("issued_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["hall.id"], name=op.f("fk_document_number_hall_id_hall")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_document_number_case_id_intake_case")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_number")),
        sa.UniqueConstraint(
            "hall_id", "agency", "kind", "year", "series", "seq", name="uq_document_number_seq"
        ),
        sa.UniqueConstraint("hall_id", "number", name="uq_document_number_text"),
        sa.UniqueConstraint("case_id", "occasion", "kind", name="uq_document_number_paper"),
    )


def downgrade() -> None:
    op.drop_table("document_number")
    op.drop_table("document_number_counter")
