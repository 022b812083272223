"""Call-next and the moves at a window on SQLite, as few prebuilt statements as possible.

SQLite serialises writers, so every millisecond a transaction holds the write lock is a
millisecond every other window waits. Building and executing SQLAlchemy statements costs more
Python time than SQLite takes to run them, so these are built once per hall (per window where
the window's services shape them) as :class:`~onewindow_base.db.prebuilt.Prebuilt` statements, like
the PostgreSQL statements in ``pg_call``.
The caller's transaction (``BEGIN IMMEDIATE``) holds the lock: no row locks are needed.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Dialect,
    Integer,
    String,
    bindparam,
    func,
    insert,
    select,
    update,
)

from clerk_app.db.models import ticket_is_active
from clerk_app.queue.hall import HallRules
from clerk_app.queue.selection import candidate_query
from clerk_app.queue.tables import DAY, NOW, USER, C, E, S, T, W
from onewindow_base.db.prebuilt import Prebuilt

TICKET = bindparam("p_ticket_id", type_=BigInteger)
FROM_STATE = bindparam("p_from", type_=String)
WINDOW = bindparam("p_window_id", type_=Integer)

VIEW_COLUMNS = (
    T.c.id,
    T.c.state,
    T.c.number,
    T.c.priority_class,
    T.c.issued_ms,
    S.c.code,
    S.c.name_zh,
    S.c.name_en,
    T.c.called_ms,
    T.c.recall_count,
)


class SqliteStatements:
    """The statements of one hall, built on first use and kept."""

    def __init__(self, rules: HallRules, dialect: Dialect) -> None:
        self._rules = rules
        self._dialect = dialect
        self._candidates: dict[tuple[int, tuple[tuple[int, int], ...], bool], Prebuilt] = {}
        self._moves: dict[tuple[str, str], Prebuilt] = {}
        window = select(W.c.id, W.c.state, W.c.priority_streak).where(
            W.c.hall_id == rules.hall_id, W.c.number == bindparam("p_number")
        )
        active = (
            select(*VIEW_COLUMNS)
            .join(S, S.c.id == T.c.service_id)
            .where(T.c.window_id == WINDOW, ticket_is_active())
        )
        claim = (
            update(T)
            .where(T.c.id == TICKET, T.c.state == FROM_STATE)
            .values(
                state="called",
                window_id=WINDOW,
                user_id=USER,
                called_ms=NOW,
                first_called_ms=func.coalesce(T.c.first_called_ms, NOW),
                target_window_id=None,
                transferred_ms=None,
                recall_count=0,
            )
        )
        window_state = (
            update(W)
            .where(W.c.id == WINDOW)
            .values(
                state=bindparam("p_window_state", type_=String),
                state_since_ms=NOW,
                pause_reason=None,
                priority_streak=bindparam("p_streak", type_=Integer),
                user_id=func.coalesce(bindparam("p_window_user", type_=Integer), W.c.user_id),
            )
        )
        bump = update(C).where(C.c.hall_id == rules.hall_id).values(value=C.c.value + 1)
        self.window = Prebuilt(window, dialect)
        self.active = Prebuilt(active, dialect)
        self.claim = Prebuilt(claim, dialect)
        self.window_state = Prebuilt(window_state, dialect)
        self.events = Prebuilt(insert(E), dialect)
        self.bump = Prebuilt(bump, dialect)

    def candidate(
        self, window_id: int, weights: dict[int, int], *, prefer_priority: bool
    ) -> Prebuilt:
        """The ticket this window calls next, with what its view needs."""
        key = (window_id, tuple(sorted(weights.items())), prefer_priority)
        if key not in self._candidates:
            first = candidate_query(
                self._rules,
                window_id,
                weights,
                NOW,
                prefer_priority=prefer_priority,
                limit=1,
                day=DAY,
            ).subquery("first")
            self._candidates[key] = Prebuilt(
                select(*VIEW_COLUMNS[:8])
                .join(first, first.c.id == T.c.id)
                .join(S, S.c.id == T.c.service_id),
                self._dialect,
            )
        return self._candidates[key]

    def move(self, to_state: str, stamp_column: str) -> Prebuilt:
        key = (to_state, stamp_column)
        if key not in self._moves:
            self._moves[key] = Prebuilt(
                update(T)
                .where(T.c.id == TICKET, T.c.state == FROM_STATE)
                .values({"state": to_state, stamp_column: NOW}),
                self._dialect,
            )
        return self._moves[key]
