"""Text, line breaking and tables on a reportlab canvas, every character in a covering font.

A small flow layout instead of platypus: documents here are a page or two of labelled fields
and tables, and drawing them directly keeps a receipt close to the cost of a bare page with
the same text (``make bench`` holds it to 1.5x). Chinese lines break between any two
characters, except that closing punctuation never starts a line and opening punctuation
never ends one (禁则); Latin words and numbers stay whole unless wider than the line.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.pdfgen.canvas import Canvas

from printing.fonts import Style, fonts

LEFT, CENTER, RIGHT = "left", "center", "right"
_NO_START = frozenset("，。、；：！？）》」』】〕〉…—”’,.;:!?)]}%·～")
_NO_END = frozenset("（《「『【〔〈“‘([{")
_TOKEN = re.compile(r"[A-Za-z0-9@#&_\-+=/\\.:%~'’]+|\s+|.", re.S)
LIGHT = Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class TextStyle:
    size: float = 10.5
    style: Style = Style.SANS
    bold: bool = False
    leading: float = 0.0  # 0: 1.5 x size
    color: Color = black

    @property
    def line_height(self) -> float:
        return self.leading or self.size * 1.5


def text_width(text: str, ts: TextStyle) -> float:
    return fonts().width(text, ts.style, ts.size)


def draw_line(c: Canvas, x: float, y: float, text: str, ts: TextStyle, align: str = LEFT) -> float:
    """Draw one line at baseline ``y``; returns its width (0 for plain left-aligned text,
    which needs no measuring)."""
    runs = fonts().runs(text, ts.style)
    total = 0.0
    if align != LEFT or ts.bold:
        total = sum(c.stringWidth(t, name, ts.size) for name, t in runs)
    if align == CENTER:
        x -= total / 2
    elif align == RIGHT:
        x -= total
    if ts.bold:  # fake bold: fill and stroke the outline (no bold faces are bundled)
        c.saveState()  # the text render mode outlives the text object: restore it after
        c.setStrokeColor(ts.color)
        c.setLineWidth(ts.size * 0.035)
    obj = c.beginText(x, y)
    coloured = ts.color != black  # the page's fill is black unless a caller says otherwise
    if coloured:
        obj.setFillColor(ts.color)
    if ts.bold:
        obj.setTextRenderMode(2)
    for name, chunk in runs:
        obj.setFont(name, ts.size)
        obj.textOut(chunk)
    c.drawText(obj)
    if ts.bold:
        c.restoreState()
    elif coloured:
        c.setFillColor(black)
    return total


def wrap(text: str, ts: TextStyle, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` (``\\n`` forces a break)."""
    if "\n" not in text and text_width(text, ts) <= width:
        return [text]  # most cells and lines fit as they are
    f = fonts()

    def measure(token: str) -> float:
        return f.width(token, ts.style, ts.size)

    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(break_lines(paragraph, measure, width))
    return lines


def break_lines(
    text: str, measure: Callable[[str], float], width: float, *, hang: bool = True
) -> list[str]:
    """One paragraph broken by the Chinese rules (禁则): no line starts with closing
    punctuation, none ends with opening punctuation, and the last line is never a lone
    character with its punctuation ("号。"). ``hang``: closing punctuation may hang past the
    right edge (a PDF page may; a ticket printer's fixed columns may not, so there the
    character before it moves down with it)."""
    lines = _break(text, measure, width, hang)
    if len(lines) > 1 and _short(lines[-1]):
        _lengthen_tail(lines, measure, width)
    return lines


def _break(text: str, measure: Callable[[str], float], width: float, hang: bool) -> list[str]:
    tokens = _TOKEN.findall(text)
    tokens.reverse()  # a stack: long words are pushed back as characters
    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    while tokens:
        token = tokens.pop()
        w = measure(token)
        if used + w <= width or (hang and token in _NO_START and line):
            line.append(token)
            used += w
            continue
        if w > width and len(token) > 1 and not token.isspace():
            tokens.extend(reversed(token))
            continue
        if token.isspace():
            lines.append("".join(line).rstrip())
            line, used = [], 0.0
            continue
        carry = _carry(line, token)
        lines.append("".join(line).rstrip())
        line = [*carry, token]
        used = sum(measure(t) for t in line)
    if line or not lines:
        lines.append("".join(line).rstrip())
    return lines


def _carry(line: list[str], token: str) -> list[str]:
    """The tokens that leave the end of ``line`` for the next one, which ``token`` starts:
    the character before closing punctuation goes down with it, and opening punctuation
    never ends a line. ``line`` is shortened in place; it keeps at least one token."""
    keep = len(line)
    if token in _NO_START:
        while keep > 1 and line[keep - 1] in _NO_START:
            keep -= 1
        keep = keep - 1 if keep > 1 else len(line)
    while keep > 1 and line[keep - 1] in _NO_END:
        keep -= 1
    carry = line[keep:]
    del line[keep:]
    return carry


def _short(line: str) -> bool:
    """At most one character besides punctuation: a tail that should not stand alone."""
    core = [ch for ch in line.strip() if ch not in _NO_START and ch not in _NO_END]
    return len(core) <= 1


def _lengthen_tail(lines: list[str], measure: Callable[[str], float], width: float) -> None:
    """Move the last character of the line before a short tail (with any punctuation that
    may not start a line) down to it, when both stay within the rules and the width."""
    tokens = _TOKEN.findall(lines[-2])
    moved: list[str] = []
    while tokens and tokens[-1] in _NO_START:
        moved.insert(0, tokens.pop())
    if not tokens or tokens[-1].isspace() or len(tokens[-1]) > 1:
        return  # a space or a Latin word ends the line: nothing to pull down
    moved.insert(0, tokens.pop())
    while tokens and tokens[-1] in _NO_END:
        moved.insert(0, tokens.pop())
    head = "".join(tokens).rstrip()
    tail = "".join(moved) + lines[-1]
    if _short(head) or measure(tail) > width:
        return
    lines[-2:] = [head, tail]


