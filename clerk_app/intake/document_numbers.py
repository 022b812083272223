"""Document numbers (文书编号) that never repeat in a hall, final when printed offline.

A number is ``{agency}{type}字〔{year}〕第{series}{seq:05d}号``: one number book per agency short
name, paper kind, year and *series*. The series says which database keeps the book:

- the hall's shared PostgreSQL database keeps one book for all its windows: series ``""``, so
  the hall's receipts of 2026 run 第00001号, 第00002号, … whichever window printed them;
- a PC with its own SQLite database (a one-PC hall, an outreach laptop) keeps its own book,
  series the window number (``"03"``): 第03-00001号, …. Two such PCs syncing later with the
  central server cannot collide, without asking anybody at the time of printing, just as
  their case numbers (``CC01-W03-…``) cannot.

The next number is taken in the write transaction that saves the decision (or the result
paper), by one statement that bumps the series' counter and returns the new value, and the
number is stored in the register (``document_number``) in that same transaction with the case
and the occasion it is for (``visit:2``, ``event:5``). So a rolled-back decision gives its
number back (no gaps within a book: every number of a book is a row of the register), and a
reprint or a rebuilt paper reads the stored text back, never a new number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clerk_app.db.intake_models import IntakeCase
from clerk_app.db.numbering_models import DocumentNumber, DocumentNumberCounter
from clerk_app.intake.rules import Decision
from printing.documents import DocumentKind, HallBranding

# The paper each counter decision hands out, and so the number book it is numbered in.
DECISION_PAPER = {
    Decision.ACCEPT: DocumentKind.RECEIPT,
    Decision.ONE_TIME_NOTICE: DocumentKind.NOTICE,
    Decision.DEFERRAL: DocumentKind.DEFERRAL,
    Decision.REFUSE: DocumentKind.REFUSAL,
}
# A book holds at most this many numbers a year (five digits as printed, then six).
MAX_SEQ = 999_999


class DocumentNumbersExhaustedError(RuntimeError):
    """A series has issued its last number for the year."""


@dataclass(frozen=True, slots=True)
class PaperNumber:
    """An allocated number: the text as printed and where it sits in its book."""

    number: str
    kind: DocumentKind
    year: int
    series: str
    seq: int


def visit_occasion(visit: int) -> str:
    return f"visit:{visit}"


def event_occasion(version: int) -> str:
    return f"event:{version}"


def series_for(session: Session, window: int) -> str:
    """``""`` on the hall's shared PostgreSQL database; the window (``"03"``) on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        return ""
    if not 1 <= window <= 999:
        raise ValueError(f"window number {window} is not 1..999")
    return f"{window:02d}"


def stored_number(
    session: Session, *, case_id: int, occasion: str, kind: DocumentKind
) -> PaperNumber | None:
    row = session.scalars(
        select(DocumentNumber).where(
            DocumentNumber.case_id == case_id,
            DocumentNumber.occasion == occasion,
            DocumentNumber.kind == kind.value,
        )
    ).first()
    return None if row is None else _value(row)


def numbers_of_case(session: Session, case_id: int) -> dict[tuple[str, str], str]:
    """``{(occasion, kind): number}`` of every paper numbered for the case."""
    rows = session.execute(
        select(DocumentNumber.occasion, DocumentNumber.kind, DocumentNumber.number).where(
            DocumentNumber.case_id == case_id
        )
    )
    return {(r.occasion, r.kind): r.number for r in rows}


def allocate_paper_number(
    session: Session,
    *,
    hall_id: int,
    branding: HallBranding,
    kind: DocumentKind,
    day: dt.date,
    window: int,
    case_id: int,
    occasion: str,
    now_ms: int,
) -> PaperNumber:
    """The paper's number, inside the caller's write transaction: the stored one when the
    paper was numbered before, else the next of its book, registered with the case.

    The counter statement locks its row until commit (PostgreSQL) or runs under the write
    lock taken at BEGIN (SQLite), so concurrent decisions of one book are serialised and
    each gets the next value; decisions of other books never wait for each other.
    """
    earlier = stored_number(session, case_id=case_id, occasion=occasion, kind=kind)
    if earlier is not None:
        return earlier
    series = series_for(session, window)
    agency = branding.agency_short
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = DocumentNumberCounter.__table__
    key = {"hall_id": hall_id, "agency": agency, "kind": kind.value, "year": day.year}
    statement = (
        dialect.insert(table)
        .values(**key, series=series, last=1)
        .on_conflict_do_update(
            index_elements=[
                table.c.hall_id,
                table.c.agency,
                table.c.kind,
                table.c.year,
                table.c.series,
            ],
            set_={"last": table.c.last + 1},
        )
        .returning(table.c.last)
    )
    seq = int(session.execute(statement).scalar_one())
    if seq > MAX_SEQ:
        raise DocumentNumbersExhaustedError(
            f"{agency} {kind.value} {day.year} series {series or '(hall)'} has issued "
            f"its {MAX_SEQ} numbers"
        )
    row = DocumentNumber(
        **key,
        series=series,
        seq=seq,
        number=branding.document_number(kind, day.year, seq, series),
        case_id=case_id,
        occasion=occasion,
        issued_ms=now_ms,
    )
    session.add(row)
    session.flush()
    return _value(row)


def _value(row: DocumentNumber) -> PaperNumber:
    return PaperNumber(row.number, DocumentKind(row.kind), row.year, row.series, row.seq)


@dataclass(frozen=True, slots=True)
class NumberBook:
    """One book's account for a year: what the counter says, and what the register holds."""

    agency: str
    kind: str
    year: int
    series: str
    last: int  # the counter
    registered: int  # rows of the register
    missing: tuple[int, ...]  # sequences 1..last with no paper: none, unless rows were removed
    papers: tuple[tuple[int, str, str, str], ...]  # (seq, number, case number, occasion)


def number_books(session: Session, *, year: int) -> list[NumberBook]:
    """Every book of ``year`` with its papers, for an auditor (``clerk-app print numbers``)."""
    counters = session.scalars(
        select(DocumentNumberCounter)
        .where(DocumentNumberCounter.year == year)
        .order_by(
            DocumentNumberCounter.agency,
            DocumentNumberCounter.kind,
            DocumentNumberCounter.series,
        )
    ).all()
    books = []
    for c in counters:
        rows = session.execute(
            select(DocumentNumber.seq, DocumentNumber.number, IntakeCase.case_number)
            .add_columns(DocumentNumber.occasion)
            .join(IntakeCase, IntakeCase.id == DocumentNumber.case_id)
            .where(
                DocumentNumber.hall_id == c.hall_id,
                DocumentNumber.agency == c.agency,
                DocumentNumber.kind == c.kind,
                DocumentNumber.year == c.year,
                DocumentNumber.series == c.series,
            )
            .order_by(DocumentNumber.seq)
        ).all()
        seen = {r.seq for r in rows}
        books.append(
            NumberBook(
                c.agency,
                c.kind,
                c.year,
                c.series,
                c.last,
                len(rows),
                tuple(n for n in range(1, c.last + 1) if n not in seen),
                tuple((r.seq, r.number, r.case_number, r.occasion) for r in rows),
            )
        )
    return books
