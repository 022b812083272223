"""Tables of the intake at the counter: applicants, cases, their materials, pages and decisions,
and the per-terminal, per-day case number counter."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from clerk_app.crypto.registry import encrypted
from clerk_app.db.models import Base

# The contexts the intake's encrypted values are bound to (associated data: a value cannot be
# moved to another column); key rotation finds the columns by them (clerk_app.crypto.registry).
ID_NUMBER = "applicant.id_number"
PHONE = "applicant.phone"
AGENT_ID = "case.agent_id_number"


class CaseNumberCounter(Base):
    """The last sequence issued to a terminal on a day (the hall's calendar day).

    Case numbers ``CC01-W03-20261128-0042`` are built from these four columns, so they are
    unique without asking the server; the row is bumped in the transaction that saves the case.
    """

    __tablename__ = "case_number_counter"

    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"), primary_key=True)
    terminal: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("last >= 1", name="last_positive"),)


class Applicant(Base):
    """A person or a company that applies; identity numbers and phones stored encrypted.

    ``id_hash`` is a keyed hash of the normalised identity number: the only way to look an
    applicant up by it (the ciphertext is randomised). ``*_masked`` is what screens and paper show.
    """

    __tablename__ = "applicant"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    kind: Mapped[str] = mapped_column(String(16))  # person | company
    name: Mapped[str] = mapped_column(String(200))
    id_type: Mapped[str] = mapped_column(String(24))
    id_enc: Mapped[str] = mapped_column(Text, info=encrypted(ID_NUMBER))
    id_hash: Mapped[str] = mapped_column(String(64))
    id_masked: Mapped[str] = mapped_column(String(40))
    phone_enc: Mapped[str | None] = mapped_column(Text, nullable=True, info=encrypted(PHONE))
    phone_masked: Mapped[str | None] = mapped_column(String(24), nullable=True)
    address: Mapped[str | None] = mapped_column(String(300), nullable=True)
    # A company's 法定代表人 and contact person (names, like ``name``; ``phone_*`` is the
    # contact's number). Null for a person.
    legal_representative: Mapped[str | None] = mapped_column(String(64), nullable=True)
    contact_name: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # A post-check found a commitment of theirs false: no notify-and-commit for them again.
    false_commitment_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        UniqueConstraint("hall_id", "id_type", "id_hash"),
        CheckConstraint("kind IN ('person', 'company')", name="kind"),
    )


# A case accepted with a promise whose date is not computed yet (its year is unknown).
WAITING_FOR_DUE = "promised_due IS NULL AND promised_from IS NOT NULL"


class IntakeCase(Base):
    """One application at the counter, from the first visit to the result handed over.

    The case number (offline-unique, see docs/sync-rules.md) is allocated with the first
    decision, so every paper the applicant takes home carries it and brings the case back on the
    next visit.
    """

    __tablename__ = "intake_case"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    window_number: Mapped[int] = mapped_column(Integer)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicant.id"))
    agent_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    agent_id_enc: Mapped[str | None] = mapped_column(Text, nullable=True, info=encrypted(AGENT_ID))
    agent_id_masked: Mapped[str | None] = mapped_column(String(40), nullable=True)
    agent_authorisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    catalogue_version_id: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str] = mapped_column(String(40))
    item_version: Mapped[int] = mapped_column(Integer)
    item_name_zh: Mapped[str] = mapped_column(String(300))
    item_name_en: Mapped[str] = mapped_column(String(300))
    situation_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    state: Mapped[str] = mapped_column(String(24))
    promised_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # The promise made at the latest acceptance: counted from ``promised_from``. While the
    # date runs into a year no calendar knows, ``promised_due`` is NULL and ``due_waits_year``
    # names that year when known (clerk_app.intake.deadlines fills the date once it is loaded).
    promised_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    promised_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    due_waits_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    visits: Mapped[int] = mapped_column(Integer)
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # What the central server decided, as pulled by sync (never set locally).
    server_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    certificate_number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    # When the counter first accepted it, by whom, and when the back office first decided
    # (approved or rejected): the hall figures read these instead of the event tables.
    accepted_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    accepted_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    decided_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # 告知承诺: accepted on a signed commitment, to be checked (事中事后核查) within this many
    # working days of acceptance; the date is NULL while the hall calendar lacks its year.
    post_check_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    post_check_due: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    # When the post-check was recorded, and what it found (clerk_app.intake.post_check).
    post_check_done_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    post_check_outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_intake_case_applicant", "applicant_id"),
        # Covers the figures' completions query (and finds the cases decided in a period).
        Index(
            "ix_intake_case_decided",
            "decided_ms",
            "accepted_ms",
            "visits",
            "accepted_by",
            "catalogue_version_id",
            "item_code",
        ),
        # Covers the figures' trips query (visits per case, by the day of first acceptance).
        Index(
            "ix_intake_case_accepted",
            "accepted_ms",
            "visits",
            "accepted_by",
            "catalogue_version_id",
            "item_code",
            "id",
        ),
        Index("ix_intake_case_hall_state", "hall_id", "state"),
        Index("ix_intake_case_created", "created_ms"),
        Index(
            "ix_intake_case_due_waiting",
            "hall_id",
            "state",
            sqlite_where=text(WAITING_FOR_DUE),
            postgresql_where=text(WAITING_FOR_DUE),
        ),
    )


class CaseMaterial(Base):
    """The clerk's record of one checklist material in a case (the latest visit's state)."""

    __tablename__ = "case_material"

    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"), primary_key=True)
    material_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    received: Mapped[bool] = mapped_column(Boolean)
    original_checked: Mapped[bool] = mapped_column(Boolean)
    copies: Mapped[int] = mapped_column(Integer)
    elicence_number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    deferred: Mapped[bool] = mapped_column(Boolean)
    supply_by: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    defects: Mapped[str] = mapped_column(Text)  # JSON list of the clerk's notes
    # 告知承诺: the applicant's signed commitment stands in for the material.
    committed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # 电子证照: the licence standing in for the material (免提交), from the registry or typed,
    # and where its verification stands: verified | to_verify | failed (None before 0029).
    elicence_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    elicence_issuer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    elicence_valid_from: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    elicence_valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    elicence_copy_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    elicence_check: Mapped[str | None] = mapped_column(String(16), nullable=True)


class LicenceCheck(Base):
    """A typed licence number waiting to be verified on the next sync, or its outcome.

    The sync engine asks the registry for each ``pending`` row and records the answer in one
    transaction that moves it out of ``pending`` (guarded by the state, so exactly once however
    often a cycle is retried or cut short). A failure stays an alert for the supervisor until
    one acknowledges it."""

    __tablename__ = "licence_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    material_code: Mapped[str] = mapped_column(String(40))
    licence_type: Mapped[str] = mapped_column(String(64))
    licence_number: Mapped[str] = mapped_column(String(80))
    state: Mapped[str] = mapped_column(String(16))  # pending | verified | failed | superseded
    outcome: Mapped[str | None] = mapped_column(String(24), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    checked_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    acknowledged_ms: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)

    __table_args__ = (Index("ix_licence_check_state", "state", "id"),)


class CasePage(Base):
    """A scanned page of a case (the file lives in the blob store under its sha256)."""

    __tablename__ = "case_page"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    position: Mapped[int] = mapped_column(Integer)
    material_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64))
    thumb_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    mime: Mapped[str] = mapped_column(String(40))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    dpi: Mapped[int | None] = mapped_column(Integer, nullable=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (UniqueConstraint("case_id", "position"),)


class CaseDecision(Base):
    """A visit's outcome, with the checklist as it stood and the catalogue version it used."""

    __tablename__ = "case_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    visit: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(24))
    at_ms: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    catalogue_version_id: Mapped[int] = mapped_column(Integer)
    # The case's item, copied so the figures group decisions by item without a join.
    item_code: Mapped[str | None] = mapped_column(String(40), nullable=True)
    checklist: Mapped[str] = mapped_column(Text)  # JSON snapshot: records and material states
    detail: Mapped[str] = mapped_column(Text)  # JSON: refusal grounds, deferral dates, overrides

    __table_args__ = (
        UniqueConstraint("case_id", "visit"),
        # Covers the figures' decisions query: read from the index alone, in time order.
        Index(
            "ix_case_decision_figures",
            "at_ms",
            "decision",
            "user_id",
            "catalogue_version_id",
            "item_code",
        ),
    )


