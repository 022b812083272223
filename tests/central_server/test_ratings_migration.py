"""c0007 on both databases: down to c0006 (before it) and up again; ratings stored before it
get their worst level from the overall level and the indicators (a rating without indicators
too)."""

from __future__ import annotations

from sqlalchemy import text

from central_server.db import current_revision, head_revision
from onewindow_base.db.engine import Database
from tests.central_server.migrations import migrate_to

INSERT = text(
    "INSERT INTO rating (id, hall_code, window_code, clerk, channel, level, indicators,"
    " rated_at_ms, received_ms) VALUES (:id, 'CC01', 'W03', 'clerk1', 'window_pad', :level,"
    " :indicators, 0, 0)"
)


def test_down_and_up_again_fills_the_worst_level(central_db_url: str) -> None:
    db = Database(central_db_url)
    try:
        migrate_to(db, "c0006", down=True)
        assert current_revision(db.engine) == "c0006"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO hall (code, created_ms) VALUES ('CC01', 0)"))
            rows = [
                ("a", 4, '{"overall": 4, "attitude": 2}'),
                ("b", 5, '{"overall": 5}'),
                ("c", 1, "{}"),
            ]
            for rid, level, indicators in rows:
                conn.execute(INSERT, {"id": rid, "level": level, "indicators": indicators})
        migrate_to(db, "head")
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            worst: dict[str, int] = dict(conn.execute(text("SELECT id, worst FROM rating")).all())
        assert worst == {"a": 2, "b": 5, "c": 1}
    finally:
        db.dispose()
