"""帮办代办: the helper role and the assistance recorded on a ticket, then on its case

Revision ID: 0031_case_assistance
Revises: 0030_rating_reasons
Create Date: 2026-12-07 16:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0031_case_assistance"
down_revision = "0030_rating_reasons"
branch_labels = None
depends_on = None

ROLES_BEFORE = "role IN ('clerk', 'supervisor', 'admin', 'sysadmin', 'secadmin', 'auditadmin')"
ROLES_AFTER = (
    "role IN ('clerk', 'supervisor', 'admin', 'sysadmin', 'secadmin', 'auditadmin', 'helper')"
)


def upgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint("role", type_="check")
        batch_op.create_check_constraint("role", ROLES_AFTER)
    op.create_table(
        "case_assistance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assist_uuid", sa.String(length=36), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("ticket_number", sa.String(length=16), nullable=True),
        sa.Column("helper_id", sa.Integer(), nullable=True),
        sa.Column("helper_username", sa.String(length=64), nullable=False),
        sa.Column("helper_name", sa.String(length=100), nullable=False),
        sa.Column("kinds", sa.String(length=80), nullable=False),
        sa.Column("started_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_ms", sa.BigInteger(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("authorisation_seen", sa.Boolean(), nullable=False),
        sa.Column("authorisation_ref", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["intake_case.id"], name=op.f("fk_case_assistance_case_id_intake_case")
        ),
        sa.ForeignKeyConstraint(
            ["hall_id"], ["hall.id"], name=op.f("fk_case_assistance_hall_id_hall")
        ),
        sa.ForeignKeyConstraint(
            ["helper_id"], ["app_user.id"], name=op.f("fk_case_assistance_helper_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_assistance")),
        sa.UniqueConstraint("assist_uuid", name=op.f("uq_case_assistance_assist_uuid")),
    )
    op.create_index("ix_case_assistance_case", "case_assistance", ["case_id"])
    op.create_index("ix_case_assistance_ticket", "case_assistance", ["ticket_id"])
    op.create_index("ix_case_assistance_finished", "case_assistance", ["hall_id", "finished_ms"])


def downgrade() -> None:
    op.drop_index("ix_case_assistance_finished", table_name="case_assistance")
    op.drop_index("ix_case_assistance_ticket", table_name="case_assistance")
    op.drop_index("ix_case_assistance_case", table_name="case_assistance")
    op.drop_table("case_assistance")
    # The old constraint has no helper: their accounts stay (audit records name them), disabled.
    op.execute("UPDATE app_user SET role = 'clerk', active = false WHERE role = 'helper'")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint("role", type_="check")
        batch_op.create_check_constraint("role", ROLES_BEFORE)
