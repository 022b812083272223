"""Issue 8 §5 points that had only database-free tests, proved through the real intake on both
databases: full-width and zero-width input, NUL refused, hostile files refused with nothing
stored, and a copy of the whole database (SQLite file, PostgreSQL dump) unreadable without the
hall key.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.roles import UserInfo
from clerk_app.calendars.shipped import shipped_calendar
from clerk_app.catalogue.service import CatalogueService
from clerk_app.db.intake_models import ID_NUMBER as ID_CONTEXT
from clerk_app.db.intake_models import PHONE as PHONE_CONTEXT
from clerk_app.db.intake_models import Applicant
from clerk_app.intake.lookup import CaseLookup
from clerk_app.intake.rules import Decision
from clerk_app.intake.service import IntakeService
from clerk_app.intake.types import ApplicantInput, ApplicantKind, IdType, IntakeRefused
from clerk_app.scans.store import PageIntake
from clerk_app.scans.types import RawPage, RejectCode
from onewindow_base.blobs import BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import DecryptError, PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, new_ring
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.intake.test_service import _complete
from tests.scans import samples
from tests.snapshot import snapshot

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


@pytest.fixture
def cipher(clock: FixedClock) -> PersonalDataCipher:
    return PersonalDataCipher(new_ring(Algorithm.SM4_GCM, clock.now_ms()))


@pytest.fixture
def intake(db: Database, clock: FixedClock, cipher: PersonalDataCipher) -> IntakeService:
    return IntakeService(
        db, CatalogueService(db), cipher, hall_code="CC01", calendar=shipped_calendar(), clock=clock
    )


@pytest.fixture
def clerk(db: Database) -> UserInfo:
    return AuthService(db).authenticate("clerk3", "clerk3-demo")


def _accept(intake: IntakeService, clerk: UserInfo, applicant: ApplicantInput) -> str:
    draft = dataclasses.replace(_complete(), applicant=applicant)
    return intake.decide(draft, Decision.ACCEPT, clerk, window=3).case_number


def test_full_width_and_zero_width_input_is_stored_normalised(
    db: Database, intake: IntakeService, clerk: UserInfo, cipher: PersonalDataCipher
) -> None:
    typed = ApplicantInput(
        ApplicantKind.PERSON,
        "\u200b张\u200d三\ufeff",  # zero-width space, joiner, BOM: invisible, dropped
        IdType.RESIDENT_ID,
        "１１０１０５１９４９１２３１００２ｘ",  # full-width digits, lower-case x
        "１３８ １２３４ ５６７８",
    )
    case_number = _accept(intake, clerk, typed)
    with db.read() as session:
        row = session.scalars(select(Applicant)).one()
        assert row.name == "张三"
        assert cipher.decrypt(row.id_enc, context=ID_CONTEXT) == ID_NUMBER
    lookup = CaseLookup(db, cipher, hall_code="CC01")
    assert [c.case_number for c in lookup.search(id_number=ID_NUMBER)] == [case_number]
    assert [c.case_number for c in lookup.search(name="张三")] == [case_number]


@pytest.mark.parametrize(
    "name", ["李\x00四", "张\u202e三", "王\u2066五\u2069"], ids=["NUL", "RLO", "isolate"]
)
def test_nul_and_direction_overrides_are_refused_and_nothing_is_saved(
    db: Database, intake: IntakeService, clerk: UserInfo, name: str
) -> None:
    before = snapshot(db)
    with pytest.raises(IntakeRefused) as caught:
        _accept(
            intake, clerk, ApplicantInput(ApplicantKind.PERSON, name, IdType.RESIDENT_ID, ID_NUMBER)
        )
    assert caught.value.field_name == "name"
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bomb.png", samples.png_bomb(8000, 8000), RejectCode.TOO_MANY_PIXELS),
        ("id-card.jpg", samples.windows_exe(), RejectCode.UNSUPPORTED_TYPE),
        ("scan.pdf", samples.zip_archive(), RejectCode.UNSUPPORTED_TYPE),
    ],
    ids=["decompression-bomb", "exe-named-jpg", "zip-named-pdf"],
)
def test_hostile_files_are_refused_and_nothing_is_stored(
    db: Database, tmp_path: Path, name: str, data: bytes, code: RejectCode
) -> None:
    before = snapshot(db)
    blobs = tmp_path / "blobs"
    outcome = PageIntake(BlobStore(blobs, TEST_RING)).take(RawPage(name, data, len(data)))
    assert getattr(outcome, "code", None) is code, outcome
    assert not blobs.exists() or not any(p.is_file() for p in blobs.rglob("*"))
    assert snapshot(db) == before


def _copy_elsewhere(db: Database, db_kind: str, target: Path) -> bytes:
    """The whole database as another machine would get it: the file, or a full dump."""
    if db_kind == "sqlite":
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return Path(shutil.copy(str(db.engine.url.database), target / "hall.sqlite3")).read_bytes()
    url = db.engine.url
    dump = subprocess.run(
        ["pg_dump", "-h", str(url.host), "-p", str(url.port or 5432), "-U", str(url.username),
         "--no-owner", str(url.database)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return dump.stdout


def test_a_copy_of_the_whole_database_is_unreadable_without_the_hall_key(
    db_kind: str,
    db: Database,
    intake: IntakeService,
    clerk: UserInfo,
    cipher: PersonalDataCipher,
    tmp_path: Path,
) -> None:
    applicant = ApplicantInput(ApplicantKind.PERSON, "张三", IdType.RESIDENT_ID, ID_NUMBER, PHONE)
    _accept(intake, clerk, applicant)
    elsewhere = tmp_path / "other-machine"
    elsewhere.mkdir()
    copy = _copy_elsewhere(db, db_kind, elsewhere)
    assert len(copy) > 10_000 and "张三".encode() in copy  # a real copy (names are not secret)
    # The masked forms (110105********002X, 138****5678) are stored on purpose; the hidden
    # middle (the birth date) and the whole values never are.
    for secret in (ID_NUMBER, ID_NUMBER.lower(), PHONE, "19491231"):
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in copy, secret
    stranger = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, 0))  # another hall's key
    with db.read() as session:
        row = session.scalars(select(Applicant)).one()
    with pytest.raises(DecryptError):
        stranger.decrypt(row.id_enc, context=ID_CONTEXT)
    assert row.phone_enc is not None
    with pytest.raises(DecryptError):
        stranger.decrypt(row.phone_enc, context=PHONE_CONTEXT)
    # Nor can the lookup hash be recomputed to test guesses without the key.
    assert stranger.lookup_hash(ID_NUMBER, context=ID_CONTEXT) != row.id_hash
    assert cipher.lookup_hash(ID_NUMBER, context=ID_CONTEXT) == row.id_hash
