"""a booking's ID number and phone encrypted at rest, the ID number's lookup by keyed hash

Revision ID: c0011
Revises: c0010
Create Date: 2026-12-07 19:00:00

Existing bookings are converted in place: each ID number and phone is encrypted under the
server's key ring (the one that seals its blobs), and the ID number's HMAC under the ring's
lookup key replaces the plain column in the no-show index. The ring comes from the caller
(``central_server.db.migrate``); converting rows without it is refused, not guessed. The
down-migration decrypts them back into the plain columns.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context, op

from onewindow_base.crypto.fields import PersonalDataCipher

revision = "c0011"
down_revision = "c0010"
branch_labels = None
depends_on = None

# The encryption contexts as this migration wrote them (central_server.services.appointments).
ID_CONTEXT = "central.booking_id_number"
PHONE_CONTEXT = "central.booking_phone"


def _cipher() -> PersonalDataCipher:
    ring = context.config.attributes.get("ring")
    if ring is None:
        raise RuntimeError(
            "c0011 converts stored bookings under the server's key ring: migrate through "
            "central-server (central_server.db.migrate with the ring)"
        )
    return PersonalDataCipher(ring)


def _rows(sql: str) -> list[Any]:
    return list(op.get_bind().execute(sa.text(sql)).all())


def upgrade() -> None:
    with op.batch_alter_table("booking") as batch:
        batch.add_column(sa.Column("id_number_enc", sa.Text(), nullable=True))
        batch.add_column(sa.Column("id_number_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("phone_enc", sa.Text(), nullable=True))
    rows = _rows("SELECT id, id_number, phone FROM booking")
    if rows:
        cipher = _cipher()
        fill = sa.text(
            "UPDATE booking SET id_number_enc = :id_enc, id_number_hash = :id_hash,"
            " phone_enc = :phone_enc WHERE id = :id"
        )
        for booking_id, id_number, phone in rows:
            op.get_bind().execute(
                fill,
                {
                    "id": booking_id,
                    "id_enc": cipher.encrypt(id_number, context=ID_CONTEXT),
                    "id_hash": cipher.lookup_hash(id_number.upper(), context=ID_CONTEXT),
                    "phone_enc": cipher.encrypt(phone, context=PHONE_CONTEXT),
                },
            )
    op.drop_index("ix_booking_id_number", table_name="booking")
    with op.batch_alter_table("booking") as batch:
        for name in ("id_number_enc", "phone_enc"):
            batch.alter_column(name, existing_type=sa.Text(), nullable=False)
        batch.alter_column("id_number_hash", existing_type=sa.String(length=64), nullable=False)
        batch.drop_column("id_number")
        batch.drop_column("phone")
    op.create_index("ix_booking_id_number_hash", "booking", ["id_number_hash", "status"])


def downgrade() -> None:
    with op.batch_alter_table("booking") as batch:
        batch.add_column(sa.Column("id_number", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("phone", sa.String(length=40), nullable=True))
    rows = _rows("SELECT id, id_number_enc, phone_enc FROM booking")
    if rows:
        cipher = _cipher()
        fill = sa.text("UPDATE booking SET id_number = :id_number, phone = :phone WHERE id = :id")
        for booking_id, id_enc, phone_enc in rows:
            op.get_bind().execute(
                fill,
                {
                    "id": booking_id,
                    "id_number": cipher.decrypt(id_enc, context=ID_CONTEXT),
                    "phone": cipher.decrypt(phone_enc, context=PHONE_CONTEXT),
                },
            )
    op.drop_index("ix_booking_id_number_hash", table_name="booking")
    with op.batch_alter_table("booking") as batch:
        for name in ("id_number", "phone"):
            batch.alter_column(name, existing_type=sa.String(length=40), nullable=False)
        batch.drop_column("id_number_enc")
        batch.drop_column("id_number_hash")
        batch.drop_column("phone_enc")
    op.create_index("ix_booking_id_number", "booking", ["id_number", "status"])
