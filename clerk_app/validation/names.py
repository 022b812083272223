"""Names and addresses as typed: NFKC-normalised without losing a single rare character.

NFKC folds what input methods and copied PDFs get wrong (full-width Latin, the ideographic
space, Kangxi radicals such as ⼀ for 一, half-width katakana dots). It leaves CJK Extension B
and later characters (𠮷 U+20BB7, 𡉃 U+21243) alone. What it would damage are the CJK
*compatibility* ideographs (U+F900–FAFF, U+2F800–2FA1F): each has a canonical singleton
decomposition, so even NFC replaces it with its unified twin, a different code point from the
one the ID system holds for that person. Those are kept exactly as typed. Lengths are code
points (a Python ``str`` already counts them; so do PostgreSQL ``varchar(n)`` and SQLite).
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

from clerk_app.validation.invisible import drop_invisible
from clerk_app.validation.problems import Invalid, ProblemCode

# Dots people type between the parts of a transliterated name; the standard one is U+00B7.
NAME_DOTS = frozenset("\u30fb\u2022\u2027\u2219\u22c5\u00b7")
MIDDLE_DOT = "\u00b7"
# Letters that draw nothing (Hangul fillers, the grapheme joiner, the braille blank).
BLANK_LETTERS = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")


class TextKind(enum.StrEnum):
    PERSON_NAME = "person_name"
    ORGANISATION_NAME = "organisation_name"
    ADDRESS = "address"


MAX_LENGTH = {TextKind.PERSON_NAME: 64, TextKind.ORGANISATION_NAME: 200, TextKind.ADDRESS: 200}


class TextError(ProblemCode):
    EMPTY = "text_empty"
    TOO_LONG = "text_too_long"
    BAD_CHARACTER = "text_bad_character"
    PRIVATE_USE_CHARACTER = "text_private_use_character"
    DIGIT_IN_NAME = "text_digit_in_name"

    @property
    def template(self) -> str:
        return _TEXT_TEXT[self]


_TEXT_TEXT = {
    TextError.EMPTY: "nothing given",
    TextError.TOO_LONG: "{found} characters, at most {expected} allowed",
    TextError.BAD_CHARACTER: "character {position} ({found}) is a control or unassigned code",
    TextError.PRIVATE_USE_CHARACTER: (
        "character {position} ({found}) is a private-use code from an old input method that "
        "other systems cannot read; enter the standard Unicode character instead"
    ),
    TextError.DIGIT_IN_NAME: "character {position} is the digit {found}: a name has no digits",
}


@dataclass(frozen=True, slots=True)
class NormalisedText:
    value: str
    kind: TextKind

    @property
    def length(self) -> int:
        """In code points, the unit the database limits and the domain rules count."""
        return len(self.value)

    @property
    def rare_characters(self) -> tuple[str, ...]:
        """Characters common fonts may lack, each with its variation selector if it has one:
        printing checks these before it prints."""
        found: list[str] = []
        for i, char in enumerate(self.value):
            if is_variation_selector(char):
                continue
            following = self.value[i + 1 : i + 2]
            selector = following if following and is_variation_selector(following) else ""
            if selector or is_rare(char):
                found.append(char + selector)
        return tuple(dict.fromkeys(found))


def is_ideograph(char: str) -> bool:
    """Unified or compatibility ideograph, including code points newer than this Python's
    Unicode tables (planes 2 and 3 are all ideographs), and 〇 used in names."""
    cp = ord(char)
    return (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or cp == 0x3007
    )


def is_variation_selector(char: str) -> bool:
    cp = ord(char)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def is_compatibility_ideograph(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK COMPATIBILITY IDEOGRAPH")


def is_rare(char: str) -> bool:
    cp = ord(char)
    return cp > 0xFFFF or 0x3400 <= cp <= 0x4DBF or is_compatibility_ideograph(char)


def nfkc_keeping_compatibility_ideographs(text: str) -> str:
    """NFKC applied around, never to, the CJK compatibility ideographs."""
    out: list[str] = []
    run: list[str] = []
    for char in text:
        if is_compatibility_ideograph(char) and unicodedata.decomposition(char):
            out.append(unicodedata.normalize("NFKC", "".join(run)))
            out.append(char)
            run = []
        else:
            run.append(char)
    out.append(unicodedata.normalize("NFKC", "".join(run)))
    return "".join(out)


def _tidy(text: str, kind: TextKind) -> str:
    """One space between words, none between ideographs; the standard dot in names."""
    words = drop_invisible(text).split()
    joined = words[0] if words else ""
    for word in words[1:]:
        glue = "" if is_ideograph(joined[-1]) and is_ideograph(word[0]) else " "
        joined += glue + word
    if kind is not TextKind.PERSON_NAME:
        return joined
    chars = list(joined)
    for i, char in enumerate(chars):
        between_ideographs = 0 < i < len(chars) - 1 and is_ideograph(chars[i - 1])
        between_ideographs = between_ideographs and is_ideograph(chars[i + 1])
        if char in NAME_DOTS or (char in ".．" and between_ideographs):
            chars[i] = MIDDLE_DOT
    return "".join(chars)


def _character_problem(text: str, kind: TextKind) -> Invalid[TextError] | None:
    for position, char in enumerate(text, start=1):
        category = unicodedata.category(char)
        code = f"U+{ord(char):04X}"
        if category == "Co":
            return Invalid(TextError.PRIVATE_USE_CHARACTER, position=position, found=code)
        if category in ("Cc", "Cs", "Cf") or (category == "Cn" and not is_ideograph(char)):
            return Invalid(TextError.BAD_CHARACTER, position=position, found=code)
        if char in BLANK_LETTERS:  # draws nothing: two names would look the same
            return Invalid(TextError.BAD_CHARACTER, position=position, found=code)
        if kind is TextKind.PERSON_NAME and char.isascii() and char.isdigit():
            return Invalid(TextError.DIGIT_IN_NAME, position=position, found=char)
    return None


def normalise_text(value: str, kind: TextKind) -> NormalisedText | Invalid[TextError]:
    text = _tidy(nfkc_keeping_compatibility_ideographs(value), kind)
    if not text:
        return Invalid(TextError.EMPTY)
    problem = _character_problem(text, kind)
    if problem is not None:
        return problem
    limit = MAX_LENGTH[kind]
    if len(text) > limit:
        return Invalid(TextError.TOO_LONG, found=str(len(text)), expected=str(limit))
    return NormalisedText(text, kind)


def normalise_person_name(value: str) -> NormalisedText | Invalid[TextError]:
    return normalise_text(value, TextKind.PERSON_NAME)
