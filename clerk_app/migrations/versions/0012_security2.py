"""security: separated admin roles, hall-wide security settings

Revision ID: 0012_security2
Revises: 0011_after
Create Date: 2026-11-28 17:46:13.491396
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_security2"
down_revision = "0011_after"
branch_labels = None
depends_on = None

ROLES_BEFORE = "role IN ('clerk', 'supervisor', 'admin')"
ROLES_AFTER = "role IN ('clerk', 'supervisor', 'admin', 'sysadmin', 'secadmin', 'auditadmin')"


def upgrade() -> None:
    op.create_table(
        "security_setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("changed_ms", sa.BigInteger(), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_security_setting")),
    )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint("role", type_="check")
        batch_op.create_check_constraint("role", ROLES_AFTER)


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_constraint("role", type_="check")
        batch_op.create_check_constraint("role", ROLES_BEFORE)
    op.drop_table("security_setting")
