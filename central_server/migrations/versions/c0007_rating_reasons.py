"""a rating's item, department, worst level and follow-up deadline, and a bad rating's reasons
(差评原因) with the applicant's words: what the ratings summary and the overdue list read

Revision ID: c0007
Revises: c0006
Create Date: 2026-12-07 16:30:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "c0007"
# Written against c0004; c0005, c0006 (appointments, fees) land beside it: re-pointed on merge.
down_revision = "c0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rating") as batch:
        batch.add_column(sa.Column("worst", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("item_code", sa.String(length=36), nullable=True))
        batch.add_column(sa.Column("department", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("reason_text", sa.String(length=400), nullable=True))
        batch.add_column(sa.Column("follow_up_due", sa.Date(), nullable=True))
    bind = op.get_bind()
    rating = sa.table(
        "rating",
        sa.column("id", sa.String),
        sa.column("level", sa.Integer),
        sa.column("indicators", sa.Text),
        sa.column("worst", sa.Integer),
    )
    rows = bind.execute(sa.select(rating.c.id, rating.c.level, rating.c.indicators)).all()
    for rid, level, indicators in rows:
        given = json.loads(indicators) if isinstance(indicators, str) else indicators
        worst = min([level, *(v for v in (given or {}).values() if isinstance(v, int))])
        bind.execute(rating.update().where(rating.c.id == rid).values(worst=worst))
    with op.batch_alter_table("rating") as batch:
        batch.alter_column("worst", existing_type=sa.Integer(), nullable=False)
        batch.create_index("ix_rating_hall_rated", ["hall_code", "rated_at_ms"])
        batch.create_index("ix_rating_bad_due", ["worst", "follow_up_due"])
    op.create_table(
        "rating_reason",
        sa.Column("rating_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["rating.id"], name=op.f("fk_rating_reason_rating_id_rating")
        ),
        sa.PrimaryKeyConstraint("rating_id", "reason", name=op.f("pk_rating_reason")),
    )


def downgrade() -> None:
    op.drop_table("rating_reason")
    with op.batch_alter_table("rating") as batch:
        batch.drop_index("ix_rating_bad_due")
        batch.drop_index("ix_rating_hall_rated")
        batch.drop_column("follow_up_due")
        batch.drop_column("reason_text")
        batch.drop_column("department")
        batch.drop_column("item_code")
        batch.drop_column("worst")
