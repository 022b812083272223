"""Call-next on PostgreSQL in one statement: pick, claim, window, events and NOTIFY together.

Every round trip costs the most when windows call at once and the server's cores are busy, so
the hot path is a single statement of data-modifying CTEs:

- ``top``: the best few candidates in the window's order (no locks, so the sort keeps only them);
- ``cand``: the first of those that no other window holds, ``FOR UPDATE SKIP LOCKED``;
- ``upd``: the ticket becomes ``called`` at this window;
- ``win`` and ``ev``: the window's state and both event rows;
- the final SELECT returns the view and sends the notification.

It returns no row both when nothing waits and when every candidate of ``top`` is being claimed
by other windows; the caller then takes the general path, which looks further down the queue.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    case,
    func,
    insert,
    literal,
    literal_column,
    select,
    update,
)
from sqlalchemy.orm import Session

from clerk_app.db.models import QueueEvent, Service, Ticket, Window
from clerk_app.queue.hall import HallRules
from clerk_app.queue.notify import CHANNEL
from clerk_app.queue.selection import (
    CALLABLE_STATES,
    FIRST_BATCH,
    Candidate,
    candidate_query,
    order_keys,
)

T = cast("Table", Ticket.__table__)
W = cast("Table", Window.__table__)
E = cast("Table", QueueEvent.__table__)
S = cast("Table", Service.__table__)


def call_next_in_one_statement(
    session: Session,
    rules: HallRules,
    window: Window,
    weights: dict[int, int],
    now_ms: int,
    user_id: int | None,
    *,
    prefer_priority: bool,
) -> Candidate | None:
    keys = order_keys(rules, window.id, weights, now_ms, prefer_priority=prefer_priority)
    top = candidate_query(
        rules,
        window.id,
        weights,
        now_ms,
        prefer_priority=prefer_priority,
        limit=FIRST_BATCH,
        with_keys=True,
    ).subquery("top")
    # Re-sorting the few rows of ``top`` by its own keys keeps the window's order; a window
    # function would make PostgreSQL sort every waiting ticket instead of keeping the top few.
    resort = [top.c[f"k{i}"].desc() if desc else top.c[f"k{i}"] for i, (_, desc) in enumerate(keys)]
    cand = (
        select(T.c.id, T.c.state)
        .join(top, top.c.id == T.c.id)
        .where(T.c.state.in_(CALLABLE_STATES), T.c.available_ms <= now_ms)
        .order_by(*resort)
        .limit(1)
        .with_for_update(of=T, skip_locked=True)
        .cte("cand")
    )
    upd = (
        update(T)
        .where(T.c.id == cand.c.id)
        .values(
            state="called",
            window_id=window.id,
            user_id=user_id,
            called_ms=now_ms,
            first_called_ms=func.coalesce(T.c.first_called_ms, now_ms),
            target_window_id=None,
            recall_count=0,
        )
        .returning(
            T.c.id,
            T.c.number,
            T.c.priority_class,
            T.c.issued_ms,
            T.c.service_id,
            cand.c.state.label("from_state"),
        )
        .cte("upd")
    )
    streak = case(
        (select(upd.c.priority_class).scalar_subquery() != "normal", W.c.priority_streak + 1),
        else_=0,
    )
    win = (
        update(W)
        .where(W.c.id == window.id, select(upd.c.id).exists())
        .values(
            state="calling",
            state_since_ms=now_ms,
            pause_reason=None,
            priority_streak=streak,
            user_id=func.coalesce(literal(user_id, Integer), W.c.user_id),
        )
        .cte("win")
    )
    common: tuple[ColumnElement[Any], ...] = (
        literal(rules.hall_id),
        literal(now_ms),
        literal(window.id),
        literal(user_id, Integer),
        literal_column("NULL"),
    )
    ticket_event = select(*common, literal("call"), upd.c.id, upd.c.from_state, literal("called"))
    window_event = select(
        *common,
        literal("window_calling"),
        literal(None, Integer),
        literal(window.state),
        literal("calling"),
    ).where(select(upd.c.id).exists())
    ev = (
        insert(E)
        .from_select(
            [
                "hall_id",
                "at_ms",
                "window_id",
                "user_id",
                "detail",
                "kind",
                "ticket_id",
                "from_state",
                "to_state",
            ],
            ticket_event.union_all(window_event),
        )
        .cte("ev")
    )
    final = (
        select(
            upd.c.id,
            upd.c.from_state,
            upd.c.number,
            upd.c.priority_class,
            upd.c.issued_ms,
            S.c.code,
            S.c.name_zh,
            S.c.name_en,
            func.pg_notify(CHANNEL, str(rules.hall_id)),
        )
        .join(S, S.c.id == upd.c.service_id)
        .add_cte(win, ev)
    )
    row = session.execute(final).first()
    return None if row is None else Candidate(*row[:8])
