"""The province's figures: what a case needs for them, and the indexes that read them

Each case gets its counter visits, its item's department and handling, the back office's
decision instant and the handover method; the rows already stored are filled from what they
hold (the earlier decisions kept in ``decision_detail``, the catalogue's item versions, the
changes feed, the handover record).

Revision ID: c0013
Revises: c0012
Create Date: 2026-12-07 19:10:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "c0013"
down_revision = "c0012"
branch_labels = None
depends_on = None

DECIDED = ("approved", "rejected")
ACCEPTED = "counter_decision IN ('accept', 'defer')"  # models.ACCEPTED_CASES
BATCH = 1000


def _visits(detail: Any) -> int:
    """One counter decision, plus one for each earlier one the case keeps."""
    visits = 1
    while isinstance(detail, dict) and isinstance(detail.get("earlier"), dict):
        visits += 1
        detail = detail["earlier"].get("detail")
    return visits


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _items(conn: sa.Connection) -> dict[tuple[str, int], tuple[str | None, str | None]]:
    found = {}
    for code, version, body in conn.execute(
        sa.text("SELECT code, version, body FROM catalogue_item")
    ):
        item = json.loads(body)
        found[(code, version)] = (item.get("department_zh"), item.get("handling"))
    return found


def _decided(conn: sa.Connection) -> dict[str, int]:
    """case id -> the first approval or rejection in the changes feed."""
    first: dict[str, int] = {}
    rows = conn.execute(
        sa.text("SELECT body, created_ms FROM change_event WHERE kind = 'case.status'")
    )
    for body, created in rows:
        event = _json(body)
        if event.get("status") in DECIDED:
            case_id = str(event.get("case_id"))
            first[case_id] = min(first.get(case_id, created), created)
    return first


def _fill(conn: sa.Connection) -> None:
    items, decided = _items(conn), _decided(conn)
    rows = conn.execute(
        sa.text("SELECT id, item_code, item_version, decision_detail, handover FROM central_case")
    ).all()
    update = sa.text(
        "UPDATE central_case SET counter_visits = :visits, department = :department, "
        "handling = :handling, decided_ms = :decided, handover_method = :method WHERE id = :id"
    )
    params = []
    for case_id, code, version, detail, handover in rows:
        department, handling = items.get((code, version), (None, None))
        method = (_json(handover) or {}).get("method")
        params.append(
            {
                "id": case_id,
                "visits": _visits(_json(detail)),
                "department": department,
                "handling": handling,
                "decided": decided.get(case_id),
                "method": method,
            }
        )
    for start in range(0, len(params), BATCH):
        conn.execute(update, params[start : start + BATCH])


def upgrade() -> None:
    with op.batch_alter_table("central_case") as batch:
        batch.add_column(
            sa.Column("counter_visits", sa.Integer(), nullable=False, server_default="1")
        )
        batch.add_column(sa.Column("department", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("handling", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("decided_ms", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("handover_method", sa.String(length=8), nullable=True))
    _fill(op.get_bind())
    op.create_index(
        "ix_central_case_accepted_figures",
        "central_case",
        [
            "taken_at_ms",
            "counter_decision",
            "hall_code",
            "department",
            "item_code",
            "handling",
            "counter_visits",
            "handover_method",
        ],
        postgresql_where=sa.text(ACCEPTED),
        sqlite_where=sa.text(ACCEPTED),
    )
    op.create_index(
        "ix_central_case_decided_figures",
        "central_case",
        ["decided_ms", "hall_code", "department", "item_code", "taken_at_ms"],
        postgresql_where=sa.text("decided_ms IS NOT NULL"),
        sqlite_where=sa.text("decided_ms IS NOT NULL"),
    )
    op.create_index(
        "ix_rating_figures",
        "rating",
        ["rated_at_ms", "hall_code", "department", "item_code", "level"],
    )


def downgrade() -> None:
    op.drop_index("ix_rating_figures", table_name="rating")
    op.drop_index("ix_central_case_decided_figures", table_name="central_case")
    op.drop_index("ix_central_case_accepted_figures", table_name="central_case")
    with op.batch_alter_table("central_case") as batch:
        for column in ("handover_method", "decided_ms", "handling", "department", "counter_visits"):
            batch.drop_column(column)
