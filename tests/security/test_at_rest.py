"""Personal data in a database file copied to another machine is unreadable without the key."""

from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlalchemy import Table, insert, select, text

from clerk_app.authz import HostOperator
from clerk_app.clock import FixedClock
from clerk_app.crypto import (
    DecryptError,
    DecryptFailure,
    EncryptedBlobMissing,
    EncryptedBlobStore,
    FileKeyStore,
    KeyStoreError,
    PersonalDataCipher,
)
from clerk_app.crypto.keys import Algorithm, new_ring
from clerk_app.crypto.rotation import KeyManager
from clerk_app.db.engine import Database
from clerk_app.db.security_models import EncryptedBlob
from tests.security.conftest import ID_NUMBER, NOW_MS, PHONE

HOST = HostOperator("test")  # trusted while duties are not separated

SCAN = b"%PDF-1.7 scan of the applicant's ID card " + ID_NUMBER.encode() + b" " * 2000


class MemoryBlobs:
    """A content-addressed store in memory with the interface of ``clerk_app.storage``."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put_bytes(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.blobs[digest] = data
        return digest

    def open(self, sha256: str) -> BinaryIO:
        return io.BytesIO(self.blobs[sha256])


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
    inner = MemoryBlobs()  # the scan files, copied along with the database
    blobs = EncryptedBlobStore(inner, cipher, db, clock)
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
    conn = sqlite3.connect(copy)
    token, phone = conn.execute("SELECT id_number_enc, phone_enc FROM test_applicant").fetchone()
    conn.close()
    with pytest.raises(DecryptError, match="does not hold") as caught:
        stranger.decrypt(token, context="applicant.id_number")
    assert caught.value.failure is DecryptFailure.UNKNOWN_KEY
    copied_db = Database(f"sqlite:///{copy}")
    try:
        with pytest.raises(DecryptError):
            EncryptedBlobStore(inner, stranger, copied_db, clock).read_bytes(scan)
        for stored in inner.blobs.values():
            assert ID_NUMBER.encode() not in stored
    finally:
        copied_db.dispose()
    # With the hall's key file copied along, everything reads again.
    assert cipher.decrypt(phone, context="applicant.phone") == PHONE
    assert blobs.read_bytes(scan) == SCAN


def test_scans_are_stored_encrypted_and_found_by_their_plaintext_digest(
    db: Database, cipher: PersonalDataCipher, clock: FixedClock
) -> None:
    inner = MemoryBlobs()
    blobs = EncryptedBlobStore(inner, cipher, db, clock)
    digest = blobs.put_bytes(SCAN)
    assert digest == hashlib.sha256(SCAN).hexdigest()
    assert blobs.put_bytes(SCAN) == digest  # deduplicated
    assert len(inner.blobs) == 1
    [stored] = inner.blobs.values()
    assert ID_NUMBER.encode() not in stored
    assert b"%PDF" not in stored
    with blobs.open(digest) as handle:
        assert handle.read() == SCAN
    with pytest.raises(EncryptedBlobMissing):
        blobs.open(hashlib.sha256(b"never stored").hexdigest())

    other = blobs.put_bytes(b"another page")
    with db.write() as session:  # point the second row at the first blob's file
        first = session.get(EncryptedBlob, digest)
        second = session.get(EncryptedBlob, other)
        assert first is not None and second is not None
        second.stored_sha256 = first.stored_sha256
    with pytest.raises(DecryptError):
        blobs.read_bytes(other)

    [name] = [n for n, v in inner.blobs.items() if v == stored]
    inner.blobs[name] = stored[:-1] + bytes([stored[-1] ^ 1])
    with pytest.raises(DecryptError) as caught:
        blobs.read_bytes(digest)
    assert caught.value.failure is DecryptFailure.TAMPERED


def test_a_rolled_back_case_leaves_no_blob_row(
    db: Database, cipher: PersonalDataCipher, clock: FixedClock
) -> None:
    blobs = EncryptedBlobStore(MemoryBlobs(), cipher, db, clock)

    class CaseRefusedError(Exception):
        pass

    def save_case() -> None:
        with db.write() as session:
            blobs.put_bytes(SCAN, session=session)
            raise CaseRefusedError

    with pytest.raises(CaseRefusedError):
        save_case()
    digest = hashlib.sha256(SCAN).hexdigest()
    assert not blobs.exists(digest)
    with db.write() as session:
        assert blobs.put_bytes(SCAN, session=session) == digest
        assert blobs.put_bytes(SCAN, session=session) == digest
    assert blobs.read_bytes(digest) == SCAN


def test_a_rotation_rewraps_blob_keys_without_touching_the_files(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    store = FileKeyStore(tmp_path / "hall-key.json")
    manager = KeyManager(db, store, clock=clock)
    old = manager.init(Algorithm.AES_256_GCM, HOST)
    inner = MemoryBlobs()
    digest = EncryptedBlobStore(inner, PersonalDataCipher(old), db, clock).put_bytes(SCAN)
    files_before = dict(inner.blobs)
    manager.rotate(Algorithm.SM4_GCM, HOST)
    assert manager.reencrypt(HOST).rewritten == 1
    manager.retire(old.active_id, HOST)
    assert inner.blobs == files_before
    rotated = EncryptedBlobStore(inner, PersonalDataCipher(store.load()), db, clock)
    assert rotated.read_bytes(digest) == SCAN
    with db.read() as session:
        wrapped = session.execute(text("SELECT data_key_enc FROM encrypted_blob")).scalar_one()
    assert wrapped.startswith(f"v1:{store.load().active_id}:")
