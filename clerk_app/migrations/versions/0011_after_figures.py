"""figures read covering indexes; decisions and handovers keep their case's item

The hall figures group a year of decisions, completions, handovers and ratings by day and by
item: each query now reads one covering index in time order and joins nothing.

Revision ID: 0011_after
Revises: 0010_sync
Create Date: 2026-11-28 17:46:34.490118
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

_BACKFILL = (
    """UPDATE case_decision SET item_code =
       (SELECT c.item_code FROM intake_case c WHERE c.id = case_decision.case_id)""",
    """UPDATE case_handover SET
       catalogue_version_id =
         (SELECT c.catalogue_version_id FROM intake_case c WHERE c.id = case_handover.case_id),
       item_code = (SELECT c.item_code FROM intake_case c WHERE c.id = case_handover.case_id)""",
)

revision = "0011_after"
down_revision = "0010_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case_decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("item_code", sa.String(length=40), nullable=True))
        batch_op.create_index(
            "ix_case_decision_figures",
            ["at_ms", "decision", "user_id", "catalogue_version_id", "item_code"],
            unique=False,
        )

    with op.batch_alter_table("case_handover", schema=None) as batch_op:
        batch_op.add_column(sa.Column("catalogue_version_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("item_code", sa.String(length=40), nullable=True))
        batch_op.drop_index(batch_op.f("ix_case_handover_handed"))
        batch_op.create_index(
            "ix_case_handover_handed",
            ["handed_ms", "user_id", "catalogue_version_id", "item_code"],
            unique=False,
        )

    with op.batch_alter_table("intake_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_case_decided"))
        batch_op.create_index(
            "ix_intake_case_decided",
            [
                "decided_ms",
                "accepted_ms",
                "visits",
                "accepted_by",
                "catalogue_version_id",
                "item_code",
            ],
            unique=False,
        )

    with op.batch_alter_table("service_rating", schema=None) as batch_op:
        batch_op.create_index(
            "ix_service_rating_figures",
            [
                "rated_ms",
                "level",
                "efficiency",
                "competence",
                "attitude",
                "clerk_id",
                "catalogue_version_id",
                "item_code",
            ],
            unique=False,
        )

    for statement in _BACKFILL:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("service_rating", schema=None) as batch_op:
        batch_op.drop_index("ix_service_rating_figures")

    with op.batch_alter_table("intake_case", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_case_decided")
        batch_op.create_index(batch_op.f("ix_intake_case_decided"), ["decided_ms"], unique=False)

    with op.batch_alter_table("case_handover", schema=None) as batch_op:
        batch_op.drop_index("ix_case_handover_handed")
        batch_op.create_index(batch_op.f("ix_case_handover_handed"), ["handed_ms"], unique=False)
        batch_op.drop_column("item_code")
        batch_op.drop_column("catalogue_version_id")

    with op.batch_alter_table("case_decision", schema=None) as batch_op:
        batch_op.drop_index("ix_case_decision_figures")
        batch_op.drop_column("item_code")
