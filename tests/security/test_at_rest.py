"""Personal data in a database file copied to another machine is unreadable without the key."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Table, insert, select

from clerk_app.accounts.authz import HostOperator
from clerk_app.crypto.rotation import KeyManager
from onewindow_base.blobs import BlobNotFoundError, BlobStore
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import DecryptError, DecryptFailure, PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, FileKeyStore, KeyStoreError, new_ring
from onewindow_base.db.engine import Database
from tests.security.conftest import ID_NUMBER, NOW_MS, PHONE

HOST = HostOperator("test")  # trusted while duties are not separated

SCAN = b"%PDF-1.7 scan of the applicant's ID card " + ID_NUMBER.encode() + b" " * 2000


def _store_applicant(db: Database, table: Table, cipher: PersonalDataCipher) -> None:
    with db.write() as session:
        session.execute(
            insert(table).values(
                id=1,
                name="张三",
                id_number_enc=cipher.encrypt(ID_NUMBER, context="applicant.id_number"),
                id_number_lookup=cipher.lookup_hash(ID_NUMBER, context="applicant.id_number"),
                phone_enc=cipher.encrypt(PHONE, context="applicant.phone"),
            )
        )


def test_found_by_id_number_through_the_keyed_hash(
    db: Database, applicants: Table, cipher: PersonalDataCipher
) -> None:
    _store_applicant(db, applicants, cipher)
    typed = "11010519491231002x".upper()
    wanted = cipher.lookup_hash(typed, context="applicant.id_number")
    with db.read() as session:
        found = session.execute(
            select(applicants.c.name, applicants.c.phone_enc).where(
                applicants.c.id_number_lookup == wanted
            )
        ).one()
        # Nothing in the table holds the number or the phone in the clear.
        dump = " ".join(str(v) for row in session.execute(select(applicants)) for v in row)
    assert found.name == "张三"
    assert cipher.decrypt(found.phone_enc, context="applicant.phone") == PHONE
    assert ID_NUMBER not in dump
    assert PHONE not in dump


def test_a_copied_sqlite_file_is_unreadable_without_the_key(
    db_kind: str, db: Database, applicants: Table, tmp_path: Path, clock: FixedClock
) -> None:
    if db_kind != "sqlite":
        pytest.skip("a file copy is SQLite's case; PostgreSQL is covered by the test above")
    hall = tmp_path / "hall"
    store = FileKeyStore(hall / "hall-key.json")
    ring = KeyManager(db, store, clock=clock).init(Algorithm.SM4_GCM, HOST)
    cipher = PersonalDataCipher(ring)
    _store_applicant(db, applicants, cipher)
    blobs = BlobStore(hall / "blobs", ring)  # the scan files, copied along with the database
    scan = blobs.put_bytes(SCAN)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    source = Path(str(db.engine.url.database))
    elsewhere = tmp_path / "other-machine"
    elsewhere.mkdir()
    copy = Path(shutil.copy(source, elsewhere / "hall.sqlite3"))

    raw = copy.read_bytes()
    for secret in (ID_NUMBER, PHONE):
        assert secret.encode("utf-8") not in raw
        assert secret.encode("utf-16-le") not in raw

    # On the other machine: no key file at all, then another hall's key file.
    with pytest.raises(KeyStoreError, match="no hall key file"):
        FileKeyStore(elsewhere / "hall-key.json").load()
    stranger = PersonalDataCipher(new_ring(Algorithm.SM4_GCM, NOW_MS))
    raw_db = sqlite3.connect(copy)
    token, phone = raw_db.execute("SELECT id_number_enc, phone_enc FROM test_applicant").fetchone()
    raw_db.close()
    with pytest.raises(DecryptError, match="does not hold") as caught:
        stranger.decrypt(token, context="applicant.id_number")
    assert caught.value.failure is DecryptFailure.UNKNOWN_KEY
    copied = Path(shutil.copytree(blobs.root, elsewhere / "blobs"))
    with pytest.raises(BlobNotFoundError):  # another key cannot even tell which file it is
        BlobStore(copied, stranger.ring).read_bytes(scan)
    for stored in copied.rglob("*.owb"):
        assert ID_NUMBER.encode() not in stored.read_bytes()
    # With the hall's key file copied along, everything reads again.
    assert cipher.decrypt(phone, context="applicant.phone") == PHONE
    assert blobs.read_bytes(scan) == SCAN
