"""DLE EOT answers decoded bit by bit as the Epson ESC/POS reference defines them."""

from __future__ import annotations

import pytest

from printing.escpos_status import (
    STATUS_QUERY,
    NotAStatus,
    PrinterCondition,
    conditions_of,
    decode,
    is_status_byte,
)

C = PrinterCondition
IDLE = 0x12  # fixed bits only: bit 1 and bit 4 set


def test_the_query_is_dle_eot_1_to_4() -> None:
    assert bytes.fromhex("100401 100402 100403 100404") == STATUS_QUERY


def test_an_idle_printer_with_paper_is_ok() -> None:
    status = decode(bytes([IDLE, IDLE, IDLE, IDLE]))
    assert status.ok and status.conditions == frozenset() and status.text() == "ok"
    # Bit 2 of DLE EOT 1 is the drawer kick-out connector: no condition of the printer.
    assert decode(bytes([IDLE | 0x04, IDLE, IDLE, IDLE])).ok


@pytest.mark.parametrize(
    ("n", "bit", "condition"),
    [
        (1, 3, C.OFFLINE),
        (1, 5, C.OFFLINE),  # waiting for online recovery
        (1, 6, C.FEED_BUTTON),
        (2, 2, C.COVER_OPEN),
        (2, 3, C.FEED_BUTTON),
        (2, 5, C.PAPER_OUT),  # printing stopped at the paper end
        (2, 6, C.ERROR),
        (3, 2, C.MECHANICAL_ERROR),
        (3, 3, C.CUTTER_ERROR),
        (3, 5, C.UNRECOVERABLE_ERROR),
        (3, 6, C.OVERHEATED),
        (4, 2, C.PAPER_NEAR_END),
        (4, 3, C.PAPER_NEAR_END),
        (4, 5, C.PAPER_OUT),
        (4, 6, C.PAPER_OUT),
    ],
)
def test_each_bit_names_its_condition(n: int, bit: int, condition: PrinterCondition) -> None:
    answers = [IDLE] * 4
    answers[n - 1] |= 1 << bit
    status = decode(bytes(answers))
    assert status.conditions == {condition}
    assert status.ok is (condition is C.PAPER_NEAR_END)
    assert conditions_of(status.text()) == {condition}


def test_a_printer_out_of_paper_with_the_cover_open() -> None:
    status = decode(bytes([0x1E, 0x36, 0x12, 0x7E]))
    assert status.conditions == {C.OFFLINE, C.COVER_OPEN, C.PAPER_OUT, C.PAPER_NEAR_END}
    assert status.problems == {C.OFFLINE, C.COVER_OPEN, C.PAPER_OUT}
    assert status.text() == "cover_open,offline,paper_near_end,paper_out"


@pytest.mark.parametrize("value", [0x00, 0x13, 0x02, 0x10, 0x92, 0xFF, 0x41])
def test_a_byte_without_the_fixed_bits_is_not_a_status(value: int) -> None:
    assert not is_status_byte(value)
    with pytest.raises(NotAStatus, match=f"0x{value:02x}"):
        decode(bytes([IDLE, IDLE, value, IDLE]))


def test_the_answers_must_be_four() -> None:
    with pytest.raises(NotAStatus, match="3 status bytes"):
        decode(bytes([IDLE] * 3))
