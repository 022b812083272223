"""Pinyin of item names for search: full syllables and initials, lowercase, no tones.

``营业执照`` → ``ying ye zhi zhao`` (syllables spaced, so a search can insist that a match
starts on a syllable) and ``yyzz``; letters and digits in a name are kept as they are
(lowercased) in both, punctuation is dropped, ü is written ``v`` as on a keyboard.
Computed once per item version at import (pypinyin needs ~50 µs a name), never per keystroke.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_MARK = "\x00"  # prefixes the chunks pypinyin could not romanise (not Chinese)


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII) and lowercase."""
    return unicodedata.normalize("NFKC", text).lower()


def _keep(chunk: str) -> str:
    return "".join(ch for ch in chunk if ch.isalnum() and ch.isascii())


def _mark(chunk: str) -> str:
    return _MARK + chunk


@lru_cache(maxsize=4096)
def romanise(text: str) -> tuple[str, str]:
    """(full pinyin with syllables separated by spaces, initials) of ``text``."""
    # Imported here: pypinyin loads its phrase dictionary on import (~0.2 s of every start).
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415

    text = normalise(text)
    full = lazy_pinyin(text, style=Style.NORMAL, errors=_mark)
    first = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=_mark)
    full_out: list[str] = []
    initials_out: list[str] = []
    for syllable, initial in zip(full, first, strict=True):
        if syllable.startswith(_MARK):
            kept = _keep(syllable[1:])
            full_out.append(kept)
            initials_out.append(kept)
        else:
            full_out.append(_keep(syllable))
            initials_out.append(_keep(initial))
    return " ".join(s for s in full_out if s), "".join(initials_out)


def syllable_starts(spaced: str) -> tuple[str, frozenset[int]]:
    """The pinyin without spaces, and the offsets in it where a syllable starts."""
    starts: set[int] = set()
    offset = 0
    for syllable in spaced.split():
        starts.add(offset)
        offset += len(syllable)
    return spaced.replace(" ", ""), frozenset(starts)
