"""Issue 16 §1: every blob (scans, thumbnails, archived papers, print payloads) is encrypted at
rest under the hall key ring and named by a keyed hash; proved by reading the store's bytes
from disk after the real intake, on both databases. Also: a damaged or altered file is a clear
error, a store from before encryption migrates resumably (killed and run again), a key
rotation re-seals the files and ``keys retire`` refuses a key that still opens one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from clerk_app.accounts.auth import AuthService
from clerk_app.cli.main import main
from clerk_app.counter import decision_papers
from clerk_app.crypto.keys import key_store_for
from clerk_app.db.audit_models import AuditRecord
from clerk_app.db.intake_models import CasePage
from clerk_app.db.printing_models import ArchivedDocument, PrintJobRow
from clerk_app.intake.rules import Decision
from clerk_app.intake.types import PageRef
from clerk_app.printjobs.service import PrintService
from clerk_app.scans.store import Accepted
from clerk_app.scans.types import RawPage
from clerk_app.services import build_services
from clerk_app.settings import Settings, load_settings
from clerk_app.storage.blobs import hall_blob_store
from onewindow_base.blobs import BlobCorruptError, BlobStore, FileKind
from onewindow_base.crashpoint import EXIT_CODE
from onewindow_base.crypto.keys import Algorithm, KeyStoreError, new_ring
from onewindow_base.db.engine import Database
from tests.blob_ring import TEST_RING
from tests.intake.test_service import _complete
from tests.printing import literals
from tests.scans import samples

MAGICS = (b"\x89PNG", b"%PDF", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"\x1b@")
# Markers long enough (5 bytes and more) never to turn up by chance in a few MB of ciphertext.
MARKERS = (b"\x89PNG\r\n", b"JFIF\x00", b"%PDF-", b"endobj", b"%%EOF", b"endstream")
ROOT = Path(__file__).resolve().parents[2]


def _disk(store: BlobStore) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(store.root.rglob("*")) if p.is_file()}


def assert_nothing_readable(store: BlobStore, plaintexts: list[bytes]) -> None:
    """Every file is sealed: no file format's magic, no 24-byte run of any plaintext, no name
    that is (or holds) a plaintext's SHA-256."""
    disk = _disk(store)
    assert disk, "the store is empty"
    digests = {hashlib.sha256(p).hexdigest() for p in plaintexts}
    for path, raw in disk.items():
        assert raw.startswith(b"OWB1"), path
        assert not raw.startswith(MAGICS), path
        assert not any(marker in raw for marker in MARKERS), path
        assert not any(d in path.as_posix() for d in digests), path
        for plain in plaintexts:
            for start in range(0, max(len(plain) - 24, 1), max(len(plain) // 16, 1)):
                assert plain[start : start + 24] not in raw, path


# ------------------------------------------------------------------ the store itself
def test_sealed_files_reveal_neither_content_nor_hash(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    png = samples.encode(samples.page(text="ID 11010519491231002X"), "PNG", dpi=200)
    pdf = b"%PDF-1.7\n" + "张𠮷 11010519491231002X".encode() * 20
    shas = [store.put_bytes(png), store.put_bytes(pdf), store.put_bytes(png)]
    assert shas[0] == shas[2] and len(_disk(store)) == 2  # equal files stored once
    assert_nothing_readable(store, [png, pdf])
    assert store.read_bytes(shas[0]) == png and store.read_bytes(shas[1]) == pdf
    # Another ring (another hall, or someone guessing) names the same content differently.
    other = BlobStore(tmp_path / "other", new_ring(Algorithm.SM4_GCM, 0))
    assert other.name_of(shas[0]) != store.name_of(shas[0])


@pytest.mark.parametrize("damage", ["flip", "truncate", "swap", "foreign", "header"])
def test_a_damaged_or_altered_blob_is_a_clear_error(tmp_path: Path, damage: str) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    sha, other = store.put_bytes(b"scan of a licence" * 50), store.put_bytes(b"another scan")
    path = store.path_of(sha)
    raw = bytearray(path.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x01
        path.write_bytes(bytes(raw))
    elif damage == "truncate":
        path.write_bytes(bytes(raw[:40]))
    elif damage == "swap":  # another blob's file moved onto this name
        path.write_bytes(store.path_of(other).read_bytes())
    elif damage == "foreign":  # sealed by another ring under the same name
        foreign = BlobStore(tmp_path / "x", new_ring(Algorithm.SM4_GCM, 0))
        path.write_bytes(foreign._sealer.seal(store.name_of(sha), b"scan of a licence" * 50))
    else:
        path.write_bytes(b"not a sealed blob at all")
    with pytest.raises(BlobCorruptError, match=r"is corrupt: .*Restore the blob folder") as err:
        store.read_bytes(sha)
    assert sha[:12] in str(err.value) and "licence" not in str(err.value)
    assert store.read_bytes(other) == b"another scan"  # the rest of the store is fine


def test_a_plain_store_from_before_is_read_verified_until_sealed(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    data = b"an old plain scan"
    sha = _plant_plain(store.root, data)
    assert store.exists(sha) and store.read_bytes(sha) == data
    assert store.put_bytes(data) == sha  # the same scan again: sealed, the plain copy gone
    assert [f.kind for f in store.files()] == [FileKind.SEALED]
    damaged = _plant_plain(store.root, b"another old scan")
    (store.root / damaged[:2] / damaged[2:4] / damaged).write_bytes(b"bit rot")
    with pytest.raises(BlobCorruptError, match="no longer matches its hash"):
        store.read_bytes(damaged)


def _plant_plain(root: Path, data: bytes) -> str:
    """A blob as versions before encryption stored it: plain, named by its SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    (root / sha[:2] / sha[2:4]).mkdir(parents=True, exist_ok=True)
    (root / sha[:2] / sha[2:4] / sha).write_bytes(data)
    return sha


# ------------------------------------------------------------------ the real intake
@pytest.fixture
def hall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A hall's config with a file printer, in a data directory of its own."""
    monkeypatch.setenv("ONEWINDOW_DATA_DIR", str(tmp_path / "data"))
    config = tmp_path / "config.toml"
    config.write_text(
        f'[printers.a4]\nkind = "file"\ndirectory = "{tmp_path / "printed"}"\n'
        '[printing.routes]\n"*" = "a4"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("ONEWINDOW_CONFIG", str(config))
    return config


def test_after_keys_init_an_intake_leaves_only_sealed_blobs(
    db: Database, hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.intake.wiring import build_intake  # noqa: PLC0415 - the app's wiring, no widgets

    settings = load_settings(hall)
    assert main(["--db", db.url, "keys", "init"]) == 0
    capsys.readouterr()
    deps = build_intake(build_services(settings, db, hall_code="CC01"), demo=False)
    assert deps is not None
    scan = samples.encode(samples.page(300, text="RESIDENT ID 11010519491231002X"), "PNG", dpi=300)
    taken = deps.pages.take(RawPage("id-front.png", scan, len(scan)))
    assert isinstance(taken, Accepted)
    [page] = taken.pages
    draft = _complete()  # its other pages are references only: the first is the real scan
    real = PageRef(
        page.sha256, page.mime, page.width, page.height, page.bytes, page.dpi,
        page.thumbnail_sha256, "M01",
    )  # fmt: skip
    draft = dataclasses.replace(draft, pages=(real, *draft.pages[1:]))
    clerk = AuthService(db).authenticate("clerk3", "clerk3-demo")
    papers = deps.papers
    result = papers.intake.decide(draft, Decision.ACCEPT, clerk, window=3)
    receipt, _letter = decision_papers(
        papers.intake, papers.lookup, papers.settings, result, None, ("clerk3", 3)
    )
    job = papers.printer.print_document(receipt, owner=result.case_number)
    assert job.printed, job.error_message
    pdf = papers.printer.archived_pdf(job.id)
    assert pdf.startswith(b"%PDF")

    store = hall_blob_store(Settings())
    with db.read() as s:
        referenced = {
            *s.scalars(select(CasePage.sha256)),
            *s.scalars(select(CasePage.thumb_sha256)),
            *s.scalars(select(ArchivedDocument.sha256)),
            *s.scalars(select(PrintJobRow.payload_sha256)),
        } - {None}
    thumbnail = store.read_bytes(page.thumbnail_sha256)
    assert {page.sha256, page.thumbnail_sha256} <= referenced and len(referenced) >= 3
    stored_scan = store.read_bytes(page.sha256)  # the page as the intake keeps it (JPEG)
    assert stored_scan.startswith(b"\xff\xd8\xff") and thumbnail.startswith(b"\xff\xd8\xff")
    assert all(f.kind is FileKind.SEALED for f in store.files())
    assert_nothing_readable(store, [stored_scan, thumbnail, pdf])


# ------------------------------------------------------------------ migration and rotation
def _cli(db: Database, *args: str, crash: str) -> int:
    """``clerk-app`` in a child process, killed (``os._exit``) at the crash point."""
    done = subprocess.run(
        [sys.executable, "-m", "clerk_app.cli.main", "--db", db.url, *args],
        env={**os.environ, "ONEWINDOW_CRASHPOINT": crash},
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == EXIT_CODE, done.stderr.decode()
    return done.returncode


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    import json  # noqa: PLC0415

    capsys.readouterr()
    assert main(list(argv)) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert isinstance(loaded, dict)
    return loaded


def _kinds(store: BlobStore) -> dict[FileKind, int]:
    return dict(Counter(f.kind for f in store.files()))


def test_a_plain_store_migrates_resumably_when_killed(
    db: Database, hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = [samples.encode(samples.page(text=f"old scan {n}"), "PNG") for n in range(5)]
    root = Path(os.environ["ONEWINDOW_DATA_DIR"]) / "blobs"
    shas = [_plant_plain(root, data) for data in old]
    init = _json(capsys, "--db", db.url, "keys", "init", "--json")
    assert init["plain_blobs"] == 5
    store = hall_blob_store(Settings())
    assert all(store.read_bytes(sha) == data for sha, data in zip(shas, old, strict=True))

    # Killed with the first file sealed and its plain copy not yet removed: both are there.
    _cli(db, "keys", "reencrypt", "--batch", "2", crash="blobs.sealed_before_plain_removed")
    assert _kinds(store) == {FileKind.SEALED: 1, FileKind.PLAIN: 5}
    # Killed again right after the next file is done (whichever the store lists first).
    _cli(db, "keys", "reencrypt", "--batch", "2", crash="keys.after_blob_file")
    assert _kinds(store)[FileKind.PLAIN] == 4
    assert all(store.read_bytes(sha) == data for sha, data in zip(shas, old, strict=True))

    done = _json(capsys, "--db", db.url, "keys", "reencrypt", "--batch", "2", "--json")
    assert (done["blobs_sealed"], done["blobs_resealed"]) == (4, 0)  # the plain files left
    assert _kinds(store) == {FileKind.SEALED: 5}
    assert all(store.read_bytes(sha) == data for sha, data in zip(shas, old, strict=True))
    assert_nothing_readable(store, old)
    status = _json(capsys, "--db", db.url, "keys", "status", "--json")
    assert status["plain_blobs"] == 0
    with db.read() as s:
        steps = [r.detail for r in s.scalars(select(AuditRecord)) if r.target_kind == "blob_store"]
    assert steps and all("reseal_blobs" in (d or "") for d in steps)
    again = _json(capsys, "--db", db.url, "keys", "reencrypt", "--json")
    assert (again["blobs_sealed"], again["blobs_resealed"]) == (0, 0)  # nothing left to do


def test_rotation_reseals_blobs_and_retire_refuses_a_key_that_opens_one(
    db: Database, hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", db.url, "keys", "init"]) == 0
    first = hall_blob_store(Settings())
    scans = [f"scan {n}".encode() * 100 for n in range(3)]
    shas = [first.put_bytes(data) for data in scans]
    old_key = first.active_key
    new_key = _json(capsys, "--db", db.url, "keys", "rotate", "--no-reencrypt", "--json")["key_id"]

    def blobs_by_key() -> dict[str, int]:
        keys = _json(capsys, "--db", db.url, "keys", "status", "--json")["keys"]
        assert isinstance(keys, list)
        return {k["key_id"]: k["blobs"] for k in keys}

    assert blobs_by_key() == {old_key: 3, new_key: 0}
    capsys.readouterr()
    assert main(["--db", db.url, "keys", "retire", old_key]) == 1
    assert f"key {old_key} still opens 3 blob file(s)" in capsys.readouterr().err

    _cli(db, "keys", "reencrypt", crash="keys.after_blob_file")  # killed after one file
    assert blobs_by_key() == {old_key: 2, new_key: 1}
    assert main(["--db", db.url, "keys", "retire", old_key]) == 1
    assert main(["--db", db.url, "keys", "reencrypt"]) == 0
    assert blobs_by_key() == {old_key: 0, new_key: 3}
    assert main(["--db", db.url, "keys", "retire", old_key]) == 0
    ring = key_store_for(Settings()).load()
    assert ring.get(old_key).retired
    rotated = BlobStore(first.root, ring)
    assert [rotated.read_bytes(sha) for sha in shas] == scans  # same names, new key
    assert [f.name for f in rotated.files()] == [f.name for f in first.files()]


def test_without_a_key_ring_no_personal_blob_is_stored_and_the_command_says_why(
    db: Database, hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before `keys init` (or on a kiosk without the key file) a paper naming nobody (a test
    page, a ticket) is kept plain; a paper naming an applicant is refused and nothing written."""
    blobs = Path(os.environ["ONEWINDOW_DATA_DIR"]) / "blobs"
    capsys.readouterr()
    assert main(["--db", db.url, "print", "test-page", "--printer", "a4"]) == 0
    [kept] = [p for p in blobs.rglob("*") if p.is_file()]
    assert kept.name == hashlib.sha256(kept.read_bytes()).hexdigest()
    settings = load_settings(hall)
    store = hall_blob_store(settings, personal_data=False)
    jobs = PrintService(db, settings.printing, store)
    before = db.run_read(lambda s: len(s.scalars(select(PrintJobRow)).all()))
    with pytest.raises(KeyStoreError, match=r"no hall key ring.*keys init"):
        jobs.print_document(literals.receipt(), printer="a4")
    assert [p for p in blobs.rglob("*") if p.is_file()] == [kept]
    assert db.run_read(lambda s: len(s.scalars(select(PrintJobRow)).all())) == before
    with pytest.raises(KeyStoreError):
        hall_blob_store(settings)  # every store of personal data needs the key
