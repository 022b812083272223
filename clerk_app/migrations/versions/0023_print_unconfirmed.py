"""a print job may be unconfirmed (sent, but the printer did not confirm it), and a ticket
printer's status answer after the job is kept with it

Revision ID: 0023_print_unconfirmed
Revises: 0022_blob_sealing
Create Date: 2026-12-07 07:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023_print_unconfirmed"
down_revision = "0022_blob_sealing"
branch_labels = None
depends_on = None

_OLD = "state IN ('queued', 'printed', 'failed')"
_NEW = "state IN ('queued', 'printed', 'unconfirmed', 'failed')"


def _states(check: str) -> None:
    with op.batch_alter_table("print_job") as batch:
        batch.drop_constraint(op.f("ck_print_job_state"), type_="check")
        batch.create_check_constraint(op.f("ck_print_job_state"), check)


def upgrade() -> None:
    with op.batch_alter_table("print_job") as batch:
        batch.add_column(sa.Column("printer_status", sa.String(length=200), nullable=True))
    _states(_NEW)


def downgrade() -> None:
    # An unconfirmed job is one nobody confirmed printed: the old states call that failed.
    op.execute("UPDATE print_job SET state = 'failed' WHERE state = 'unconfirmed'")
    _states(_OLD)
    with op.batch_alter_table("print_job") as batch:
        batch.drop_column("printer_status")
