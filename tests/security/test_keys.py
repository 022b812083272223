"""Where the ring lives: a 0600 hall key file, refused when others can read it; the OS keyring."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from clerk_app.crypto.keys import key_store_for
from clerk_app.settings import SecuritySettings, Settings
from onewindow_base.crypto.keys import (
    Algorithm,
    FileKeyStore,
    KeyringKeyStore,
    KeyStoreError,
    new_ring,
    ring_to_json,
    with_new_key,
)
from tests.security.conftest import NOW_MS

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def test_the_key_file_is_written_for_its_owner_only(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "keys" / "hall-key.json")
    ring = with_new_key(new_ring(Algorithm.SM4_GCM, NOW_MS), Algorithm.AES_256_GCM, NOW_MS)
    store.save(ring)
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.load() == ring
    assert list(store.path.parent.iterdir()) == [store.path]  # no temporary file left


@posix_only
def test_a_key_file_others_can_read_is_refused(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "hall-key.json")
    store.save(new_ring(Algorithm.SM4_GCM, NOW_MS))
    store.path.chmod(0o644)
    with pytest.raises(KeyStoreError, match=r"readable by other users \(mode 0644\).*chmod 600"):
        store.load()


def test_a_missing_or_broken_key_file_is_explained(tmp_path: Path) -> None:
    store = FileKeyStore(tmp_path / "hall-key.json")
    with pytest.raises(KeyStoreError, match=r"no hall key file at .*keys init"):
        store.load()
    store.path.write_text("{not json", encoding="utf-8")
    store.path.chmod(0o600)
    with pytest.raises(KeyStoreError, match="is not a valid key ring"):
        store.load()
    text = ring_to_json(new_ring(Algorithm.SM4_GCM, NOW_MS)).replace('"format": 1', '"format": 9')
    store.path.write_text(text, encoding="utf-8")
    with pytest.raises(KeyStoreError, match="unknown key ring format 9"):
        store.load()


class MemoryKeyring(KeyringBackend):
    """A keyring backend kept in memory: the real ``keyring`` API, without an OS service."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring's backends are unannotated
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


@pytest.mark.usefixtures("restore_keyring")
def test_the_ring_in_the_os_keyring() -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    store = KeyringKeyStore()
    assert not store.exists()
    with pytest.raises(KeyStoreError, match="is empty"):
        store.load()
    ring = new_ring(Algorithm.AES_256_GCM, NOW_MS)
    store.save(ring)
    assert store.exists()
    assert store.load() == ring
    assert '"lookup_key"' in backend.entries[("onewindow", "hall-key-ring")]


@pytest.mark.usefixtures("restore_keyring")
def test_without_a_keyring_backend_the_message_says_use_a_file() -> None:
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]  # unannotated in keyring
    with pytest.raises(KeyStoreError, match=r'no OS keyring backend.*key_source = "file"'):
        KeyringKeyStore().load()


def test_the_settings_choose_the_store(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    by_file = key_store_for(Settings(security=SecuritySettings(key_file=str(path))))
    assert isinstance(by_file, FileKeyStore)
    assert by_file.path == path
    by_keyring = key_store_for(Settings(security=SecuritySettings(key_source="keyring")))
    assert isinstance(by_keyring, KeyringKeyStore)
    assert isinstance(key_store_for(Settings(), tmp_path / "x.json"), FileKeyStore)
