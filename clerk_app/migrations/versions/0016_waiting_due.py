"""a case keeps the promise it was accepted with (from when, how many working days, and the year
its date waits for), so a date that ran into an unknown year is computed once the year is loaded

Revision ID: 0016_waiting_due
Revises: 0015_calendars
Create Date: 2026-12-07 05:00:00

Cases accepted before this revision whose date was never computed (promised_due NULL) get the
day of their latest acceptance and the item's promise, read from their catalogue item version
(an on-the-spot item promises 0 days); the year they wait for is left for the filling to find.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0016_waiting_due"
down_revision = "0015_calendars"
branch_labels = None
depends_on = None

WAITING = sa.text("promised_due IS NULL AND promised_from IS NOT NULL")
_UNDATED = sa.text(
    """
    SELECT c.id, h.timezone,
           (SELECT MAX(d.at_ms) FROM case_decision d
             WHERE d.case_id = c.id AND d.decision IN ('accept', 'deferral')) AS accepted_ms,
           (SELECT CASE WHEN i.handling = 'on_the_spot' THEN 0 ELSE i.promised_limit_days END
              FROM catalogue_item i
             WHERE i.code = c.item_code AND i.item_version = c.item_version) AS days
      FROM intake_case c JOIN hall h ON h.id = c.hall_id
     WHERE c.promised_due IS NULL AND c.accepted_ms IS NOT NULL
    """
)
_SET = sa.text("UPDATE intake_case SET promised_from = :day, promised_days = :days WHERE id = :id")


def upgrade() -> None:
    with op.batch_alter_table("intake_case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("promised_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("promised_days", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("due_waits_year", sa.Integer(), nullable=True))
        batch_op.create_index(
            "ix_intake_case_due_waiting",
            ["hall_id", "state"],
            unique=False,
            sqlite_where=WAITING,
            postgresql_where=WAITING,
        )
    backfill(op.get_bind())


def backfill(bind: sa.Connection) -> None:
    """The promise of each case saved undated before this revision."""
    for case_id, zone, accepted_ms, days in bind.execute(_UNDATED).all():
        if accepted_ms is None or days is None:
            continue
        day = dt.datetime.fromtimestamp(int(accepted_ms) / 1000, ZoneInfo(zone)).date()
        bind.execute(_SET, {"day": day, "days": int(days), "id": case_id})


def downgrade() -> None:
    with op.batch_alter_table("intake_case", schema=None) as batch_op:
        batch_op.drop_index("ix_intake_case_due_waiting")
        batch_op.drop_column("due_waits_year")
        batch_op.drop_column("promised_days")
        batch_op.drop_column("promised_from")
