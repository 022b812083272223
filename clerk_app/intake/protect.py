"""What the intake needs to keep identity numbers and phones unreadable at rest.

``clerk_app.crypto`` provides the hall's implementation (SM4-GCM or AES-GCM, keys outside the
database); the context names the column, so a value cannot be moved to another one. The
contexts are declared with the columns (``clerk_app.db.intake_models``, ``sync_models``).
"""

from __future__ import annotations

from typing import Protocol


class PersonalDataProtector(Protocol):
    def encrypt(self, text: str, *, context: str) -> str: ...

    def decrypt(self, token: str, *, context: str) -> str: ...

    def lookup_hash(self, value: str, *, context: str) -> str: ...
