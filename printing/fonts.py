"""The bundled fonts: registered once per process, every character checked against them.

reportlab draws a character its font lacks as a blank box, and a thermal printer prints ``?``;
on an official paper a missing character in a name is worse than no paper. So every string is
cut into runs by :meth:`Fonts.runs`: each character goes to the first font of the style's chain
that has a glyph for it (the style's own font, then the sans body font, then the Extension A
and Extension B fallbacks); a character no bundled font has raises :class:`MissingGlyph`
naming it. The fallbacks are loaded on the first character that needs them, and every font is
loaded and registered with reportlab at most once per process (:func:`fonts`).
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont


def fonts_dir() -> Path:
    """``resources/fonts`` at the repository root, found from this file."""
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


class Style(StrEnum):
    """What a piece of text is; each style starts its fallback chain at its own font."""

    SANS = "OWSans"  # body text, tables, tickets: WenQuanYi Micro Hei
    SONG = "OWSong"  # titles: AR PL SungtiL GB (GB 2312 only, so it falls back often)


FALLBACK_A = "OWFallbackA"  # Droid Sans Fallback: CJK Extension A and symbols
FALLBACK_B = "OWFallbackB"  # HanaMinB cut to CJK Extension B: rare name characters


@dataclass(frozen=True)
class FontFile:
    name: str
    file: str
    subfont: int = 0


FONT_FILES: dict[str, FontFile] = {
    Style.SANS: FontFile(Style.SANS, "wqy-microhei.ttc", 0),
    Style.SONG: FontFile(Style.SONG, "gbsn00lp.ttf"),
    FALLBACK_A: FontFile(FALLBACK_A, "DroidSansFallbackFull.ttf"),
    FALLBACK_B: FontFile(FALLBACK_B, "HanaMinB-ExtB.ttf"),
}
CHAINS: dict[Style, tuple[str, ...]] = {
    Style.SANS: (Style.SANS, FALLBACK_A, FALLBACK_B),
    Style.SONG: (Style.SONG, Style.SANS, FALLBACK_A, FALLBACK_B),
}
# Variation selectors pick a glyph variant (ideographic variation sequences in names); no
# bundled font has the variants, so the base character prints and the selector is dropped.
_IGNORED = frozenset(range(0xFE00, 0xFE10)) | frozenset(range(0xE0100, 0xE01F0))


class MissingGlyph(ValueError):  # noqa: N818 - named for what it reports
    """No bundled font has a glyph for a character: printing stops rather than print a box."""

    def __init__(self, char: str) -> None:
        self.char = char
        self.code_point = f"U+{ord(char):04X}"
        name = unicodedata.name(char, "unnamed character")
        super().__init__(
            f"no bundled font can print the character {char!r} ({self.code_point}, {name}); "
            "fix the text or add a font that has it to resources/fonts"
        )


Run = tuple[str, str]  # (font name, text)


class Fonts:
    """The bundled fonts of one process; thread-safe, each file loaded at most once."""

    def __init__(self, directory: Path | None = None) -> None:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # see _to_unicode_cmap
        self._dir = directory or fonts_dir()
        self._lock = threading.Lock()
        self._faces: dict[str, TTFont] = {}
        self.loads = 0  # how many font files this object has read (the bench checks it)

    def font(self, name: str) -> TTFont:
        face = self._faces.get(name)
        if face is not None:
            return face
        with self._lock:
            face = self._faces.get(name)
            if face is None:
                spec = FONT_FILES[name]
                path = self._dir / spec.file
                if not path.is_file():
                    raise FileNotFoundError(f"bundled font {spec.file} is missing from {self._dir}")
                face = TTFont(name, str(path), subfontIndex=spec.subfont)
                pdfmetrics.registerFont(face)
                self.loads += 1
                self._faces[name] = face
        return face

    def preload(self, *names: str) -> None:
        for name in names or tuple(FONT_FILES):
            self.font(name)

    def font_for(self, code: int, style: Style) -> str | None:
        for name in CHAINS[style]:
            if code in self.font(name).face.charToGlyph:
                return name
        return None

    def runs(self, text: str, style: Style = Style.SANS) -> list[Run]:
        """Cut ``text`` into (font, text) runs; raises :class:`MissingGlyph`."""
        primary = self.font(style).face.charToGlyph
        if all(ord(char) in primary for char in text):  # the common case, one run
            return [(style.value, text)] if text else []
        out: list[Run] = []
        current = ""
        chunk: list[str] = []
        for char in text:
            code = ord(char)
            name: str | None
            if code in primary:
                name = style.value
            elif code in _IGNORED:
                continue
            elif unicodedata.category(char) in ("Zs", "Cc"):
                name = style.value
                code = 0x20
            else:
                name = self.font_for(code, style)
                if name is None:
                    raise MissingGlyph(char)
            assert name is not None
            if name != current and chunk:
                out.append((current, "".join(chunk)))
                chunk = []
            current = name
            chunk.append(chr(code))
        if chunk:
            out.append((current, "".join(chunk)))
        return out

    def check(self, text: str, style: Style = Style.SANS) -> None:
        """Raise :class:`MissingGlyph` if some character of ``text`` cannot be printed."""
        self.runs(text, style)

    def width(self, text: str, style: Style, size: float) -> float:
        """Width of ``text`` in points; line breaking calls this for every token, so the
        characters of the style's own font are summed directly from its width table."""
        face = self.font(style).face
        cmap, widths, default = face.charToGlyph, face.charWidths, face.defaultWidth
        if len(text) == 1 and ord(text) in cmap:  # line breaking measures one at a time
            return float(widths.get(ord(text), default) * size / 1000.0)
        codes = [ord(char) for char in text]
        total = sum(widths.get(code, default) for code in codes if code in cmap)
        rest = "".join(chr(code) for code in codes if code not in cmap)
        extra = sum(pdfmetrics.stringWidth(t, n, size) for n, t in self.runs(rest, style))
        return float(total * size / 1000.0 + extra)

    def path(self, name: str) -> Path:
        return self._dir / FONT_FILES[name].file


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16BE
    surrogate pairs as the PDF reference requires (9.10.3).

    Workaround for reportlab 4-5 ``ttfonts.makeToUnicodeCMap``, which writes them as five hex
    digits (``<21243>``): viewers then copy and search a rare name as the wrong character.
    """
    entries = [
        f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


_process_fonts: Fonts | None = None
_process_lock = threading.Lock()


def fonts() -> Fonts:
    """This process's fonts (created on first use; the body and title fonts load then)."""
    global _process_fonts  # noqa: PLW0603 - one font registry per process, by design
    if _process_fonts is None:
        with _process_lock:
            if _process_fonts is None:
                made = Fonts()
                made.preload(Style.SANS, Style.SONG)
                _process_fonts = made
    return _process_fonts
