"""Resumable checksummed uploads: HEAD offset, wrong offset 409, bad chunk, whole-file hash."""

from __future__ import annotations

import hashlib
import random
from typing import Any

import httpx
import pytest

from central_server.services import blobs
from tests.central_server.harness import Device, Harness

DATA = random.Random(7).randbytes(300_000)
SHA = hashlib.sha256(DATA).hexdigest()


def _chunk(
    device: Device, upload_id: str, offset: int, data: bytes, checksum: str | None = None
) -> httpx.Response:
    return device.patch(
        f"/v1/uploads/{upload_id}",
        content=data,
        headers={
            "Upload-Offset": str(offset),
            "Chunk-Sha256": checksum or hashlib.sha256(data).hexdigest(),
            "Content-Type": "application/offset+octet-stream",
        },
    )


def _start(device: Device, sha: str = SHA, size: int = len(DATA)) -> dict[str, Any]:
    reply = device.post("/v1/uploads", json={"sha256": sha, "size": size})
    assert reply.status_code in (200, 201), reply.text
    return dict(reply.json())


def test_upload_resumes_from_the_servers_offset(server: Harness) -> None:
    device = server.enrol()
    assert device.head(f"/v1/blobs/{SHA}").status_code == 404
    state = _start(device)
    assert state["offset"] == 0 and not state["complete"]
    upload = state["upload_id"]
    assert _chunk(device, upload, 0, DATA[:100_000]).json()["offset"] == 100_000
    # The client died; after a restart it asks where to go on from.
    head = device.head(f"/v1/uploads/{upload}")
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "100000"
    assert head.headers["Upload-Length"] == str(len(DATA))
    # Asking to start again returns the same open upload, not a new one.
    assert _start(device)["upload_id"] == upload
    assert _chunk(device, upload, 100_000, DATA[100_000:200_000]).status_code == 200
    done = _chunk(device, upload, 200_000, DATA[200_000:]).json()
    assert done["complete"] and done["upload_id"] is None
    head = device.head(f"/v1/blobs/{SHA}")
    assert head.status_code == 200 and head.headers["Content-Length"] == str(len(DATA))
    # Already stored: the next "upload" is skipped at once.
    again = device.post("/v1/uploads", json={"sha256": SHA, "size": len(DATA)})
    assert again.status_code == 200 and again.json()["complete"]
    assert server.services.ctx.blobs.read_bytes(SHA) == DATA
    assert list(server.services.ctx.settings.upload_dir.iterdir()) == []


