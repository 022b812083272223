"""What a call sounds like: the sentence for a speech engine, or the clips of the clip pack.

"请 A012 号到 3 号窗口办理": the ticket number is read letter by letter and digit by digit (零一二,
as halls do, so 012 is never heard as "twelve"); the window number is read as a number (十二号).
"""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ZH_DIGITS = "零一二三四五六七八九"
EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEN = "10"  # the clip for 十

# The clip pack's files (without .wav), by folder.
ZH_WORDS = ("qing", "hao", "dao", "chuangkou", "banli")
ZH_CLIPS = (*ZH_WORDS, *(str(d) for d in range(10)), TEN)
EN_CLIPS = ("number", "go_to_window", *(str(d) for d in range(10)))
LETTER_CLIPS = tuple(chr(c) for c in range(ord("A"), ord("Z") + 1))


@dataclass(frozen=True, slots=True)
class Announcement:
    number: str  # "A012"
    window: int


def window_zh(number: int) -> list[str]:
    """The clips of a window number read as a Chinese number: 3 三, 10 十, 12 十二, 20 二十."""
    if not 0 < number < 100:
        return list(str(number))  # a hall past 99 windows: digit by digit
    tens, ones = divmod(number, 10)
    parts = []
    if tens:
        parts += ([str(tens)] if tens > 1 else []) + [TEN]
    if ones or not tens:
        parts.append(str(ones))
    return parts


def _spelled(number: str) -> list[str]:
    return [ch for ch in number.upper() if ch.isalnum()]


def zh_clips(a: Announcement) -> list[str]:
    return [
        "qing",
        *_spelled(a.number),
        "hao",
        "dao",
        *window_zh(a.window),
        "hao",
        "chuangkou",
        "banli",
    ]


def en_clips(a: Announcement) -> list[str]:
    return ["number", *_spelled(a.number), "go_to_window", *list(str(a.window))]


def zh_text(a: Announcement) -> str:
    """For a speech engine: digits written out so they are read one by one."""
    spelled = "".join(ZH_DIGITS[int(ch)] if ch.isdigit() else ch for ch in _spelled(a.number))
    window = "".join("十" if p == TEN else ZH_DIGITS[int(p)] for p in window_zh(a.window))
    return f"请{spelled}号到{window}号窗口办理"


def en_text(a: Announcement) -> str:
    spelled = " ".join(EN_DIGITS[int(ch)] if ch.isdigit() else ch for ch in _spelled(a.number))
    return f"Number {spelled}, please go to window {a.window}."


def clip_file(root: Path, language: str, name: str) -> Path:
    """``root/letters/A.wav`` for letters (both languages), else ``root/<language>/<name>.wav``."""
    if name in LETTER_CLIPS:
        return root / "letters" / f"{name}.wav"
    return root / language / f"{name}.wav"


def missing_clips(root: Path, language: str) -> list[Path]:
    names = ZH_CLIPS if language == "zh" else EN_CLIPS
    files = [clip_file(root, language, n) for n in (*names, *LETTER_CLIPS)]
    return [f for f in files if not f.is_file()]


def join_wavs(parts: Sequence[Path], target: Path) -> None:
    """Concatenate WAV files of one format (the clip pack's) into ``target``."""
    if not parts:
        raise ValueError("nothing to join")
    with wave.open(str(parts[0]), "rb") as first:
        params = first.getparams()
    with wave.open(str(target), "wb") as out:
        out.setparams(params)
        for part in parts:
            with wave.open(str(part), "rb") as clip:
                same = (clip.getnchannels(), clip.getsampwidth(), clip.getframerate())
                if same != (params.nchannels, params.sampwidth, params.framerate):
                    raise ValueError(f"{part.name} is not in the clip pack's format")
                out.writeframes(clip.readframes(clip.getnframes()))
