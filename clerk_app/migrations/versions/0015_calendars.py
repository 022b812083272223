"""the hall calendar in the database; a follow-up's deadline may wait for the calendar

Revision ID: 0015_calendars
Revises: 0014_callable_index
Create Date: 2026-12-07 04:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_calendars"
down_revision = "0014_callable_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("release", sa.String(length=80), nullable=True),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("installed_ms", sa.BigInteger(), nullable=False),
        sa.Column("installed_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(
            "source IN ('shipped', 'imported', 'central')", name=op.f("ck_calendar_year_source")
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    op.create_table(
        "calendar_day",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.CheckConstraint("kind IN ('holiday', 'workday')", name=op.f("ck_calendar_day_kind")),
        sa.ForeignKeyConstraint(
            ["year"],
            ["calendar_year.year"],
            name=op.f("fk_calendar_day_year_calendar_year"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_day")),
    )
    with op.batch_alter_table("calendar_day", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_day_year"), ["year"], unique=False)
    with op.batch_alter_table("rating_followup", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("due_working_days", sa.Integer(), nullable=True))
        batch_op.alter_column("due", existing_type=sa.Date(), nullable=True)
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("calendars_etag", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.drop_column("calendars_etag")
    with op.batch_alter_table("rating_followup", schema=None) as batch_op:
        batch_op.alter_column("due", existing_type=sa.Date(), nullable=False)
        batch_op.drop_column("due_working_days")
        batch_op.drop_column("due_from")
    with op.batch_alter_table("calendar_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_day_year"))
    op.drop_table("calendar_day")
    op.drop_table("calendar_year")
