"""The security module's frames: byte-exact requests, replies, and a parser that resyncs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_app.devices.idcard.protocol import (
    BaseInfo,
    Command,
    FrameParser,
    ParserState,
    Reply,
    Request,
    Status,
    checksum,
)


def test_requests_are_the_bytes_the_manuals_print() -> None:
    assert Request(Command.FIND_CARD).encode().hex(" ") == "aa aa aa 96 69 00 03 20 01 22"
    assert Request(Command.SELECT_CARD).encode().hex(" ") == "aa aa aa 96 69 00 03 20 02 21"
    assert Request(Command.READ_BASE).encode().hex(" ") == "aa aa aa 96 69 00 03 30 01 32"


def test_a_read_failure_reply_is_the_one_quoted_from_a_real_reader() -> None:
    wire = bytes.fromhex("aaaaaa9669000400004145")
    assert Reply.of(Status.READ_FAILED).encode() == wire
    (found,) = FrameParser().feed(wire)
    assert found.checksum_ok
    assert Reply.decode(found.body) == Reply(0, 0, 0x41)


def test_the_checksum_covers_the_length_bytes_and_everything_after() -> None:
    wire = Reply.of(Status.SUCCESS, b"\x01\x02").encode()
    assert wire[-1] == checksum(wire[5:-1]) == 0x00 ^ 0x06 ^ 0x90 ^ 0x01 ^ 0x02


@given(
    st.sampled_from(list(Command)),
    st.binary(max_size=40),
)
def test_requests_round_trip(command: Command, data: bytes) -> None:
    (found,) = FrameParser().feed(Request(command, data).encode())
    assert found.checksum_ok
    assert Request.decode(found.body) == Request(command, data)


@given(
    st.integers(0, 255),
    st.integers(0, 255),
    st.integers(0, 255),
    st.binary(max_size=1300),
    st.integers(1, 64),
)
def test_replies_round_trip_in_any_chunks(
    sw1: int, sw2: int, sw3: int, data: bytes, size: int
) -> None:
    wire = Reply(sw1, sw2, sw3, data).encode()
    parser = FrameParser()
    frames = [f for at in range(0, len(wire), size) for f in parser.feed(wire[at : at + size])]
    assert [Reply.decode(f.body) for f in frames] == [Reply(sw1, sw2, sw3, data)]
    assert parser.state is ParserState.PREAMBLE


def test_garbage_and_a_false_preamble_are_skipped() -> None:
    good = Reply.of(Status.CARD_FOUND, bytes(4)).encode()
    false_start = bytes.fromhex("aaaaaa9669ffff")  # a preamble with an impossible length
    parser = FrameParser()
    frames = list(parser.feed(b"\x00\x13\xaa\xaa" + false_start + good[:3]))
    assert frames == []
    frames = list(parser.feed(good[3:] + b"\xaa"))
    assert [Reply.decode(f.body) for f in frames] == [Reply.of(Status.CARD_FOUND, bytes(4))]


def test_two_frames_in_one_chunk_come_out_in_order() -> None:
    wire = Reply.of(Status.CARD_FOUND).encode() + Reply.of(Status.SUCCESS).encode()
    assert [Reply.decode(f.body) for f in FrameParser().feed(wire)] == [
        Reply.of(Status.CARD_FOUND),
        Reply.of(Status.SUCCESS),
    ]


def test_a_bad_checksum_is_reported_not_hidden() -> None:
    wire = bytearray(Reply.of(Status.SUCCESS, b"abc").encode())
    wire[-2] ^= 0x01  # a bit flipped on the line
    (found,) = FrameParser().feed(bytes(wire))
    assert not found.checksum_ok


def test_statuses_are_classified_by_sw3_and_unknown_ones_keep_their_hex() -> None:
    assert Reply(0x6A, 0x82, 0x81).status is Status.SELECT_FAILED
    manual = {0x90: "SUCCESS", 0x9F: "CARD_FOUND", 0x80: "FIND_FAILED", 0x81: "SELECT_FAILED"}
    manual |= {0x41: "READ_FAILED", 0x10: "CHECKSUM_ERROR", 0x11: "LENGTH_ERROR"}
    manual |= {0x21: "UNKNOWN_COMMAND"}
    assert {sw3: Reply(0, 0, sw3).status for sw3 in manual} == {
        sw3: Status[name] for sw3, name in manual.items()
    }
    assert Reply(0, 0, 0x11).status is Status.LENGTH_ERROR
    unknown = Reply(0, 0, 0x66)
    assert unknown.status is None
    assert unknown.status_text == "00 00 66"


def test_base_info_round_trips_and_refuses_lengths_that_do_not_add_up() -> None:
    info = BaseInfo(bytes(range(256)), b"\x01" * 1024)
    assert BaseInfo.decode(info.encode()) == info
    assert info.encode()[:4] == bytes.fromhex("01000400")
    for bad in (b"\x01", info.encode()[:-1], BaseInfo(bytes(255), b"").encode()):
        with pytest.raises(ValueError, match="length"):
            BaseInfo.decode(bad)