class CaseStatusEvent(Base):
    """A status change of a case pulled from the central server's changes feed.

    ``version`` is the server's version of the case: an event not above the case's
    ``server_version`` is old news and is not applied (status never goes backwards).
    """

    __tablename__ = "case_status_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("intake_case.id"))
    server_seq: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32))
    at_ms: Mapped[int] = mapped_column(BigInteger)  # when the server decided
    received_ms: Mapped[int] = mapped_column(BigInteger)
    certificate_number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    detail: Mapped[str] = mapped_column(Text)  # JSON: certificate data, reason, what is needed

    __table_args__ = (UniqueConstraint("case_id", "version"),)


PHOTO_CHECK_RESULTS = ("confirmed", "refused", "not_possible")


class CasePhotoCheck(Base):
    """The clerk's photo check (人证核验) after a card read: the card photo beside the person,
    judged by the clerk's eye. ``case_id`` is NULL until the visit's case is saved (a new
    case has no number before its first decision). The photos are kept only where the hall
    turned ``[idcard] keep_photo`` on, as sealed blobs named here by their plaintext SHA-256."""

    __tablename__ = "case_photo_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("intake_case.id"), nullable=True)
    result: Mapped[str] = mapped_column(String(16))
    at_ms: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    user_name: Mapped[str] = mapped_column(String(100))
    card_kind: Mapped[str] = mapped_column(String(32))
    id_masked: Mapped[str] = mapped_column(String(40))
    card_photo_shown: Mapped[bool] = mapped_column(Boolean)
    camera_compared: Mapped[bool] = mapped_column(Boolean)
    card_photo_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    card_photo_mime: Mapped[str | None] = mapped_column(String(40), nullable=True)
    camera_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (
        Index("ix_case_photo_check_case", "case_id"),
        CheckConstraint(f"result IN {PHOTO_CHECK_RESULTS!r}", name="result"),
    )


