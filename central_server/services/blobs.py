"""Content-addressed blobs and their resumable, checksummed uploads.

Steps: ``exists`` (skip if stored) → ``create`` an upload (or resume the device's open one for
the same hash) → ``append`` chunks at the offset the server holds, each with its own SHA-256 →
after the last byte the whole file's SHA-256 is checked, the blob sealed into the store under
the server's key (``central_server.blob_key``; durable, atomic), and only then the blob row is
committed. The protocol names blobs by their plaintext SHA-256; the store maps that to its keyed
file names. Partial files are encrypted too (by offset, see ``PartCipher``). A chunk is written
and fsynced before the new offset is committed, so a crash between the two leaves extra bytes
that the next chunk at the committed offset overwrites (the file is truncated to the offset
first). The last chunk is not written to the partial file: the blob is the partial file's
committed bytes and that chunk, hashed and sealed from memory (a blob sent in one chunk, as a
counter's scans are, never has a partial file). The partial file goes only after the blob row
is committed, so a worker killed in between leaves an upload the client's retry of the last
chunk completes. An upload left untouched for ``upload_ttl_s`` expires: its row goes with the
next upload started, its partial file after that commit, and the client starts over.

Everything an upload in progress needs is in the ``upload`` table and its partial file in the
data directory's ``uploads/``, which every worker and server shares: any of them takes the next
chunk (the row is locked ``FOR UPDATE`` while a chunk is written).
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from central_server.blob_key import PartCipher
from central_server.context import ServerContext
from central_server.models import Blob, Upload
from central_server.services.common import ms_to_datetime
from central_server.services.errors import Refusal, Refused
from onewindow_protocol.wire.blobs import UploadState

log = logging.getLogger(__name__)

HASH_BLOCK = 1024 * 1024


def _part_path(ctx: ServerContext, upload_id: str) -> Path:
    return ctx.settings.upload_dir / f"{upload_id}.part"


def is_stored(session: Session, ctx: ServerContext, sha256: str) -> bool:
    row = session.get(Blob, sha256)
    return row is not None and ctx.blobs.exists(sha256)


def exists(ctx: ServerContext, sha256: str) -> int | None:
    """The stored blob's size, or None."""
    with ctx.db.read() as session:
        row = session.get(Blob, sha256)
        if row is None or not ctx.blobs.exists(sha256):
            return None
        return row.size


def read_blob(ctx: ServerContext, sha256: str) -> bytes:
    """The blob's plaintext, verified (:class:`BlobCorruptError` for a damaged file)."""
    if exists(ctx, sha256) is None:
        raise Refused(Refusal.BLOB_NOT_FOUND, f"no blob {sha256}")
    return ctx.blobs.read_bytes(sha256)


def _state(ctx: ServerContext, upload: Upload) -> UploadState:
    return UploadState(
        upload_id=upload.id,
        sha256=upload.sha256,
        size=upload.size,
        offset=upload.offset,
        complete=False,
        expires_at=ms_to_datetime(upload.expires_ms),
        max_chunk_bytes=ctx.settings.max_chunk_bytes,
    )


def _stored_state(ctx: ServerContext, sha256: str, size: int) -> UploadState:
    return UploadState(
        upload_id=None,
        sha256=sha256,
        size=size,
        offset=size,
        complete=True,
        max_chunk_bytes=ctx.settings.max_chunk_bytes,
    )


def _expired(session: Session, now_ms: int) -> list[str]:
    """Delete the expired uploads' rows (in the caller's transaction); their ids, whose partial
    files go once that transaction has committed (:func:`_unlink_parts`)."""
    ids = list(session.scalars(select(Upload.id).where(Upload.expires_ms <= now_ms)))
    if ids:
        session.execute(delete(Upload).where(Upload.id.in_(ids)))
    return ids


def _unlink_parts(ctx: ServerContext, upload_ids: list[str]) -> None:
    for upload_id in upload_ids:
        _part_path(ctx, upload_id).unlink(missing_ok=True)


def create(ctx: ServerContext, device_id: str, sha256: str, size: int) -> tuple[UploadState, bool]:
    """Start an upload, or resume this device's open one for the hash. True: newly created."""
    if size > ctx.settings.max_blob_bytes:
        raise Refused(
            Refusal.BLOB_TOO_LARGE,
            f"a blob may have at most {ctx.settings.max_blob_bytes} bytes",
            max_blob_bytes=ctx.settings.max_blob_bytes,
        )
    now = ctx.now_ms()
    ctx.settings.upload_dir.mkdir(parents=True, exist_ok=True)
    swept: list[str] = []

    def work(session: Session) -> tuple[UploadState, bool]:
        swept[:] = _expired(session, now)  # the expired uploads go in the same transaction
        stored = session.get(Blob, sha256)
        if stored is not None and ctx.blobs.exists(sha256):
            return _stored_state(ctx, sha256, stored.size), False
        open_upload = session.scalars(
            select(Upload)
            .where(Upload.device_id == device_id, Upload.sha256 == sha256, Upload.size == size)
            .order_by(Upload.offset.desc())
            .limit(1)
        ).first()
        if open_upload is not None:
            open_upload.expires_ms = now + ctx.settings.upload_ttl_s * 1000
            return _state(ctx, open_upload), False
        upload = Upload(
            id=str(uuid.uuid4()),
            device_id=device_id,
            sha256=sha256,
            size=size,
            offset=0,
            created_ms=now,
            expires_ms=now + ctx.settings.upload_ttl_s * 1000,
        )
        session.add(upload)
        return _state(ctx, upload), True

    made = ctx.db.run_write(work)
    _unlink_parts(ctx, swept)
    return made


