"""Resumable blob upload: ask the server for the upload (it answers with its offset), send the
rest in chunks, each with its own SHA-256; resume from the server's offset after any failure.
The blob is decrypted from the local store (verified) and sent as plaintext over TLS, named by
its plaintext SHA-256 as the protocol says; the server seals it with its own key.

The server keeps the offset, so a restarted process resumes where the server stands, never
re-sending chunks it has (docs/sync-rules.md faults 5, 10, 11, 12, 25).
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections.abc import Callable

from clerk_app.sync.client import ErrorKind, SyncError, Transport, parse
from onewindow_base.blobs import BlobCorruptError, BlobStore
from onewindow_base.crashpoint import crashpoint
from onewindow_protocol import paths
from onewindow_protocol.wire.blobs import UploadState

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 4 << 20
MAX_RESTARTS = 5
CHUNK_RETRIES = 2  # network failures of one upload resent at once before giving up


def _offset_from(error: SyncError) -> int | None:
    value = error.detail.get("offset")
    return value if isinstance(value, int) else None


def _plaintext(store: BlobStore, sha256: str) -> bytes:
    """The blob as the protocol names it (decrypted and verified)."""
    try:
        return store.read_bytes(sha256)
    except BlobCorruptError as exc:
        raise SyncError(ErrorKind.PERMANENT, str(exc), code="local_blob_corrupt") from None


def upload(
    transport: Transport,
    store: BlobStore,
    sha256: str,
    *,
    chunk_bytes: int = DEFAULT_CHUNK,
    on_chunk: Callable[[int], None] | None = None,
) -> int:
    """Make sure the server holds ``sha256``; returns the bytes sent (0 when it had it)."""
    plaintext = _plaintext(store, sha256)
    size = len(plaintext)
    sent = 0
    restarts = 0
    retries = 0
    with io.BytesIO(plaintext) as source:
        while True:
            reply = transport.request(
                "POST", paths.UPLOADS, ok=(200, 201), json={"sha256": sha256, "size": size}
            )
            state = parse(UploadState, reply)
            if state.complete or state.upload_id is None:
                return sent
            chunk = min(chunk_bytes, state.max_chunk_bytes)
            offset = state.offset
            try:
                while offset < size:
                    source.seek(offset)
                    part = source.read(chunk)
                    try:
                        response = transport.request(
                            "PATCH",
                            paths.UPLOAD.format(upload_id=state.upload_id),
                            content=part,
                            headers={
                                "Upload-Offset": str(offset),
                                "Chunk-Sha256": hashlib.sha256(part).hexdigest(),
                                "Content-Type": "application/offset+octet-stream",
                            },
                        )
                    except SyncError as error:
                        if error.code == "offset_mismatch" and _offset_from(error) is not None:
                            offset = _offset_from(error) or 0  # two uploaders, or a lost reply
                            continue
                        if error.code == "chunk_checksum_mismatch":
                            continue  # corrupted on the way: send the chunk again
                        if error.code == "network" and retries < CHUNK_RETRIES:
                            retries += 1  # the reply may be lost with the chunk stored:
                            continue  # resending answers 409 with the server's offset
                        raise
                    sent += len(part)
                    if on_chunk is not None:
                        on_chunk(len(part))
                    crashpoint("upload.after_chunk")
                    after = parse(UploadState, response)
                    if after.complete:
                        return sent
                    offset = after.offset
                # Sent everything but the server does not call it complete: ask again.
            except SyncError as error:
                restart = error.code in ("upload_expired", "upload_not_found", "blob_hash_mismatch")
                if not restart or restarts >= MAX_RESTARTS:
                    raise
                restarts += 1
                log.info("upload of %s restarts (%s)", sha256[:12], error.code)
                if error.code == "blob_hash_mismatch":
                    raise SyncError(
                        ErrorKind.PERMANENT,
                        f"the local blob {sha256[:12]} does not match its hash",
                        code="local_blob_corrupt",
                    ) from None
