"""Certificate numbers, assigned by the server inside the approving transaction.

Format: ``<prefix>〔<year>〕第<nnnnnn>号`` (e.g. ``证字〔2026〕第000123号``) and the ASCII form
``CERT-<year>-<nnnnnn>``; the sequence restarts each calendar year (the server's time zone) and
widens past 999999. The counter row is bumped with one UPDATE … RETURNING, which locks it until
the approval commits, and ``central_case.certificate_no`` is UNIQUE as the backstop.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from central_server.models import CertificateCounter

DIGITS = 6


def next_number(session: Session, year: int) -> int:
    bumped = session.scalar(
        update(CertificateCounter)
        .where(CertificateCounter.year == year)
        .values(last=CertificateCounter.last + 1)
        .returning(CertificateCounter.last)
    )
    if bumped is not None:
        return int(bumped)
    session.add(CertificateCounter(year=year, last=1))
    session.flush()
    return 1


def format_number(prefix: str, year: int, number: int) -> tuple[str, str]:
    digits = f"{number:0{DIGITS}d}"
    return f"{prefix}〔{year}〕第{digits}号", f"CERT-{year}-{digits}"
