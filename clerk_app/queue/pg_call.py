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

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    case,
    func,
    insert,
    literal,
    literal_column,
    select,
    true,
    update,
)

from clerk_app.db.models import ticket_is_active, ticket_is_callable
from clerk_app.queue.hall import HallRules
from clerk_app.queue.notify import CHANNEL
from clerk_app.queue.selection import (
    FIRST_BATCH,
    Candidate,
    candidate_query,
    order_keys,
)
from clerk_app.queue.tables import DAY, EVENT_COLUMNS, NOW, USER, E, S, T, W
from onewindow_base.db.engine import Database
from onewindow_base.db.prebuilt import Prebuilt, dollar_dialect


@dataclass(frozen=True, slots=True)
class CallOutcome:
    window_state: str | None  # None: no such window
    claimed: Candidate | None


def _params(rules: HallRules, now_ms: int, user_id: int | None) -> dict[str, object]:
    return {"p_now_ms": now_ms, "p_user_id": user_id, "p_day": rules.day(now_ms)}


class Statements:
    """The one-statement calls and moves of one hall, built and compiled on first use and kept
    (see :mod:`onewindow_base.db.prebuilt`)."""

    def __init__(self, rules: HallRules) -> None:
        self._rules = rules
        self._calls: dict[tuple[int, tuple[tuple[int, int], ...]], Prebuilt] = {}
        self._steps: dict[tuple[int, Step], Prebuilt] = {}

    def call(self, window_id: int, weights: dict[int, int]) -> Prebuilt:
        key = (window_id, tuple(sorted(weights.items())))
        if key not in self._calls:
            self._calls[key] = Prebuilt(
                _build_call(self._rules, window_id, weights), dollar_dialect()
            )
        return self._calls[key]

    def step(self, window_number: int, step: Step) -> Prebuilt:
        key = (window_number, step)
        if key not in self._steps:
            self._steps[key] = Prebuilt(
                _build_step(self._rules, window_number, step), dollar_dialect()
            )
        return self._steps[key]


def call_next_in_one_statement(
    db: Database,
    statements: Statements,
    rules: HallRules,
    window_id: int,
    weights: dict[int, int],
    now_ms: int,
    user_id: int | None,
) -> CallOutcome:
    """Runs on its own (autocommit): the statement is atomic, and one round trip is all it costs.

    The window row is locked first; a window that is not open claims nothing, and its state
    comes back so the caller can say why.
    """
    rows = db.run_prebuilt(statements.call(window_id, weights), _params(rules, now_ms, user_id))
    row = rows[0] if rows else None
    if row is None:
        return CallOutcome(window_state=None, claimed=None)
    claimed = None if row[1] is None else Candidate(*row[1:9])
    return CallOutcome(window_state=row[0], claimed=claimed)


def _build_call(rules: HallRules, window_id: int, weights: dict[int, int]) -> Select[Any]:
    now_ms = NOW
    user_id = USER
    w = (
        select(W.c.id, W.c.state, W.c.priority_streak)
        .where(W.c.id == window_id)
        .with_for_update()
        .cte("w")
    )
    prefer = select(w.c.priority_streak).scalar_subquery() < rules.priority_ratio
    window_open = select(w.c.state).scalar_subquery() == "open"
    keys = order_keys(rules, window_id, weights, now_ms, prefer_priority=prefer)
    top = candidate_query(
        rules,
        window_id,
        weights,
        now_ms,
        prefer_priority=prefer,
        limit=FIRST_BATCH,
        with_keys=True,
        day=DAY,
    ).subquery("top")
    # Re-sorting the few rows of ``top`` by its own keys keeps the window's order; a window
    # function would make PostgreSQL sort every waiting ticket instead of keeping the top few.
    resort = [top.c[f"k{i}"].desc() if desc else top.c[f"k{i}"] for i, (_, desc) in enumerate(keys)]
    cand = (
        select(T.c.id, T.c.state)
        .join(top, top.c.id == T.c.id)
        .where(ticket_is_callable(), T.c.available_ms <= now_ms, window_open)
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
            window_id=window_id,
            user_id=user_id,
            called_ms=now_ms,
            first_called_ms=func.coalesce(T.c.first_called_ms, now_ms),
            target_window_id=None,
            transferred_ms=None,
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
        .where(W.c.id == window_id, select(upd.c.id).exists())
        .values(
            state="calling",
            state_since_ms=now_ms,
            pause_reason=None,
            priority_streak=streak,
            user_id=func.coalesce(user_id, W.c.user_id),
        )
        .cte("win")
    )
    common: tuple[ColumnElement[Any], ...] = (
        literal(rules.hall_id),
        now_ms,
        literal(window_id),
        user_id,
        literal_column("NULL"),
    )
    ticket_event = select(*common, literal("call"), upd.c.id, upd.c.from_state, literal("called"))
    window_event = select(
        *common,
        literal("window_calling"),
        literal(None, Integer),
        w.c.state,
        literal("calling"),
    ).where(select(upd.c.id).exists())
    ev = insert(E).from_select(EVENT_COLUMNS, ticket_event.union_all(window_event)).cte("ev")
    return (
        select(
            w.c.state,
            upd.c.id,
            upd.c.from_state,
            upd.c.number,
            upd.c.priority_class,
            upd.c.issued_ms,
            S.c.code,
            S.c.name_zh,
            S.c.name_en,
            case((upd.c.id.is_not(None), func.pg_notify(CHANNEL, str(rules.hall_id)))),
        )
        .select_from(w)
        .outerjoin(upd, true())
        .outerjoin(S, S.c.id == upd.c.service_id)
        .add_cte(win, ev)
    )


