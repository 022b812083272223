"""Regenerate the clip pack in ``resources/voice/`` (needs Debian's ``espeak-ng``).

Chinese words are synthesised from tone-numbered pinyin with espeak-ng's ``cmn-latn-pinyin``
voice (its ``cmn`` voice reads tone numbers aloud, see docs/hardware.md); English words and the
letters with its ``en`` voice; the chime is two synthesised sine tones. Everything is written
as 22,050 Hz mono 16-bit WAV, the format the display joins clips in. A hall replaces any file
with its own recording in the same format.

    python tools/make_voice_clips.py [TARGET_DIR]
"""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import sys
import wave
from pathlib import Path

RATE = 22_050
ZH_PINYIN = {
    "qing": "qing3",
    "hao": "hao4",
    "dao": "dao4",
    "chuangkou": "chuang1 kou3",
    "banli": "ban4 li3",
    "0": "ling2",
    "1": "yi1",
    "2": "er4",
    "3": "san1",
    "4": "si4",
    "5": "wu3",
    "6": "liu4",
    "7": "qi1",
    "8": "ba1",
    "9": "jiu3",
    "10": "shi2",
}
EN_WORDS = {
    "number": "number",
    "go_to_window": "please go to window",
    **{
        str(d): w
        for d, w in enumerate(
            ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
        )
    },
}


def speak(voice: str, text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    espeak = shutil.which("espeak-ng") or "espeak-ng"
    subprocess.run(  # noqa: S603 - our own fixed arguments
        [espeak, "-v", voice, "-s", "150", "-w", str(target), text],
        check=True,
        stderr=subprocess.DEVNULL,  # espeak-ng complains when the machine has no sound card
    )
    trim(target)


def trim(path: Path, threshold: int = 300, pad_s: float = 0.04) -> None:
    """Cut leading and trailing silence (keeping a short pad) so joined clips flow."""
    with wave.open(str(path), "rb") as clip:
        params = clip.getparams()
        data = clip.readframes(clip.getnframes())
    samples = struct.unpack(f"<{len(data) // 2}h", data)
    loud = [i for i, v in enumerate(samples) if abs(v) > threshold]
    if not loud:
        return
    pad = int(params.framerate * pad_s)
    start, end = max(0, loud[0] - pad), min(len(samples), loud[-1] + pad)
    with wave.open(str(path), "wb") as out:
        out.setparams(params)
        out.writeframes(struct.pack(f"<{end - start}h", *samples[start:end]))


def chime(target: Path) -> None:
    """Ding-dong: 880 Hz then 660 Hz, each 0.45 s with a soft decay."""
    frames = bytearray()
    for freq in (880.0, 660.0):
        n = int(RATE * 0.45)
        for i in range(n):
            envelope = math.exp(-4.0 * i / n)
            value = 0.5 * envelope * math.sin(2 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


def main() -> int:
    root = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).parent.parent / "resources" / "voice"
    )
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install espeak-ng)", file=sys.stderr)
        return 1
    for name, pinyin in ZH_PINYIN.items():
        speak("cmn-latn-pinyin", pinyin, root / "zh" / f"{name}.wav")
    for name, words in EN_WORDS.items():
        speak("en", words, root / "en" / f"{name}.wav")
    for code in range(ord("A"), ord("Z") + 1):
        speak("en", chr(code), root / "letters" / f"{chr(code)}.wav")
    chime(root / "chime.wav")
    print(f"clip pack written to {root}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
