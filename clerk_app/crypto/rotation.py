"""Key management: create the ring, rotate, re-encrypt columns and blob files, retire old keys.

``rotate`` only adds a new active key: values already stored stay readable under their old one.
``reencrypt`` then moves every registered column to the active key in batches, each batch a
write transaction of its own with its audit record, so it can be interrupted and run again
(rows already under the active key are skipped). It then re-seals this PC's blob files under
the active key, each file replaced atomically, and seals the plain files of a store from before
encryption (the sealed file is durable before the plain one goes): killed at any point, the
next run finishes the job, each batch of files with its audit record. A key is retired, its
material dropped from the ring, only when no registered column and no blob file of this PC
needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, not_, select, update
from sqlalchemy.orm import Session

from clerk_app.accounts.authz import Gate, Operator, Permission, actor_of, open_to_clerks, requires
from clerk_app.audit.service import AuditService
from clerk_app.audit.types import Actor, AuditAction
from clerk_app.crypto.registry import EncryptedColumn, EncryptedColumns
from clerk_app.db.models import Base
from onewindow_base.blobs import BlobStore, FileKind, StoredFile
from onewindow_base.clock import Clock, SystemClock
from onewindow_base.crashpoint import crashpoint
from onewindow_base.crypto.fields import VERSION, PersonalDataCipher
from onewindow_base.crypto.keys import (
    Algorithm,
    DataKey,
    KeyRing,
    KeyStore,
    KeyStoreError,
    new_ring,
    with_new_key,
    without_key,
)
from onewindow_base.db.engine import Database

log = logging.getLogger(__name__)

DEFAULT_BATCH = 500


class KeyInUse(Exception):  # noqa: N818 - an expected refusal with its reason
    def __init__(self, key_id: str, values: int, reason: str = "") -> None:
        self.key_id = key_id
        self.values = values
        super().__init__(
            reason or f"key {key_id} still encrypts {values} stored values: run reencrypt first"
        )


@dataclass(frozen=True, slots=True)
class KeyUsage:
    key: DataKey
    active: bool
    values: int  # stored values under this key, over every registered column
    blobs: int  # blob files of this PC sealed under this key


@dataclass(frozen=True, slots=True)
class BlobCensus:
    """This PC's blob files: how many each key seals, and the plain ones from before."""

    by_key: dict[str, int]
    plain: int
    unreadable: int  # sealed files whose header names no key (damaged)


@dataclass(frozen=True, slots=True)
class ReencryptReport:
    to_key: str
    rewritten: int
    batches: int
    blobs_resealed: int = 0  # blob files moved from an older key
    blobs_sealed: int = 0  # plain blob files from before encryption, now sealed


def _prefix(key_id: str) -> str:
    return f"{VERSION}:{key_id}:%"  # key ids are hex: no LIKE wildcards in them


