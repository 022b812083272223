"""Issue 16 §1: the central server keeps the counters' scans encrypted at rest under its own key
(``<data dir>/blob-key.json``), partial uploads included; the wire protocol is unchanged (blobs
named by their plaintext SHA-256); a damaged blob is a clear error; a store from before
encryption is served and sealed by ``central-server seal-blobs``."""

from __future__ import annotations

import hashlib
import random
import stat

import pytest

from central_server.blob_key import key_file
from central_server.cli import main
from central_server.composition import create_services
from central_server.models import Blob
from central_server.settings import ServerSettings
from onewindow_base.blobs import BlobStore, FileKind
from onewindow_base.crypto.keys import KeyStoreError
from tests.central_server.harness import Harness
from tests.central_server.test_blobs import _chunk, _start

SCAN = b"\x89PNG\r\n\x1a\n" + random.Random(16).randbytes(120_000) + b"IEND"
SHA = hashlib.sha256(SCAN).hexdigest()


def _no_plaintext(raw: bytes) -> None:
    assert not raw.startswith(b"\x89PNG") and b"\x89PNG\r\n" not in raw
    for start in range(0, len(SCAN) - 32, 4096):
        assert SCAN[start : start + 32] not in raw


def test_uploads_are_sealed_on_the_server_parts_included(server: Harness) -> None:
    settings = server.services.ctx.settings
    assert stat.S_IMODE(key_file(settings).stat().st_mode) == 0o600
    device = server.enrol()
    upload = _start(device, SHA, len(SCAN))["upload_id"]
    assert _chunk(device, upload, 0, SCAN[:50_000]).json()["offset"] == 50_000
    part = (settings.upload_dir / f"{upload}.part").read_bytes()
    assert len(part) == 50_000
    _no_plaintext(part)
    assert _chunk(device, upload, 50_000, SCAN[50_000:]).json()["complete"]
    files = [p for p in settings.blob_dir.rglob("*") if p.is_file()]
    assert len(files) == 1 and SHA not in files[0].as_posix()
    raw = files[0].read_bytes()
    assert raw.startswith(b"OWB1")
    _no_plaintext(raw)
    assert device.head(f"/v1/blobs/{SHA}").headers["Content-Length"] == str(len(SCAN))
    download = server.approver().get(f"/v1/backoffice/blobs/{SHA}")
    assert download.status_code == 200 and download.content == SCAN


@pytest.mark.allow_log_warnings  # the server logs the damaged blob as an error
def test_a_damaged_blob_on_the_server_is_a_clear_error(server: Harness) -> None:
    device = server.enrol()
    assert device.upload(SCAN) == SHA
    blobs = server.services.ctx.blobs
    assert isinstance(blobs, BlobStore)  # the directory store, whose files the test damages
    path = blobs.path_of(SHA)
    raw = bytearray(path.read_bytes())
    raw[-100] ^= 0x40
    path.write_bytes(bytes(raw))
    reply = server.approver().get(f"/v1/backoffice/blobs/{SHA}")
    assert reply.status_code == 500 and reply.json()["code"] == "blob_corrupt"
    assert "is corrupt" in reply.json()["message"] and SHA[:12] in reply.json()["message"]


def test_a_server_whose_key_went_missing_refuses_to_start(
    server: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = server.services.ctx.settings
    server.enrol().upload(SCAN)
    key_file(settings).unlink()
    with pytest.raises(KeyStoreError, match="restore the key file"):
        create_services(settings)
    argv = ["--db", settings.db_url, "--data-dir", str(settings.data_dir), "cases"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "blob key" in err and "Traceback" not in err
    assert not key_file(settings).exists()  # no new key that opens none of the blobs


def test_plain_blobs_from_before_are_served_and_sealed(
    central_settings: ServerSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = central_settings.blob_dir / SHA[:2] / SHA[2:4] / SHA
    plain.parent.mkdir(parents=True)
    plain.write_bytes(SCAN)  # as a server before encryption stored it
    services = create_services(central_settings)
    try:
        services.ctx.db.run_write(lambda s: s.add(Blob(sha256=SHA, size=len(SCAN), stored_ms=1)))
        assert services.ctx.blobs.read_bytes(SHA) == SCAN
    finally:
        services.ctx.db.dispose()
    argv = ["--db", central_settings.db_url, "--data-dir", str(central_settings.data_dir)]
    assert main([*argv, "seal-blobs"]) == 0
    assert "1 plain blob(s) encrypted" in capsys.readouterr().out
    services = create_services(central_settings)
    try:
        blobs = services.ctx.blobs
        assert isinstance(blobs, BlobStore)  # the directory store, whose files are looked at
        assert [f.kind for f in blobs.files()] == [FileKind.SEALED]
        assert blobs.read_bytes(SHA) == SCAN
        _no_plaintext(blobs.path_of(SHA).read_bytes())
    finally:
        services.ctx.db.dispose()
    assert main([*argv, "seal-blobs"]) == 0
    assert "0 plain blob(s) encrypted" in capsys.readouterr().out
