"""The hall key ring: data keys (SM4-GCM or AES-256-GCM) and the lookup key, and where they live.

A ring holds every data key still needed to read the database (one of them active for new
values) and one HMAC key for lookups by ID number. It lives either in a hall key file (JSON,
readable by its owner only, refused otherwise) or in the OS keyring through the optional
``keyring`` package. Retiring a key drops its material and keeps a tombstone, so ``keys status``
still shows when it was used.
"""

from __future__ import annotations

import base64
import contextlib
import enum
import json
import os
import secrets
import stat
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

FORMAT = 1
KEYRING_SERVICE = "onewindow"
KEYRING_USERNAME = "hall-key-ring"
LOOKUP_KEY_BYTES = 32


class Algorithm(enum.StrEnum):
    SM4_GCM = "sm4-gcm"  # GB/T 32907, the national standard; 128-bit key
    AES_256_GCM = "aes-256-gcm"

    @property
    def key_bytes(self) -> int:
        return 16 if self is Algorithm.SM4_GCM else 32


class KeyStoreError(Exception):
    """The key ring cannot be loaded or saved; the message says what to do."""


@dataclass(frozen=True, slots=True)
class DataKey:
    key_id: str
    algorithm: Algorithm
    created_ms: int
    material: bytes | None = field(repr=False)  # None once retired
    retired_ms: int | None = None

    @property
    def retired(self) -> bool:
        return self.material is None


@dataclass(frozen=True, slots=True)
class KeyRing:
    active_id: str
    keys: tuple[DataKey, ...]
    lookup_key: bytes = field(repr=False)

    @property
    def active(self) -> DataKey:
        return self.get(self.active_id)

    def get(self, key_id: str) -> DataKey:
        for key in self.keys:
            if key.key_id == key_id:
                return key
        raise KeyError(key_id)

    def has(self, key_id: str) -> bool:
        return any(k.key_id == key_id for k in self.keys)


def _new_key(algorithm: Algorithm, now_ms: int, taken: set[str]) -> DataKey:
    while True:
        key_id = secrets.token_hex(4)
        if key_id not in taken:
            return DataKey(key_id, algorithm, now_ms, secrets.token_bytes(algorithm.key_bytes))


def new_ring(algorithm: Algorithm, now_ms: int) -> KeyRing:
    key = _new_key(algorithm, now_ms, set())
    return KeyRing(key.key_id, (key,), secrets.token_bytes(LOOKUP_KEY_BYTES))


def with_new_key(ring: KeyRing, algorithm: Algorithm, now_ms: int) -> KeyRing:
    """A new active key; the old ones stay until nothing uses them. The lookup key stays, so
    lookup hashes already stored keep matching."""
    key = _new_key(algorithm, now_ms, {k.key_id for k in ring.keys})
    return replace(ring, active_id=key.key_id, keys=(*ring.keys, key))


def without_key(ring: KeyRing, key_id: str, now_ms: int) -> KeyRing:
    """The key's material dropped (the caller has checked that nothing uses it)."""
    if key_id == ring.active_id:
        raise ValueError("the active key cannot be retired")
    keys = tuple(
        replace(k, material=None, retired_ms=now_ms) if k.key_id == key_id else k for k in ring.keys
    )
    return replace(ring, keys=keys)


# -------------------------------------------------------------------- the JSON form
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def ring_to_json(ring: KeyRing) -> str:
    keys = [
        {
            "id": k.key_id,
            "algorithm": k.algorithm.value,
            "created_ms": k.created_ms,
            "key": _b64(k.material) if k.material is not None else None,
            "retired_ms": k.retired_ms,
        }
        for k in ring.keys
    ]
    document = {
        "format": FORMAT,
        "comment": "OneWindow hall key ring: keep secret, back up offline",
        "active": ring.active_id,
        "lookup_key": _b64(ring.lookup_key),
        "keys": keys,
    }
    return json.dumps(document, indent=2) + "\n"