class KeyManager:
    def __init__(
        self,
        db: Database,
        store: KeyStore,
        *,
        registry: EncryptedColumns | None = None,
        audit: AuditService | None = None,
        clock: Clock | None = None,
        blob_root: Path | None = None,
    ) -> None:
        """``blob_root``: this PC's blob store, whose files ``reencrypt`` re-seals and
        ``retire`` checks (None: a database-only tool, no blob files)."""
        self._db = db
        self._store = store
        self._blob_root = blob_root
        # the columns the models declare encrypted (a tool of a test passes its own)
        self._registry = registry or EncryptedColumns.declared_in(Base.metadata)
        self._clock = clock or SystemClock()
        self._audit = audit or AuditService(db, self._clock)

    def _gate(self) -> Gate:
        return Gate(self._audit, self._db)

    @requires(Permission.KEYS)
    def init(self, algorithm: Algorithm, by: Operator) -> KeyRing:
        if self._store.exists():
            raise KeyStoreError(
                f"the {self._store.describe()} already exists: a second ring would make the "
                "data encrypted under the first unreadable. Use `keys rotate` instead"
            )
        ring = new_ring(algorithm, self._clock.now_ms())
        self._store.save(ring)
        self._record(by, {"step": "init", "key_id": ring.active_id, "algorithm": algorithm})
        return ring

    @requires(Permission.KEYS)
    def rotate(self, algorithm: Algorithm, by: Operator) -> DataKey:
        ring = with_new_key(self._store.load(), algorithm, self._clock.now_ms())
        self._store.save(ring)
        log.info("new active key %s (%s)", ring.active_id, algorithm)
        self._record(by, {"step": "new_key", "key_id": ring.active_id, "algorithm": algorithm})
        return ring.active

    @open_to_clerks
    def status(self) -> list[KeyUsage]:
        ring = self._store.load()
        counts = self._db.run_read(lambda s: self._count(s, ring))
        blobs = self.blob_census(ring).by_key
        return [
            KeyUsage(k, k.key_id == ring.active_id, counts[k.key_id], blobs.get(k.key_id, 0))
            for k in ring.keys
        ]

    @open_to_clerks  # counts per key, like status: no key material
    def blob_census(self, ring: KeyRing | None = None) -> BlobCensus:
        """Which key each blob file of this PC needs (reads each sealed file's header)."""
        store = self._blobs(ring or self._store.load())
        by_key: dict[str, int] = {}
        plain = unreadable = 0
        if store is None:
            return BlobCensus(by_key, plain, unreadable)
        for stored in store.files():
            if stored.kind is FileKind.PLAIN:
                plain += 1
            elif stored.kind is FileKind.SEALED:
                key_id = store.key_of(stored)
                if key_id is None:
                    unreadable += 1
                else:
                    by_key[key_id] = by_key.get(key_id, 0) + 1
        return BlobCensus(by_key, plain, unreadable)

    def _blobs(self, ring: KeyRing) -> BlobStore | None:
        return BlobStore(self._blob_root, ring) if self._blob_root is not None else None

    def _count(self, session: Session, ring: KeyRing) -> dict[str, int]:
        counts = dict.fromkeys((k.key_id for k in ring.keys), 0)
        for entry in self._registry:
            for key_id in counts:
                query = select(func.count()).where(entry.column.like(_prefix(key_id)))
                counts[key_id] += session.execute(query).scalar_one()
        return counts

    @requires(Permission.KEYS)
    def reencrypt(
        self,
        by: Operator,
        *,
        batch: int = DEFAULT_BATCH,
        progress: Callable[[str, int], None] | None = None,
    ) -> ReencryptReport:
        """Move every registered value and blob file to the active key; safe to interrupt and
        run again."""
        cipher = PersonalDataCipher(self._store.load())
        rewritten = batches = 0
        for entry in self._registry:
            after: Any = None
            while True:
                done, after = self._db.run_write(
                    partial(
                        self._batch,
                        cipher=cipher,
                        entry=entry,
                        after=after,
                        size=batch,
                        actor=actor_of(by),
                    )
                )
                if done:
                    rewritten += done
                    batches += 1
                    if progress is not None:
                        progress(entry.name, done)
                if after is None:
                    break
        resealed, sealed, blob_batches = self._reseal_blobs(
            cipher.ring, actor_of(by), batch, progress
        )
        return ReencryptReport(
            cipher.ring.active_id, rewritten, batches + blob_batches, resealed, sealed
        )

    def _reseal_blobs(
        self,
        ring: KeyRing,
        actor: Actor,
        size: int,
        progress: Callable[[str, int], None] | None,
    ) -> tuple[int, int, int]:
        """Re-seal blob files under an older key and seal plain ones, ``size`` files a batch;
        (re-sealed, sealed, batches). Each file is replaced atomically: no transaction needed,
        and a file already done is skipped by the next run."""
        store = self._blobs(ring)
        if store is None:
            return 0, 0, 0
        resealed = sealed = batches = 0
        pending: list[StoredFile] = []
        for stored in store.files():
            if stored.kind is FileKind.PLAIN or (
                stored.kind is FileKind.SEALED and store.key_of(stored) != ring.active_id
            ):
                pending.append(stored)
            if len(pending) == size:
                done = self._blob_batch(store, pending, actor)
                resealed, sealed, batches = resealed + done[0], sealed + done[1], batches + 1
                if progress is not None:
                    progress("blobs", sum(done))
                pending = []
        if pending:
            done = self._blob_batch(store, pending, actor)
            resealed, sealed, batches = resealed + done[0], sealed + done[1], batches + 1
            if progress is not None:
                progress("blobs", sum(done))
        return resealed, sealed, batches

    def _blob_batch(
        self, store: BlobStore, files: list[StoredFile], actor: Actor
    ) -> tuple[int, int]:
        resealed = sealed = 0
        for stored in files:
            if stored.kind is FileKind.PLAIN:
                sealed += store.seal_plain(stored)
            else:
                resealed += store.reseal(stored)
            crashpoint("keys.after_blob_file")
        if resealed or sealed:
            self._audit.record(
                AuditAction.KEY_ROTATION,
                actor,
                target_kind="blob_store",
                target=str(store.root)[:120],
                detail={
                    "step": "reseal_blobs",
                    "to_key": store.active_key,
                    "resealed": resealed,
                    "sealed_plain": sealed,
                },
            )
        return resealed, sealed

    def _batch(
        self,
        session: Session,
        *,
        cipher: PersonalDataCipher,
        entry: EncryptedColumn,
        after: Any,
        size: int,
        actor: Actor,
    ) -> tuple[int, Any]:
        """Re-encrypt up to ``size`` rows past ``after``; (rows rewritten, last key or None)."""
        pk, column = entry.primary_key, entry.column
        query = select(pk, column).where(
            column.is_not(None), not_(column.like(_prefix(cipher.ring.active_id)))
        )
        if after is not None:
            query = query.where(pk > after)
        rows = session.execute(query.order_by(pk).limit(size)).all()
        done = 0
        for key, token in rows:
            fresh = cipher.reencrypt(token, context=entry.context)
            statement = update(entry.table).where(pk == key, column == token)
            done += session.execute(statement.values({column.name: fresh})).rowcount  # type: ignore[attr-defined]
        if done:
            self._audit.append(
                session,
                AuditAction.KEY_ROTATION,
                actor,
                target_kind="column",
                target=entry.name,
                detail={"step": "reencrypt", "to_key": cipher.ring.active_id, "rows": done},
            )
        last = rows[-1][0] if len(rows) == size else None
        return done, last

    @requires(Permission.KEYS)
    def retire(self, key_id: str, by: Operator) -> None:
        ring = self._store.load()
        if not ring.has(key_id):
            raise KeyStoreError(f"the {self._store.describe()} has no key {key_id}")
        if key_id == ring.active_id:
            raise KeyInUse(key_id, 0, f"key {key_id} is the active key: rotate first")
        stray = self._registry.unregistered(Base.metadata)
        if stray:
            raise KeyInUse(key_id, 0, f"encrypted columns not registered: {', '.join(stray)}")
        values = self._db.run_read(lambda s: self._count(s, ring))[key_id]
        if values:
            raise KeyInUse(key_id, values)
        census = self.blob_census(ring)
        if census.by_key.get(key_id):
            raise KeyInUse(
                key_id,
                census.by_key[key_id],
                f"key {key_id} still opens {census.by_key[key_id]} blob file(s) in "
                f"{self._blob_root}: run reencrypt first",
            )
        if census.unreadable:
            raise KeyInUse(
                key_id,
                census.unreadable,
                f"{census.unreadable} blob file(s) in {self._blob_root} are damaged (no key can "
                "be read from them): restore them from the backup before retiring a key",
            )
        self._store.save(without_key(ring, key_id, self._clock.now_ms()))
        self._record(by, {"step": "retire", "key_id": key_id})

    def _record(self, by: Operator, detail: dict[str, object]) -> None:
        self._audit.record(
            AuditAction.KEY_ROTATION,
            actor_of(by),
            target_kind="key_ring",
            target=self._store.describe()[:120],
            detail=detail,
        )
