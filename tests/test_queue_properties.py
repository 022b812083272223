"""Random sequences of operations never break the queue's invariants (hypothesis).

After every step: each ticket is in exactly one known state and its event chain leads to that
state (nothing lost, nothing skipped); at most one active ticket per window and the window's
state agrees with it; numbers unique per hall, day and prefix; every issued ticket exists.
"""

from __future__ import annotations

import contextlib
import itertools
from collections import Counter, defaultdict

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import delete, select, update

from clerk_app.accounts.authz import HostOperator
from clerk_app.db.models import TICKET_STATES, DailyCounter, QueueEvent, Ticket, Window
from clerk_app.queue import PriorityClass, QueueRefused, QueueService
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.conftest import START

HOST = HostOperator("test")  # trusted while duties are not separated

WINDOWS = st.sampled_from([1, 2, 8])
SERVICES = st.sampled_from(["BIZ", "SOCIAL", "PICKUP"])


def reset(db: Database) -> None:
    with db.write() as s:
        s.execute(delete(QueueEvent))
        s.execute(delete(Ticket))
        s.execute(delete(DailyCounter))
        # Windows start open so that short random runs reach the interesting states quickly.
        s.execute(update(Window).values(state="open", pause_reason=None, priority_streak=0))


def make_machine(db: Database) -> type[RuleBasedStateMachine]:
    class QueueMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            reset(db)
            self.clock = FixedClock(START)
            self.queue = QueueService(db, clock=self.clock)
            self.issued: list[str] = []

        def attempt(self, op: object) -> None:
            with contextlib.suppress(QueueRefused):
                op()  # type: ignore[operator]

        @rule(service=SERVICES, priority=st.sampled_from(list(PriorityClass)))
        def issue(self, service: str, priority: PriorityClass) -> None:
            self.issued.append(self.queue.issue(service, priority).ticket.number)

        @rule(window=WINDOWS)
        def open_window(self, window: int) -> None:
            self.queue.open_window(window)

        @rule(window=WINDOWS)
        def call_next(self, window: int) -> None:
            self.attempt(lambda: self.queue.call_next(window))

        @rule(window=WINDOWS, pick=st.integers(0, 30))
        def call_ticket(self, window: int, pick: int) -> None:
            if self.issued:
                number = self.issued[pick % len(self.issued)]
                self.attempt(lambda: self.queue.call_ticket(window, number))

        @rule(window=WINDOWS, action=st.sampled_from(["recall", "skip", "start", "finish"]))
        def at_window(self, window: int, action: str) -> None:
            self.attempt(lambda: getattr(self.queue, action)(window))

        @rule(window=WINDOWS, service=SERVICES)
        def transfer_to_service(self, window: int, service: str) -> None:
            self.attempt(lambda: self.queue.transfer(window, to_service=service))

        @rule(window=WINDOWS, to=WINDOWS)
        def transfer_to_window(self, window: int, to: int) -> None:
            self.attempt(lambda: self.queue.transfer(window, to_window=to))

        @rule(window=WINDOWS, minutes=st.integers(1, 20))
        def park(self, window: int, minutes: int) -> None:
            self.attempt(lambda: self.queue.park(window, minutes))

        @rule(pick=st.integers(0, 30), action=st.sampled_from(["cancel", "return_no_show"]))
        def by_number(self, pick: int, action: str) -> None:
            if self.issued:
                number = self.issued[pick % len(self.issued)]
                if action == "cancel":  # queue supervision: the host operator, trusted here
                    self.attempt(lambda: self.queue.cancel(number, by=HOST))
                else:
                    self.attempt(lambda: self.queue.return_no_show(number))

        @rule(window=WINDOWS, action=st.sampled_from(["pause", "close"]))
        def window_state(self, window: int, action: str) -> None:
            if action == "pause":
                self.attempt(lambda: self.queue.pause_window(window, "break"))
            else:
                self.attempt(lambda: self.queue.close_window(window))

        @rule(minutes=st.integers(1, 40))
        def time_passes(self, minutes: int) -> None:
            self.clock.advance(minutes=minutes)

        @invariant()
        def queue_is_consistent(self) -> None:
            with db.read() as s:
                tickets = s.execute(
                    select(
                        Ticket.id,
                        Ticket.number,
                        Ticket.state,
                        Ticket.window_id,
                        Ticket.day,
                        Ticket.prefix,
                        Ticket.seq,
                    )
                ).all()
                chain: dict[int, list[tuple[str | None, str | None]]] = defaultdict(list)
                for tid, frm, to in s.execute(
                    select(QueueEvent.ticket_id, QueueEvent.from_state, QueueEvent.to_state)
                    .where(QueueEvent.ticket_id.is_not(None))
                    .order_by(QueueEvent.id)
                ):
                    assert tid is not None  # the query keeps only a ticket's events
                    chain[tid].append((frm, to))
                windows = dict(s.execute(select(Window.id, Window.state)).all())
            assert sorted(t.number for t in tickets) == sorted(self.issued)
            assert len({(t.day, t.prefix, t.seq) for t in tickets}) == len(tickets)
            active = Counter(t.window_id for t in tickets if t.state in ("called", "serving"))
            assert all(n == 1 for n in active.values())
            for t in tickets:
                assert t.state in TICKET_STATES
                events = chain[t.id]
                assert events[0] == (None, "waiting")
                for (_, before), (after, _) in itertools.pairwise(events):
                    assert before == after
                assert events[-1][1] == t.state
                if t.state in ("called", "serving"):
                    expected = "calling" if t.state == "called" else "serving"
                    assert windows[t.window_id] == expected
            for window_id, state in windows.items():
                if state in ("calling", "serving"):
                    assert active[window_id] == 1

    return QueueMachine


@pytest.mark.slow  # a Hypothesis state machine on both databases
def test_random_operation_sequences_keep_invariants(db: Database, db_kind: str) -> None:
    examples = 60 if db_kind == "sqlite" else 25
    run_state_machine_as_test(
        make_machine(db),
        settings=settings(
            max_examples=examples,
            stateful_step_count=40,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
