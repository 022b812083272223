"""A handwritten signature as a signature pad hands it over (no Qt here).

The pad (``ui.signature.pad``) records each stroke as its samples (position in the pad's
logical pixels, pen pressure 0–1, milliseconds since the first sample) and exports the ink as
a PNG. The strokes are kept with the PNG: they are what the applicant's hand did, the PNG is
what the paper shows. Both are personal data (biometric, in the strokes' timing and pressure):
they are stored sealed in the blob store and only their SHA-256 reaches the audit trail.

A pad with nothing on it, or with a dot or a tick, is not a signature: :func:`ink_problem` says
so, and both the pad and the core refuse it.
"""

from __future__ import annotations

import enum
import hashlib
import itertools
import json
import math
from dataclasses import dataclass, field

# A signature's ink runs at least this far (pad logical pixels, ~1/96 inch: about 13 mm) and
# spans at least this much one way; a dot, a tap or a short tick does not.
MIN_INK_LENGTH = 50.0
MIN_INK_SPAN = 20.0
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STROKES_FORMAT = 1


@dataclass(frozen=True, slots=True)
class InkPoint:
    x: float
    y: float
    pressure: float  # 0–1; a mouse gives a constant
    t_ms: int  # since the signature's first sample


Stroke = tuple[InkPoint, ...]


class InkProblem(enum.StrEnum):
    EMPTY = "empty"  # nothing drawn
    TOO_LITTLE = "too_little"  # a dot, a tap or a tick: not a signature
    NOT_PNG = "not_png"  # the image is not a PNG (a programming error upstream)


def ink_length(strokes: tuple[Stroke, ...]) -> float:
    return sum(
        math.dist((a.x, a.y), (b.x, b.y))
        for stroke in strokes
        for a, b in itertools.pairwise(stroke)
    )


def ink_problem(strokes: tuple[Stroke, ...]) -> InkProblem | None:
    """Why these strokes are not a signature, or None when they may be one."""
    points = [p for stroke in strokes for p in stroke]
    if not points:
        return InkProblem.EMPTY
    span = max(
        max(p.x for p in points) - min(p.x for p in points),
        max(p.y for p in points) - min(p.y for p in points),
    )
    if ink_length(strokes) < MIN_INK_LENGTH or span < MIN_INK_SPAN:
        return InkProblem.TOO_LITTLE
    return None


@dataclass(frozen=True, slots=True)
class SignatureInk:
    """What a pad exports: the PNG (transparent, cropped to the ink) and the strokes."""

    png: bytes = field(repr=False)
    strokes: tuple[Stroke, ...] = field(repr=False)
    pad_size: tuple[int, int]  # the pad's logical size when signed (the strokes' frame)
    image_size: tuple[int, int]  # the PNG's pixels

    def problem(self) -> InkProblem | None:
        found = ink_problem(self.strokes)
        if found is None and not self.png.startswith(PNG_MAGIC):
            return InkProblem.NOT_PNG
        return found

    def strokes_json(self) -> bytes:
        """The strokes as canonical JSON (sorted keys, no spaces, two decimals), so equal ink
        always gives the same bytes and the same hash."""
        record = {
            "format": STROKES_FORMAT,
            "pad": list(self.pad_size),
            "strokes": [
                [[round(p.x, 2), round(p.y, 2), round(p.pressure, 3), p.t_ms] for p in stroke]
                for stroke in self.strokes
            ],
        }
        return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()

    @property
    def png_sha256(self) -> str:
        return hashlib.sha256(self.png).hexdigest()

    @property
    def strokes_sha256(self) -> str:
        return hashlib.sha256(self.strokes_json()).hexdigest()


def strokes_from_json(data: bytes) -> tuple[Stroke, ...]:
    """The strokes of :meth:`SignatureInk.strokes_json` read back."""
    record = json.loads(data)
    if record.get("format") != STROKES_FORMAT:
        raise ValueError(f"unknown strokes format {record.get('format')!r}")
    return tuple(
        tuple(InkPoint(float(x), float(y), float(p), int(t)) for x, y, p, t in stroke)
        for stroke in record["strokes"]
    )