class CaseAssistance(Base):
    """帮办代办: what an assistance staff member did for an applicant. Recorded against the
    waiting ticket (``case_id`` NULL) while the case has no number yet, and given its case
    when the clerk decides the visit of that ticket; or recorded on a case by its number.
    ``kinds`` is a comma-separated subset of ``AssistanceKind``'s values; ``proxy`` (代办, the
    whole procedure on the applicant's behalf) needs the authorisation: the letter seen, or a
    reference to it (a material or scan). ``note`` is checked free of personal data."""

    __tablename__ = "case_assistance"

    id: Mapped[int] = mapped_column(primary_key=True)
    assist_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("hall.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("intake_case.id"), nullable=True)
    ticket_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ticket_number: Mapped[str | None] = mapped_column(String(16), nullable=True)
    helper_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    helper_username: Mapped[str] = mapped_column(String(64))
    helper_name: Mapped[str] = mapped_column(String(100))
    kinds: Mapped[str] = mapped_column(String(80))
    started_ms: Mapped[int] = mapped_column(BigInteger)
    finished_ms: Mapped[int] = mapped_column(BigInteger)
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    authorisation_seen: Mapped[bool] = mapped_column(Boolean, default=False)
    authorisation_ref: Mapped[str | None] = mapped_column(String(200), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        Index("ix_case_assistance_case", "case_id"),
        Index("ix_case_assistance_ticket", "ticket_id"),
        Index("ix_case_assistance_finished", "hall_id", "finished_ms"),
    )
