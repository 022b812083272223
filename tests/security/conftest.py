"""Fixtures for the security tests: a cheap argon2 hasher, a key ring, a table of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Column, Integer, MetaData, String, Table, Text

from clerk_app.crypto.registry import EncryptedColumns, encrypted
from clerk_app.db.models import Base
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.fields import PersonalDataCipher
from onewindow_base.crypto.keys import Algorithm, KeyRing, new_ring
from onewindow_base.db.engine import Database
from tests.passwords import FAST_HASHER
from tests.security.halls import Hall, make_hall

NOW_MS = 1_795_000_000_000

ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


@pytest.fixture
def fast_hasher() -> PasswordHasher:
    return FAST_HASHER


@pytest.fixture(params=list(Algorithm), ids=[a.value for a in Algorithm])
def ring(request: pytest.FixtureRequest) -> KeyRing:
    return new_ring(request.param, NOW_MS)


@pytest.fixture
def cipher(ring: KeyRing) -> PersonalDataCipher:
    return PersonalDataCipher(ring)


def applicant_table() -> Table:
    """What the intake's applicant table will look like: encrypted columns and lookup hashes."""
    return Table(
        "test_applicant",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(64)),
        Column("id_number_enc", Text, nullable=True, info=encrypted("applicant.id_number")),
        Column("id_number_lookup", String(64), nullable=True, index=True),
        Column("phone_enc", Text, nullable=True, info=encrypted("applicant.phone")),
    )


@pytest.fixture
def applicants(db: Database) -> Table:
    """The test table, created in the test database (its encrypted columns declared like the
    app's: :func:`with_the_app` gives a key manager's registry both)."""
    table = applicant_table()
    table.metadata.create_all(db.engine)
    return table


def with_the_app(table: Table) -> EncryptedColumns:
    """The encrypted columns of the app's models and of a test table."""
    return EncryptedColumns.declared_in(Base.metadata, table.metadata)


@pytest.fixture
def hall(db: Database, tmp_path: Path, clock: FixedClock) -> Hall:
    """The demo hall, its key ring (made by the host's operator) and a catalogue file."""
    return make_hall(db, tmp_path, clock)
