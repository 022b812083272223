"""Characters that draw nothing and that copy and paste leaves behind: dropped from every field.

The zero-width space (U+200B), non-joiner (U+200C), joiner (U+200D), the word joiner (U+2060)
and the byte-order mark (U+FEFF) come along when a number is pasted from a chat app, a web page
or a UTF-8 file that starts with a BOM. The clerk cannot see them, so no check may count them:
names, addresses, notes, ID numbers, credit codes, passport numbers and phone numbers all go
through :func:`drop_invisible` before anything else looks at them. Other format characters
(the bidirectional overrides) are not dropped but refused where text is stored
(``text_safety``), because they change what the clerk sees.
"""

from __future__ import annotations

INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_DROP = dict.fromkeys(map(ord, INVISIBLE))


def drop_invisible(text: str) -> str:
    """``text`` without the invisible characters copy and paste leaves."""
    return text.translate(_DROP)