def ring_from_json(text: str, where: str) -> KeyRing:
    try:
        document = json.loads(text)
        if document.get("format") != FORMAT:
            raise KeyStoreError(f"{where}: unknown key ring format {document.get('format')!r}")
        keys = tuple(_key_from(item) for item in document["keys"])
        ring = KeyRing(str(document["active"]), keys, base64.b64decode(document["lookup_key"]))
    except KeyStoreError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise KeyStoreError(f"{where} is not a valid key ring ({type(exc).__name__})") from None
    if not ring.has(ring.active_id) or ring.active.retired:
        raise KeyStoreError(f"{where}: the active key {ring.active_id} is missing or retired")
    for key in ring.keys:
        if key.material is not None and len(key.material) != key.algorithm.key_bytes:
            raise KeyStoreError(f"{where}: key {key.key_id} has the wrong length")
    return ring


def _key_from(item: dict[str, Any]) -> DataKey:
    material = item.get("key")
    return DataKey(
        key_id=str(item["id"]),
        algorithm=Algorithm(item["algorithm"]),
        created_ms=int(item["created_ms"]),
        material=base64.b64decode(material, validate=True) if material is not None else None,
        retired_ms=item.get("retired_ms"),
    )


# -------------------------------------------------------------------- where a ring lives
class KeyStore(Protocol):
    def describe(self) -> str: ...

    def exists(self) -> bool: ...

    def load(self) -> KeyRing: ...

    def save(self, ring: KeyRing) -> None: ...


class FileKeyStore:
    """A hall key file: JSON, mode 0600, replaced atomically on every change."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def describe(self) -> str:
        return f"key file {self.path}"

    def exists(self) -> bool:
        return self.path.exists()

    def load(self) -> KeyRing:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            raise KeyStoreError(
                f"no hall key file at {self.path}: personal data cannot be read or written "
                "without it. Copy the hall's key file there (mode 0600), or create a new ring "
                "with `clerk-app keys init --file PATH` for a new hall"
            ) from None
        if os.name == "posix" and info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyStoreError(
                f"the hall key file {self.path} is readable by other users "
                f"(mode {stat.S_IMODE(info.st_mode):04o}); refusing to use it. "
                f"Run `chmod 600 {self.path}` and check who has copied it"
            )
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyStoreError(f"cannot read the hall key file {self.path}: {exc}") from None
        return ring_from_json(text, str(self.path))

    def save(self, ring: KeyRing) -> None:
        write_private_file(self.path, ring_to_json(ring).encode("utf-8"))


class KeyringKeyStore:
    """The ring in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""

    def __init__(self, service: str = KEYRING_SERVICE, username: str = KEYRING_USERNAME) -> None:
        self._service = service
        self._username = username

    def describe(self) -> str:
        return f"OS keyring entry {self._service}/{self._username}"

    def _backend(self) -> Any:
        try:
            import keyring  # noqa: PLC0415 - optional dependency
            from keyring.backends import fail  # noqa: PLC0415
        except ImportError:
            raise KeyStoreError(
                "the OS keyring needs the optional `keyring` package "
                "(pip install 'onewindow[keyring]'); or set [security] key_source = \"file\""
            ) from None
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            raise KeyStoreError(
                "this machine has no OS keyring backend (usual on a headless Linux PC): "
                'use a hall key file instead ([security] key_source = "file", '
                "`clerk-app keys init --file PATH`)"
            )
        return backend

    def exists(self) -> bool:
        return self._backend().get_password(self._service, self._username) is not None

    def load(self) -> KeyRing:
        text = self._backend().get_password(self._service, self._username)
        if text is None:
            raise KeyStoreError(
                f"the {self.describe()} is empty: copy the hall's key ring into it "
                "or create one with `clerk-app keys init --keyring`"
            )
        return ring_from_json(text, self.describe())

    def save(self, ring: KeyRing) -> None:
        self._backend().set_password(self._service, self._username, ring_to_json(ring))


def write_private_file(path: Path, data: bytes, *, exclusive: bool = False) -> bool:
    """Write ``data`` readable by the owner only (0600), atomically and fsynced: a temporary file
    beside ``path`` renamed over it, removed again if the write fails. ``exclusive``: only if
    ``path`` does not exist, decided atomically (a hard link, which fails on an existing name,
    on NFS too), so of several processes creating it at once one wins; False for the others."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        Path(tmp).chmod(0o600)  # mkstemp already makes it 0600; say so for other platforms
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if not exclusive:
            Path(tmp).replace(path)
            return True
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        finally:
            Path(tmp).unlink()
        return True
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
