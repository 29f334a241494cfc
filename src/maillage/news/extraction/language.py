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


# The commonest words of each language read: most articles are told apart by them alone, at
# a fraction of langdetect's cost (pure Python, about 1,500 words/s); langdetect decides the rest
# and names the language we do not read.
_COMMON = {
    "fr": {
        "le",
        "la",
        "les",
        "des",
        "du",
        "de",
        "et",
        "un",
        "une",
        "est",
        "dans",
        "pour",
        "sur",
        "au",
        "aux",
        "avec",
        "par",
        "qui",
        "ont",
        "été",
        "leur",
        "ses",
        "ce",
    },
    "en": {
        "the",
        "and",
        "of",
        "to",
        "in",
        "is",
        "for",
        "on",
        "with",
        "by",
        "was",
        "has",
        "have",
        "from",
        "their",
        "its",
        "this",
        "that",
        "will",
        "at",
        "an",
        "are",
    },
}


def _by_common_words(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text[:3000])]
    if len(words) < 20:
        return ""
    share = {lang: sum(w in common for w in words) / len(words) for lang, common in _COMMON.items()}
    best = max(share, key=share.get)
    other = min(share.values())
    return best if share[best] >= 0.2 and share[best] >= 3 * other else ""


def detect(text: str) -> str:
    """'fr' or 'en'; NoText for a text with too few words, UnsupportedLanguage otherwise."""
    if word_count(text) < 5:
        raise NoText()
    if found := _by_common_words(text):
        return found
    try:
        guesses = detect_langs(text[:4000])
    except LangDetectException as exc:
        raise NoText() from exc
    for guess in guesses:
        if guess.lang in SUPPORTED and guess.prob >= 0.3:
            return guess.lang
    raise UnsupportedLanguage(guesses[0].lang)
