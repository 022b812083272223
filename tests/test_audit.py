"""The audit trail: a hash chain that any edit, insertion or deletion breaks, on both databases."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import HostOperator
from clerk_app.audit.service import AuditService, RetentionRefused
from clerk_app.audit.types import Actor, AuditAction, PersonalDataInAudit, ProblemKind
from clerk_app.cli.main import main
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database

HOST = HostOperator("test")  # trusted while duties are not separated

CLERK = Actor(3, "王小明")


def _fill(audit: AuditService, clock: FixedClock, count: int) -> None:
    for i in range(count):
        audit.record(
            AuditAction.DECISION,
            CLERK,
            target_kind="case",
            target=f"CASE-{i}",
            detail={"decision": "accept", "n": i},
        )
        clock.advance(minutes=1)


def _kinds(audit: AuditService) -> list[tuple[ProblemKind, int | None]]:
    return [(p.kind, p.seq) for p in audit.verify().problems]


def test_an_untouched_trail_verifies(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    assert audit.verify().intact  # empty
    _fill(audit, clock, 5)
    report = audit.verify(batch=2)  # batches smaller than the trail
    assert report.intact
    assert (report.checked, report.first_seq, report.last_seq) == (5, 1, 5)


@pytest.mark.allow_log_warnings
def test_an_edited_record_is_found(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    _fill(audit, clock, 5)
    with db.write() as session:
        session.execute(text("UPDATE audit_record SET target = 'CASE-X' WHERE seq = 3"))
    assert _kinds(audit) == [(ProblemKind.EDITED, 3)]


@pytest.mark.allow_log_warnings
def test_a_deleted_record_is_found(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    _fill(audit, clock, 5)
    with db.write() as session:
        session.execute(text("DELETE FROM audit_record WHERE seq = 2"))
    kinds = _kinds(audit)
    assert (ProblemKind.GAP, 3) in kinds
    assert (ProblemKind.LINK_BROKEN, 3) in kinds


@pytest.mark.allow_log_warnings
def test_records_deleted_from_the_end_are_found(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    _fill(audit, clock, 5)
    with db.write() as session:
        session.execute(text("DELETE FROM audit_record WHERE seq >= 4"))
    assert _kinds(audit) == [(ProblemKind.TAIL_MISSING, 3)]


@pytest.mark.allow_log_warnings
def test_an_inserted_record_is_found_even_with_a_recomputed_own_hash(
    db: Database, clock: FixedClock
) -> None:
    audit = AuditService(db, clock)
    _fill(audit, clock, 3)
    with db.write() as session:
        session.execute(text("UPDATE audit_record SET seq = seq + 1 WHERE seq = 3"))
        session.execute(
            text(
                "INSERT INTO audit_record (seq, at_ms, actor_id, actor, action, outcome, "
                "target_kind, target, detail, prev_hash, hash) SELECT 3, at_ms, actor_id, actor, "
                "action, outcome, target_kind, 'FORGED', detail, hash, hash FROM audit_record "
                "WHERE seq = 2"
            )
        )
    # The forgery, the renumbered original and the head all disagree with the chain.
    assert _kinds(audit) == [
        (ProblemKind.EDITED, 3),
        (ProblemKind.EDITED, 4),
        (ProblemKind.TAIL_MISSING, 4),
    ]


@pytest.mark.allow_log_warnings
def test_a_hall_key_makes_the_chain_unforgeable_without_it(db: Database, clock: FixedClock) -> None:
    keyed = AuditService(db, clock, key=b"k" * 32)
    _fill(keyed, clock, 3)
    assert keyed.verify().intact
    # Checked without the key (or with another), every record looks edited.
    assert [k for k, _ in _kinds(AuditService(db, clock, key=b"x" * 32))] == [
        ProblemKind.EDITED
    ] * 3


def test_the_action_and_its_record_commit_or_roll_back_together(
    db: Database, clock: FixedClock
) -> None:
    audit = AuditService(db, clock)

    def action_that_fails(session: Session) -> None:
        audit.append(session, AuditAction.OVERRIDE, CLERK, target="CASE-1")
        raise RuntimeError("the action failed after its record was written")

    with pytest.raises(RuntimeError):
        db.run_write(action_that_fails)
    assert audit.verify().checked == 0
    audit.record(AuditAction.OVERRIDE, CLERK, target="CASE-1")
    assert audit.verify().intact


def test_personal_data_never_enters_a_detail(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    for leaked in ("11010519491231002X", "13812345678"):
        with pytest.raises(PersonalDataInAudit):
            audit.record(AuditAction.DECISION, CLERK, detail={"note": f"applicant {leaked}"})
    assert audit.verify().checked == 0


def test_concurrent_writers_keep_one_chain(db_url: str, clock: FixedClock) -> None:
    errors: list[BaseException] = []

    def writer(index: int) -> None:
        db = Database(db_url)
        try:
            audit = AuditService(db, clock)
            for n in range(10):
                audit.record(AuditAction.PRINT, Actor(index, f"clerk{index}"), detail={"n": n})
        except BaseException as exc:  # noqa: BLE001 - reported to the test thread
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    db = Database(db_url)
    report = AuditService(db, clock).verify()
    db.dispose()
    assert report.intact
    assert report.checked == 40


def test_purge_keeps_the_retention_period_and_the_chain(db: Database, clock: FixedClock) -> None:
    audit = AuditService(db, clock)
    _fill(audit, clock, 3)
    clock.advance(minutes=200 * 24 * 60)
    _fill(audit, clock, 2)
    with pytest.raises(RetentionRefused):
        audit.purge(30, HOST, retention_days=180)
    assert audit.purge(190, HOST, retention_days=180) == 3
    report = audit.verify()
    assert report.intact, report.problems
    assert (report.first_seq, report.last_seq) == (4, 6)  # 6: the purge itself


@pytest.mark.allow_log_warnings
def test_cli_verify_and_export(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database(db_url)
    audit = AuditService(db)
    audit.record(AuditAction.EXPORT, CLERK, target='=HYPERLINK("http://evil")', detail={"rows": 3})
    assert main(["--db", db_url, "audit", "verify", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["intact"] is True
    assert verdict["checked"] == 1

    out = tmp_path / "audit.csv"
    today = "2000-01-01"
    assert (
        main(
            [
                "--db",
                db_url,
                "audit",
                "export",
                "--from",
                today,
                "--to",
                "2100-01-01",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["action"] for r in rows] == ["data.export"]
    assert rows[0]["target"] == '\'=HYPERLINK("http://evil")'  # shown as text, not run

    with db.write() as session:
        session.execute(text("UPDATE audit_record SET actor = 'someone else'"))
    assert main(["--db", db_url, "audit", "verify"]) == 1
    assert "edited" in capsys.readouterr().out
    db.dispose()
