"""Core tables and bound parameters for the prebuilt hot-path statements of both databases."""

from __future__ import annotations

from typing import cast

from sqlalchemy import BigInteger, Date, Integer, Table, bindparam

from clerk_app.db.models import ChangeCounter, QueueEvent, Service, Ticket, Window

T = cast("Table", Ticket.__table__)
W = cast("Table", Window.__table__)
E = cast("Table", QueueEvent.__table__)
S = cast("Table", Service.__table__)
C = cast("Table", ChangeCounter.__table__)

# What changes from call to call is bound, so each statement is built once and reused (building
# one costs more Python time than the database takes to run it). The names differ from every
# column's: a bound parameter named after a column of an UPDATE's SET would be taken for it.
NOW = bindparam("p_now_ms", type_=BigInteger)
USER = bindparam("p_user_id", type_=Integer)
DAY = bindparam("p_day", type_=Date)

EVENT_COLUMNS = (
    "hall_id",
    "at_ms",
    "window_id",
    "user_id",
    "detail",
    "kind",
    "ticket_id",
    "from_state",
    "to_state",
)
