"""The clerk's photo check (人证核验): recorded with the case, audited, pictures kept only with
``[idcard] keep_photo`` and then sealed like scans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, select

from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction, AuditEntry
from clerk_app.db.intake_models import PHOTO_CHECK_RESULTS, CasePhotoCheck
from clerk_app.db.migrate import _config
from clerk_app.db.models import Hall
from clerk_app.devices.idcard.card import CardKind
from clerk_app.devices.idcard.photo_check import PhotoCheckInput, PhotoCheckService, image_mime
from clerk_app.intake.checklist import MaterialRecord
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.protect import PersonalDataProtector
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import (
    ApplicantInput,
    ApplicantKind,
    CaseDraft,
    IdType,
    IntakeRefused,
    PageRef,
    PhotoCheckResult,
)
from clerk_app.storage.sweep import referenced_digests
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING

ITEM = "22010001001700000017"
ID_NUMBER = "11010519491231002X"
MASKED = "110105********002X"
GOT = MaterialRecord(received=True, original_checked=True, copies=1)
# What a decoder makes: a BMP; and a camera's JPEG. Recognisable runs, to look for on disk.
CARD_PHOTO = b"BM" + b"card-photo-pixels-" * 40
CAMERA = b"\xff\xd8\xff\xe0" + b"camera-picture-pixels-" * 40


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", TEST_RING)


def _service(db: Database, clock: FixedClock, store: BlobStore | None) -> PhotoCheckService:
    hall_id = db.run_read(lambda s: s.scalar(select(Hall.id).where(Hall.code == "CC01")))
    assert hall_id is not None
    return PhotoCheckService(db, AuditService(db, clock), clock, hall_id=hall_id, photos=store)


def _actor(clerk: UserInfo) -> Actor:
    return Actor(clerk.user_id, clerk.display_name)


def _check(result: PhotoCheckResult, *, photo: bool = True, camera: bool = True) -> PhotoCheckInput:
    return PhotoCheckInput(
        result,
        CardKind.RESIDENT,
        ID_NUMBER,
        CARD_PHOTO if photo else None,
        CAMERA if camera else None,
    )


def _draft(codes: tuple[str, ...] = ("M01", "M02", "M03", "M04"), **kw: object) -> CaseDraft:
    applicant = ApplicantInput(
        ApplicantKind.PERSON, "张三丰", IdType.RESIDENT_ID, ID_NUMBER, None, "北京市"
    )
    pages = tuple(
        PageRef(f"{n:064x}", "image/png", 2480, 3508, 180_000, 300, None, m)
        for n, m in enumerate(codes, start=1)
    )
    return CaseDraft(applicant, ITEM, "01", dict.fromkeys(codes, GOT), pages, **kw)  # type: ignore[arg-type]


def _entries(db: Database) -> list[AuditEntry]:
    entries = AuditService(db).entries(0, 2**62)
    return [e for e in entries if e.action == AuditAction.IDCARD_PHOTO_CHECK.value]


def _rows(db: Database) -> list[CasePhotoCheck]:
    with db.read() as session:
        rows = list(session.scalars(select(CasePhotoCheck).order_by(CasePhotoCheck.id)))
        session.expunge_all()
    return rows


def test_a_check_before_the_case_has_a_number_is_saved_with_the_visit(
    db: Database,
    clock: FixedClock,
    intake: IntakeService,
    clerk: UserInfo,
    protector: PersonalDataProtector,
) -> None:
    service = _service(db, clock, None)
    view = service.record(_actor(clerk), _check(PhotoCheckResult.CONFIRMED))
    assert (view.result, view.id_masked, view.card_kind) == (
        PhotoCheckResult.CONFIRMED,
        MASKED,
        "resident",
    )
    assert (view.at_ms, view.user_name) == (clock.now_ms(), clerk.display_name)
    assert view.card_photo_shown and view.camera_compared and not view.photo_kept
    [row] = _rows(db)
    assert row.case_id is None  # waits for the visit's case
    result = intake.decide(_draft(photo_checks=(view.check_id,)), Decision.ACCEPT, clerk, 3)
    detail = CaseLookup(db, protector, hall_code="CC01").by_number(result.case_number)
    assert [c.check_id for c in detail.photo_checks] == [view.check_id]
    assert detail.photo_checks[0].result is PhotoCheckResult.CONFIRMED
    [entry] = _entries(db)
    assert (entry.actor_id, entry.target, entry.outcome) == (clerk.user_id, None, "ok")
    assert MASKED in entry.detail and ID_NUMBER not in entry.detail
    decision = [e for e in AuditService(db).entries(0, 2**62) if e.action == "case.decision"]
    assert json.loads(decision[0].detail)["photo_checks"] == [view.check_id]


def test_a_refused_check_is_on_the_case_audited_and_stops_nothing(
    db: Database,
    clock: FixedClock,
    intake: IntakeService,
    clerk: UserInfo,
    protector: PersonalDataProtector,
) -> None:
    first = intake.decide(_draft(("M01",)), Decision.ONE_TIME_NOTICE, clerk, 3)
    service = _service(db, clock, None)
    refused = service.record(
        _actor(clerk), _check(PhotoCheckResult.REFUSED), case_number=first.case_number
    )
    lookup = CaseLookup(db, protector, hall_code="CC01")
    [shown] = lookup.by_number(first.case_number).photo_checks
    assert (shown.check_id, shown.result) == (refused.check_id, PhotoCheckResult.REFUSED)
    [entry] = _entries(db)
    assert (entry.target_kind, entry.target) == ("case", first.case_number)
    assert '"refused"' in entry.detail
    # The clerk decides what follows: the case takes its next visit as before.
    again = intake.decide(_draft(continuing=first.case_number), Decision.ACCEPT, clerk, 3)
    assert again.visit == 2
    # A check already on a case is not moved to another by a draft naming it.
    other = intake.decide(_draft(photo_checks=(refused.check_id,)), Decision.ACCEPT, clerk, 3)
    assert lookup.by_number(other.case_number).photo_checks == ()
    assert len(lookup.by_number(first.case_number).photo_checks) == 1


def test_a_check_on_an_unknown_case_is_refused_and_leaves_nothing(
    db: Database, clock: FixedClock, clerk: UserInfo
) -> None:
    with pytest.raises(IntakeRefused):
        _service(db, clock, None).record(
            _actor(clerk), _check(PhotoCheckResult.CONFIRMED), case_number="CC01-W03-20261124-9999"
        )
    assert _rows(db) == [] and _entries(db) == []


def test_not_possible_without_a_photo_or_a_camera(
    db: Database, clock: FixedClock, clerk: UserInfo
) -> None:
    service = _service(db, clock, None)
    view = service.record(
        _actor(clerk), _check(PhotoCheckResult.NOT_POSSIBLE, photo=False, camera=False)
    )
    assert view.result is PhotoCheckResult.NOT_POSSIBLE
    assert not view.card_photo_shown and not view.camera_compared
    assert '"not_possible"' in _entries(db)[0].detail


def _on_disk(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file())


def test_without_keep_photo_nothing_of_the_pictures_is_stored(
    db: Database, clock: FixedClock, clerk: UserInfo, store: BlobStore
) -> None:
    _service(db, clock, None).record(_actor(clerk), _check(PhotoCheckResult.CONFIRMED))
    [row] = _rows(db)
    assert (row.card_photo_sha256, row.card_photo_mime, row.camera_sha256) == (None, None, None)
    assert not store.root.exists() or list(store.files()) == []
    assert '"kept":false' in _entries(db)[0].detail.replace(" ", "")


def test_with_keep_photo_the_pictures_are_sealed_in_the_blob_store(
    db: Database, clock: FixedClock, clerk: UserInfo, store: BlobStore
) -> None:
    service = _service(db, clock, store)
    assert service.keeps_photos
    view = service.record(_actor(clerk), _check(PhotoCheckResult.CONFIRMED))
    assert view.photo_kept
    [row] = _rows(db)
    assert row.card_photo_sha256 is not None and row.camera_sha256 is not None
    assert row.card_photo_mime == "image/bmp"
    assert store.read_bytes(row.card_photo_sha256) == CARD_PHOTO
    assert store.read_bytes(row.camera_sha256) == CAMERA
    raw = _on_disk(store.root)
    assert raw  # stored …
    assert b"card-photo-pixels" not in raw and b"camera-picture-pixels" not in raw  # … sealed
    assert row.card_photo_sha256 not in {p.name for p in store.root.rglob("*")}  # keyed names
    with db.read() as session:  # the orphan sweep keeps them
        assert {row.card_photo_sha256, row.camera_sha256} <= referenced_digests(session)


def test_the_results_in_the_database_are_the_enum() -> None:
    assert tuple(r.value for r in PhotoCheckResult) == PHOTO_CHECK_RESULTS


def test_the_picture_types_are_told_by_their_first_bytes() -> None:
    assert image_mime(CARD_PHOTO) == "image/bmp"
    assert image_mime(b"\x89PNG\r\n\x1a\n....") == "image/png"
    assert image_mime(CAMERA) == "image/jpeg"
    assert image_mime(b"WLT?") == "image/unknown"


def test_the_migration_adds_the_table_and_going_back_removes_it(empty_db_url: str) -> None:
    cfg = _config()
    engine = create_engine(empty_db_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0023_print_unconfirmed")
        before = inspect(conn).has_table("case_photo_check")
        command.upgrade(cfg, "head")
        after = inspect(conn).has_table("case_photo_check")
    engine.dispose()
    assert (before, after) == (False, True)
