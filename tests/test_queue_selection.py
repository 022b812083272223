"""The window's next tickets, read line by line from the callable index, are exactly the first
tickets of the window's whole queue in the documented order (hypothesis, both databases), and
the statement reads that index rather than sorting the queue."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, text

from clerk_app.db.models import QueueEvent, Service, Ticket, Window
from clerk_app.queue.hall import HallRules, load_rules
from clerk_app.queue.selection import candidate_query
from clerk_app.queue.types import PriorityClass
from onewindow_base.db.engine import Database
from tests.conftest import START

NOW = int(START.timestamp() * 1000)
MINUTE = 60_000

TICKETS = st.lists(
    st.fixed_dictionaries(
        {
            "service": st.integers(0, 3),  # an index into the hall's services; 3 is not served
            "priority_class": st.sampled_from(["normal"] * 3 + ["priority", "appointment"]),
            "state": st.sampled_from(["waiting"] * 4 + ["parked", "done", "cancelled"]),
            "waited_min": st.integers(0, 90),
            "available_in_min": st.sampled_from([None, -5, 0, 5]),  # parked: back when
            "target": st.sampled_from([None] * 4 + ["this", "other"]),
            "yesterday": st.sampled_from([False] * 5 + [True]),
        }
    ),
    min_size=2,
    max_size=40,
)


def reference_order(
    rules: HallRules,
    window_id: int,
    weights: dict[int, int],
    prefer_priority: bool,
    rows: list[dict[str, Any]],
) -> list[int]:
    """The queue's order as docs/queue-rules.md and selection.py's docstring describe it, in
    Python."""
    day = rules.day(NOW)

    def callable_here(r: dict[str, Any]) -> bool:
        if r["day"] != day or r["state"] not in ("waiting", "parked"):
            return False
        if r["available_ms"] > NOW:
            return False
        return r["target_window_id"] == window_id or (
            r["target_window_id"] is None and r["service_id"] in weights
        )

    def key(r: dict[str, Any]) -> tuple[int, ...]:
        targeted = 0 if r["target_window_id"] == window_id else 1
        weight = weights.get(r["service_id"], 1) + 1
        waited = NOW - r["arrival_ms"]
        if rules.fairness_mode == "aging":
            head = {
                "priority": rules.priority_head_start_s * 1000,
                "appointment": rules.appointment_head_start_s * 1000,
            }.get(r["priority_class"], 0)
            return (targeted, -weight * (waited + head), r["id"])
        is_priority = r["priority_class"] != "normal"
        preferred = is_priority if prefer_priority else not is_priority
        return (targeted, 0 if preferred else 1, -weight * waited, r["id"])

    return [r["id"] for r in sorted(filter(callable_here, rows), key=key)]


@pytest.mark.slow  # 150 Hypothesis examples against the database
def test_line_heads_give_the_same_order_as_sorting_the_whole_queue(db: Database) -> None:
    with db.read() as s:
        base_rules = load_rules(s, None)
        services = list(s.scalars(select(Service.id).order_by(Service.id)))[:4]
        windows = list(s.scalars(select(Window.id).order_by(Window.number)))[:2]
    day = base_rules.day(NOW)
    yesterday = day - dt.timedelta(days=1)

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        tickets=TICKETS,
        weights=st.lists(st.integers(0, 3), min_size=3, max_size=3),
        served=st.sampled_from(
            [0, 1, 1, 2, 3, 3]
        ),  # how many of the first three services the window serves
        aging=st.booleans(),
        prefer_priority=st.booleans(),
        limit=st.sampled_from([1, 1, 2, 64]),
        ties=st.booleans(),
    )
    def check(
        tickets: list[dict[str, Any]],
        weights: list[int],
        served: int,
        aging: bool,
        prefer_priority: bool,
        limit: int,
        ties: bool,
    ) -> None:
        rules = dataclasses.replace(
            base_rules,
            fairness_mode="aging" if aging else "ratio",
            priority_head_start_s=600,
            appointment_head_start_s=300,
        )
        window_id, other_window = windows
        window_weights = {services[i]: weights[i] for i in range(served)}
        rows = []
        for seq, t in enumerate(tickets, start=1):
            waited = t["waited_min"] * MINUTE
            if ties:  # tickets arriving at the same instants: ids decide among them
                waited = (t["waited_min"] % 2) * 30 * MINUTE
            back_in = t["available_in_min"]
            available = NOW - waited if back_in is None else NOW + back_in * MINUTE
            target = {"this": window_id, "other": other_window, None: None}[t["target"]]
            rows.append(
                {
                    "hall_id": rules.hall_id,
                    "service_id": services[t["service"]],
                    "day": yesterday if t["yesterday"] else day,
                    "prefix": "T",
                    "seq": seq,
                    "number": f"T{seq:03d}",
                    "priority_class": t["priority_class"],
                    "state": t["state"],
                    "issued_ms": NOW - waited,
                    "arrival_ms": NOW - waited,
                    "available_ms": available,
                    "recall_count": 0,
                    "target_window_id": target,
                }
            )
        with db.write() as s:
            s.execute(delete(QueueEvent))
            s.execute(delete(Ticket))
            ids = [
                s.execute(insert(Ticket).values(**row).returning(Ticket.id)).scalar_one()
                for row in rows
            ]
        for row, ticket_id in zip(rows, ids, strict=True):
            row["id"] = ticket_id
        expected = reference_order(rules, window_id, window_weights, prefer_priority, rows)
        query = candidate_query(
            rules, window_id, window_weights, NOW, prefer_priority=prefer_priority, limit=limit
        )
        with db.read() as s:
            got = list(s.scalars(query))
        assert got == expected[:limit]

    check()


def test_the_pick_reads_the_callable_index(db: Database, db_kind: str) -> None:
    with db.read() as s:
        rules = load_rules(s, None)
        window_id = s.scalars(select(Window.id).order_by(Window.number).limit(1)).one()
        service_ids = list(s.scalars(select(Service.id)))
    query = candidate_query(
        rules, window_id, dict.fromkeys(service_ids, 1), NOW, prefer_priority=True, limit=1
    )
    compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        if db_kind == "sqlite":
            plan = " ".join(
                str(row[-1]) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
            )
        else:  # a demo hall's few rows would be read whole: ask whether the index can serve
            conn.execute(text("SET enable_seqscan = off"))
            conn.execute(text("SET enable_bitmapscan = off"))
            plan = " ".join(str(row[0]) for row in conn.exec_driver_sql(f"EXPLAIN {compiled}"))
    # Each service's and class's line is read from the index (the tickets sent to the window
    # may be too, or from ix_ticket_targeted).
    assert plan.count("ix_ticket_callable") >= len(service_ids) * len(PriorityClass), plan