def _live_upload(session: Session, ctx: ServerContext, device_id: str, upload_id: str) -> Upload:
    upload = session.get(Upload, upload_id, with_for_update=True)
    if upload is None or upload.device_id != device_id:
        raise Refused(Refusal.UPLOAD_NOT_FOUND, f"no upload {upload_id}; start a new one")
    if upload.expires_ms <= ctx.now_ms():
        raise Refused(Refusal.UPLOAD_EXPIRED, "the upload expired; start a new one")
    return upload


def status(ctx: ServerContext, device_id: str, upload_id: str) -> UploadState:
    with ctx.db.read() as session:
        return _state(ctx, _live_upload(session, ctx, device_id, upload_id))


def _part_cipher(ctx: ServerContext, upload_id: str) -> PartCipher:
    return PartCipher(ctx.blobs.ring, upload_id)


def _write_at(path: Path, offset: int, data: bytes, cipher: PartCipher) -> None:
    with path.open("r+b" if path.exists() else "w+b") as fh:
        fh.truncate(offset)  # drop bytes a crashed attempt wrote past the committed offset
        fh.seek(offset)
        fh.write(cipher.apply(offset, data))
        fh.flush()
        os.fsync(fh.fileno())


def append(
    ctx: ServerContext, device_id: str, upload_id: str, offset: int, chunk_sha256: str, data: bytes
) -> UploadState:
    """Write one chunk at ``offset``; store the blob after the last one."""
    if len(data) > ctx.settings.max_chunk_bytes:
        raise Refused(
            Refusal.CHUNK_TOO_LARGE,
            f"a chunk may have at most {ctx.settings.max_chunk_bytes} bytes",
            max_chunk_bytes=ctx.settings.max_chunk_bytes,
        )
    if hashlib.sha256(data).hexdigest() != chunk_sha256.lower():
        raise Refused(Refusal.CHUNK_CHECKSUM_MISMATCH, "the chunk does not match its checksum")
    now = ctx.now_ms()

    def work(session: Session) -> UploadState:
        upload = _live_upload(session, ctx, device_id, upload_id)
        if offset != upload.offset:
            raise Refused(
                Refusal.OFFSET_MISMATCH,
                f"the upload is at offset {upload.offset}",
                offset=upload.offset,
            )
        if offset + len(data) > upload.size:
            raise Refused(Refusal.UPLOAD_OVERFLOW, "the chunk goes past the declared size")
        part = _part_path(ctx, upload.id)
        upload.expires_ms = now + ctx.settings.upload_ttl_s * 1000
        if offset + len(data) == upload.size:  # the last chunk is hashed, not written to the part
            return _finish(session, ctx, upload, part, data, now)
        _write_at(part, offset, data, _part_cipher(ctx, upload.id))
        upload.offset = offset + len(data)
        return _state(ctx, upload)

    try:
        state = ctx.db.run_write(work)
    except Refused as refused:
        if refused.code is Refusal.BLOB_HASH_MISMATCH:
            _discard(ctx, upload_id)
        raise
    if state.complete:  # only now: a worker killed before the commit keeps the part to resume
        _part_path(ctx, upload_id).unlink(missing_ok=True)
    return state


def _finish(
    session: Session, ctx: ServerContext, upload: Upload, part: Path, last: bytes, now: int
) -> UploadState:
    """The chunks before ``last`` come from the partial file (none for a blob sent whole)."""
    before = (
        b"".join(_part_cipher(ctx, upload.id).plaintext(part, HASH_BLOCK, upload.offset))
        if upload.offset
        else b""
    )
    plaintext = before + last
    if hashlib.sha256(plaintext).hexdigest() != upload.sha256:
        raise Refused(
            Refusal.BLOB_HASH_MISMATCH,
            "the uploaded bytes do not hash to the declared sha256; the upload was discarded",
        )
    ctx.blobs.put_bytes(plaintext)  # sealed, fsynced and renamed into place
    if session.get(Blob, upload.sha256) is None:
        session.add(Blob(sha256=upload.sha256, size=upload.size, stored_ms=now))
    session.delete(upload)
    log.info("blob %s stored (%d bytes)", upload.sha256, upload.size)
    return _stored_state(ctx, upload.sha256, upload.size)


def _discard(ctx: ServerContext, upload_id: str) -> None:
    ctx.db.run_write(lambda s: s.execute(delete(Upload).where(Upload.id == upload_id)))
    _part_path(ctx, upload_id).unlink(missing_ok=True)
