"""Characters no typed text may hold, and free text (notes, reasons) checked the same way.

``normalise_text`` (names, addresses) already rejects controls (Cc: NUL, escape …), format
characters (Cf: the bidirectional overrides U+202A–U+202E and isolates U+2066–U+2069 that make
``abc<U+202E>txt.exe`` show as ``abcexe.txt``, marks U+200E/U+200F, tags), surrogates and
unassigned code points, and strips the zero-width characters copy and paste leaves
(U+200B–U+200D, U+2060, U+FEFF). Letters that draw nothing (Hangul fillers, the combining
grapheme joiner, the braille blank) would let two different names look the same on screen;
they are refused too.
"""

from __future__ import annotations

import unicodedata

from clerk_app.validation.invisible import drop_invisible
from clerk_app.validation.names import BLANK_LETTERS, TextError, is_ideograph
from clerk_app.validation.problems import Invalid

_NEWLINES = frozenset("\n")


def is_unsafe(char: str, *, multiline: bool = False) -> bool:
    """Whether ``char`` may not appear in stored text (a newline only in multi-line fields)."""
    if multiline and char in _NEWLINES:
        return False
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Cs", "Zl", "Zp"):
        return True
    if category == "Cn" and not is_ideograph(char):
        return True
    return char in BLANK_LETTERS


def first_unsafe(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """(1-based position, ``U+XXXX``) of the first unsafe character, or None."""
    for position, char in enumerate(text, start=1):
        if is_unsafe(char, multiline=multiline):
            return position, f"U+{ord(char):04X}"
    return None


def clean_free_text(
    value: str, *, max_length: int, multiline: bool = False
) -> str | Invalid[TextError]:
    """A note or a reason as it may be stored: NFC, zero-width characters dropped, line ends
    made ``\\n``, spaces trimmed; controls, bidirectional overrides and private-use characters
    refused with their position."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = drop_invisible(text).strip()
    if not multiline:
        text = " ".join(text.split())
    if not text:
        return Invalid(TextError.EMPTY)
    for position, char in enumerate(text, start=1):
        if unicodedata.category(char) == "Co":
            return Invalid(
                TextError.PRIVATE_USE_CHARACTER, position=position, found=f"U+{ord(char):04X}"
            )
    problem = first_unsafe(text, multiline=multiline)
    if problem is not None:
        return Invalid(TextError.BAD_CHARACTER, position=problem[0], found=problem[1])
    if len(text) > max_length:
        return Invalid(TextError.TOO_LONG, found=str(len(text)), expected=str(max_length))
    return text
