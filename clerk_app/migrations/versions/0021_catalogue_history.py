"""the history of the catalogue version in force: one row per activation

Revision ID: 0021_catalogue_history
Revises: 0020_commitment
Create Date: 2026-12-07 05:00:00

The figures compute the share of items in "once and for all" mode per period from the
catalogue version in force then. ``catalogue_version.activated_ms`` keeps only the latest
activation of a version, so the history starts from what it knows: each version's latest
activation. An index on the cases' first acceptance serves the figures' visits per case.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_catalogue_history"
down_revision = "0020_commitment"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalogue_activation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("activated_ms", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["catalogue_version.id"],
            name=op.f("fk_catalogue_activation_version_id_catalogue_version"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_activation")),
    )
    op.create_index("ix_catalogue_activation_time", "catalogue_activation", ["activated_ms", "id"])
    # Visits per case are read by the day of first acceptance.
    op.create_index(
        "ix_intake_case_accepted",
        "intake_case",
        ["accepted_ms", "visits", "accepted_by", "catalogue_version_id", "item_code", "id"],
    )
    op.execute(
        "INSERT INTO catalogue_activation (version_id, activated_ms) "
        "SELECT id, activated_ms FROM catalogue_version WHERE activated_ms IS NOT NULL "
        "ORDER BY activated_ms, id"
    )


def downgrade() -> None:
    op.drop_index("ix_intake_case_accepted", table_name="intake_case")
    op.drop_index("ix_catalogue_activation_time", table_name="catalogue_activation")
    op.drop_table("catalogue_activation")
