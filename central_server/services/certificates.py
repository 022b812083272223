"""Certificate numbers, assigned by the server inside the approving transaction.

Format: ``<prefix>〔<year>〕第<nnnnnn>号`` (e.g. ``证字〔2026〕第000123号``) and the ASCII form
``CERT-<year>-<nnnnnn>``; the sequence restarts each calendar year (the server's time zone) and
widens past 999999. The counter row is bumped with one UPDATE … RETURNING, which locks it until
the approval commits, and ``central_case.certificate_no`` is UNIQUE as the backstop. A year's
row is made with INSERT … ON CONFLICT DO NOTHING, so the year's first approvals on two workers
at once both get a number instead of one failing on the duplicate row.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from central_server.models import CertificateCounter

DIGITS = 6


def next_number(session: Session, year: int) -> int:
    bumped = _bump(session, year)
    if bumped is None:  # the year's first: two workers may be here at once, one row results
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        insert = dialect.insert(CertificateCounter).values(year=year, last=0)
        session.execute(insert.on_conflict_do_nothing())
        bumped = _bump(session, year)
    assert bumped is not None
    return bumped


def _bump(session: Session, year: int) -> int | None:
    bumped = session.scalar(
        update(CertificateCounter)
        .where(CertificateCounter.year == year)
        .values(last=CertificateCounter.last + 1)
        .returning(CertificateCounter.last)
    )
    return None if bumped is None else int(bumped)


def format_number(prefix: str, year: int, number: int) -> tuple[str, str]:
    digits = f"{number:0{DIGITS}d}"
    return f"{prefix}〔{year}〕第{digits}号", f"CERT-{year}-{digits}"
