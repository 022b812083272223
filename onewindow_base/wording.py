"""Text the core owns in both languages: what a paper prints and what the screen shows.

Most core codes are turned into words by ``ui/`` through Qt's catalogues (STYLE rule 6). A few
texts must also reach papers, which are rendered without Qt and are official, so Chinese only:
those are defined here once, in Chinese and English, and both the UI (in its language) and the
papers (always Chinese) read them from here. A text is a ``str.format`` template. The
central server's command line speaks in the same two languages (:func:`console_language`).
"""

from __future__ import annotations

import datetime as dt
import enum
import locale
import os
import string
from collections.abc import Mapping
from dataclasses import dataclass


class Language(enum.StrEnum):
    ZH_CN = "zh_CN"
    EN = "en"


# The language of every official paper the counter hands out.
PAPER_LANGUAGE = Language.ZH_CN
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def console_language(configured: str | None, env: Mapping[str, str] | None = None) -> Language:
    """The command line's language: ``ui.language`` when set, else the system locale's
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``; Windows sets none of them: its user locale)."""
    if configured in (Language.ZH_CN.value, Language.EN.value):
        return Language(configured)
    env = os.environ if env is None else env
    name = next((env[v] for v in _LOCALE_VARIABLES if env.get(v)), None)
    if name is None:
        name = locale.getlocale()[0] or ""
    return Language.ZH_CN if name.lower().startswith(("zh", "chinese")) else Language.EN


@dataclass(frozen=True, slots=True)
class Wording:
    """One message: the Chinese and the English template, with the same placeholders."""

    zh: str
    en: str

    def __post_init__(self) -> None:
        if not self.zh.strip() or not self.en.strip():
            raise ValueError(f"a message needs both languages: {self!r}")
        if placeholders(self.zh) != placeholders(self.en):
            raise ValueError(f"the two languages name different placeholders: {self!r}")

    def template(self, language: Language) -> str:
        return self.zh if language is Language.ZH_CN else self.en


def placeholders(template: str) -> frozenset[str]:
    return frozenset(f[1] for f in string.Formatter().parse(template) if f[1])


def date_text(day: dt.date | None, language: Language) -> str:
    """2026年11月26日 on Chinese text, 2026-11-26 on English."""
    if day is None:
        return ""
    if language is Language.ZH_CN:
        return f"{day.year}年{day.month}月{day.day}日"
    return day.isoformat()
