"""Tables of the security features: previous password hashes and the hall-wide security
switches."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
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


class SecuritySetting(Base):
    """A hall-wide security switch, held in the database so every PC of the hall obeys the same
    rule and no PC's config file can loosen it (e.g. ``separate_admin_duties``)."""

    __tablename__ = "security_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    changed_ms: Mapped[int] = mapped_column(BigInteger)
    changed_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
