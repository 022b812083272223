"""Typed models of the service-item catalogue, versioned.

An item version ``(code, item_version)`` is stored once and never changed; a catalogue version
is a list of item versions (``catalogue_version_item``). Importing a new catalogue adds the item
versions it does not share with earlier ones and switches the active flag in the same
transaction; old catalogue versions stay, because cases pin the version they were taken under.
Lists of tokens (applicant kinds, channels, demo fields) are stored space-separated, sources one
per line.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clerk_app.db.models import Base

material_situation = Table(
    "material_situation",
    Base.metadata,
    Column("material_id", ForeignKey("catalogue_material.id"), primary_key=True),
    Column("situation_id", ForeignKey("item_situation.id"), primary_key=True),
    Index("ix_material_situation_situation", "situation_id"),
)


class CatalogueVersion(Base):
    __tablename__ = "catalogue_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    checksum: Mapped[str] = mapped_column(String(64))  # sha256 of the canonical document
    item_count: Mapped[int] = mapped_column(Integer)
    imported_ms: Mapped[int] = mapped_column(BigInteger)
    activated_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        # At most one active catalogue, whatever two importers do at once.
        Index(
            "uq_catalogue_version_active",
            "active",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
    )


class CatalogueActivation(Base):
    """Each time a catalogue version was made the active one: the history of the version in
    force, which the figures read (``activated_ms`` on the version keeps only the latest)."""

    __tablename__ = "catalogue_activation"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_version.id"))
    activated_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_catalogue_activation_time", "activated_ms", "id"),)


class CatalogueItem(Base):
    __tablename__ = "catalogue_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(36))
    item_version: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    basic_code: Mapped[str] = mapped_column(String(12))
    local_code: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    # Computed once per item version at import, for search as the clerk types.
    name_pinyin: Mapped[str] = mapped_column(String(1200))
    name_initials: Mapped[str] = mapped_column(String(200))
    item_type: Mapped[str] = mapped_column(String(24))
    department_zh: Mapped[str] = mapped_column(String(200))
    department_en: Mapped[str] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(200), nullable=True)
    applicant_kinds: Mapped[str] = mapped_column(String(64))
    statutory_limit_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    promised_limit_days: Mapped[int] = mapped_column(Integer)
    handling: Mapped[str] = mapped_column(String(16))
    visits: Mapped[int] = mapped_column(Integer)
    channels: Mapped[str] = mapped_column(String(64))
    fee_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_name_zh: Mapped[str] = mapped_column(String(200))
    result_name_en: Mapped[str] = mapped_column(String(300))
    result_kind: Mapped[str] = mapped_column(String(16))
    legal_basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    sources: Mapped[str] = mapped_column(Text)
    demo_fields: Mapped[str] = mapped_column(String(1000))
    # 告知承诺制: offered for the materials flagged ``commitment``; checked within this many
    # working days (NULL: the hall's default period).
    notify_commit: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )
    post_check_days: Mapped[int | None] = mapped_column(Integer, nullable=True)

    situations: Mapped[list[ItemSituation]] = relationship(order_by="ItemSituation.sort_order")
    materials: Mapped[list[CatalogueMaterial]] = relationship(
        order_by="CatalogueMaterial.sort_order"
    )
    fees: Mapped[list[ItemFee]] = relationship(order_by="ItemFee.sort_order")

    __table_args__ = (
        UniqueConstraint("code", "item_version", name="uq_catalogue_item_code_version"),
        CheckConstraint("handling IN ('on_the_spot', 'promised')", name="handling"),
        CheckConstraint("visits BETWEEN 0 AND 2", name="visits"),
        CheckConstraint(
            "statutory_limit_days IS NULL OR promised_limit_days <= statutory_limit_days",
            name="promised_within_statutory",
        ),
    )


class CatalogueVersionItem(Base):
    """Which item versions make up a catalogue version, in its order."""

    __tablename__ = "catalogue_version_item"

    version_id: Mapped[int] = mapped_column(ForeignKey("catalogue_version.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(36))
    sort_order: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("version_id", "code", name="uq_catalogue_version_item_code"),
        Index("ix_catalogue_version_item_item", "item_id"),
    )


class ItemSituation(Base):
    __tablename__ = "item_situation"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"))
    code: Mapped[str] = mapped_column(String(32))
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    sort_order: Mapped[int] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("item_id", "code", name="uq_item_situation_code"),)


class ItemFee(Base):
    __tablename__ = "item_fee"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(300))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer)
    # The situation codes charged, space-separated; NULL: every situation.
    situations: Mapped[str | None] = mapped_column(String(400), nullable=True)


class CatalogueMaterial(Base):
    __tablename__ = "catalogue_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalogue_item.id"))
    code: Mapped[str] = mapped_column(String(32))
    sort_order: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(400))
    form: Mapped[str] = mapped_column(String(24))
    copies: Mapped[int] = mapped_column(Integer)
    paper_size: Mapped[str | None] = mapped_column(String(8), nullable=True)
    necessity: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))
    e_licence_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    e_licence_name_zh: Mapped[str | None] = mapped_column(String(200), nullable=True)
    e_licence_name_en: Mapped[str | None] = mapped_column(String(300), nullable=True)
    acceptance_standard: Mapped[str | None] = mapped_column(Text, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    check_method: Mapped[str] = mapped_column(String(32))
    blank_form: Mapped[str | None] = mapped_column(String(500), nullable=True)
    sample: Mapped[str | None] = mapped_column(String(500), nullable=True)
    legal_basis: Mapped[str | None] = mapped_column(Text, nullable=True)
    demo_fields: Mapped[str] = mapped_column(String(1000))
    commitment: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))

    # Empty: the material is needed in every situation of its item.
    situations: Mapped[list[ItemSituation]] = relationship(
        secondary=material_situation, order_by="ItemSituation.sort_order"
    )

    __table_args__ = (
        UniqueConstraint("item_id", "code", name="uq_catalogue_material_code"),
        CheckConstraint("necessity IN ('required', 'optional', 'deferrable')", name="necessity"),
        CheckConstraint(
            "form IN ('original', 'copy', 'original_and_copy', 'electronic')", name="form"
        ),
        CheckConstraint("copies >= 1", name="copies"),
    )