def test_a_blob_sent_in_one_chunk_never_has_a_partial_file(
    server: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A counter's scans go up in one chunk each: hashed and sealed from memory, nothing
    written to ``uploads/`` on the way (no partial file to write, fsync and read back)."""

    def no_part(*_args: object) -> None:
        raise AssertionError("a partial file was written for a blob sent whole")

    monkeypatch.setattr(blobs, "_write_at", no_part)
    device = server.enrol()
    upload = _start(device)["upload_id"]
    assert list(server.services.ctx.settings.upload_dir.iterdir()) == []
    done = _chunk(device, upload, 0, DATA)
    assert done.status_code == 200 and done.json()["complete"], done.text
    assert server.services.ctx.blobs.read_bytes(SHA) == DATA
    assert list(server.services.ctx.settings.upload_dir.iterdir()) == []


def test_the_last_chunk_counts_only_the_committed_bytes_before_it(server: Harness) -> None:
    """A worker killed after writing a chunk but before committing its offset leaves bytes
    past the offset in the partial file; the blob is made of the committed bytes and the last
    chunk, not of those."""
    device = server.enrol()
    upload = _start(device)["upload_id"]
    assert _chunk(device, upload, 0, DATA[:100_000]).json()["offset"] == 100_000
    part = server.services.ctx.settings.upload_dir / f"{upload}.part"
    with part.open("ab") as fh:  # the crashed attempt's chunk, never committed
        fh.write(random.Random(9).randbytes(50_000))
    done = _chunk(device, upload, 100_000, DATA[100_000:])
    assert done.status_code == 200 and done.json()["complete"], done.text
    assert server.services.ctx.blobs.read_bytes(SHA) == DATA
    assert not part.exists()


def test_a_wrong_offset_is_409_with_the_right_one(server: Harness) -> None:
    device = server.enrol()
    upload = _start(device)["upload_id"]
    _chunk(device, upload, 0, DATA[:1000])
    for wrong in (0, 5000):
        reply = _chunk(device, upload, wrong, DATA[wrong : wrong + 1000])
        assert reply.status_code == 409
        assert reply.json()["code"] == "offset_mismatch"
        assert reply.json()["detail"]["offset"] == 1000
        assert reply.headers["Upload-Offset"] == "1000"
    assert _chunk(device, upload, 1000, DATA[1000:2000]).json()["offset"] == 2000


def test_a_corrupted_chunk_is_rejected_and_the_offset_stays(server: Harness) -> None:
    device = server.enrol()
    upload = _start(device)["upload_id"]
    good = DATA[:1000]
    corrupted = bytes([good[0] ^ 0xFF]) + good[1:]
    reply = _chunk(device, upload, 0, corrupted, checksum=hashlib.sha256(good).hexdigest())
    assert (reply.status_code, reply.json()["code"]) == (400, "chunk_checksum_mismatch")
    assert device.head(f"/v1/uploads/{upload}").headers["Upload-Offset"] == "0"
    truncated = _chunk(device, upload, 0, good[:500], checksum=hashlib.sha256(good).hexdigest())
    assert truncated.status_code == 400
    assert _chunk(device, upload, 0, good).status_code == 200


def test_bytes_that_do_not_hash_to_the_declared_sha_are_never_accepted(server: Harness) -> None:
    device = server.enrol()
    other = random.Random(8).randbytes(2000)
    claimed = hashlib.sha256(b"something else").hexdigest()
    upload = _start(device, claimed, len(other))["upload_id"]
    reply = _chunk(device, upload, 0, other)  # each chunk is fine, the whole file is not
    assert (reply.status_code, reply.json()["code"]) == (400, "blob_hash_mismatch")
    assert device.head(f"/v1/blobs/{claimed}").status_code == 404
    assert device.head(f"/v1/uploads/{upload}").status_code == 404  # discarded: start over
    assert list(server.services.ctx.settings.upload_dir.iterdir()) == []


def test_an_expired_upload_is_410_and_a_new_one_starts_from_zero(server: Harness) -> None:
    device = server.enrol()
    upload = _start(device)["upload_id"]
    _chunk(device, upload, 0, DATA[:1000])
    server.advance(minutes=24 * 60 + 1)
    device.refresh()
    reply = _chunk(device, upload, 1000, DATA[1000:2000])
    assert (reply.status_code, reply.json()["code"]) == (410, "upload_expired")
    fresh = _start(device)
    assert fresh["upload_id"] != upload and fresh["offset"] == 0
    assert not (server.services.ctx.settings.upload_dir / f"{upload}.part").exists()


def test_chunks_past_the_size_and_over_the_limit_are_refused(server: Harness) -> None:
    device = server.enrol()
    upload = _start(device, SHA, 10)["upload_id"]
    reply = _chunk(device, upload, 0, DATA[:11])
    assert (reply.status_code, reply.json()["code"]) == (400, "upload_overflow")
    huge = device.post("/v1/uploads", json={"sha256": SHA, "size": 10**12})
    assert (huge.status_code, huge.json()["code"]) == (413, "blob_too_large")


def test_another_devices_upload_is_not_found(server: Harness) -> None:
    one, two = server.enrol(), server.enrol(window="W04")
    upload = _start(one)["upload_id"]
    assert two.head(f"/v1/uploads/{upload}").status_code == 404
    assert _chunk(two, upload, 0, DATA[:10]).status_code == 404
