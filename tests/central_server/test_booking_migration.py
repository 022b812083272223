"""c0011 and c0012 on both databases: bookings stored in clear before c0011 come out encrypted
under the server's key ring, found by their ID number's keyed hash and pulled by the hall as
they were booked; down to c0010 they are in clear again. A message queued before c0012 starts
its history with its status. Converting rows without the ring is refused."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from central_server.composition import create_services
from central_server.db import current_revision, head_revision
from central_server.services import appointments
from central_server.settings import ServerSettings
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.central_server.migrations import migrate_to
from tests.conftest import START

ID_A, ID_B = "22010219900307123x", "220102198501011234"
BOOKING = text(
    "INSERT INTO booking (id, hall_code, code, service_code, day, slot_min, id_number, phone,"
    " status, created_ms, updated_ms) VALUES (:id, 'CC01', :code, 'BIZ', :day, 600, :id_number,"
    " :phone, :status, 0, 0)"
)
MESSAGE = text(
    "INSERT INTO notify_message (id, hall_code, template, params, phone_enc, phone_masked,"
    " status, attempts, next_attempt_ms, error, created_ms, updated_ms) VALUES ('m1', 'CC01',"
    " 'turn_near', '{}', 'v1:x:y', '139****5678', 'queued', 1, 0, 'gateway HTTP 503', 0, 7)"
)


def _plain_rows(db: Database) -> None:
    today = START.date()
    rows = [
        (str(uuid.uuid4()), "YY-AAAAAA", today, ID_A, "13800000001", "no_show"),
        (
            str(uuid.uuid4()),
            "YY-BBBBBB",
            today - dt.timedelta(days=1),
            ID_A.upper(),
            "13800000002",
            "no_show",
        ),
        (
            str(uuid.uuid4()),
            "YY-CCCCCC",
            today + dt.timedelta(days=1),
            ID_B,
            "+86 138 0000 0003",
            "booked",
        ),
    ]
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO hall (code, created_ms) VALUES ('CC01', 0)"))
        for bid, code, day, id_number, phone, status in rows:
            conn.execute(
                BOOKING,
                {
                    "id": bid,
                    "code": code,
                    "day": day,
                    "id_number": id_number,
                    "phone": phone,
                    "status": status,
                },
            )
        conn.execute(MESSAGE)


def test_bookings_encrypted_on_the_way_up_and_clear_on_the_way_down(
    central_settings: ServerSettings,
) -> None:
    services = create_services(central_settings, FixedClock(START))
    ctx = services.ctx
    ring = ctx.blobs.ring
    db = ctx.db
    try:
        migrate_to(db, "c0010", ring=ring, down=True)
        _plain_rows(db)
        with pytest.raises(RuntimeError, match="key ring"):
            migrate_to(db, "head", ring=None)
        migrate_to(db, "head", ring=ring)
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            stored = " ".join(
                str(v) for row in conn.execute(text("SELECT * FROM booking")).all() for v in row
            )
            history = conn.execute(
                text("SELECT message_id, status, source, detail, at_ms FROM notify_message_event")
            ).all()
        assert ID_A not in stored and ID_A.upper() not in stored and "13800000001" not in stored
        assert [tuple(h) for h in history] == [("m1", "queued", "server", "gateway HTTP 503", 7)]

        assert appointments.no_show_count(ctx, ID_A.upper()) == 2  # the keyed hash finds both
        pulled = appointments.hall_set(ctx, "CC01", START.date() - dt.timedelta(days=1), 3)
        assert {(b.code, b.id_number, b.phone) for b in pulled.bookings} == {
            ("YY-AAAAAA", ID_A, "13800000001"),
            ("YY-BBBBBB", ID_A.upper(), "13800000002"),
            ("YY-CCCCCC", ID_B, "+86 138 0000 0003"),
        }

        migrate_to(db, "c0010", ring=ring, down=True)
        with db.engine.connect() as conn:
            clear = conn.execute(
                text("SELECT code, id_number, phone FROM booking ORDER BY code")
            ).all()
        assert [tuple(r) for r in clear] == [
            ("YY-AAAAAA", ID_A, "13800000001"),
            ("YY-BBBBBB", ID_A.upper(), "13800000002"),
            ("YY-CCCCCC", ID_B, "+86 138 0000 0003"),
        ]
        migrate_to(db, "head", ring=ring)
    finally:
        db.dispose()
