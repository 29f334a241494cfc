"""Which language an article is in; only the languages we have pipelines for are read."""

from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detect_langs

SUPPORTED = ("fr", "en")
DetectorFactory.seed = 0  # langdetect is random otherwise: the same text, the same answer

_WORD = re.compile(r"[^\W\d_]{2,}")


class UnsupportedLanguage(ValueError):
    def __init__(self, language: str):
        self.language = language
        super().__init__(f"language not supported: {language}")


class NoText(ValueError):
    def __init__(self):
        super().__init__("no text found")


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))


def detect(text: str) -> str:
    """'fr' or 'en'; NoText for a text with too few words, UnsupportedLanguage otherwise."""
    if word_count(text) < 5:
        raise NoText()
    try:
        guesses = detect_langs(text[:4000])
    except LangDetectException as exc:
        raise NoText() from exc
    for guess in guesses:
        if guess.lang in SUPPORTED and guess.prob >= 0.3:
            return guess.lang
    raise UnsupportedLanguage(guesses[0].lang)