class DocCanvas(Canvas):
    """A canvas that draws each page's furniture at the end, when the page count is known."""

    def __init__(self, buffer: io.BytesIO, decorate: Callable[[Canvas, int, int], None], **kw: Any):
        super().__init__(buffer, **kw)
        self._saved_pages: list[dict[str, Any]] = []
        self._decorate = decorate

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's own page reset

    def save(self) -> None:
        count = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, 1):
            self.__dict__.update(state)
            self._decorate(self, number, count)
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class Cell:
    text: str
    span: int = 1
    head: bool = False  # a label cell, shaded
    align: str = LEFT


@dataclass
class Flow:
    """Top-down placement on pages between ``left``/``right`` and ``top``/``bottom``."""

    canvas: Canvas
    left: float
    right: float
    top: float
    bottom: float
    on_new_page: Callable[[Flow], None] | None = None
    y: float = field(init=False)
    pad: float = 3.0
    pages: int = 1

    def __post_init__(self) -> None:
        self.y = self.top

    @property
    def width(self) -> float:
        return self.right - self.left

    def new_page(self) -> None:
        self.canvas.showPage()
        self.pages += 1
        self.y = self.top
        if self.on_new_page is not None:
            self.on_new_page(self)

    def need(self, height: float) -> None:
        if self.y - height < self.bottom and self.y < self.top:
            self.new_page()

    def gap(self, height: float) -> None:
        self.y -= height

    def paragraph(
        self,
        text: str,
        ts: TextStyle,
        *,
        indent: float = 0.0,
        align: str = LEFT,
        keep_with_next: float = 0.0,
    ) -> None:
        """``keep_with_next``: the height of what follows (a seal block), kept on the page of
        the paragraph's last two lines."""
        lh = ts.line_height
        lines = wrap(text, ts, self.width - indent)
        kept_from = max(0, len(lines) - 2)
        for index, line in enumerate(lines):
            if keep_with_next and index == kept_from:
                self.need((len(lines) - index) * lh + keep_with_next)
            self.need(lh)
            x = {LEFT: self.left + indent, CENTER: (self.left + self.right) / 2}.get(
                align, self.right
            )
            draw_line(self.canvas, x, baseline(self.y, lh, ts.size), line, ts, align)
            self.y -= lh

    def table(
        self,
        rows: Sequence[Sequence[Cell | str]],
        widths: Sequence[float],
        ts: TextStyle,
        *,
        header: Sequence[Cell | str] | None = None,
        keep_with_next: float = 0.0,
    ) -> None:
        """A ruled table; ``widths`` are fractions of the line; the header repeats on new pages.
        ``keep_with_next``: the height of what follows, kept on the page of the last row."""
        scale = self.width / sum(widths)
        xs = [self.left]
        for w in widths:
            xs.append(xs[-1] + w * scale)
        head = self._layout_row([_head(c) for c in header], xs, ts) if header else None
        if head is not None:
            self._draw_row(*head, ts)
        for index, row in enumerate(rows):
            placed, height = self._layout_row(row, xs, ts)
            if index == len(rows) - 1:
                height_kept = height + keep_with_next
                if height_kept > self.y - self.bottom and self.y < self.top:
                    self.new_page()
                    if head is not None:
                        self._draw_row(*head, ts)
            if height > self.y - self.bottom and head is not None:
                self.new_page()
                self._draw_row(*head, ts)
            self._draw_row(placed, height, ts)

    def _layout_row(
        self, row: Sequence[Cell | str], xs: list[float], ts: TextStyle
    ) -> tuple[list[_Placed], float]:
        placed: list[_Placed] = []
        col = 0
        for item in row:
            cell = item if isinstance(item, Cell) else Cell(item)
            x0, x1 = xs[col], xs[col + cell.span]
            placed.append((cell, x0, x1, wrap(cell.text, ts, x1 - x0 - 2 * self.pad)))
            col += cell.span
        return placed, max(len(lines) for *_, lines in placed) * ts.line_height + self.pad

    def _draw_row(self, placed: list[_Placed], height: float, ts: TextStyle) -> None:
        self.need(height)
        c = self.canvas
        c.setLineWidth(0.6)
        c.setStrokeColor(black)
        lh = ts.line_height
        c.setFillColor(LIGHT)
        for cell, x0, x1, _ in placed:  # the cells first, then all text in black over them
            c.rect(x0, self.y - height, x1 - x0, height, stroke=1, fill=int(cell.head))
        c.setFillColor(black)
        for cell, x0, x1, lines in placed:
            top = self.y - self.pad / 2
            for line in lines:
                x = {LEFT: x0 + self.pad, CENTER: (x0 + x1) / 2}.get(cell.align, x1 - self.pad)
                draw_line(c, x, baseline(top, lh, ts.size), line, ts, cell.align)
                top -= lh
        self.y -= height


_Placed = tuple[Cell, float, float, list[str]]


def _head(cell: Cell | str) -> Cell:
    text = cell.text if isinstance(cell, Cell) else cell
    return Cell(text, getattr(cell, "span", 1), head=True, align=CENTER)


def baseline(top: float, line_height: float, size: float) -> float:
    """The baseline that centres a CJK em box in a line box whose top is ``top``."""
    return top - line_height / 2 - 0.36 * size
