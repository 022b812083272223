"""a signature taken on a signature pad is kept with the paper it signed (its PNG and strokes
sealed in the blob store, named here by their SHA-256)

Revision ID: 0025_case_signature
Revises: 0024_photo_check
Create Date: 2026-12-07 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0025_case_signature"
down_revision = "0024_photo_check"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_signature",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("document_kind", sa.String(length=32), nullable=False),
        sa.Column("document_number", sa.String(length=100), nullable=True),
        sa.Column("signer", sa.String(length=16), nullable=False),
        sa.Column("signed_ms", sa.BigInteger(), nullable=False),
        sa.Column("png_sha256", sa.String(length=64), nullable=False),
        sa.Column("strokes_sha256", sa.String(length=64), nullable=False),
        sa.Column("width_px", sa.Integer(), nullable=False),
        sa.Column("height_px", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("print_job_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "signer IN ('applicant', 'agent')", name=op.f("ck_case_signature_signer")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_case_signature_case_id_intake_case")
        ),
        sa.ForeignKeyConstraint(
            ["print_job_id"],
            ["print_job.id"],
            name=op.f("fk_case_signature_print_job_id_print_job"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_case_signature_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_signature")),
    )
    op.create_index("ix_case_signature_case", "case_signature", ["case_id", "document_kind"])


def downgrade() -> None:
    op.drop_index("ix_case_signature_case", table_name="case_signature")
    op.drop_table("case_signature")
