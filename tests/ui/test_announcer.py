"""The announcer: chime, then each language, repeated once; calls in order, never overlapping."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ui.voice.announcer import Announcer, Step, steps_for
from ui.voice.backends import ChimeOnlyBackend, ClipBackend, choose_backend, voice_dir
from ui.voice.phrases import (
    Announcement,
    en_clips,
    en_text,
    join_wavs,
    missing_clips,
    window_zh,
    zh_clips,
    zh_text,
)

from .fakes import FakeVoice

A012 = Announcement("A012", 3)
B007 = Announcement("B007", 12)


def test_the_sentences_read_the_number_digit_by_digit() -> None:
    assert zh_text(A012) == "请A零一二号到三号窗口办理"
    assert zh_text(B007) == "请B零零七号到十二号窗口办理"
    assert en_text(A012) == "Number A zero one two, please go to window 3."
    assert zh_clips(A012) == [
        "qing", "A", "0", "1", "2", "hao", "dao", "3", "hao", "chuangkou", "banli",
    ]  # fmt: skip
    assert en_clips(B007) == ["number", "B", "0", "0", "7", "go_to_window", "1", "2"]


@pytest.mark.parametrize(
    ("window", "clips"),
    [(1, ["1"]), (10, ["10"]), (12, ["10", "2"]), (20, ["2", "10"]), (35, ["3", "10", "5"])],
)
def test_window_numbers_are_read_as_chinese_numbers(window: int, clips: list[str]) -> None:
    assert window_zh(window) == clips


def test_steps_chime_once_then_the_sentences_twice() -> None:
    assert steps_for(("zh", "en"), english=True) == [
        Step("chime"),
        Step("say", "zh"),
        Step("say", "en"),
        Step("say", "zh"),
        Step("say", "en"),
    ]
    assert steps_for(("zh", "en"), english=False) == [Step("chime"), *[Step("say", "zh")] * 2]
    assert steps_for((), english=True) == [Step("chime")]


def test_calls_are_announced_in_order_one_at_a_time(qtbot: QtBot) -> None:
    voice = FakeVoice(("zh",))
    announcer = Announcer(voice)
    announcer.announce(A012)
    announcer.announce(B007)
    announcer.announce(B007)  # the same call queued twice is said once
    assert voice.log == ["chime"]
    assert announcer.pending() == (B007,)
    while voice.playing:
        voice.complete()
    assert voice.log == ["chime", "zh:A012@3", "zh:A012@3", "chime", "zh:B007@12", "zh:B007@12"]
    assert voice.overlaps == 0
    assert not announcer.busy


def test_a_call_made_while_speaking_waits_for_the_end(qtbot: QtBot) -> None:
    voice = FakeVoice(("zh", "en"))
    announcer = Announcer(voice)
    started: list[Announcement] = []
    announcer.started.connect(started.append)
    announcer.announce(A012)
    voice.complete()  # chime over, Chinese begins
    announcer.announce(B007)
    assert voice.log == ["chime", "zh:A012@3"]
    with qtbot.waitSignal(announcer.idle, timeout=1000):
        while voice.playing:
            voice.complete()
    assert started == [A012, B007]
    assert voice.log[5:] == ["chime", "zh:B007@12", "en:B007@12", "zh:B007@12", "en:B007@12"]
    assert voice.overlaps == 0


@pytest.mark.allow_log_warnings
def test_a_backend_that_never_finishes_does_not_silence_the_hall(qtbot: QtBot) -> None:
    voice = FakeVoice(())
    announcer = Announcer(voice, step_timeout_ms=50)
    announcer.announce(A012)
    voice.playing = False  # the device hangs: no finished signal ever comes
    with qtbot.waitSignal(announcer.done, timeout=2000) as done:
        pass
    assert done.args == [A012]


def test_the_shipped_clip_pack_is_complete_and_joins() -> None:
    root = voice_dir()
    assert missing_clips(root, "zh") == []
    assert missing_clips(root, "en") == []
    assert (root / "chime.wav").is_file()


def test_joining_clips_of_another_format_is_refused(tmp_path: Path) -> None:
    import wave  # noqa: PLC0415

    odd = tmp_path / "odd.wav"
    with wave.open(str(odd), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0\0\0")
    with pytest.raises(ValueError, match="format"):
        join_wavs([voice_dir() / "chime.wav", odd], tmp_path / "out.wav")


@pytest.mark.allow_log_warnings  # the chime alone is worth a warning in the log
def test_the_backend_falls_back_to_clips_then_to_the_chime(tmp_path: Path) -> None:
    clips = choose_backend(voice_dir(), "clips")
    assert isinstance(clips, ClipBackend)
    assert clips.languages() == ("zh", "en")
    chime = choose_backend(tmp_path, "clips")
    assert type(chime) is ChimeOnlyBackend
    assert chime.languages() == ()
