"""ESC/POS real-time status (DLE EOT n), decoded by the bits of the Epson command reference.

A ticket printer that answers is asked after the job's bytes: ``DLE EOT 1`` printer status,
``2`` offline cause, ``3`` error cause, ``4`` roll paper sensor, one byte each. Every answer
byte has bits 1 and 4 set and bits 0 and 7 clear (``0xx1xx10``); a byte that does not is not a
status answer. A job counts as printed only when the answers name no problem; a roll that is
nearly used up is a warning, not a problem.

Real-time commands are executed when they arrive, ahead of data still in the printer's buffer:
the answer is the printer's state once it has taken all of the job (a cover opened or the paper
run out before the end shows), not a proof that every line has left the head.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DLE, EOT = 0x10, 0x04
QUERIES = (1, 2, 3, 4)  # printer, offline cause, error cause, roll paper sensor
STATUS_QUERY = b"".join(bytes([DLE, EOT, n]) for n in QUERIES)
_FIXED_MASK, _FIXED_BITS = 0x93, 0x12  # bits 0, 1, 4, 7 must read 0, 1, 1, 0


class PrinterCondition(StrEnum):
    OFFLINE = "offline"
    COVER_OPEN = "cover_open"
    PAPER_OUT = "paper_out"
    PAPER_NEAR_END = "paper_near_end"
    FEED_BUTTON = "feed_button"  # paper being fed with the button: the printer is offline
    ERROR = "error"  # an error stopped the printer (DLE EOT 2, bit 6)
    MECHANICAL_ERROR = "mechanical_error"  # recoverable once the cause is removed
    CUTTER_ERROR = "cutter_error"
    UNRECOVERABLE_ERROR = "unrecoverable_error"
    OVERHEATED = "overheated"  # auto-recoverable (head temperature), printing waits


# What a printer may report and still have printed the job.
WARNINGS = frozenset({PrinterCondition.PAPER_NEAR_END})

# (query n, bit mask, condition): a condition holds when any bit of the mask is set.
_BITS: tuple[tuple[int, int, PrinterCondition], ...] = (
    (1, 0x08, PrinterCondition.OFFLINE),
    (1, 0x20, PrinterCondition.OFFLINE),  # waiting for online recovery
    (1, 0x40, PrinterCondition.FEED_BUTTON),
    (2, 0x04, PrinterCondition.COVER_OPEN),
    (2, 0x08, PrinterCondition.FEED_BUTTON),
    (2, 0x20, PrinterCondition.PAPER_OUT),  # printing stopped at the paper end
    (2, 0x40, PrinterCondition.ERROR),
    (3, 0x04, PrinterCondition.MECHANICAL_ERROR),
    (3, 0x08, PrinterCondition.CUTTER_ERROR),
    (3, 0x20, PrinterCondition.UNRECOVERABLE_ERROR),
    (3, 0x40, PrinterCondition.OVERHEATED),
    (4, 0x0C, PrinterCondition.PAPER_NEAR_END),
    (4, 0x60, PrinterCondition.PAPER_OUT),
)


class NotAStatus(ValueError):  # noqa: N818 - the answer's own name
    """The printer answered with bytes that are not DLE EOT status bytes."""


def is_status_byte(value: int) -> bool:
    return value & _FIXED_MASK == _FIXED_BITS


@dataclass(frozen=True)
class PrinterStatus:
    """The answers to DLE EOT 1–4, in that order, and what they say."""

    answers: bytes
    conditions: frozenset[PrinterCondition]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problems(self) -> frozenset[PrinterCondition]:
        return self.conditions - WARNINGS

    def text(self) -> str:
        """How a job records it: ``ok`` or the conditions, comma-separated and sorted."""
        return ",".join(sorted(self.conditions)) or "ok"


def decode(answers: bytes) -> PrinterStatus:
    """The four answer bytes, DLE EOT 1 to 4; raises :class:`NotAStatus`."""
    if len(answers) != len(QUERIES):
        raise NotAStatus(f"{len(answers)} status bytes, not {len(QUERIES)}")
    bad = [f"0x{b:02x}" for b in answers if not is_status_byte(b)]
    if bad:
        raise NotAStatus(f"{', '.join(bad)} is not an ESC/POS status byte")
    by_query = dict(zip(QUERIES, answers, strict=True))
    found = frozenset(cond for n, mask, cond in _BITS if by_query[n] & mask)
    return PrinterStatus(bytes(answers), found)


def conditions_of(text: str | None) -> frozenset[PrinterCondition]:
    """The conditions of a recorded status (:meth:`PrinterStatus.text`)."""
    if not text or text == "ok":
        return frozenset()
    return frozenset(PrinterCondition(part) for part in text.split(","))
