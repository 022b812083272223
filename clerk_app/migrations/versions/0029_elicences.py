"""e-licences standing in for materials: the licence's details and verification state on the
case's material, and the typed numbers waiting to be verified on the next sync

Revision ID: 0029_elicences
Revises: 0028_fees_mailing
Create Date: 2026-12-07 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0029_elicences"
down_revision = "0028_fees_mailing"
branch_labels = None
depends_on = None

COLUMNS = (
    ("elicence_type", sa.String(length=64)),
    ("elicence_issuer", sa.String(length=200)),
    ("elicence_valid_from", sa.Date()),
    ("elicence_valid_until", sa.Date()),
    ("elicence_copy_sha256", sa.String(length=64)),
    ("elicence_check", sa.String(length=16)),
)


def upgrade() -> None:
    with op.batch_alter_table("case_material") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))
    # A number typed before this revision was never verified: it is 待核验 from now on, and
    # only the ones on cases still open would reach a check (none are queued retroactively).
    op.execute(
        "UPDATE case_material SET elicence_check = 'to_verify' WHERE elicence_number IS NOT NULL"
    )
    op.create_table(
        "licence_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("material_code", sa.String(length=40), nullable=False),
        sa.Column("licence_type", sa.String(length=64), nullable=False),
        sa.Column("licence_number", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("checked_ms", sa.BigInteger(), nullable=True),
        sa.Column("acknowledged_ms", sa.BigInteger(), nullable=True),
        sa.Column("acknowledged_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_licence_check_case_id_intake_case")
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by"],
            ["app_user.id"],
            name=op.f("fk_licence_check_acknowledged_by_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_licence_check")),
    )
    op.create_index("ix_licence_check_state", "licence_check", ["state", "id"])


def downgrade() -> None:
    op.drop_index("ix_licence_check_state", table_name="licence_check")
    op.drop_table("licence_check")
    with op.batch_alter_table("case_material") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
