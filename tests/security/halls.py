"""A demo hall with its key ring and a catalogue file, for the role and separation tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clerk_app.accounts.auth import AuthService
from clerk_app.accounts.authz import HostOperator
from clerk_app.accounts.roles import UserInfo
from clerk_app.audit.service import AuditService
from clerk_app.catalogue.format import dumps
from clerk_app.catalogue.generate import generate
from clerk_app.crypto.rotation import KeyManager
from onewindow_base.clock import FixedClock
from onewindow_base.crypto.keys import Algorithm, FileKeyStore
from onewindow_base.db.engine import Database
from tests.passwords import FAST_HASHER
from tests.snapshot import snapshot

HOST = HostOperator("installer")
AUDIT_TABLES = ("audit_record", "audit_head")


@dataclass
class Hall:
    db: Database
    tmp: Path
    clock: FixedClock
    key_file: Path
    catalogue_file: Path

    def auth(self) -> AuthService:
        return AuthService(self.db, clock=self.clock, hasher=FAST_HASHER)

    def user(self, name: str) -> UserInfo:
        return AuthService(self.db, clock=self.clock).authenticate(name, f"{name}-demo")

    def state(self) -> tuple[dict[str, Any], dict[str, bytes]]:
        tables = {k: v for k, v in snapshot(self.db).items() if k not in AUDIT_TABLES}
        files = {p.name: p.read_bytes() for p in sorted(self.tmp.rglob("*")) if p.is_file()}
        return tables, files

    def denials(self) -> list[tuple[int | None, str, str | None]]:
        return [
            (e.actor_id, e.outcome, e.target)
            for e in AuditService(self.db).entries(0, 2**62)
            if e.action == "auth.access_denied"
        ]


def make_hall(db: Database, tmp_path: Path, clock: FixedClock) -> Hall:
    work = tmp_path / "hall"
    work.mkdir()
    key_file = work / "hall-key.json"
    KeyManager(db, FileKeyStore(key_file), clock=clock).init(Algorithm.SM4_GCM, HOST)
    catalogue_file = work / "catalogue.json"
    catalogue_file.write_text(dumps(generate(5, 7)), encoding="utf-8")
    return Hall(db, work, clock, key_file, catalogue_file)


def keys_of(h: Hall) -> KeyManager:
    return KeyManager(h.db, FileKeyStore(h.key_file), clock=h.clock)
