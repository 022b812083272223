"""Tables of the security features: previous password hashes, the encrypted blob index and the
hall-wide security switches."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.db.models import Base


class PasswordHistory(Base):
    """A user's previous password hashes, newest kept, so a recent password is not reused."""

    __tablename__ = "password_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    password_hash: Mapped[str] = mapped_column(String(200))
    replaced_ms: Mapped[int] = mapped_column(BigInteger)  # when it stopped being the password

    __table_args__ = (Index("ix_password_history_user", "user_id", "replaced_ms"),)


class EncryptedBlob(Base):
    """Where an encrypted blob is and the key that opens it (see ``clerk_app.crypto.blobs``).

    ``sha256`` is the digest of the plaintext, the address the rest of the app uses;
    ``stored_sha256`` names the ciphertext in the underlying store. The blob's own data key is
    kept here wrapped by the hall key, so a key rotation rewrites this row, never the file.
    """

    __tablename__ = "encrypted_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    stored_sha256: Mapped[str] = mapped_column(String(64))
    data_key_enc: Mapped[str] = mapped_column(Text)  # a v1 token, context "blob.data_key"
    size: Mapped[int] = mapped_column(BigInteger)
    created_ms: Mapped[int] = mapped_column(BigInteger)


class SecuritySetting(Base):
    """A hall-wide security switch, held in the database so every PC of the hall obeys the same
    rule and no PC's config file can loosen it (e.g. ``separate_admin_duties``)."""

    __tablename__ = "security_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    changed_ms: Mapped[int] = mapped_column(BigInteger)
    changed_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
