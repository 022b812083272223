"""Key rotation: a new active key, batched resumable re-encryption, retirement only when unused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Table, insert, select

from clerk_app.accounts.authz import HostOperator
from clerk_app.audit.service import AuditService
from clerk_app.crypto.registry import EncryptedColumns
from clerk_app.crypto.rotation import KeyInUse, KeyManager
from clerk_app.db.models import Base
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, FileKeyStore, KeyStoreError
from onewindow_base.db.engine import Database
from tests.security.conftest import with_the_app

HOST = HostOperator("test")  # trusted while duties are not separated

ROWS = 23


class StopRotationError(Exception):
    pass


def _fill(db: Database, table: Table, cipher: PersonalDataCipher) -> None:
    rows = [
        {
            "id": n,
            "name": f"申请人{n}",
            "id_number_enc": cipher.encrypt(
                f"1101051949123100{n:02d}", context="applicant.id_number"
            ),
            "phone_enc": None
            if n % 5 == 0
            else cipher.encrypt(f"138000000{n:02d}", context="applicant.phone"),
        }
        for n in range(1, ROWS + 1)
    ]
    with db.write() as session:
        session.execute(insert(table), rows)


def _decrypted(
    db: Database, table: Table, cipher: PersonalDataCipher
) -> list[tuple[str, str | None]]:
    with db.read() as session:
        rows = session.execute(
            select(table.c.id_number_enc, table.c.phone_enc).order_by(table.c.id)
        )
        return [
            (
                cipher.decrypt(i, context="applicant.id_number"),
                None if p is None else cipher.decrypt(p, context="applicant.phone"),
            )
            for i, p in rows
        ]


def test_rotate_reencrypt_resume_and_retire(
    db: Database, applicants: Table, tmp_path: Path, clock: FixedClock
) -> None:
    store = FileKeyStore(tmp_path / "hall-key.json")
    manager = KeyManager(db, store, registry=with_the_app(applicants), clock=clock)
    first = manager.init(Algorithm.SM4_GCM, HOST)
    with pytest.raises(KeyStoreError, match="already exists"):
        manager.init(Algorithm.SM4_GCM, HOST)
    _fill(db, applicants, PersonalDataCipher(first))
    before = _decrypted(db, applicants, PersonalDataCipher(first))
    old_id = first.active_id

    new_key = manager.rotate(Algorithm.AES_256_GCM, HOST)
    usage = {u.key.key_id: u.values for u in manager.status()}
    assert usage == {old_id: ROWS + ROWS - ROWS // 5, new_key.key_id: 0}
    with pytest.raises(KeyInUse, match="still encrypts 42 stored values"):
        manager.retire(old_id, HOST)

    # Interrupted after the first batch of 10: those rows are committed under the new key.
    def stop(_column: str, _rows: int) -> None:
        raise StopRotationError

    with pytest.raises(StopRotationError):
        manager.reencrypt(HOST, batch=10, progress=stop)
    usage = {u.key.key_id: u.values for u in manager.status()}
    assert usage[new_key.key_id] == 10

    report = manager.reencrypt(HOST, batch=10)  # resumes: only what is left
    assert report.rewritten == ROWS + ROWS - ROWS // 5 - 10
    assert report.to_key == new_key.key_id
    usage = {u.key.key_id: u.values for u in manager.status()}
    assert usage == {old_id: 0, new_key.key_id: 42}
    assert manager.reencrypt(HOST, batch=10).rewritten == 0  # nothing left to do

    manager.retire(old_id, HOST)
    ring = store.load()
    assert ring.get(old_id).retired
    assert _decrypted(db, applicants, PersonalDataCipher(ring)) == before
    with pytest.raises(KeyInUse, match="active key"):
        manager.retire(new_key.key_id, HOST)

    audit = AuditService(db, clock)
    rotations = [e for e in audit.entries(0, 2**62) if e.action == "crypto.key_rotation"]
    steps = [e.detail for e in rotations]
    assert '"step":"init"' in steps[0]
    assert '"step":"new_key"' in steps[1]
    assert sum('"step":"reencrypt"' in s for s in steps) >= 5  # one per batch
    assert '"step":"retire"' in steps[-1]
    assert audit.verify().intact


def test_an_unregistered_encrypted_column_blocks_retirement(
    db: Database, tmp_path: Path, clock: FixedClock
) -> None:
    registry = EncryptedColumns()  # knows nothing
    assert "applicant.id_enc" in registry.unregistered(Base.metadata)
    # the app's declarations: all known
    assert EncryptedColumns.declared_in(Base.metadata).unregistered(Base.metadata) == []
    manager = KeyManager(db, FileKeyStore(tmp_path / "k.json"), registry=registry, clock=clock)
    old = manager.init(Algorithm.SM4_GCM, HOST).active_id
    manager.rotate(Algorithm.SM4_GCM, HOST)
    with pytest.raises(KeyInUse, match=r"not registered: .*applicant\.id_enc"):
        manager.retire(old, HOST)


def test_the_registry_insists_on_its_conventions(applicants: Table) -> None:
    with pytest.raises(ValueError, match=r"named \*_enc"):
        EncryptedColumns().register(applicants.c.name, context="x")
    with pytest.raises(ValueError, match="already registered"):
        with_the_app(applicants).register(applicants.c.phone_enc, context="something.else")
