"""print jobs and archived documents

Revision ID: 0006_printing
Revises: 0005_screens
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_printing"
down_revision = "0005_screens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archived_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("document_kind", sa.String(length=32), nullable=False),
        sa.Column("document_number", sa.String(length=100), nullable=True),
        sa.Column("owner_key", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_archived_document")),
    )
    op.create_index(
        "ix_archived_document_owner", "archived_document", ["owner_key", "document_kind"]
    )
    op.create_index("ix_archived_document_sha256", "archived_document", ["sha256"])
    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_kind", sa.String(length=32), nullable=False),
        sa.Column("owner_key", sa.String(length=100), nullable=False),
        sa.Column("printer_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("payload_format", sa.String(length=16), nullable=False),
        sa.Column("payload_sha256", sa.String(length=64), nullable=False),
        sa.Column("archive_id", sa.Integer(), nullable=True),
        sa.Column("is_copy", sa.Boolean(), nullable=False),
        sa.Column("repeats_job_id", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("error_code", sa.String(length=32), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_ms", sa.BigInteger(), nullable=True),
        sa.CheckConstraint(
            "state IN ('queued', 'printed', 'failed')", name=op.f("ck_print_job_state")
        ),
        sa.ForeignKeyConstraint(
            ["archive_id"],
            ["archived_document.id"],
            name=op.f("fk_print_job_archive_id_archived_document"),
        ),
        sa.ForeignKeyConstraint(
            ["repeats_job_id"], ["print_job.id"], name=op.f("fk_print_job_repeats_job_id_print_job")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_job")),
    )
    op.create_index("ix_print_job_owner", "print_job", ["owner_key"])
    op.create_index("ix_print_job_created", "print_job", ["created_ms"])


def downgrade() -> None:
    op.drop_index("ix_print_job_created", table_name="print_job")
    op.drop_index("ix_print_job_owner", table_name="print_job")
    op.drop_table("print_job")
    op.drop_index("ix_archived_document_sha256", table_name="archived_document")
    op.drop_index("ix_archived_document_owner", table_name="archived_document")
    op.drop_table("archived_document")
