"""c0013 on both databases: down to c0012 and up again; the cases stored before it get their
counter visits (from the earlier decisions they keep), their item's department and handling
(from the published item version), the back office's decision instant (from the changes feed)
and the handover method (from the handover record)."""

from __future__ import annotations

import json

from sqlalchemy import text

from central_server.db import current_revision, head_revision
from onewindow_base.db.engine import Database
from tests.central_server.migrations import migrate_to

CASE = text(
    "INSERT INTO central_case (id, case_no, hall_code, window_code, device_id, clerk, item_code,"
    " item_version, applicant, materials, counter_decision, decision_detail, taken_at_ms,"
    " received_ms, status, version, deferred_outstanding, handover, updated_ms) VALUES (:id,"
    " :no, 'CC01', 'W03', 'd1', 'clerk1', 'I1', 1, '{}', '[]', :decision, :detail, 0, 0,"
    " :status, 1, false, :handover, 0)"
)
EVENT = text(
    "INSERT INTO change_event (hall_code, kind, body, created_ms) VALUES ('CC01', 'case.status',"
    " :body, :at)"
)


def test_down_and_up_again_fills_what_the_figures_read(central_db_url: str) -> None:
    db = Database(central_db_url)
    try:
        migrate_to(db, "c0012", down=True)
        assert current_revision(db.engine) == "c0012"
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO hall (code, created_ms) VALUES ('CC01', 0)"))
            conn.execute(
                text(
                    "INSERT INTO device (id, hall_code, name, refresh_hash, enrolled_ms,"
                    " last_seq) VALUES ('d1', 'CC01', 'w', 'h', 0, 0)"
                )
            )
            body = {"department_zh": "民政局", "handling": "on_the_spot"}
            conn.execute(
                text(
                    "INSERT INTO catalogue_item (code, version, body, sha256, published_ms)"
                    " VALUES ('I1', 1, :body, 'x', 0)"
                ),
                {"body": json.dumps(body, ensure_ascii=False)},
            )
            twice = {"earlier": {"decision": "notice", "detail": {"lines": []}}}
            rows = [
                ("a", "accept", twice, "delivered", {"method": "pickup"}),
                ("b", "defer", {}, "received", None),
            ]
            for cid, decision, detail, status, handover in rows:
                conn.execute(
                    CASE,
                    {"id": cid, "no": f"N-{cid}", "decision": decision,
                     "detail": json.dumps(detail), "status": status,
                     "handover": None if handover is None else json.dumps(handover)},
                )  # fmt: skip
            for status, at in (("received", 5), ("approved", 7), ("delivered", 9)):
                conn.execute(
                    EVENT, {"body": json.dumps({"case_id": "a", "status": status}), "at": at}
                )
        migrate_to(db, "head")
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            found = conn.execute(
                text(
                    "SELECT id, counter_visits, department, handling, decided_ms,"
                    " handover_method FROM central_case ORDER BY id"
                )
            ).all()
        assert [tuple(r) for r in found] == [
            ("a", 2, "民政局", "on_the_spot", 7, "pickup"),
            ("b", 1, "民政局", "on_the_spot", None, None),
        ]
    finally:
        db.dispose()