@dataclass(frozen=True, slots=True)
class Step:
    """A move of a window's current ticket from one state to the next (start, finish, skip)."""

    kind: str
    from_state: str
    to_state: str
    stamp_column: str  # set to the time of the move
    window_to: str


@dataclass(frozen=True, slots=True)
class StepResult:
    window_found: bool
    ticket_state: str | None  # the active ticket's state before the move, if any
    ticket_number: str | None
    moved: Candidate | None
    called_ms: int | None
    recall_count: int


def window_step(
    db: Database,
    statements: Statements,
    rules: HallRules,
    window_number: int,
    step: Step,
    now_ms: int,
    user_id: int | None,
) -> StepResult:
    """The whole move in one statement; what it returns tells why nothing moved, if so."""
    rows = db.run_prebuilt(statements.step(window_number, step), _params(rules, now_ms, user_id))
    row = rows[0] if rows else None
    if row is None:
        return StepResult(
            window_found=False,
            ticket_state=None,
            ticket_number=None,
            moved=None,
            called_ms=None,
            recall_count=0,
        )
    moved_ticket = None
    if row[2] is not None:
        moved_ticket = Candidate(row[2], step.from_state, row[3], row[4], row[5], *row[6:9])
    return StepResult(
        window_found=True,
        ticket_state=row[0],
        ticket_number=row[1],
        moved=moved_ticket,
        called_ms=row[9],
        recall_count=row[10] or 0,
    )


def _build_step(rules: HallRules, window_number: int, step: Step) -> Select[Any]:
    now_ms = NOW
    user_id = USER
    w = (
        select(W.c.id, W.c.state)
        .where(W.c.hall_id == rules.hall_id, W.c.number == window_number)
        .with_for_update()
        .cte("w")
    )
    window_id = select(w.c.id).scalar_subquery()
    t = (
        select(T.c.id, T.c.state, T.c.number)
        .where(T.c.window_id == window_id, ticket_is_active())
        .with_for_update(of=T)
        .cte("t")
    )
    upd = (
        update(T)
        .where(T.c.id == t.c.id, t.c.state == step.from_state)
        .values({"state": step.to_state, step.stamp_column: now_ms})
        .returning(
            T.c.id,
            T.c.number,
            T.c.priority_class,
            T.c.issued_ms,
            T.c.service_id,
            T.c.called_ms,
            T.c.recall_count,
        )
        .cte("upd")
    )
    moved = select(upd.c.id).exists()
    wupd = (
        update(W)
        .where(W.c.id == window_id, moved)
        .values(state=step.window_to, state_since_ms=now_ms, pause_reason=None)
        .cte("wupd")
    )
    common: tuple[ColumnElement[Any], ...] = (
        literal(rules.hall_id),
        now_ms,
        window_id,
        user_id,
        literal_column("NULL"),
    )
    ticket_event = select(
        *common, literal(step.kind), upd.c.id, literal(step.from_state), literal(step.to_state)
    )
    window_event = select(
        *common,
        literal(f"window_{step.window_to}"),
        literal(None, Integer),
        w.c.state,
        literal(step.window_to),
    ).where(moved, w.c.state != step.window_to)
    ev = insert(E).from_select(EVENT_COLUMNS, ticket_event.union_all(window_event)).cte("ev")
    return (
        select(
            t.c.state,
            t.c.number,
            upd.c.id,
            upd.c.number,
            upd.c.priority_class,
            upd.c.issued_ms,
            S.c.code,
            S.c.name_zh,
            S.c.name_en,
            upd.c.called_ms,
            upd.c.recall_count,
            case((upd.c.id.is_not(None), func.pg_notify(CHANNEL, str(rules.hall_id)))),
        )
        .select_from(w)
        .outerjoin(t, true())
        .outerjoin(upd, true())
        .outerjoin(S, S.c.id == upd.c.service_id)
        .add_cte(wupd, ev)
    )
