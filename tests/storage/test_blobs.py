"""The content-addressed blob store: durable, atomic, deduplicating."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from onewindow_base.blobs import BlobNotFoundError, BlobStore
from tests.blob_ring import TEST_RING


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_blob_is_stored_sealed_under_its_keyed_name_and_read_back(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs", TEST_RING)
    data = b"page one"
    digest = store.put_bytes(data)
    assert digest == hashlib.sha256(data).hexdigest()
    name = store.name_of(digest)
    assert name != digest
    assert store.path_of(digest) == tmp_path / "blobs" / name[:2] / name[2:4] / f"{name}.owb"
    with store.open(digest) as blob:
        assert blob.read() == data
    assert store.exists(digest)


def test_the_same_bytes_are_stored_once(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, TEST_RING)
    first = store.put_bytes(b"same")
    second = store.put_bytes(b"same")
    assert first == second
    assert [p.name for p in files_under(tmp_path)] == [f"{store.name_of(first)}.owb"]


def test_a_missing_blob_and_a_bad_digest_are_told_apart(tmp_path: Path) -> None:
    store = BlobStore(tmp_path, TEST_RING)
    with pytest.raises(BlobNotFoundError):
        store.open("0" * 64)
    with pytest.raises(ValueError, match="not a sha256"):
        store.open("../../etc/passwd")


def test_a_write_that_fails_leaves_neither_blob_nor_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path, TEST_RING)

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError, match="No space"):
        store.put_bytes(b"lost")
    monkeypatch.undo()
    assert files_under(tmp_path) == []
    assert store.put_bytes(b"kept")  # the store is usable afterwards


def test_each_write_is_fsynced_before_the_rename_and_the_directory_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = BlobStore(tmp_path, TEST_RING)
    synced: list[str] = []
    real_fsync, real_replace = os.fsync, Path.replace

    def fsync(fd: int) -> None:
        synced.append("dir" if Path(f"/proc/self/fd/{fd}").is_dir() else "file")
        real_fsync(fd)

    def replace(self: Path, target: Path) -> Path:
        synced.append("rename")
        return real_replace(self, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(Path, "replace", replace)
    store.put_bytes(b"durable")
    assert synced[:3] == ["file", "rename", "dir"]
