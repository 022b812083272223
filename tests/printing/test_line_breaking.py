"""Chinese line breaking (禁则) on the ticket and the A4 papers: no line starts with closing
punctuation or ends with opening punctuation, and no paragraph ends in a lone "号。"."""

from __future__ import annotations

import dataclasses

import pytest

from printing.escpos import EscposOptions, columns_of, ticket_escpos, wrap_columns
from printing.escpos_image import _wrap_pixels
from printing.layout import TextStyle, break_lines
from printing.render import render_pdf
from printing.render.ticket import Paper, TicketLine
from tests.printing import literals as samples
from tests.printing.helpers import parse_escpos
from tests.printing.pdfium_text import page_texts

CLOSING = set("，。、；：！？）》」』】〕〉…”’")
OPENING = set("（《「『【〔〈“‘")
NOTE = "请留意叫号，过号请到服务台重新取号。"
TEXTS = (
    NOTE,
    "你（单位）于2026年12月7日提交的“食品经营许可”申请，申请材料齐全、符合法定形式。",
    "如对本决定不服，可以自收到本决定书之日起六十日内向长春市人民政府申请行政复议。",
    "逾期未补齐容缺材料的，本机关将终止审批程序，已作出的决定不予发证。",
)


def _assert_well_broken(lines: list[str], text: str) -> None:
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if len(lines) > 1:
        core = [ch for ch in lines[-1] if ch not in CLOSING]
        assert len(core) >= 2, f"a lone tail {lines[-1]!r} in {lines}"
    for line in lines[1:]:
        assert line[:1] not in CLOSING, f"{line!r} starts with closing punctuation"
    for line in lines[:-1]:
        assert line[-1:] not in OPENING, f"{line!r} ends with opening punctuation"


def test_the_58mm_ticket_never_leaves_hao_alone_on_a_line() -> None:
    parsed = parse_escpos(ticket_escpos(samples.ticket(), EscposOptions(paper=Paper.MM58)))
    start = next(i for i, line in enumerate(parsed.lines) if line.startswith("请留意"))
    note = parsed.lines[start : start + 2]
    assert "".join(note) == NOTE
    assert "号。" not in note
    _assert_well_broken(note, NOTE)
    assert all(columns_of(line) <= 32 for line in parsed.lines)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("columns", range(8, 40))
def test_fixed_columns_keep_the_rules_and_the_width(text: str, columns: int) -> None:
    lines = wrap_columns(text, columns)
    assert all(columns_of(line) <= columns for line in lines)
    _assert_well_broken(lines, text)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width", range(60, 260, 7))
def test_a4_lines_keep_the_rules(text: str, width: int) -> None:
    ts = TextStyle(10)
    lines = break_lines(text, lambda t: ts.size * columns_of(t) / 2, width)
    _assert_well_broken(lines, text)


def test_image_mode_breaks_by_the_same_rules() -> None:
    parts = _wrap_pixels(TicketLine(NOTE, TextStyle(8.5 * 0.8)), 200)
    lines = [p.text for p in parts]
    assert len(lines) > 1
    _assert_well_broken(lines, NOTE)


def test_the_58mm_ticket_pdf_reads_back_well_broken() -> None:
    long_note = dataclasses.replace(samples.ticket(), note=NOTE * 2)
    text = page_texts(render_pdf(long_note, samples.BRANDING, paper=Paper.MM58))[0]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("请留意"))
    note = []
    for line in lines[start:]:
        note.append(line)
        if "".join(note) == NOTE * 2:
            break
    _assert_well_broken(note, NOTE * 2)
